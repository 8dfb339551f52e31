//! Italian tax codes and EU VAT number formats: what an accounts office
//! checks before an electronic invoice is accepted.

/// The check digit of the first ten digits of a partita IVA (or of an
/// entity's numeric fiscal code): odd positions as they are, even positions
/// doubled (minus 9 when over 9).
pub fn partita_iva_check(first_ten: &[u8]) -> u8 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// Eleven digits whose last is the right check digit.
pub fn valid_eleven_digits(value: &str) -> Option<bool> {
    if value.len() != 11 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits: Vec<u8> = value.bytes().map(|b| b - b'0').collect();
    Some(partita_iva_check(&digits[..10]) == digits[10])
}

/// Letters that stand for digits in a personal fiscal code whose digits were
/// replaced to tell two people apart ("omocodia").
const OMOCODE: &[u8; 10] = b"LMNPQRSTUV";
const MONTHS: &[u8] = b"ABCDEHLMPRST";

/// Value of the character at an odd (1st, 3rd, …) position.
fn odd_value(c: u8) -> u32 {
    const ODD: [u32; 26] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let i = if c.is_ascii_digit() { c - b'0' } else { c - b'A' };
    ODD[usize::from(i)]
}

/// Value of the character at an even (2nd, 4th, …) position.
fn even_value(c: u8) -> u32 {
    u32::from(if c.is_ascii_digit() { c - b'0' } else { c - b'A' })
}

/// What is wrong with a personal fiscal code, if anything: `Err(false)` for
/// the shape, `Err(true)` for the check character.
pub fn personal_fiscal_code(code: &str) -> Result<(), bool> {
    let b = code.as_bytes();
    if b.len() != 16 {
        return Err(false);
    }
    let letter = |c: u8| c.is_ascii_uppercase();
    let digitish = |c: u8| c.is_ascii_digit() || OMOCODE.contains(&c);
    let shape = b[..6].iter().all(|&c| letter(c))
        && digitish(b[6])
        && digitish(b[7])
        && MONTHS.contains(&b[8])
        && digitish(b[9])
        && digitish(b[10])
        && letter(b[11])
        && b[12..15].iter().all(|&c| digitish(c))
        && letter(b[15]);
    if !shape {
        return Err(false);
    }
    let sum: u32 = b[..15].iter().enumerate().map(|(i, &c)| if i % 2 == 0 { odd_value(c) } else { even_value(c) }).sum();
    if u32::from(b[15] - b'A') == sum % 26 {
        Ok(())
    } else {
        Err(true)
    }
}

/// Member states' VAT number shapes after the prefix (VIES formats).
/// `9` stands for a digit, `A` for a letter, `X` for either; each country may
/// have several shapes.
const EU_VAT: &[(&str, &[&str], &str)] = &[
    ("AT", &["U99999999"], "ATU12345678"),
    ("BE", &["9999999999"], "BE0123456789"),
    ("BG", &["999999999", "9999999999"], "BG123456789"),
    ("CY", &["99999999A"], "CY12345678X"),
    ("CZ", &["99999999", "999999999", "9999999999"], "CZ12345678"),
    ("DE", &["999999999"], "DE123456789"),
    ("DK", &["99999999"], "DK12345678"),
    ("EE", &["999999999"], "EE123456789"),
    ("EL", &["999999999"], "EL123456789"),
    ("ES", &["X9999999X"], "ESX1234567X"),
    ("FI", &["99999999"], "FI12345678"),
    ("FR", &["XX999999999"], "FR12345678901"),
    ("HR", &["99999999999"], "HR12345678901"),
    ("HU", &["99999999"], "HU12345678"),
    ("IE", &["9X99999A", "9999999A", "9999999AA"], "IE1234567WA"),
    ("LT", &["999999999", "999999999999"], "LT123456789"),
    ("LU", &["99999999"], "LU12345678"),
    ("LV", &["99999999999"], "LV12345678901"),
    ("MT", &["99999999"], "MT12345678"),
    ("NL", &["999999999B99"], "NL123456789B01"),
    ("PL", &["9999999999"], "PL1234567890"),
    ("PT", &["999999999"], "PT123456789"),
    ("RO", &["99", "999", "9999", "99999", "999999", "9999999", "99999999", "999999999", "9999999999"], "RO12345678"),
    ("SE", &["999999999901"], "SE123456789701"),
    ("SI", &["99999999"], "SI12345678"),
    ("SK", &["9999999999"], "SK1234567890"),
];

fn fits(shape: &str, value: &str) -> bool {
    shape.len() == value.len()
        && shape.bytes().zip(value.bytes()).all(|(s, v)| match s {
            b'9' => v.is_ascii_digit(),
            b'A' => v.is_ascii_uppercase(),
            b'X' => v.is_ascii_uppercase() || v.is_ascii_digit(),
            literal => literal == v,
        })
}

/// The VAT prefix of a country (Greece writes EL), if it is an EU member.
pub fn eu_prefix(country: &str) -> Option<&'static str> {
    let prefix = if country == "GR" { "EL" } else { country };
    EU_VAT.iter().find(|(p, _, _)| *p == prefix).map(|(p, _, _)| *p)
}

/// Checks `value` (upper case, no spaces) against the EU member state
/// `country`'s format; `Err(example)` shows a valid-looking number.
pub fn eu_vat(value: &str, country: &str) -> Result<(), &'static str> {
    let prefix = if country == "GR" { "EL" } else { country };
    let Some((p, shapes, example)) = EU_VAT.iter().find(|(p, _, _)| *p == prefix) else { return Ok(()) };
    let rest = value.strip_prefix(p).ok_or(*example)?;
    if shapes.iter().any(|s| fits(s, rest)) {
        Ok(())
    } else {
        Err(example)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partita_iva_check_digits() {
        assert_eq!(valid_eleven_digits("01234567897"), Some(true));
        assert_eq!(valid_eleven_digits("80012345676"), Some(true));
        assert_eq!(valid_eleven_digits("01234567890"), Some(false));
        assert_eq!(valid_eleven_digits("0123456789"), None);
        assert_eq!(valid_eleven_digits("0123456789A"), None);
    }

    #[test]
    fn personal_codes_with_and_without_omocodia() {
        assert_eq!(personal_fiscal_code("RSSMRA85T10A562S"), Ok(()));
        assert_eq!(personal_fiscal_code("RSSMRA85T10A562X"), Err(true));
        // The same person's code with the last digits replaced by letters.
        assert_eq!(personal_fiscal_code("RSSMRA85T10A56NH"), Ok(()));
        assert_eq!(personal_fiscal_code("RSSMRA85Z10A562S"), Err(false), "no month Z");
        assert_eq!(personal_fiscal_code("RSSMRA85T10A562"), Err(false));
    }

    #[test]
    fn eu_formats() {
        assert_eq!(eu_vat("DE123456789", "DE"), Ok(()));
        assert_eq!(eu_vat("DE12345678", "DE"), Err("DE123456789"));
        assert_eq!(eu_vat("FR12345678901", "FR"), Ok(()));
        assert_eq!(eu_vat("EL123456789", "GR"), Ok(()));
        assert_eq!(eu_vat("NL123456789B01", "NL"), Ok(()));
        assert_eq!(eu_vat("123456789", "DE"), Err("DE123456789"), "prefix required");
        assert_eq!(eu_vat("ATU12345678", "AT"), Ok(()));
        assert_eq!(eu_vat("anything", "US"), Ok(()), "not an EU member: no format");
    }
}
