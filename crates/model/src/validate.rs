//! Validation rules, run on every keystroke in the browser and again on the
//! server. Each rule returns a [`Problem`] the UI turns into words in the
//! viewer's language; the server sends its English text.

use std::fmt;

/// What is wrong with one value. The app translates these; `Display` is the
/// English text the server puts into its error bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    EmailFormat,
    TooLong(usize),
    /// Not one of the values the select offers.
    NotAChoice,
    /// Not an absolute http(s) address.
    UrlFormat,
    /// Not an ISO 3166-1 alpha-2 code.
    CountryCode,
    /// Italian postcodes (CAP) are five digits.
    PostcodeItalian,
    /// Mobile numbers are written internationally: `+`, country code, number.
    MobileFormat,
    /// Italian VAT: 11 digits, optionally after `IT`.
    VatItalian,
    /// The VAT number's check digit does not match its other digits.
    VatCheckDigit,
    /// Another EU country's VAT format; the example shows it.
    VatForeign { example: &'static str },
    /// Neither a 16-character personal code nor an 11-digit entity code.
    FiscalCodeFormat,
    /// The fiscal code's check character does not match.
    FiscalCodeCheck,
    /// Private organizations receive e-invoices on a 7-character SDI code.
    SdiPrivate,
    /// Public administration uses its 6-character office code.
    SdiPublic,
    /// `0000000` is only allowed with a PEC to deliver the invoices to.
    SdiZerosNeedPec,
    /// A PEC is required when the SDI code is `0000000`.
    PecNeeded,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => f.write_str("This field is required."),
            Problem::EmailFormat => f.write_str("Enter an e-mail address in the format name@example.com."),
            Problem::TooLong(n) => write!(f, "Use at most {n} characters."),
            Problem::NotAChoice => f.write_str("Choose one of the listed values."),
            Problem::UrlFormat => f.write_str("Enter a full web address starting with https:// or http://."),
            Problem::CountryCode => f.write_str("Choose a country from the list."),
            Problem::PostcodeItalian => f.write_str("Italian postcodes are 5 digits, like 00184."),
            Problem::MobileFormat => f.write_str("Enter the number in international format: + and the country code, like +39 347 123 4567."),
            Problem::VatItalian => f.write_str("Enter an Italian VAT number: 11 digits, with or without IT in front."),
            Problem::VatCheckDigit => f.write_str("This VAT number's check digit is wrong: look for a mistyped digit."),
            Problem::VatForeign { example } => write!(f, "Enter the VAT number in the address country's format, like {example}."),
            Problem::FiscalCodeFormat => f.write_str("Enter 16 letters and digits (a person's code) or 11 digits (an organization's)."),
            Problem::FiscalCodeCheck => f.write_str("This fiscal code's check character is wrong: look for a typo."),
            Problem::SdiPrivate => f.write_str("Private organizations use a 7-character SDI code, or 0000000 with a PEC."),
            Problem::SdiPublic => f.write_str("Public administrations use their 6-character office code (codice univoco ufficio)."),
            Problem::SdiZerosNeedPec => f.write_str("0000000 needs a PEC address below, where invoices will be delivered."),
            Problem::PecNeeded => f.write_str("Enter a PEC address: it is required when the SDI code is 0000000."),
        }
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a domain with
/// a dot and no empty labels, no spaces. Deliberately not RFC 5322 in full.
pub fn email(value: &str) -> Result<(), Problem> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Problem::Required);
    }
    if v.len() > 254 || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Problem::EmailFormat);
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(Problem::EmailFormat);
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return Err(Problem::EmailFormat);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
        || !labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return Err(Problem::EmailFormat);
    }
    Ok(())
}

/// A non-empty value after trimming.
pub fn required(value: &str) -> Result<(), Problem> {
    if value.trim().is_empty() {
        Err(Problem::Required)
    } else {
        Ok(())
    }
}

/// Sign-in password: required, and bounded so nobody posts megabytes.
pub fn password(value: &str) -> Result<(), Problem> {
    if value.is_empty() {
        return Err(Problem::Required);
    }
    if value.chars().count() > 256 {
        return Err(Problem::TooLong(256));
    }
    Ok(())
}

/// The SDI code of an organization that receives invoices at its PEC.
pub const SDI_NO_CODE: &str = "0000000";

