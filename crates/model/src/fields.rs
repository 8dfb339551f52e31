//! The editable fields of an Open Badge organization: their form keys, the
//! value each has in a loaded organization, how typed input is normalized,
//! and the rules it must meet. The browser checks as the admin types; the
//! server checks the same way before it stores anything.

use crate::openbadge::{Activity, Language, OrgType, Organization};
use crate::validate::{self, Problem};

macro_rules! fields {
    ($($variant:ident => $key:literal, $path:literal, $max:literal;)+) => {
        /// One editable field.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field { $($variant,)+ }

        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];

            /// The bracketed form key the PUT takes, e.g. `address_info[postcode]`.
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key,)+ }
            }

            /// The dot path error bodies use, e.g. `address_info.postcode`.
            pub fn path(self) -> &'static str {
                match self { $(Field::$variant => $path,)+ }
            }

            /// Longest accepted value, in characters, after normalization.
            pub fn max_len(self) -> usize {
                match self { $(Field::$variant => $max,)+ }
            }
        }
    };
}

fields! {
    Name => "name", "name", 255;
    OrgType => "type", "type", 64;
    Activity => "activity", "activity", 64;
    Description => "description", "description", 20000;
    Website => "website", "website", 255;
    Language => "language", "language", 8;
    Street => "address_info[street]", "address_info.street", 255;
    Postcode => "address_info[postcode]", "address_info.postcode", 16;
    City => "address_info[city]", "address_info.city", 128;
    Region => "address_info[region]", "address_info.region", 128;
    State => "address_info[state]", "address_info.state", 128;
    Country => "address_info[country]", "address_info.country", 2;
    ContactName => "contact_info[name]", "contact_info.name", 128;
    ContactLastName => "contact_info[last_name]", "contact_info.last_name", 128;
    Mobile => "contact_info[mobile]", "contact_info.mobile", 32;
    ContactEmail => "contact_info[email]", "contact_info.email", 254;
    TechEmail => "contact_info[tech_email]", "contact_info.tech_email", 254;
    LegalEmail => "contact_info[legal_email]", "contact_info.legal_email", 254;
    LegalName => "billing_info[legal_name]", "billing_info.legal_name", 255;
    Vat => "billing_info[vat]", "billing_info.vat", 16;
    FiscalCode => "billing_info[fiscal_code]", "billing_info.fiscal_code", 16;
    CodeDest => "billing_info[code_dest]", "billing_info.code_dest", 7;
    BillingEmail => "billing_info[email]", "billing_info.email", 254;
    CertifiedEmail => "billing_info[certified_email]", "billing_info.certified_email", 254;
}

impl Field {
    /// The profile form's fields, in form order.
    pub const PROFILE: &'static [Field] = &[
        Field::Name,
        Field::OrgType,
        Field::Activity,
        Field::Website,
        Field::Language,
        Field::Description,
        Field::Street,
        Field::Postcode,
        Field::City,
        Field::Region,
        Field::State,
        Field::Country,
        Field::ContactName,
        Field::ContactLastName,
        Field::Mobile,
        Field::ContactEmail,
        Field::TechEmail,
        Field::LegalEmail,
    ];

    /// The billing form's fields, in form order.
    pub const BILLING: &'static [Field] =
        &[Field::LegalName, Field::Vat, Field::FiscalCode, Field::CodeDest, Field::BillingEmail, Field::CertifiedEmail];

    /// The field a form key or an error path names; both spellings are accepted.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key || f.path() == key)
    }

    /// The field's value in a loaded organization, as the form shows it
    /// (empty when missing).
    pub fn get(self, org: &Organization) -> String {
        let address = org.address_info.clone().unwrap_or_default();
        let contact = org.contact_info.clone().unwrap_or_default();
        let billing = org.billing_info.clone().unwrap_or_default();
        let value = match self {
            Field::Name => org.name.clone(),
            Field::OrgType => org.org_type.as_ref().map(|v| v.as_str().to_string()),
            Field::Activity => org.activity.as_ref().map(|v| v.as_str().to_string()),
            Field::Description => org.description.clone(),
            Field::Website => org.website.clone(),
            Field::Language => org.language.as_ref().map(|v| v.as_str().to_string()),
            Field::Street => address.street,
            Field::Postcode => address.postcode,
            Field::City => address.city,
            Field::Region => address.region,
            Field::State => address.state,
            Field::Country => address.country,
            Field::ContactName => contact.name,
            Field::ContactLastName => contact.last_name,
            Field::Mobile => contact.mobile,
            Field::ContactEmail => contact.email,
            Field::TechEmail => contact.tech_email,
            Field::LegalEmail => contact.legal_email,
            Field::LegalName => billing.legal_name,
            Field::Vat => billing.vat,
            Field::FiscalCode => billing.fiscal_code,
            Field::CodeDest => billing.code_dest,
            Field::BillingEmail => billing.email,
            Field::CertifiedEmail => billing.certified_email,
        };
        value.unwrap_or_default()
    }

    /// Whether the field holds an e-mail address.
    pub fn is_email(self) -> bool {
        matches!(self, Field::ContactEmail | Field::TechEmail | Field::LegalEmail | Field::BillingEmail | Field::CertifiedEmail)
    }
}

