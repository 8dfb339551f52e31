//! What a field's rule says, in the viewer's language.

use super::Lang;
use orgdesk_model::validate::Problem;

/// A message on one field: a rule the browser checked, or the server's words.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldMessage {
    Rule(Problem),
    /// A message of the app's own string table.
    Key(super::T),
    /// A BlendVision business-setting or contract rule.
    Bv(orgdesk_model::bv_rules::BvProblem),
    Server(String),
}

impl FieldMessage {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FieldMessage::Rule(p) => problem_text(*p, lang),
            FieldMessage::Key(t) => t.text(lang).to_string(),
            FieldMessage::Bv(p) => bv_problem_text(*p, lang),
            FieldMessage::Server(s) => s.clone(),
        }
    }
}

pub fn problem_text(problem: Problem, lang: Lang) -> String {
    let it = lang == Lang::It;
    let s = |en: &str, itx: &str| if it { itx.to_string() } else { en.to_string() };
    match problem {
        Problem::Required => s("This field is required.", "Questo campo è obbligatorio."),
        Problem::EmailFormat => s(
            "Enter an e-mail address in the format name@example.com.",
            "Inserisci un indirizzo e-mail nel formato nome@esempio.it.",
        ),
        Problem::TooLong(n) => {
            if it {
                format!("Usa al massimo {n} caratteri.")
            } else {
                format!("Use at most {n} characters.")
            }
        }
        Problem::NotAChoice => s("Choose one of the listed values.", "Scegli uno dei valori dell'elenco."),
        Problem::UrlFormat => s(
            "Enter a full web address starting with https:// or http://.",
            "Inserisci un indirizzo web completo che inizi con https:// o http://.",
        ),
        Problem::CountryCode => s("Choose a country from the list.", "Scegli un paese dall'elenco."),
        Problem::PostcodeItalian => s("Italian postcodes are 5 digits, like 00184.", "Il CAP italiano è di 5 cifre, come 00184."),
        Problem::MobileFormat => s(
            "Enter the number in international format: + and the country code, like +39 347 123 4567.",
            "Inserisci il numero in formato internazionale: + e il prefisso del paese, come +39 347 123 4567.",
        ),
        Problem::VatItalian => s(
            "Enter an Italian VAT number: 11 digits, with or without IT in front.",
            "Inserisci una partita IVA italiana: 11 cifre, con o senza IT davanti.",
        ),
        Problem::VatCheckDigit => s(
            "This VAT number's check digit is wrong: look for a mistyped digit.",
            "La cifra di controllo di questa partita IVA non torna: controlla di aver digitato bene.",
        ),
        Problem::VatForeign { example } => {
            if it {
                format!("Inserisci la partita IVA nel formato del paese dell'indirizzo, come {example}.")
            } else {
                format!("Enter the VAT number in the address country's format, like {example}.")
            }
        }
        Problem::FiscalCodeFormat => s(
            "Enter 16 letters and digits (a person's code) or 11 digits (an organization's).",
            "Inserisci 16 lettere e cifre (codice di una persona) o 11 cifre (codice di un ente).",
        ),
        Problem::FiscalCodeCheck => s(
            "This fiscal code's check character is wrong: look for a typo.",
            "Il carattere di controllo di questo codice fiscale non torna: controlla di aver digitato bene.",
        ),
        Problem::SdiPrivate => s(
            "Private organizations use a 7-character SDI code, or 0000000 with a PEC.",
            "Le organizzazioni private usano un codice SDI di 7 caratteri, oppure 0000000 con una PEC.",
        ),
        Problem::SdiPublic => s(
            "Public administrations use their 6-character office code (codice univoco ufficio).",
            "La pubblica amministrazione usa il codice univoco ufficio di 6 caratteri.",
        ),
        Problem::SdiZerosNeedPec => s(
            "0000000 needs a PEC address below, where invoices will be delivered.",
            "0000000 richiede un indirizzo PEC qui sotto, dove arriveranno le fatture.",
        ),
        Problem::PecNeeded => s(
            "Enter a PEC address: it is required when the SDI code is 0000000.",
            "Inserisci un indirizzo PEC: è obbligatorio quando il codice SDI è 0000000.",
        ),
    }
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

pub fn bv_problem_text(problem: orgdesk_model::bv_rules::BvProblem, lang: Lang) -> String {
    use orgdesk_model::bv_rules::BvProblem as P;
    let it = lang == Lang::It;
    let s = |en: &str, itx: &str| if it { itx.to_string() } else { en.to_string() };
    match problem {
        // The same words as the Open Badge rules where the rule is the same.
        P::Required => problem_text(Problem::Required, lang),
        P::TooLong(n) => problem_text(Problem::TooLong(n), lang),
        P::SiteLimitRange => s("Enter a whole number from 0 to 50.", "Inserisci un numero intero da 0 a 50."),
        P::UrlFormat => problem_text(Problem::UrlFormat, lang),
        P::NotForPlan => s("This setting does not belong to the organization's plan.", "Questa impostazione non appartiene al piano dell'organizzazione."),
        P::NotBusiness => s("Only business organizations have business settings.", "Solo le organizzazioni business hanno impostazioni business."),
        P::MonthsRange => s("Enter a whole number of months from 0 to 120.", "Inserisci un numero intero di mesi da 0 a 120."),
        P::DaysRange => s("Enter a whole number of days from 0 to 3650.", "Inserisci un numero intero di giorni da 0 a 3650."),
        P::StartRequired => s("Enter the contract start: the length counts from it.", "Inserisci l'inizio del contratto: la durata parte da lì."),
        P::DateFormat => s("Enter a date like 01/02/2026.", "Inserisci una data come 01/02/2026."),
        P::WrongType => s("This value has the wrong type.", "Questo valore è del tipo sbagliato."),
        P::UnknownField => s("This field cannot be changed.", "Questo campo non si può modificare."),
    }
}
