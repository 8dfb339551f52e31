//! The organization's profile, edited in place: identity, description,
//! address and contacts, with the status and record dates beside them.

use super::form::{org_form, OrgFormPage};
use super::nav::OrganizationPage;
use crate::ui::facts::Fact;
use crate::ui::form::model::FormModel;
use crate::ui::form::inputs::{FormInput, FormSelect};
use crate::ui::form::rich_text::RichTextEditor;
use crate::i18n::*;
use leptos::prelude::*;
use orgdesk_model::fields::Field;
use orgdesk_model::openbadge::{Activity, Language, OrgType, Organization};

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! { <OrganizationPage page=|org| view! { <ProfileForm org/> }.into_any()/> }
}

/// (value, label) pairs of a wire enum, in the viewer's language.
fn choices<E: Clone>(all: &'static [E], wire: fn(&E) -> &str, label: fn(&E, Lang) -> String, lang: Lang) -> Vec<(String, String)> {
    all.iter().map(|e| (wire(e).to_string(), label(e, lang))).collect()
}

#[component]
pub fn ProfileForm(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let (form, record) = org_form(Field::PROFILE, "profile", org);
    let title = move || record.with(|o| o.name.clone().unwrap_or_default());
    let subtitle = move || {
        let lang = i18n.lang.get();
        record.with(|o| {
            let parts = [o.org_type.as_ref().map(|t| org_type_label(t, lang)), o.activity.as_ref().map(|a| activity_label(a, lang))];
            let mut words: Vec<String> = parts.into_iter().flatten().collect();
            words.insert(0, i18n.t(T::Profile).to_string());
            words.join(" · ")
        })
    };
    view! {
        <OrgFormPage
            form
            record
            page_title=Signal::derive(move || format!("{} – {}", i18n.t(T::Profile), title()))
            heading=Signal::derive(title)
            subtitle=Signal::derive(subtitle)
            form_label=T::Profile
            aside=view! { <RecordAside record/> }.into_any()
        >
            <IdentityFieldset form/>
            <fieldset class="form__group">
                <legend>{move || i18n.t(T::Description)}</legend>
                <RichTextEditor form key=Field::Description label=T::Description hint=T::DescriptionHint/>
            </fieldset>
            <AddressFieldset form/>
            <ContactsFieldset form/>
        </OrgFormPage>
    }
}

/// Name, type, activity, website and language.
#[component]
fn IdentityFieldset(form: FormModel<Field>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang.get();
    let types = Signal::derive(move || choices(OrgType::ALL, |e| e.as_str(), org_type_label, lang()));
    let activities = Signal::derive(move || choices(Activity::ALL, |e| e.as_str(), activity_label, lang()));
    let languages = Signal::derive(move || choices(Language::ALL, |e| e.as_str(), language_label, lang()));
    view! {
        <fieldset class="form__group">
            <legend>{move || i18n.t(T::Identity)}</legend>
            <FormInput form key=Field::Name label=T::Name autocomplete="organization"/>
            <FormSelect form key=Field::OrgType label=T::Type options=types optional=true/>
            <FormSelect form key=Field::Activity label=T::Activity options=activities optional=true/>
            <FormInput form key=Field::Website label=T::Website hint=T::WebsiteHint input_type="url" autocomplete="url" optional=true/>
            <FormSelect form key=Field::Language label=T::Language hint=T::LanguageHint options=languages optional=true/>
        </fieldset>
    }
}

/// The postal address, with the note about Italian postcodes.
#[component]
fn AddressFieldset(form: FormModel<Field>) -> impl IntoView {
    let i18n = use_i18n();
    let country_list = Memo::new(move |_| countries(i18n.lang.get()));
    let italian = move || form.value(Field::Country) == "IT";
    view! {
        <fieldset class="form__group">
            <legend>{move || i18n.t(T::Address)}</legend>
            <FormInput form key=Field::Street label=T::Street autocomplete="street-address" optional=true/>
            <div class="form__row">
                <FormInput
                    form
                    key=Field::Postcode
                    label=T::Postcode
                    autocomplete="postal-code"
                    optional=true
                    width="short"
                />
                <FormInput form key=Field::City label=T::City autocomplete="address-level2" optional=true/>
            </div>
            <Show when=italian>
                <p class="field__hint form__note">{move || i18n.t(T::PostcodeItalyNote)}</p>
            </Show>
            <FormInput form key=Field::Region label=T::Region autocomplete="address-level1" optional=true/>
            <FormInput form key=Field::State label=T::StateProvince hint=T::StateHint optional=true/>
            <FormSelect form key=Field::Country label=T::Country options=country_list optional=true autocomplete="country"/>
        </fieldset>
    }
}

/// The contact person and the organization's e-mail addresses.
#[component]
fn ContactsFieldset(form: FormModel<Field>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="form__group">
            <legend>{move || i18n.t(T::Contacts)}</legend>
            <div class="form__row">
                <FormInput form key=Field::ContactName label=T::FirstName autocomplete="given-name" optional=true/>
                <FormInput form key=Field::ContactLastName label=T::LastName autocomplete="family-name" optional=true/>
            </div>
            <FormInput form key=Field::Mobile label=T::Mobile hint=T::MobileHint input_type="tel" autocomplete="tel" inputmode="tel" optional=true/>
            <FormInput form key=Field::ContactEmail label=T::Email input_type="email" autocomplete="email" optional=true/>
            <FormInput form key=Field::TechEmail label=T::TechEmail hint=T::TechEmailHint input_type="email" optional=true/>
            <FormInput form key=Field::LegalEmail label=T::LegalEmail hint=T::LegalEmailHint input_type="email" optional=true/>
        </fieldset>
    }
}

/// Status and record dates, beside the form.
#[component]
fn RecordAside(record: RwSignal<Organization>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <aside class="profile__aside" aria-labelledby="record-title">
            <h2 id="record-title">{move || i18n.t(T::Record)}</h2>
            <dl class="facts">
                <Fact
                    label=T::Status
                    value=Signal::derive(move || { record.with(|o| o.status.as_ref().map(|s| org_status_label(s, i18n.lang.get()))) })
                    help=Signal::derive(move || Some(i18n.t(T::StatusNote)))
                />
                <Fact label=T::CreatedAt value=Signal::derive(move || record.with(|o| o.created_at).map(|t| format_timestamp(&t, i18n.lang.get())))/>
                <Fact label=T::UpdatedAt value=Signal::derive(move || record.with(|o| o.updated_at).map(|t| format_timestamp(&t, i18n.lang.get())))/>
            </dl>
            <p class="profile__links">
                <a href="/openbadge/billing">{move || i18n.t(T::BillingAndSubscription)}</a>
            </p>
        </aside>
    }
}
