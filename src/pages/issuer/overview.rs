//! The Open Badge organization, every field, grouped as an admin thinks of
//! them. Read-only for now.

use super::nav::IssuerNav;
use crate::api;
use crate::components::facts::{labelled, number, on_off, text, when, Fact, FactView, Section};
use crate::components::guard::{authed_resource, LoadError, Loading, RequireSession};
use crate::components::safe_html::SafeHtml;
use crate::i18n::*;
use crate::state::session::Dialect;
use leptos::prelude::*;
use leptos_meta::Title;
use orgdesk_model::openbadge::{Organization, SubscriptionStatus};
use orgdesk_model::Timestamp;

/// Credits below this get a visible warning.
pub const LOW_CREDITS: i64 = 20;

#[component]
pub fn IssuerOverviewPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::OpenBadge>
            <IssuerNav/>
            <IssuerOverviewLoader/>
        </RequireSession>
    }
}

#[component]
fn IssuerOverviewLoader() -> impl IntoView {
    let org = authed_resource(Dialect::OpenBadge, api::openbadge::organization);
    move || match org.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(o)) => view! { <IssuerOverview org=o/> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e on_retry=Callback::new(move |_| org.refetch())/> }.into_any(),
    }
}

/// Whole days from now until `end` (negative once it has passed).
fn days_until(end: &Timestamp) -> i64 {
    ((end.millis() as f64 - js_sys::Date::now()) / 86_400_000.0).floor() as i64
}

