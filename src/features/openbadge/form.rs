//! What the Open Badge forms (profile, billing) share: the organization's
//! values as form values, the rules, field labels and the save call.

use crate::api;
use crate::ui::form::model::{self, FormField, FormModel, Snapshot};
use crate::i18n::{country_name, ob_problem, use_i18n, FieldMessage, Lang, T};
use crate::ui::form::inputs::{ConflictPanel, DraftNotice, FormSummary, SaveBar};
use crate::ui::form::unsaved::guard_unsaved;
use crate::core::capabilities::{use_capabilities, Extension};
use leptos::prelude::*;
use crate::ui::head::Title;
use crate::core::session::Dialect;
use crate::ui::safe_html::sanitize_to_string;
use orgdesk_model::fields::{self, Field};
use orgdesk_model::openbadge::Organization;

/// Every field's value (each form looks at the others' for its rules) and
/// the version the values are from.
pub fn org_values(org: &Organization) -> Snapshot<Field> {
    let values = Field::ALL.iter().map(|&f| (f, f.get(org))).collect();
    (values, api::openbadge::version_of(org))
}

/// The Open Badge organization's fields in the form machinery, with the
/// rules the server runs (`orgdesk_model::fields`).
impl FormField for Field {
    const DIALECT: Dialect = Dialect::OpenBadge;

    fn wire(self) -> &'static str {
        self.key()
    }

    fn id(self) -> &'static str {
        self.path()
    }

    fn normalize(self, value: &str) -> String {
        match self {
            // What the editor produces is compared as the sanitizer leaves it.
            Field::Description => sanitize_to_string(value),
            f => fields::normalize(f, value),
        }
    }

    fn check(self, value_of: &dyn Fn(Field) -> String) -> Option<FieldMessage> {
        fields::check(self, value_of).err().map(ob_problem)
    }

    fn dependents(self) -> &'static [Field] {
        fields::dependents(self)
    }

    fn named_by(self, wire: &str) -> bool {
        self.key() == wire || self.path() == wire
    }
}

/// A form over `keys` of `org`, its draft kept under `name`: loaded (any
/// draft laid over it), guarded against leaving with unsaved changes, and
/// the record it shows, which each save replaces.
pub fn org_form(keys: &'static [Field], name: &str, org: Organization) -> (FormModel<Field>, RwSignal<Organization>) {
    let form = FormModel::new(keys, format!("orgdesk.draft.ob.{name}.{}", org.id.as_deref().unwrap_or("current")));
    let (values, version) = org_values(&org);
    form.load(values, version);
    guard_unsaved(move || form.dirty());
    (form, RwSignal::new(org))
}

/// The page around an Open Badge form: heading, restored-draft notice,
/// conflict panel, error summary, the form (`children`, then the save bar)
/// and `aside` beside it.
#[component]
pub fn OrgFormPage(
    form: FormModel<Field>,
    record: RwSignal<Organization>,
    #[prop(into)] page_title: Signal<String>,
    #[prop(into)] heading: Signal<String>,
    #[prop(into)] subtitle: Signal<String>,
    /// The form's accessible name.
    form_label: T,
    aside: AnyView,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = Callback::new(move |_| save(form, move |saved| record.set(saved)));
    view! {
        <Title text=page_title/>
        <article class="profile">
            <header class="overview__header">
                <h1>{heading}</h1>
                <p class="overview__subtitle">{subtitle}</p>
            </header>
            <DraftNotice form/>
            <ConflictPanel form label=label show=shown/>
            <FormSummary form/>
            <div class="profile__layout">
                <form
                    class="form profile__form"
                    novalidate
                    aria-label=move || i18n.t(form_label)
                    on:submit=move |ev| {
                        ev.prevent_default();
                        submit.run(());
                    }
                >
                    {children()}
                    {(!use_capabilities().offers_untracked(Extension::ObConditional)).then(|| view! {
                        <p class="field__hint">{move || i18n.t(T::LastWriteWins)}</p>
                    })}
                    <SaveBar form updated_at=Signal::derive(move || record.with(|o| o.updated_at)) on_save=submit/>
                </form>
                {aside}
            </div>
        </article>
    }
}

/// Saves the form's changes with the version they are based on.
pub fn save(form: FormModel<Field>, on_saved: impl Fn(Organization) + 'static) {
    model::save(
        form,
        api::openbadge::update,
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
