//! Words both the app and the server show for the same values: the server
//! needs them to write the public page's first paint without the wasm.

use crate::lang::Lang;
use crate::openbadge::{Activity, OrgType};
use crate::{labels, texts};

labels!(
    /// The organization type in words; undocumented values as sent.
    org_type, OrgType {
        PublicLocalNational => "Public administration (local or national)", "Pubblica amministrazione (locale o nazionale)";
        PrivateNonProfit => "Private non-profit", "Privato senza scopo di lucro";
        PrivateProfit => "Private company", "Impresa privata";
        PrivateOther => "Other private organization", "Altro ente privato";
    }
);

labels!(
    /// The organization's activity in words; undocumented values as sent.
    activity, Activity {
        School => "School", "Scuola";
        University => "University", "Università";
        ProfessionalTraining => "Professional training", "Formazione professionale";
        Volunteering => "Volunteering", "Volontariato";
        CivilSociety => "Civil society", "Società civile";
        Orientation => "Orientation", "Orientamento";
        Other => "Other", "Altro";
    }
);

texts! {
    enum Word {
        BadgesIssued => "badges issued", "badge rilasciati";
    }
}

/// "badges issued" after a count.
pub fn badges_issued(lang: Lang) -> &'static str {
    Word::BadgesIssued.text(lang)
}

/// An integer grouped as the language writes it: 3,187 in English; in
/// Italian four-digit numbers stay ungrouped (3187) and larger ones use dots.
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let (min_grouped, separator) = lang.pick((4, ','), (5, '.'));
    let group = digits.len() >= min_grouped;
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if group && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(number(3187, Lang::En), "3,187");
        assert_eq!(number(3187, Lang::It), "3187");
        assert_eq!(number(1234567, Lang::It), "1.234.567");
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(number(-12000, Lang::En), "-12,000");
    }

    #[test]
    fn unknown_values_are_shown_as_sent() {
        assert_eq!(org_type(&OrgType::Unknown("public_agency".into()), Lang::It), "public_agency");
        assert_eq!(activity(&Activity::University, Lang::It), "Università");
    }
}
