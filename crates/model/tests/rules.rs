//! The organization field rules end to end: what an admin types goes through
//! `fields::normalize` and then `fields::check` with the other fields as they
//! will be after the save, exactly as the browser form and the server do.
//!
//! Check digits are computed here by independent reference implementations,
//! and every wrong check character is tried, so a rule that accepts too much
//! or too little fails.

use orgdesk_model::fields::{check, check_all, normalize, Field};
use orgdesk_model::validate::{self, Problem};
use std::collections::BTreeMap;

/// `field` typed as `raw`, the others typed as given.
fn verdict(field: Field, raw: &str, others: &[(Field, &str)]) -> Result<(), Problem> {
    let mut values: BTreeMap<Field, String> = others.iter().map(|(f, v)| (*f, normalize(*f, v))).collect();
    values.insert(field, normalize(field, raw));
    check(field, &|f| values.get(&f).cloned().unwrap_or_default())
}

#[track_caller]
fn ok(field: Field, raw: &str, others: &[(Field, &str)]) {
    assert_eq!(verdict(field, raw, others), Ok(()), "{field:?} = {raw:?} with {others:?}");
}

#[track_caller]
fn bad(field: Field, raw: &str, others: &[(Field, &str)], problem: Problem) {
    assert_eq!(verdict(field, raw, others), Err(problem), "{field:?} = {raw:?} with {others:?}");
}

fn in_country(code: &'static str) -> [(Field, &'static str); 1] {
    [(Field::Country, code)]
}

const PRIVATE: &[(Field, &str)] = &[(Field::OrgType, "private_profit")];
const PUBLIC: &[(Field, &str)] = &[(Field::OrgType, "public_local_national")];

// ---------------------------------------------------------------- reference

/// Partita IVA check digit, written from the Agenzia delle Entrate rule:
/// sum the digits in odd places, add each even-place digit doubled (minus 9
/// when over 9); the check digit brings the total to a multiple of 10.
fn piva_check(ten: &str) -> char {
    let mut odd = 0;
    let mut even = 0;
    for (i, c) in ten.chars().enumerate() {
        let d = c.to_digit(10).unwrap();
        if i % 2 == 0 {
            odd += d;
        } else {
            even += if d * 2 > 9 { d * 2 - 9 } else { d * 2 };
        }
    }
    char::from_digit((10 - (odd + even) % 10) % 10, 10).unwrap()
}

/// Personal fiscal code check letter, from the published odd/even tables.
fn cf_check(fifteen: &str) -> char {
    let odd = |c: char| -> u32 {
        let k = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        // Values of 0-9 equal those of A-J.
        const TABLE: [u32; 26] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
        let i = k.find(c).unwrap();
        TABLE[if i < 10 { i } else { i - 10 }]
    };
    let even = |c: char| -> u32 { c.to_digit(10).unwrap_or_else(|| c as u32 - 'A' as u32) };
    let sum: u32 = fifteen.chars().enumerate().map(|(i, c)| if i % 2 == 0 { odd(c) } else { even(c) }).sum();
    char::from_u32('A' as u32 + sum % 26).unwrap()
}

const PIVA_BODIES: &[&str] = &["0123456789", "8001234567", "1234567890", "0281173015", "0765432109", "1111111111"];
const CF_BODIES: &[&str] = &["RSSMRA85T10A562", "BNCLRA80A41H501", "VRDGPP13R10B293", "MRTMTT91D08F205", "RSSMRA85T10A56N", "RSSMRAURTMLARSN"];

#[test]
fn the_reference_implementations_agree_with_published_examples() {
    assert_eq!(piva_check("0123456789"), '7');
    assert_eq!(piva_check("8001234567"), '6');
    assert_eq!(cf_check("RSSMRA85T10A562"), 'S', "the textbook Mario Rossi");
    assert_eq!(cf_check("RSSMRA85T10A56N"), 'H', "the same code with omocodia");
}

// ---------------------------------------------------------------- VAT

