//! Billing details for Italian electronic invoices, and the subscription and
//! credits the admin can see but not change.

use super::form::{org_form, OrgFormPage};
use super::nav::OrganizationPage;
use crate::ui::facts::{Fact, Section};
use crate::ui::form::inputs::FormInput;
use crate::i18n::*;
use leptos::prelude::*;
use orgdesk_model::fields::Field;
use orgdesk_model::openbadge::{OrgType, Organization, SubscriptionStatus};
use orgdesk_model::Timestamp;

/// Credits below this get a visible warning.
pub const LOW_CREDITS: i64 = 20;

#[component]
pub fn BillingPage() -> impl IntoView {
    view! { <OrganizationPage page=|org| view! { <Billing org/> }.into_any()/> }
}

/// Whole days from now until `end` (negative once it has passed).
fn days_until(end: &Timestamp) -> i64 {
    ((end.millis() as f64 - js_sys::Date::now()) / 86_400_000.0).floor() as i64
}

#[component]
pub fn Billing(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let (form, record) = org_form(Field::BILLING, "billing", org);

    let public_admin = move || form.value(Field::OrgType) == OrgType::PublicLocalNational.as_str();
    let country = move || form.value(Field::Country);
    let sdi_hint = Signal::derive(move || if public_admin() { T::SdiHintPublic } else { T::SdiHintPrivate });
    let vat_hint = Signal::derive(move || match country().as_str() {
        "" | "IT" => T::VatHintItaly,
        _ => T::VatHintForeign,
    });
    let country_note = move || {
        let lang = i18n.lang.get();
        let c = country();
        let name = if c.is_empty() { i18n.t(T::NotSet).to_string() } else { country_name(&c, lang) };
        msg::vat_country_note(lang, &name)
    };

    view! {
        <OrgFormPage
            form
            record
            page_title=Signal::derive(move || i18n.t(T::BillingAndSubscription).to_string())
            heading=Signal::derive(move || i18n.t(T::BillingAndSubscription).to_string())
            subtitle=Signal::derive(move || record.with(|o| o.name.clone().unwrap_or_default()))
            form_label=T::Billing
            aside=view! { <Subscription record/> }.into_any()
        >
            <fieldset class="form__group">
                <legend>{move || i18n.t(T::Billing)}</legend>
                <p class="field__hint">{move || i18n.t(T::BillingLead)}</p>
                <FormInput form key=Field::LegalName label=T::LegalName hint=T::LegalNameHint autocomplete="organization"/>
                <FormInput form key=Field::Vat label=T::Vat hint=vat_hint optional=true upper=true width="medium"/>
                <p class="form__note field__hint">{country_note}" "<a href="/openbadge#address_info.country">{move || i18n.t(T::ChangeInProfile)}</a></p>
                <FormInput form key=Field::FiscalCode label=T::FiscalCode hint=T::FiscalCodeHint optional=true upper=true width="medium"/>
                <FormInput form key=Field::CodeDest label=T::SdiCode hint=sdi_hint optional=true upper=true width="short"/>
                <FormInput form key=Field::BillingEmail label=T::BillingEmail input_type="email" autocomplete="email" optional=true/>
                <FormInput form key=Field::CertifiedEmail label=T::Pec hint=T::PecHint input_type="email" optional=true/>
            </fieldset>
        </OrgFormPage>
    }
}

/// Subscription and credits: read-only, at a glance.
#[component]
fn Subscription(record: RwSignal<Organization>) -> impl IntoView {
    let i18n = use_i18n();
    let org = record.get_untracked();
    let low_credits = org.credits_left.is_some_and(|c| c < LOW_CREDITS);
    let ended = org.current_period_end.as_ref().is_some_and(|end| days_until(end) < 0);
    let cancelled = org.subscription_status == Some(SubscriptionStatus::Cancelled);
    let (start, end) = (org.current_period_start, org.current_period_end);
    let period = Signal::derive(move || {
        let lang = i18n.lang.get();
        let (start, end) = (start?, end?);
        Some(format!("{} – {}", format_timestamp(&start, lang), format_timestamp(&end, lang)))
    });
    let days = Signal::derive(move || end.map(|e| days_left_text(days_until(&e), i18n.lang.get())));
    let status = org.subscription_status.clone();
    let num = move |n: Option<i64>| Signal::derive(move || n.map(|n| format_number(n, i18n.lang.get())));
    view! {
        <aside class="profile__aside subscription" aria-labelledby="subscription-title">
            <Section id="subscription" title=T::SubscriptionAndCredits>
                {low_credits.then(|| view! { <p class="notice notice--warning">{move || i18n.t(T::LowCredits)}</p> })}
                {cancelled.then(|| view! { <p class="notice notice--info">{move || i18n.t(T::SubscriptionCancelledNote)}</p> })}
                {ended.then(|| view! { <p class="notice notice--warning">{move || i18n.t(T::PeriodEnded)}</p> })}
                <dl class="facts">
                    <Fact label=T::Subscription value=Signal::derive(move || status.as_ref().map(|s| subscription_status_label(s, i18n.lang.get())))/>
                    <Fact label=T::CurrentPeriod value=period/>
                    <Fact label=T::DaysLeft value=days/>
                    <Fact label=T::MaxUsers value=num(org.max_users)/>
                    <Fact label=T::CreditsLeft value=num(org.credits_left)/>
                    <Fact label=T::BadgesIssued value=num(org.badges_count)/>
                    <Fact label=T::TemplatesCreated value=num(org.badge_templates_count)/>
                </dl>
                <p class="field__hint">{move || i18n.t(T::SubscriptionReadOnly)}</p>
            </Section>
        </aside>
    }
}