#[component]
pub fn IssuerOverview(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let name = org.name.clone().unwrap_or_default();
    let address = org.address_info.clone().unwrap_or_default();
    let contacts = org.contact_info.clone().unwrap_or_default();
    let billing = org.billing_info.clone().unwrap_or_default();
    let settings = org.settings.unwrap_or_default();
    let Organization { org_type, activity, language, status, subscription_status, .. } = org.clone();

    let title = name.clone();
    let subtitle = {
        let (org_type, activity) = (org_type.clone(), activity.clone());
        move || {
            let lang = i18n.lang.get();
            [org_type.as_ref().map(|t| org_type_label(t, lang)), activity.as_ref().map(|a| activity_label(a, lang))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let low_credits = org.credits_left.is_some_and(|c| c < LOW_CREDITS);
    let period_ended = org.current_period_end.as_ref().is_some_and(|end| days_until(end) < 0);
    let cancelled = subscription_status == Some(SubscriptionStatus::Cancelled);
    let period = {
        let (start, end) = (org.current_period_start, org.current_period_end);
        Signal::derive(move || {
            let lang = i18n.lang.get();
            let (start, end) = (start?, end?);
            Some(format!(
                "{} – {} ({})",
                format_timestamp(&start, lang),
                format_timestamp(&end, lang),
                days_left_text(days_until(&end), lang)
            ))
        })
    };
    let description = org.description.clone().unwrap_or_default();
    let has_description = !description.trim().is_empty();
    let website = org.website.clone().filter(|w| !w.trim().is_empty());
    let public_url = org.public_url.clone().filter(|u| !u.is_empty() && settings.public_profile);
    let logos = [
        (T::LogoStandard, org.logo_path.clone(), 256),
        (T::LogoHigh, org.logo_high_path.clone(), 256),
        (T::LogoThumbnail, org.logo_thumbnail_path.clone(), 64),
    ];
    let has_logo = logos.iter().any(|(_, url, _)| url.as_deref().is_some_and(|u| !u.is_empty()));

    view! {
        <Title text=title.clone()/>
        <article class="overview">
            <header class="overview__header">
                <h1>{name.clone()}</h1>
                <p class="overview__subtitle">{subtitle}</p>
            </header>

            <Section id="identity" title=T::Identity>
                <dl class="facts">
                    <Fact label=T::Name value=text(org.name.clone())/>
                    <Fact label=T::Type value=labelled(org_type.clone(), org_type_label)/>
                    <Fact label=T::Activity value=labelled(activity.clone(), activity_label)/>
                    {match website.clone() {
                        Some(url) => view! {
                            <FactView label=T::Website>
                                <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a>
                            </FactView>
                        }.into_any(),
                        None => view! { <Fact label=T::Website value=text(None)/> }.into_any(),
                    }}
                    <Fact label=T::Language value=labelled(language.clone(), language_label)/>
                    <Fact
                        label=T::Status
                        value=labelled(status.clone(), org_status_label)
                        help=Signal::derive(move || Some(i18n.t(T::StatusNote)))
                    />
                    <FactView label=T::Description>
                        {if has_description {
                            view! { <SafeHtml html=description.clone() class="rich-text"/> }.into_any()
                        } else {
                            view! { <span class="muted">{move || i18n.t(T::NotSet)}</span> }.into_any()
                        }}
                    </FactView>
                </dl>
            </Section>

            <Section id="address" title=T::Address>
                <dl class="facts">
                    <Fact label=T::Street value=text(address.street.clone())/>
                    <Fact label=T::Postcode value=text(address.postcode.clone())/>
                    <Fact label=T::City value=text(address.city.clone())/>
                    <Fact label=T::Region value=text(address.region.clone())/>
                    <Fact label=T::StateProvince value=text(address.state.clone())/>
                    <Fact label=T::Country value=text(address.country.clone())/>
                </dl>
            </Section>

            <Section id="contacts" title=T::Contacts>
                <dl class="facts">
                    <Fact label=T::FirstName value=text(contacts.name.clone())/>
                    <Fact label=T::LastName value=text(contacts.last_name.clone())/>
                    <Fact label=T::Mobile value=text(contacts.mobile.clone())/>
                    <Fact label=T::Email value=text(contacts.email.clone())/>
                    <Fact label=T::TechEmail value=text(contacts.tech_email.clone())/>
                    <Fact label=T::LegalEmail value=text(contacts.legal_email.clone())/>
                </dl>
            </Section>

            <Section id="billing" title=T::Billing>
                <dl class="facts">
                    <Fact label=T::LegalName value=text(billing.legal_name.clone())/>
                    <Fact label=T::Vat value=text(billing.vat.clone())/>
                    <Fact label=T::FiscalCode value=text(billing.fiscal_code.clone())/>
                    <Fact label=T::SdiCode value=text(billing.code_dest.clone())/>
                    <Fact label=T::BillingEmail value=text(billing.email.clone())/>
                    <Fact label=T::Pec value=text(billing.certified_email.clone())/>
                </dl>
            </Section>

            <Section id="public-profile" title=T::PublicProfile>
                <dl class="facts">
                    <Fact label=T::PublicProfile value=on_off(settings.public_profile)/>
                    <Fact label=T::ShowBadgeTypes value=on_off(settings.public_badge_types)/>
                    <Fact label=T::ShowLearningPaths value=on_off(settings.public_learning_paths)/>
                    <Fact label=T::ShowBadgeTemplates value=on_off(settings.public_badge_templates)/>
                    <FactView label=T::PublicPage>
                        {match public_url.clone() {
                            Some(url) => view! { <a href=url.clone()>{url.clone()}</a> }.into_any(),
                            None => view! { <span class="muted">{move || i18n.t(T::PublicPageOff)}</span> }.into_any(),
                        }}
                    </FactView>
                </dl>
            </Section>

            <Section id="logo" title=T::Logo>
                {if has_logo {
                    view! {
                        <ul class="logo-sizes">
                            {logos.into_iter().map(|(label, url, size)| view! {
                                <li class="logo-sizes__item">
                                    {match url.filter(|u| !u.is_empty()) {
                                        Some(u) => view! {
                                            <img src=u width=size height=size alt=move || format!("{} – {}", i18n.t(T::Logo), i18n.t(label)) loading="lazy"/>
                                        }.into_any(),
                                        None => view! { <span class="muted">{move || i18n.t(T::NotSet)}</span> }.into_any(),
                                    }}
                                    <span class="logo-sizes__label">{move || i18n.t(label)}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! { <p class="muted">{move || i18n.t(T::NoLogo)}</p> }.into_any()
                }}
            </Section>

            <Section id="subscription" title=T::SubscriptionAndCredits>
                {low_credits.then(|| view! { <p class="notice notice--warning">{move || i18n.t(T::LowCredits)}</p> })}
                {cancelled.then(|| view! { <p class="notice notice--info">{move || i18n.t(T::SubscriptionCancelledNote)}</p> })}
                {period_ended.then(|| view! { <p class="notice notice--warning">{move || i18n.t(T::PeriodEnded)}</p> })}
                <dl class="facts">
                    <Fact label=T::Subscription value=labelled(subscription_status.clone(), subscription_status_label)/>
                    <Fact label=T::CurrentPeriod value=period/>
                    <Fact label=T::MaxUsers value=number(org.max_users)/>
                    <Fact label=T::CreditsLeft value=number(org.credits_left)/>
                    <Fact label=T::BadgesIssued value=number(org.badges_count)/>
                    <Fact label=T::TemplatesCreated value=number(org.badge_templates_count)/>
                </dl>
            </Section>

            <Section id="record" title=T::Record>
                <dl class="facts">
                    <Fact label=T::OrganizationId value=text(org.id.clone())/>
                    <Fact label=T::CreatedAt value=when(org.created_at)/>
                    <Fact label=T::UpdatedAt value=when(org.updated_at)/>
                    <Fact label=T::SubscriptionId value=text(org.subscription_id.clone())/>
                    <Fact label=T::StripeCustomer value=text(org.stripe_customer_id.clone())/>
                    <Fact label=T::LegacyId value=text(org.imp_legacy_id.clone())/>
                </dl>
            </Section>
        </article>
    }
}