/// The value as it will be stored: trimmed, control characters dropped and
/// runs of spaces collapsed; codes (VAT, fiscal code, SDI code, country)
/// upper-cased without spaces, dots and dashes; postcodes upper-cased; the
/// select values (type, activity, language) lower-cased; a mobile number
/// with single spaces and none right after the `+`. The description is only
/// trimmed: it is HTML, and the server sanitizes it. Case changes are ASCII
/// only: codes and postcodes are written in A–Z and digits (other letters
/// stay as typed and fail the field's rule), and Unicode's case tables would
/// be some 20 KB of the console's wasm.
pub fn normalize(field: Field, value: &str) -> String {
    let value = value.trim();
    let words = || value.split_whitespace().map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    match field {
        Field::Vat | Field::FiscalCode | Field::CodeDest | Field::Country => {
            value.chars().filter(|c| !c.is_whitespace() && !c.is_control() && *c != '.' && *c != '-').collect::<String>().to_ascii_uppercase()
        }
        Field::Postcode => words().to_ascii_uppercase(),
        Field::OrgType | Field::Activity | Field::Language => words().to_ascii_lowercase(),
        Field::Mobile => {
            let spaced = words();
            match spaced.strip_prefix('+') {
                Some(rest) => format!("+{}", rest.trim_start()),
                None => spaced,
            }
        }
        Field::Description => value.to_string(),
        _ => words(),
    }
}

/// Checks `field`'s value. `value_of` gives the (normalized) value of any
/// field as it will be after the save, since some rules look at others: the
/// postcode and VAT number at the country, the SDI code at the organization
/// type and the PEC.
pub fn check(field: Field, value_of: &dyn Fn(Field) -> String) -> Result<(), Problem> {
    let value = value_of(field);
    // Codes and choices have exact shapes: a value too long for them gets the
    // shape's words (which say what to type), not a character count.
    let shaped = matches!(field, Field::Country | Field::CodeDest | Field::Vat | Field::FiscalCode | Field::OrgType | Field::Activity | Field::Language);
    if !shaped && value.chars().count() > field.max_len() {
        return Err(Problem::TooLong(field.max_len()));
    }
    let optional = |rule: fn(&str) -> Result<(), Problem>| if value.is_empty() { Ok(()) } else { rule(&value) };
    match field {
        Field::Name | Field::LegalName => validate::required(&value),
        Field::OrgType => optional(|v| known(OrgType::ALL.iter().map(|t| t.as_str()), v)),
        Field::Activity => optional(|v| known(Activity::ALL.iter().map(|t| t.as_str()), v)),
        Field::Language => optional(|v| known(Language::ALL.iter().map(|t| t.as_str()), v)),
        Field::Website => optional(validate::web_url),
        Field::Country => optional(validate::country),
        Field::Postcode => {
            if value.is_empty() {
                Ok(())
            } else {
                validate::postcode(&value, &value_of(Field::Country))
            }
        }
        Field::Mobile => optional(validate::mobile),
        Field::Vat => {
            if value.is_empty() {
                Ok(())
            } else {
                validate::vat(&value, &value_of(Field::Country))
            }
        }
        Field::FiscalCode => optional(validate::fiscal_code),
        Field::CodeDest => {
            let public = value_of(Field::OrgType) == OrgType::PublicLocalNational.as_str();
            validate::code_dest(&value, public, !value_of(Field::CertifiedEmail).is_empty())
        }
        Field::CertifiedEmail => {
            if value.is_empty() {
                if value_of(Field::CodeDest) == validate::SDI_NO_CODE {
                    Err(Problem::PecNeeded)
                } else {
                    Ok(())
                }
            } else {
                validate::email(&value)
            }
        }
        f if f.is_email() => optional(validate::email),
        _ => Ok(()),
    }
}

fn known<'a>(mut choices: impl Iterator<Item = &'a str>, value: &str) -> Result<(), Problem> {
    if choices.any(|c| c == value) {
        Ok(())
    } else {
        Err(Problem::NotAChoice)
    }
}

/// Fields whose rules look at `field`, so changing it re-checks them: the
/// postcode and VAT number follow the country, the SDI code the type and the
/// PEC, and the PEC the SDI code.
pub fn dependents(field: Field) -> &'static [Field] {
    match field {
        Field::Country => &[Field::Postcode, Field::Vat],
        Field::OrgType => &[Field::CodeDest],
        Field::CodeDest => &[Field::CertifiedEmail],
        Field::CertifiedEmail => &[Field::CodeDest],
        _ => &[],
    }
}

/// Every problem of `fields` at once, in form order.
pub fn check_all(fields: &[Field], value_of: &dyn Fn(Field) -> String) -> Vec<(Field, Problem)> {
    fields.iter().filter_map(|&f| check(f, value_of).err().map(|p| (f, p))).collect()
}