#[test]
fn exactly_one_check_digit_makes_a_partita_iva_valid() {
    for body in PIVA_BODIES {
        let right = piva_check(body);
        for d in '0'..='9' {
            let number = format!("{body}{d}");
            let expected = if d == right { Ok(()) } else { Err(Problem::VatCheckDigit) };
            assert_eq!(verdict(Field::Vat, &number, &in_country("IT")), expected, "{number}");
            assert_eq!(verdict(Field::Vat, &format!("IT{number}"), &in_country("IT")), expected, "IT{number}");
            assert_eq!(validate::vat(&number, "IT"), expected, "{number} straight to the rule");
        }
    }
}

#[test]
fn italian_vat_numbers_are_typed_loosely_and_stored_compact() {
    for typed in ["IT01234567897", "01234567897", "it01234567897", " it 012 345 678 97 ", "IT-012.345.678-97"] {
        ok(Field::Vat, typed, &in_country("IT"));
        ok(Field::Vat, typed, &[]);
    }
    assert_eq!(normalize(Field::Vat, " it 012.345.678-97 "), "IT01234567897");
    // A country not chosen yet means Italy; so does an IT number outside the EU.
    ok(Field::Vat, "IT01234567897", &in_country(""));
    ok(Field::Vat, "IT01234567897", &in_country("CH"));
    bad(Field::Vat, "IT01234567890", &in_country("CH"), Problem::VatCheckDigit);
}

#[test]
fn italian_vat_numbers_of_the_wrong_shape_say_what_to_type() {
    for wrong in ["0123456789", "012345678970", "IT0123456789", "IT012345678970", "0123456789A", "ITA1234567897", "IT", "DE123456789", "FR12345678901"] {
        bad(Field::Vat, wrong, &in_country("IT"), Problem::VatItalian);
    }
    assert!(Problem::VatItalian.to_string().contains("11 digits"));
}

#[test]
fn eu_vat_numbers_follow_the_address_country() {
    let valid: &[(&str, &str)] = &[
        ("DE", "DE123456789"),
        ("DE", "de 123 456 789"),
        ("FR", "FR12345678901"),
        ("FR", "FRXX345678901"),
        ("FR", "fr 40 303 265 045"),
        ("ES", "ESX1234567X"),
        ("ES", "ES12345678Z"),
        ("ES", "ESA12345674"),
        ("NL", "NL123456789B01"),
        ("NL", "nl 1234.56.789.b01"),
        ("AT", "ATU12345678"),
        ("AT", "atu 1234 5678"),
        ("BE", "BE0123456789"),
        ("BE", "BE1234567890"),
        ("GR", "EL123456789"),
        ("SE", "SE123456789701"),
        ("IE", "IE1234567WA"),
        ("IE", "IE1X23456A"),
        ("PL", "PL1234567890"),
        ("PT", "PT123456789"),
        ("CZ", "CZ12345678"),
        ("RO", "RO123"),
        ("LT", "LT123456789012"),
        ("CY", "CY12345678X"),
        ("HR", "HR12345678901"),
        ("DK", "DK12345678"),
    ];
    for (country, number) in valid {
        ok(Field::Vat, number, &[(Field::Country, country)]);
    }
}

#[test]
fn eu_vat_numbers_of_the_wrong_shape_show_the_country_s_example() {
    let invalid: &[(&str, &str, &str)] = &[
        ("DE", "DE12345678", "DE123456789"),
        ("DE", "DE1234567890", "DE123456789"),
        ("DE", "123456789", "DE123456789"),
        ("DE", "DEA23456789", "DE123456789"),
        ("FR", "FR1234567890", "FR12345678901"),
        ("FR", "12345678901", "FR12345678901"),
        ("ES", "ES1234", "ESX1234567X"),
        ("ES", "ESX12345678X", "ESX1234567X"),
        ("NL", "NL123456789", "NL123456789B01"),
        ("NL", "NL123456789X01", "NL123456789B01"),
        ("AT", "AT12345678", "ATU12345678"),
        ("AT", "ATU1234567", "ATU12345678"),
        ("BE", "BE2123456789", "BE0123456789"),
        ("BE", "BE012345678", "BE0123456789"),
        ("GR", "GR123456789", "EL123456789"),
        ("SE", "SE123456789700", "SE123456789701"),
    ];
    for (country, number, example) in invalid {
        bad(Field::Vat, number, &[(Field::Country, country)], Problem::VatForeign { example });
    }
    // Another member's number, Italy's included, for a German address.
    for other in ["FR12345678901", "IT01234567897", "ATU12345678", "NL123456789B01"] {
        bad(Field::Vat, other, &in_country("DE"), Problem::VatForeign { example: "DE123456789" });
    }
    assert_eq!(Problem::VatForeign { example: "DE123456789" }.to_string(), "Enter the VAT number in the address country's format, like DE123456789.");
}

