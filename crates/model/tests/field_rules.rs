//! Every rule of the editable organization fields, with accepted and rejected
//! examples, through the same normalize-then-check path browser and server use.

use orgdesk_model::fields::{check, normalize, Field};
use orgdesk_model::validate::Problem;
use std::collections::BTreeMap;

/// Checks `field` typed as `raw`, with the other fields as given (normalized).
fn verdict(field: Field, raw: &str, others: &[(Field, &str)]) -> Result<(), Problem> {
    let mut values: BTreeMap<Field, String> = others.iter().map(|(f, v)| (*f, normalize(*f, v))).collect();
    values.insert(field, normalize(field, raw));
    check(field, &|f| values.get(&f).cloned().unwrap_or_default())
}

fn ok(field: Field, raw: &str, others: &[(Field, &str)]) {
    assert_eq!(verdict(field, raw, others), Ok(()), "{field:?} = {raw:?} with {others:?}");
}

fn bad(field: Field, raw: &str, others: &[(Field, &str)], problem: Problem) {
    assert_eq!(verdict(field, raw, others), Err(problem), "{field:?} = {raw:?} with {others:?}");
}

const IT: &[(Field, &str)] = &[(Field::Country, "IT")];

#[test]
fn name_and_legal_name_are_required_and_bounded() {
    ok(Field::Name, "Ateneo di Valmarina", &[]);
    bad(Field::Name, "   ", &[], Problem::Required);
    bad(Field::Name, &"x".repeat(256), &[], Problem::TooLong(255));
    ok(Field::LegalName, "Ateneo di Valmarina S.r.l.", &[]);
    bad(Field::LegalName, "", &[], Problem::Required);
}

#[test]
fn choices_must_be_documented_values() {
    ok(Field::OrgType, "private_profit", &[]);
    ok(Field::OrgType, "", &[]);
    bad(Field::OrgType, "public_agency", &[], Problem::NotAChoice);
    ok(Field::Activity, "university", &[]);
    bad(Field::Activity, "museum", &[], Problem::NotAChoice);
    ok(Field::Language, "it", &[]);
    bad(Field::Language, "de", &[], Problem::NotAChoice);
}

#[test]
fn websites_are_absolute_http_addresses() {
    ok(Field::Website, "https://valmarina.example.org", &[]);
    ok(Field::Website, "http://www.example.org/path?x=1", &[]);
    ok(Field::Website, "", &[]);
    for wrong in ["valmarina.example.org", "ftp://example.org", "https://", "https://localhost", "javascript:alert(1)", "https://exa mple.org"] {
        bad(Field::Website, wrong, &[], Problem::UrlFormat);
    }
}

#[test]
fn countries_are_iso_codes_in_any_case() {
    ok(Field::Country, "IT", &[]);
    ok(Field::Country, " de ", &[]);
    bad(Field::Country, "XX", &[], Problem::CountryCode);
    bad(Field::Country, "Italy", &[], Problem::CountryCode);
}

#[test]
fn italian_postcodes_have_five_digits_others_are_free() {
    ok(Field::Postcode, "00184", IT);
    bad(Field::Postcode, "0018", IT, Problem::PostcodeItalian);
    bad(Field::Postcode, "00184A", IT, Problem::PostcodeItalian);
    ok(Field::Postcode, "SW1A 1AA", &[(Field::Country, "GB")]);
    ok(Field::Postcode, "10115", &[(Field::Country, "DE")]);
}

#[test]
fn mobiles_are_international() {
    ok(Field::Mobile, "+39 347 123 4567", &[]);
    ok(Field::Mobile, "  +39   3471234567 ", &[]);
    for wrong in ["347 123 4567", "+39 347-123", "+0 123 456 789", "+39 12", "+12345678901234567"] {
        bad(Field::Mobile, wrong, &[], Problem::MobileFormat);
    }
    assert_eq!(normalize(Field::Mobile, "  +39   347  1234567 "), "+39 347 1234567");
}

#[test]
fn emails_are_checked_where_given() {
    ok(Field::ContactEmail, "badge@valmarina.example.org", &[]);
    ok(Field::TechEmail, "", &[]);
    bad(Field::LegalEmail, "legale@", &[], Problem::EmailFormat);
    bad(Field::BillingEmail, "fatture valmarina@example.org", &[], Problem::EmailFormat);
}

