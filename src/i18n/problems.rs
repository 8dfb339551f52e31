//! What a field's rule says, in the viewer's language.

use super::Lang;
use orgdesk_model::bv_rules::BvProblem;
use orgdesk_model::validate::Problem;

/// A message on one field: a rule the browser checked, or the server's words.
///
/// Each platform turns its own rules' problems into one ([`ob_problem`],
/// [`bv_problem`]), so a console links only its own platform's rule texts.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldMessage {
    /// A rule whose words take no value.
    Rule(RuleText),
    /// Longer than the rule allows.
    TooLong(usize),
    /// A VAT number not in its country's format; `example` is one that is.
    VatForeign(&'static str),
    /// A message of the app's own string table.
    Key(super::T),
    Server(String),
}

impl FieldMessage {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FieldMessage::Rule(r) => r.text(lang).to_string(),
            FieldMessage::TooLong(max) => too_long(lang, *max),
            FieldMessage::VatForeign(example) => vat_foreign(lang, example),
            FieldMessage::Key(t) => t.text(lang).to_string(),
            FieldMessage::Server(s) => s.clone(),
        }
    }
}

orgdesk_model::texts! {
    /// What a rule says, for the rules whose words take no value.
    pub enum RuleText {
        Required => "This field is required.", "Questo campo è obbligatorio.";
        EmailFormat => "Enter an e-mail address in the format name@example.com.", "Inserisci un indirizzo e-mail nel formato nome@esempio.it.";
        NotAChoice => "Choose one of the listed values.", "Scegli uno dei valori dell'elenco.";
        UrlFormat => "Enter a full web address starting with https:// or http://.", "Inserisci un indirizzo web completo che inizi con https:// o http://.";
        CountryCode => "Choose a country from the list.", "Scegli un paese dall'elenco.";
        PostcodeItalian => "Italian postcodes are 5 digits, like 00184.", "Il CAP italiano è di 5 cifre, come 00184.";
        MobileFormat => "Enter the number in international format: + and the country code, like +39 347 123 4567.", "Inserisci il numero in formato internazionale: + e il prefisso del paese, come +39 347 123 4567.";
        VatItalian => "Enter an Italian VAT number: 11 digits, with or without IT in front.", "Inserisci una partita IVA italiana: 11 cifre, con o senza IT davanti.";
        VatCheckDigit => "This VAT number's check digit is wrong: look for a mistyped digit.", "La cifra di controllo di questa partita IVA non torna: controlla di aver digitato bene.";
        FiscalCodeFormat => "Enter 16 letters and digits (a person's code) or 11 digits (an organization's).", "Inserisci 16 lettere e cifre (codice di una persona) o 11 cifre (codice di un ente).";
        FiscalCodeCheck => "This fiscal code's check character is wrong: look for a typo.", "Il carattere di controllo di questo codice fiscale non torna: controlla di aver digitato bene.";
        SdiPrivate => "Private organizations use a 7-character SDI code, or 0000000 with a PEC.", "Le organizzazioni private usano un codice SDI di 7 caratteri, oppure 0000000 con una PEC.";
        SdiPublic => "Public administrations use their 6-character office code (codice univoco ufficio).", "La pubblica amministrazione usa il codice univoco ufficio di 6 caratteri.";
        SdiZerosNeedPec => "0000000 needs a PEC address below, where invoices will be delivered.", "0000000 richiede un indirizzo PEC qui sotto, dove arriveranno le fatture.";
        PecNeeded => "Enter a PEC address: it is required when the SDI code is 0000000.", "Inserisci un indirizzo PEC: è obbligatorio quando il codice SDI è 0000000.";

        SiteLimitRange => "Enter a whole number from 0 to 50.", "Inserisci un numero intero da 0 a 50.";
        NotForPlan => "This setting does not belong to the organization's plan.", "Questa impostazione non appartiene al piano dell'organizzazione.";
        NotBusiness => "Only business organizations have business settings.", "Solo le organizzazioni business hanno impostazioni business.";
        MonthsRange => "Enter a whole number of months from 0 to 120.", "Inserisci un numero intero di mesi da 0 a 120.";
        DaysRange => "Enter a whole number of days from 0 to 3650.", "Inserisci un numero intero di giorni da 0 a 3650.";
        StartRequired => "Enter the contract start: the length counts from it.", "Inserisci l'inizio del contratto: la durata parte da lì.";
        DateFormat => "Enter a date like 01/02/2026.", "Inserisci una data come 01/02/2026.";
        WrongType => "This value has the wrong type.", "Questo valore è del tipo sbagliato.";
        UnknownField => "This field cannot be changed.", "Questo campo non si può modificare.";
    }
}