#[test]
fn vat_numbers_outside_the_eu_are_letters_and_digits() {
    ok(Field::Vat, "CHE-123.456.789", &in_country("CH"));
    ok(Field::Vat, "GB123456789", &in_country("GB"));
    ok(Field::Vat, "NO123456789MVA", &in_country("NO"));
    ok(Field::Vat, "12-3456789", &in_country("US"));
    ok(Field::Vat, "AB", &in_country("US"));
    bad(Field::Vat, "1", &in_country("US"), Problem::VatForeign { example: "123456789" });
    bad(Field::Vat, "12345678901234567", &in_country("US"), Problem::VatForeign { example: "123456789" });
    bad(Field::Vat, "123/456", &in_country("US"), Problem::VatForeign { example: "123456789" });
    bad(Field::Vat, "CHE123456789#", &in_country("CH"), Problem::VatForeign { example: "CHE123456789" });
    bad(Field::Vat, "GB12345678901234567", &in_country("GB"), Problem::VatForeign { example: "GB123456789" });
}

#[test]
fn vat_is_optional_and_rechecked_against_the_country() {
    ok(Field::Vat, "", &in_country("IT"));
    ok(Field::Vat, "   ", &in_country("DE"));
    // The same number is right or wrong depending on the address.
    ok(Field::Vat, "DE123456789", &in_country("DE"));
    bad(Field::Vat, "DE123456789", &in_country("IT"), Problem::VatItalian);
}

// ---------------------------------------------------------------- fiscal code

#[test]
fn exactly_one_check_letter_makes_a_personal_fiscal_code_valid() {
    for body in CF_BODIES {
        let right = cf_check(body);
        for c in 'A'..='Z' {
            let code = format!("{body}{c}");
            let expected = if c == right { Ok(()) } else { Err(Problem::FiscalCodeCheck) };
            assert_eq!(verdict(Field::FiscalCode, &code, &[]), expected, "{code}");
            assert_eq!(verdict(Field::FiscalCode, &code.to_lowercase(), &[]), expected, "{code} typed in lower case");
        }
    }
}

#[test]
fn entity_fiscal_codes_are_eleven_digits_with_the_partita_iva_check() {
    for body in PIVA_BODIES {
        let right = piva_check(body);
        for d in '0'..='9' {
            let code = format!("{body}{d}");
            let expected = if d == right { Ok(()) } else { Err(Problem::FiscalCodeCheck) };
            assert_eq!(verdict(Field::FiscalCode, &code, &[]), expected, "{code}");
        }
    }
    ok(Field::FiscalCode, " 800 123 456 76 ", &[]);
}

#[test]
fn fiscal_codes_of_the_wrong_shape_say_what_to_type() {
    for wrong in [
        "RSSMRA85T10A562",    // 15 characters
        "RSSMRA85T10A562SS",  // 17
        "0123456789",         // 10 digits
        "012345678970",       // 12 digits
        "R5SMRA85T10A562S",   // a digit among the name letters
        "RSSMRA85Z10A562S",   // Z is no month
        "RSSMRA85F10A562S",   // nor is F
        "RSSMRA8AT10A562S",   // A is no omocodia letter
        "RSSMRA85T10A5625",   // the check character is a letter
        "RSSMRA85T1OA562S",   // letter O for a zero
        "RSSMRA85T109562S",   // a digit for the town's letter
        "IT01234567897",      // a VAT number with its prefix
        "RSSMRA85T10A562È",
    ] {
        bad(Field::FiscalCode, wrong, &[], Problem::FiscalCodeFormat);
    }
    ok(Field::FiscalCode, "", &[]);
    ok(Field::FiscalCode, "rss mra 85t10 a562s", &[]);
    assert_eq!(normalize(Field::FiscalCode, "rss-mra.85t10 a562s"), "RSSMRA85T10A562S");
}