#[test]
fn italian_vat_numbers_have_a_check_digit() {
    ok(Field::Vat, "IT01234567897", IT);
    ok(Field::Vat, "01234567897", IT);
    ok(Field::Vat, "it 0123 4567 897", IT);
    ok(Field::Vat, "IT01234567897", &[]);
    bad(Field::Vat, "IT01234567890", IT, Problem::VatCheckDigit);
    bad(Field::Vat, "IT0123456789", IT, Problem::VatItalian);
    bad(Field::Vat, "IT012345678970", IT, Problem::VatItalian);
    bad(Field::Vat, "DE123456789", IT, Problem::VatItalian);
}

#[test]
fn other_eu_vat_numbers_follow_the_address_country() {
    ok(Field::Vat, "DE123456789", &[(Field::Country, "DE")]);
    ok(Field::Vat, "de 123 456 789", &[(Field::Country, "DE")]);
    bad(Field::Vat, "DE12345678", &[(Field::Country, "DE")], Problem::VatForeign { example: "DE123456789" });
    bad(Field::Vat, "IT01234567897", &[(Field::Country, "DE")], Problem::VatForeign { example: "DE123456789" });
    ok(Field::Vat, "FR12345678901", &[(Field::Country, "FR")]);
    ok(Field::Vat, "FRXX345678901", &[(Field::Country, "FR")]);
    ok(Field::Vat, "ESX1234567X", &[(Field::Country, "ES")]);
    bad(Field::Vat, "ES1234", &[(Field::Country, "ES")], Problem::VatForeign { example: "ESX1234567X" });
    ok(Field::Vat, "NL123456789B01", &[(Field::Country, "NL")]);
    ok(Field::Vat, "ATU12345678", &[(Field::Country, "AT")]);
    bad(Field::Vat, "AT12345678", &[(Field::Country, "AT")], Problem::VatForeign { example: "ATU12345678" });
    ok(Field::Vat, "EL123456789", &[(Field::Country, "GR")]);
    ok(Field::Vat, "CHE123456789", &[(Field::Country, "CH")]);
}

#[test]
fn fiscal_codes_of_people_and_entities() {
    ok(Field::FiscalCode, "RSSMRA85T10A562S", &[]);
    ok(Field::FiscalCode, "rssmra 85t10 a562s", &[]);
    ok(Field::FiscalCode, "RSSMRA85T10A56NH", &[]);
    ok(Field::FiscalCode, "80012345676", &[]);
    bad(Field::FiscalCode, "RSSMRA85T10A562X", &[], Problem::FiscalCodeCheck);
    bad(Field::FiscalCode, "80012345677", &[], Problem::FiscalCodeCheck);
    bad(Field::FiscalCode, "RSSMRA85", &[], Problem::FiscalCodeFormat);
    bad(Field::FiscalCode, "RSSMRA85T10A562SS", &[], Problem::FiscalCodeFormat);
    bad(Field::FiscalCode, "123RRA85T10A562S", &[], Problem::FiscalCodeFormat);
}

#[test]
fn sdi_codes_depend_on_the_organization_type_and_the_pec() {
    let private = &[(Field::OrgType, "private_profit")][..];
    let public = &[(Field::OrgType, "public_local_national")][..];
    ok(Field::CodeDest, "M5UXCR1", private);
    ok(Field::CodeDest, "m5u xcr1", private);
    bad(Field::CodeDest, "UF1234", private, Problem::SdiPrivate);
    ok(Field::CodeDest, "UF1234", public);
    bad(Field::CodeDest, "M5UXCR1", public, Problem::SdiPublic);
    ok(Field::CodeDest, "", private);
    bad(Field::CodeDest, "0000000", private, Problem::SdiZerosNeedPec);
    ok(Field::CodeDest, "0000000", &[(Field::OrgType, "private_profit"), (Field::CertifiedEmail, "ponte@pec.example.org")]);
}

#[test]
fn a_pec_is_needed_when_the_sdi_code_is_zeros() {
    bad(Field::CertifiedEmail, "", &[(Field::CodeDest, "0000000")], Problem::PecNeeded);
    ok(Field::CertifiedEmail, "", &[(Field::CodeDest, "M5UXCR1")]);
    ok(Field::CertifiedEmail, "ponte@pec.example.org", &[(Field::CodeDest, "0000000")]);
    bad(Field::CertifiedEmail, "ponte@pec", &[], Problem::EmailFormat);
}

#[test]
fn form_keys_and_error_paths_name_the_same_field() {
    for &f in Field::ALL {
        assert_eq!(Field::from_key(f.key()), Some(f));
        assert_eq!(Field::from_key(f.path()), Some(f));
    }
    assert_eq!(Field::from_key("address_info[postcode]"), Some(Field::Postcode));
    assert_eq!(Field::from_key("billing_info.vat"), Some(Field::Vat));
    assert_eq!(Field::from_key("status"), None);
}