orgdesk_model::messages! {
    fn too_long(max: usize) => "Use at most {max} characters.", "Usa al massimo {max} caratteri.";
    fn vat_foreign(example: &str) => "Enter the VAT number in the address country's format, like {example}.", "Inserisci la partita IVA nel formato del paese dell'indirizzo, come {example}.";
}

/// An Open Badge rule's problem as a message.
pub fn ob_problem(problem: Problem) -> FieldMessage {
    FieldMessage::Rule(match problem {
        Problem::TooLong(max) => return FieldMessage::TooLong(max),
        Problem::VatForeign { example } => return FieldMessage::VatForeign(example),
        Problem::Required => RuleText::Required,
        Problem::EmailFormat => RuleText::EmailFormat,
        Problem::NotAChoice => RuleText::NotAChoice,
        Problem::UrlFormat => RuleText::UrlFormat,
        Problem::CountryCode => RuleText::CountryCode,
        Problem::PostcodeItalian => RuleText::PostcodeItalian,
        Problem::MobileFormat => RuleText::MobileFormat,
        Problem::VatItalian => RuleText::VatItalian,
        Problem::VatCheckDigit => RuleText::VatCheckDigit,
        Problem::FiscalCodeFormat => RuleText::FiscalCodeFormat,
        Problem::FiscalCodeCheck => RuleText::FiscalCodeCheck,
        Problem::SdiPrivate => RuleText::SdiPrivate,
        Problem::SdiPublic => RuleText::SdiPublic,
        Problem::SdiZerosNeedPec => RuleText::SdiZerosNeedPec,
        Problem::PecNeeded => RuleText::PecNeeded,
    })
}

/// Human words for the google.rpc ErrorInfo reasons the organization service sends.
pub fn rpc_reason_text(reason: &str, lang: Lang) -> Option<&'static str> {
    use super::T;
    let key = match reason {
        "ERROR_REASON_NOT_FOUND" => T::ErrNotFound,
        "ERROR_REASON_UNAUTHENTICATED" | "ERROR_REASON_INVALID_CREDENTIALS" => T::SessionEnded,
        "ERROR_REASON_PERMISSION_DENIED" => T::ErrForbidden,
        "ERROR_REASON_INVALID_ARGUMENT" => T::ErrInvalid,
        "ERROR_REASON_INTERNAL" => T::ErrServer,
        "ERROR_REASON_NOT_BUSINESS" => T::ErrNotBusiness,
        "ERROR_REASON_PLAN_MISMATCH" => T::ErrPlanMismatch,
        _ => return None,
    };
    Some(key.text(lang))
}

/// A BlendVision business-setting or contract rule's problem as a message.
pub fn bv_problem(problem: BvProblem) -> FieldMessage {
    FieldMessage::Rule(match problem {
        // The same words as the Open Badge rules where the rule is the same.
        BvProblem::TooLong(max) => return FieldMessage::TooLong(max),
        BvProblem::Required => RuleText::Required,
        BvProblem::UrlFormat => RuleText::UrlFormat,
        BvProblem::SiteLimitRange => RuleText::SiteLimitRange,
        BvProblem::NotForPlan => RuleText::NotForPlan,
        BvProblem::NotBusiness => RuleText::NotBusiness,
        BvProblem::MonthsRange => RuleText::MonthsRange,
        BvProblem::DaysRange => RuleText::DaysRange,
        BvProblem::StartRequired => RuleText::StartRequired,
        BvProblem::DateFormat => RuleText::DateFormat,
        BvProblem::WrongType => RuleText::WrongType,
        BvProblem::UnknownField => RuleText::UnknownField,
    })
}