// ---------------------------------------------------------------- SDI and PEC

#[test]
fn private_organizations_use_seven_characters() {
    for code in ["M5UXCR1", "m5uxcr1", " m5u xcr1 ", "KRRH6B9", "XXXXXXX", "1234567"] {
        ok(Field::CodeDest, code, PRIVATE);
    }
    for wrong in ["M5UXCR", "M5UXCR12", "UF1234", "M5UXC_1", "M5UXCRÀ"] {
        bad(Field::CodeDest, wrong, PRIVATE, Problem::SdiPrivate);
    }
    // An organization without a type is treated as private.
    ok(Field::CodeDest, "M5UXCR1", &[]);
    bad(Field::CodeDest, "UF1234", &[], Problem::SdiPrivate);
}

#[test]
fn public_administrations_use_their_six_character_office_code() {
    for code in ["UF1234", "uf1234", "UFE 5LM"] {
        ok(Field::CodeDest, code, PUBLIC);
    }
    for wrong in ["M5UXCR1", "0000000", "UF123", "UF12_4"] {
        bad(Field::CodeDest, wrong, PUBLIC, Problem::SdiPublic);
    }
}

#[test]
fn zeros_need_a_pec_and_the_pec_is_needed_for_zeros() {
    let with_pec = &[(Field::OrgType, "private_profit"), (Field::CertifiedEmail, "ponte@pec.example.org")];
    ok(Field::CodeDest, "0000000", with_pec);
    bad(Field::CodeDest, "0000000", PRIVATE, Problem::SdiZerosNeedPec);
    bad(Field::CodeDest, "0000000", &[(Field::OrgType, "private_profit"), (Field::CertifiedEmail, "   ")], Problem::SdiZerosNeedPec);
    bad(Field::CertifiedEmail, "", &[(Field::CodeDest, "0000000")], Problem::PecNeeded);
    bad(Field::CertifiedEmail, "  ", &[(Field::CodeDest, "000 0000")], Problem::PecNeeded);
    ok(Field::CertifiedEmail, "ponte@pec.example.org", &[(Field::CodeDest, "0000000")]);
    ok(Field::CertifiedEmail, "", &[(Field::CodeDest, "M5UXCR1")]);
    ok(Field::CertifiedEmail, "", &[]);
    bad(Field::CertifiedEmail, "ponte@pec", &[(Field::CodeDest, "0000000")], Problem::EmailFormat);
    // The code itself is optional.
    ok(Field::CodeDest, "", PRIVATE);
    ok(Field::CodeDest, "", PUBLIC);
}

// ---------------------------------------------------------------- address and contacts

#[test]
fn italian_postcodes_are_five_digits() {
    for code in ["00184", " 20121 ", "90133"] {
        ok(Field::Postcode, code, &in_country("IT"));
        ok(Field::Postcode, code, &in_country("it"));
    }
    for wrong in ["0018", "001844", "00 184", "OO184", "I-00184", "00184A"] {
        bad(Field::Postcode, wrong, &in_country("IT"), Problem::PostcodeItalian);
    }
    ok(Field::Postcode, "", &in_country("IT"));
    assert_eq!(validate::postcode("00184", "IT"), Ok(()));
    assert_eq!(validate::postcode("184", "IT"), Err(Problem::PostcodeItalian));
}

#[test]
fn other_postcodes_are_free_text_within_the_limit() {
    ok(Field::Postcode, "sw1a   1aa", &in_country("GB"));
    assert_eq!(normalize(Field::Postcode, " sw1a   1aa "), "SW1A 1AA");
    ok(Field::Postcode, "1010", &in_country("AT"));
    ok(Field::Postcode, "D02 X285", &in_country("IE"));
    ok(Field::Postcode, "0018", &[]);
    bad(Field::Postcode, &"1".repeat(17), &in_country("GB"), Problem::TooLong(16));
}

#[test]
fn countries_are_iso_alpha_2_codes() {
    for code in ["IT", "it", " De ", "GR", "CH", "US", "GB"] {
        ok(Field::Country, code, &[]);
    }
    for wrong in ["XX", "EL", "UK", "ITA", "Italy", "I", "1T"] {
        bad(Field::Country, wrong, &[], Problem::CountryCode);
    }
    ok(Field::Country, "", &[]);
    assert_eq!(normalize(Field::Country, " it "), "IT");
}