/// An absolute `http://` or `https://` address with a host name (at least two
/// labels, or an IPv4 address) and at most a numeric port: no spaces, no
/// `user:password@`, none of the characters that cannot appear in a link.
pub fn web_url(value: &str) -> Result<(), Problem> {
    let v = value.trim();
    if v.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\' | '`' | '{' | '}' | '|' | '^')) {
        return Err(Problem::UrlFormat);
    }
    let lower = v.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).ok_or(Problem::UrlFormat)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(Problem::UrlFormat);
    }
    let host = match authority.split_once(':') {
        Some((host, port)) => {
            let port_ok = !port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
            if !port_ok {
                return Err(Problem::UrlFormat);
            }
            host
        }
        None => authority,
    };
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        let n = l.chars().count();
        (1..=63).contains(&n) && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let numeric = |l: &&str| l.bytes().all(|b| b.is_ascii_digit());
    let ipv4 = labels.len() == 4 && labels.iter().all(|l| numeric(l) && l.len() <= 3 && l.parse::<u16>().is_ok_and(|n| n <= 255));
    let name = labels.len() >= 2 && labels.iter().all(label_ok) && !labels.last().is_some_and(numeric);
    if ipv4 || name {
        Ok(())
    } else {
        Err(Problem::UrlFormat)
    }
}

/// An ISO 3166-1 alpha-2 country code (upper case).
pub fn country(value: &str) -> Result<(), Problem> {
    if crate::countries::CODES.binary_search(&value).is_ok() {
        Ok(())
    } else {
        Err(Problem::CountryCode)
    }
}

/// Postcodes: five digits in Italy (`country` IT). Elsewhere, and while the
/// country is not chosen, any text within the field's length limit: postal
/// formats differ too much to check, and no variant names a foreign format.
pub fn postcode(value: &str, country: &str) -> Result<(), Problem> {
    if country.trim().eq_ignore_ascii_case("IT") {
        let value = value.trim();
        if value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(());
        }
        return Err(Problem::PostcodeItalian);
    }
    Ok(())
}

/// `+`, a country code and the number: 8 to 15 digits in all (E.164), single
/// spaces between groups allowed, no leading zero after the `+`.
pub fn mobile(value: &str) -> Result<(), Problem> {
    let Some(rest) = value.trim().strip_prefix('+') else { return Err(Problem::MobileFormat) };
    let rest = rest.trim_start();
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    if rest.chars().all(|c| c.is_ascii_digit() || c == ' ') && (8..=15).contains(&digits) && !rest.starts_with('0') {
        Ok(())
    } else {
        Err(Problem::MobileFormat)
    }
}

/// Upper case (ASCII) without spaces, dots and dashes: how tax codes are compared.
fn compact(value: &str) -> String {
    value.chars().filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-')).collect::<String>().to_ascii_uppercase()
}

/// A VAT number (normalized: upper case, no spaces) for an organization in
/// `country` (the address's ISO code).
///
/// - Italy — the country is IT or not chosen yet, or the number starts with
///   `IT` while the country is outside the EU: 11 digits, optionally after
///   `IT`, with the partita IVA check digit verified.
/// - Another EU member: that member's prefix (Greece: `EL`) and its VIES
///   format; a number of another member, Italy included, is refused with an
///   example of the address country's.
/// - Elsewhere: 2 to 16 letters and digits.
pub fn vat(value: &str, country: &str) -> Result<(), Problem> {
    use crate::italy;
    let value = compact(value);
    let country = country.trim().to_ascii_uppercase();
    let other_eu = country != "IT" && italy::eu_prefix(&country).is_some();
    if country.is_empty() || country == "IT" || (!other_eu && value.starts_with("IT")) {
        let digits = value.strip_prefix("IT").unwrap_or(&value);
        return match italy::valid_eleven_digits(digits) {
            Some(true) => Ok(()),
            Some(false) => Err(Problem::VatCheckDigit),
            None => Err(Problem::VatItalian),
        };
    }
    if other_eu {
        italy::eu_vat(&value, &country).map_err(|example| Problem::VatForeign { example })?;
        // Belgian numbers start with 0 or 1 (VIES: BE[01]\d{9}).
        if let Some(rest) = value.strip_prefix("BE") {
            if !rest.starts_with(['0', '1']) {
                return Err(Problem::VatForeign { example: "BE0123456789" });
            }
        }
        return Ok(());
    }
    if (2..=16).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(Problem::VatForeign { example: non_eu_vat_example(&country) })
    }
}

/// A valid-looking VAT number of a country outside the EU.
fn non_eu_vat_example(country: &str) -> &'static str {
    match country {
        "GB" => "GB123456789",
        "CH" => "CHE123456789",
        "NO" => "NO123456789MVA",
        "SM" => "SM12345",
        _ => "123456789",
    }
}

/// An Italian fiscal code (normalized): 16 characters for a person (with
/// omocodia letters allowed in the digit places), 11 digits for an entity,
/// each with its check character verified.
pub fn fiscal_code(value: &str) -> Result<(), Problem> {
    use crate::italy;
    let value = compact(value);
    if value.len() == 11 && value.bytes().all(|b| b.is_ascii_digit()) {
        return match italy::valid_eleven_digits(&value) {
            Some(true) => Ok(()),
            _ => Err(Problem::FiscalCodeCheck),
        };
    }
    match italy::personal_fiscal_code(&value) {
        Ok(()) => Ok(()),
        Err(true) => Err(Problem::FiscalCodeCheck),
        Err(false) => Err(Problem::FiscalCodeFormat),
    }
}

/// The SDI destination code (normalized). Optional; `public` for public
/// administration (its 6-character office code), else 7 letters and digits;
/// `0000000` (private only) needs a PEC to deliver the invoices to.
pub fn code_dest(value: &str, public: bool, has_pec: bool) -> Result<(), Problem> {
    let value = compact(value);
    if value.is_empty() {
        return Ok(());
    }
    let alnum = value.bytes().all(|b| b.is_ascii_alphanumeric());
    if public {
        return if value.len() == 6 && alnum { Ok(()) } else { Err(Problem::SdiPublic) };
    }
    if value.len() != 7 || !alnum {
        return Err(Problem::SdiPrivate);
    }
    if value == SDI_NO_CODE && !has_pec {
        return Err(Problem::SdiZerosNeedPec);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_accepted() {
        for ok in ["admin@valmarina.example.org", "a.b+c@x-y.example.net", " owner@lumen.example.com "] {
            assert_eq!(email(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn malformed_addresses_are_rejected_with_a_format_problem() {
        for bad in ["admin", "admin@", "@example.org", "a@b", "a b@example.org", "a@@example.org", "a@-x.org", "a@x..org"] {
            assert_eq!(email(bad), Err(Problem::EmailFormat), "{bad}");
        }
        assert_eq!(email("  "), Err(Problem::Required));
    }

    #[test]
    fn empty_password_is_required_and_huge_one_too_long() {
        assert_eq!(password(""), Err(Problem::Required));
        assert_eq!(password(&"x".repeat(300)), Err(Problem::TooLong(256)));
        assert_eq!(password("orgdesk-demo"), Ok(()));
    }
}
