//! Words both the app and the server show for the same values: the server
//! needs them to write the public page's first paint without the wasm.

use crate::openbadge::{Activity, OrgType};

fn pick(italian: bool, en: &'static str, it: &'static str) -> String {
    if italian { it } else { en }.to_string()
}

/// The organization type in words; undocumented values as sent.
pub fn org_type(value: &OrgType, italian: bool) -> String {
    match value {
        OrgType::PublicLocalNational => pick(italian, "Public administration (local or national)", "Pubblica amministrazione (locale o nazionale)"),
        OrgType::PrivateNonProfit => pick(italian, "Private non-profit", "Privato senza scopo di lucro"),
        OrgType::PrivateProfit => pick(italian, "Private company", "Impresa privata"),
        OrgType::PrivateOther => pick(italian, "Other private organization", "Altro ente privato"),
        OrgType::Unknown(raw) => raw.clone(),
    }
}

/// The organization's activity in words; undocumented values as sent.
pub fn activity(value: &Activity, italian: bool) -> String {
    match value {
        Activity::School => pick(italian, "School", "Scuola"),
        Activity::University => pick(italian, "University", "Università"),
        Activity::ProfessionalTraining => pick(italian, "Professional training", "Formazione professionale"),
        Activity::Volunteering => pick(italian, "Volunteering", "Volontariato"),
        Activity::CivilSociety => pick(italian, "Civil society", "Società civile"),
        Activity::Orientation => pick(italian, "Orientation", "Orientamento"),
        Activity::Other => pick(italian, "Other", "Altro"),
        Activity::Unknown(raw) => raw.clone(),
    }
}

/// "badges issued" after a count.
pub fn badges_issued(italian: bool) -> &'static str {
    if italian { "badge rilasciati" } else { "badges issued" }
}

/// An integer grouped as the language writes it: 3,187 in English; in
/// Italian four-digit numbers stay ungrouped (3187) and larger ones use dots.
pub fn number(n: i64, italian: bool) -> String {
    let digits = n.unsigned_abs().to_string();
    let group = if italian { digits.len() > 4 } else { digits.len() > 3 };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if group && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(if italian { '.' } else { ',' });
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
        assert_eq!(number(3187, false), "3,187");
        assert_eq!(number(3187, true), "3187");
        assert_eq!(number(1234567, true), "1.234.567");
        assert_eq!(number(999, false), "999");
        assert_eq!(number(-12000, false), "-12,000");
    }

    #[test]
    fn unknown_values_are_shown_as_sent() {
        assert_eq!(org_type(&OrgType::Unknown("public_agency".into()), true), "public_agency");
        assert_eq!(activity(&Activity::University, true), "Università");
    }
}
