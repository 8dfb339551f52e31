//! What the Open Badge forms (profile, billing) share: the organization's
//! values as form values, the rules, field labels and the save call.

use crate::api;
use crate::components::form::{self, FormModel, Rules, Snapshot};
use crate::components::safe_html::sanitize_to_string;
use crate::i18n::{country_name, FieldMessage, Lang, T};
use crate::state::session::Dialect;
use orgdesk_model::fields::{self, Field};
use orgdesk_model::openbadge::Organization;

/// Every field's value (each form looks at the others' for its rules) and
/// the version the values are from.
pub fn org_values(org: &Organization) -> Snapshot<Field> {
    let values = Field::ALL.iter().map(|&f| (f, f.get(org))).collect();
    (values, org.updated_at.map(|at| at.to_http_date()))
}

fn normalize(field: Field, value: &str) -> String {
    match field {
        // What the editor produces is compared as the sanitizer leaves it.
        Field::Description => sanitize_to_string(value),
        f => fields::normalize(f, value),
    }
}

fn check(field: Field, value_of: &dyn Fn(Field) -> String) -> Option<FieldMessage> {
    fields::check(field, value_of).err().map(FieldMessage::Rule)
}

/// A form over `keys` of the organization `org_id`, its draft kept under `name`.
pub fn org_form(keys: &'static [Field], name: &str, org_id: &str) -> FormModel<Field> {
    FormModel::new(keys, Rules { normalize, check, dependents: fields::dependents }, format!("orgdesk.draft.ob.{name}.{org_id}"))
}

/// Saves the form's changes with the version they are based on.
pub fn save(form: FormModel<Field>, on_saved: impl Fn(Organization) + 'static) {
    form::save(
        form,
        Dialect::OpenBadge,
        api::openbadge::update_since,
        api::openbadge::organization,
        org_values,
        on_saved,
    );
}

pub fn label(field: Field) -> T {
    match field {
        Field::Name => T::Name,
        Field::OrgType => T::Type,
        Field::Activity => T::Activity,
        Field::Description => T::Description,
        Field::Website => T::Website,
        Field::Language => T::Language,
        Field::Street => T::Street,
        Field::Postcode => T::Postcode,
        Field::City => T::City,
        Field::Region => T::Region,
        Field::State => T::StateProvince,
        Field::Country => T::Country,
        Field::ContactName => T::FirstName,
        Field::ContactLastName => T::LastName,
        Field::Mobile => T::Mobile,
        Field::ContactEmail => T::Email,
        Field::TechEmail => T::TechEmail,
        Field::LegalEmail => T::LegalEmail,
        Field::LegalName => T::LegalName,
        Field::Vat => T::Vat,
        Field::FiscalCode => T::FiscalCode,
        Field::CodeDest => T::SdiCode,
        Field::BillingEmail => T::BillingEmail,
        Field::CertifiedEmail => T::Pec,
    }
}

/// A value as the conflict panel shows it: choices by their label.
pub fn shown(field: Field, value: &str, lang: Lang) -> String {
    use orgdesk_model::openbadge::{Activity, Language, OrgType};
    match field {
        Field::OrgType => crate::i18n::org_type_label(&OrgType::from_wire(value), lang),
        Field::Activity => crate::i18n::activity_label(&Activity::from_wire(value), lang),
        Field::Language => crate::i18n::language_label(&Language::from_wire(value), lang),
        Field::Country => country_name(value, lang),
        Field::Description => orgdesk_model::public::plain_text(value),
        _ => value.to_string(),
    }
}