#[test]
fn mobiles_are_international_numbers() {
    for number in ["+39 347 123 4567", "+393471234567", "  +39   347  1234567 ", "+ 39 347 123 4567", "+1 555 0100", "+44 7911 123456"] {
        ok(Field::Mobile, number, &[]);
    }
    assert_eq!(normalize(Field::Mobile, " + 39   347  1234567 "), "+39 347 1234567");
    for wrong in ["347 123 4567", "0039 347 123 4567", "+39 347-123-4567", "+39 (347) 1234567", "+0 347 123 4567", "+39 1234", "+1234567890123456", "+39 347 123 456x", "+"] {
        bad(Field::Mobile, wrong, &[], Problem::MobileFormat);
    }
    ok(Field::Mobile, "", &[]);
    bad(Field::Mobile, &format!("+39{}", " 1".repeat(20)), &[], Problem::TooLong(32));
}

#[test]
fn websites_are_full_http_addresses() {
    for url in [
        "https://valmarina.example.org",
        "http://www.example.org/path?x=1#top",
        "HTTPS://Example.ORG",
        "https://example.org:8443/",
        "https://università.example.it",
        "https://192.0.2.10/",
        "https://my-site.example.org/",
    ] {
        ok(Field::Website, url, &[]);
    }
    for wrong in [
        "valmarina.example.org",
        "www.example.org",
        "ftp://example.org",
        "https://",
        "https://localhost",
        "https://example",
        "https://example.org.",
        "https://-x.example.org",
        "https://exa mple.org",
        "https://example.org:port",
        "https://example.org:99999",
        "https://user:secret@example.org",
        "https://example.org\\@evil.example",
        "https://example.org/<script>",
        "https://example.123",
        "javascript:alert(1)",
        "//example.org",
    ] {
        bad(Field::Website, wrong, &[], Problem::UrlFormat);
    }
    ok(Field::Website, "", &[]);
    bad(Field::Website, &format!("https://example.org/{}", "a".repeat(240)), &[], Problem::TooLong(255));
}

#[test]
fn emails_are_checked_where_given() {
    for f in [Field::ContactEmail, Field::TechEmail, Field::LegalEmail, Field::BillingEmail, Field::CertifiedEmail] {
        ok(f, " badge@valmarina.example.org ", &[]);
        ok(f, "", &[]);
        for wrong in ["badge", "badge@", "@example.org", "badge@example", "ba dge@example.org", "badge@@example.org"] {
            bad(f, wrong, &[], Problem::EmailFormat);
        }
    }
}

// ---------------------------------------------------------------- names, choices, limits

#[test]
fn the_name_and_the_legal_name_are_required() {
    for f in [Field::Name, Field::LegalName] {
        ok(f, "Istituto Borgo Alto", &[]);
        for empty in ["", "   ", "\t\n"] {
            bad(f, empty, &[], Problem::Required);
        }
    }
    assert_eq!(normalize(Field::Name, "  Istituto \t Borgo\nAlto  "), "Istituto Borgo Alto");
    assert_eq!(normalize(Field::Name, "Borgo\u{0}Alto"), "BorgoAlto", "control characters are dropped");
    // Every other field may be left empty.
    for &f in Field::ALL.iter().filter(|f| !matches!(f, Field::Name | Field::LegalName)) {
        ok(f, "", &[]);
    }
}

#[test]
fn select_values_must_be_the_documented_ones() {
    let choices: &[(Field, &[&str])] = &[
        (Field::OrgType, &["public_local_national", "private_non_profit", "private_profit", "private_other"]),
        (Field::Activity, &["school", "university", "professional_training", "volunteering", "civil_society", "orientation", "other"]),
        (Field::Language, &["it", "en"]),
    ];
    for (f, values) in choices {
        for v in *values {
            ok(*f, v, &[]);
            ok(*f, &v.to_uppercase(), &[]);
        }
        for wrong in ["unknown", "1", "private profit", "de", "<b>it</b>"] {
            bad(*f, wrong, &[], Problem::NotAChoice);
        }
    }
    assert_eq!(normalize(Field::OrgType, " Private_Profit "), "private_profit");
}

