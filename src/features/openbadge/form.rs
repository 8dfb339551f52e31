//! What the Open Badge forms (profile, billing) share: the organization's
//! values as form values, the rules, field labels and the save call.

use crate::api;
use crate::ui::form::model::{self, ob_keys, FormKey, FormModel, Snapshot};
use crate::i18n::{country_name, Lang, T};
use crate::core::session::Dialect;
use orgdesk_model::fields::Field;
use orgdesk_model::openbadge::Organization;

/// Every field's value (each form looks at the others' for its rules) and
/// the version the values are from.
pub fn org_values(org: &Organization) -> Snapshot {
    let values = Field::ALL.iter().map(|&f| (FormKey::Ob(f), f.get(org))).collect();
    (values, org.updated_at.map(|at| at.to_http_date()))
}

/// The profile form's fields.
pub static PROFILE: [FormKey; Field::PROFILE.len()] = ob_keys(Field::PROFILE);
/// The billing form's fields.
pub static BILLING: [FormKey; Field::BILLING.len()] = ob_keys(Field::BILLING);

fn field(key: FormKey) -> Option<Field> {
    match key {
        FormKey::Ob(f) => Some(f),
        FormKey::Bv(_) => None,
    }
}

/// A form over `keys` of the organization `org_id`, its draft kept under `name`.
pub fn org_form(keys: &'static [FormKey], name: &str, org_id: &str) -> FormModel {
    FormModel::new(keys, format!("orgdesk.draft.ob.{name}.{org_id}"))
}

/// Saves the form's changes with the version they are based on.
pub fn save(form: FormModel, on_saved: impl Fn(Organization) + 'static) {
    model::save(
        form,
        Dialect::OpenBadge,
        api::openbadge::update_since,
        api::openbadge::organization,
        org_values,
        on_saved,
    );
}

pub fn label(key: FormKey) -> T {
    let Some(field) = field(key) else { return T::Name };
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
pub fn shown(key: FormKey, value: &str, lang: Lang) -> String {
    use orgdesk_model::openbadge::{Activity, Language, OrgType};
    match field(key) {
        Some(Field::OrgType) => crate::i18n::org_type_label(&OrgType::from_wire(value), lang),
        Some(Field::Activity) => crate::i18n::activity_label(&Activity::from_wire(value), lang),
        Some(Field::Language) => crate::i18n::language_label(&Language::from_wire(value), lang),
        Some(Field::Country) => country_name(value, lang),
        Some(Field::Description) => orgdesk_model::public::plain_text(value),
        _ => value.to_string(),
    }
}