#[test]
fn every_free_text_field_is_bounded_in_characters() {
    for &f in Field::ALL {
        if matches!(f, Field::OrgType | Field::Activity | Field::Language | Field::Country | Field::Vat | Field::FiscalCode | Field::CodeDest) {
            continue;
        }
        let n = f.max_len();
        // Accented letters count once, however many bytes they take.
        let long = "à".repeat(n + 1);
        assert_eq!(verdict(f, &long, &[]), Err(Problem::TooLong(n)), "{f:?}");
        let fits = "à".repeat(n);
        assert_ne!(verdict(f, &fits, &[]), Err(Problem::TooLong(n)), "{f:?} at exactly {n}");
    }
    ok(Field::Name, &"à".repeat(255), &[]);
    ok(Field::Street, &"Via ".repeat(63), &[]);
    // Codes too long for their shape say the shape, not a number of characters.
    bad(Field::Vat, "IT012345678970000", &in_country("IT"), Problem::VatItalian);
    bad(Field::FiscalCode, "RSSMRA85T10A562SXYZ", &[], Problem::FiscalCodeFormat);
    bad(Field::CodeDest, "M5UXCR1M5UXCR1", PRIVATE, Problem::SdiPrivate);
    bad(Field::Country, "ITA", &[], Problem::CountryCode);
}

#[test]
fn check_all_reports_every_problem_in_form_order() {
    let values: BTreeMap<Field, String> = [
        (Field::Name, ""),
        (Field::LegalName, "Borgo Alto S.r.l."),
        (Field::Website, "example.org"),
        (Field::Postcode, "123"),
        (Field::Country, "IT"),
        (Field::Mobile, "347"),
        (Field::Vat, "IT01234567890"),
        (Field::CodeDest, "0000000"),
        (Field::OrgType, "private_profit"),
    ]
    .into_iter()
    .map(|(f, v)| (f, normalize(f, v)))
    .collect();
    let problems = check_all(Field::ALL, &|f| values.get(&f).cloned().unwrap_or_default());
    assert_eq!(
        problems,
        vec![
            (Field::Name, Problem::Required),
            (Field::Website, Problem::UrlFormat),
            (Field::Postcode, Problem::PostcodeItalian),
            (Field::Mobile, Problem::MobileFormat),
            (Field::Vat, Problem::VatCheckDigit),
            (Field::CodeDest, Problem::SdiZerosNeedPec),
            (Field::CertifiedEmail, Problem::PecNeeded),
        ]
    );
}

#[test]
fn every_problem_tells_the_user_what_to_type() {
    let all = [
        Problem::Required,
        Problem::EmailFormat,
        Problem::TooLong(16),
        Problem::NotAChoice,
        Problem::UrlFormat,
        Problem::CountryCode,
        Problem::PostcodeItalian,
        Problem::MobileFormat,
        Problem::VatItalian,
        Problem::VatCheckDigit,
        Problem::VatForeign { example: "ATU12345678" },
        Problem::FiscalCodeFormat,
        Problem::FiscalCodeCheck,
        Problem::SdiPrivate,
        Problem::SdiPublic,
        Problem::SdiZerosNeedPec,
        Problem::PecNeeded,
    ];
    for p in all {
        let text = p.to_string();
        assert!(text.len() > 15 && text.ends_with('.'), "{p:?}: {text}");
    }
    assert!(Problem::TooLong(16).to_string().contains("16"));
    assert!(Problem::VatForeign { example: "ATU12345678" }.to_string().contains("ATU12345678"));
    assert!(Problem::PostcodeItalian.to_string().contains("5 digits"));
    assert!(Problem::MobileFormat.to_string().contains('+'));
}

#[test]
fn form_keys_and_error_paths_name_the_same_field() {
    for &f in Field::ALL {
        assert_eq!(Field::from_key(f.key()), Some(f));
        assert_eq!(Field::from_key(f.path()), Some(f));
        assert!(f.path().chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'), "{f:?}");
    }
    for not_a_field in ["status", "settings[public_profile]", "billing_info[iban]", "credits_left", "address_info", ""] {
        assert_eq!(Field::from_key(not_a_field), None, "{not_a_field}");
    }
}
