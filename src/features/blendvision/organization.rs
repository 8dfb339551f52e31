//! The BlendVision One organization: identity, hierarchy, contracts, owner
//! and the business settings of its plan. Read-only for now.

use crate::api;
use crate::ui::facts::{labelled, number, text, when, Fact, FactView, Section};
use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::{Loading, loaded};
use crate::i18n::*;
use crate::core::session::{use_session, Dialect, SignedOutReason};
use orgdesk_model::bv_form::BvField;
use leptos::prelude::*;
use crate::ui::head::Title;
use crate::core::navigation::{use_location, Go};
use orgdesk_model::blendvision::{BusinessPlanType, BusinessSetting, Organization, OrganizationType, Owner};

#[component]
pub fn BvOrganizationPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::BlendVision>
            <super::nav::BvNav/>
            <BvOrganizationLoader/>
        </RequireSession>
    }
}

#[component]
fn BvOrganizationLoader() -> impl IntoView {
    let org = authed_resource(Dialect::BlendVision, api::blendvision::organization);
    loaded(org, |o| view! { <BvOrganizationOverview org=o/> }.into_any(), Some(|| view! { <NoOrganization/> }.into_any()))
}

/// The token is good but no organization belongs to it.
#[component]
pub fn NoOrganization() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let switch_account = move |_| {
        session.end(SignedOutReason::SignedOut);
        location.go(Dialect::BlendVision.sign_in_path(), Go::PAGE);
    };
    view! {
        <Title text=move || i18n.t(T::NoOrganizationTitle)/>
        <section class="message-page">
            <h1>{move || i18n.t(T::NoOrganizationTitle)}</h1>
            <p>{move || i18n.t(T::NoOrganizationBody)}</p>
            <p><button type="button" class="button" on:click=switch_account>{move || i18n.t(T::SignInAnother)}</button></p>
        </section>
    }
}

fn length(months: Option<i64>, days: Option<i64>) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || contract_length(months, days, i18n.lang.get()))
}

fn yes_no(v: Option<bool>) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || v.map(|v| i18n.t(if v { T::Yes } else { T::No }).to_string()))
}

#[component]
pub fn BvOrganizationOverview(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let name = org.name.clone().unwrap_or_default();
    let shown_name = RwSignal::new(name.clone());
    let org_id = org.id.clone().unwrap_or_default();
    let headline = {
        let (org_type, status) = (org.org_type.clone(), org.status.clone());
        move || {
            let lang = i18n.lang.get();
            [org_type.as_ref().map(|t| bv_type_label(t, lang)), status.as_ref().map(|s| bv_status_label(s, lang))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let is_root = org.org_type == Some(OrganizationType::Root);
    let parent = org.parent_name.clone().or(org.parent_id.clone());
    let has_sub_orgs = org.has_sub_orgs;
    let owner = org.owner.clone();
    let owner_email = org.owner_email.clone();
    let setting = org.business_setting.clone();

    view! {
        <Title text=Signal::derive(move || shown_name.get())/>
        <article class="overview">
            <header class="overview__header">
                <h1>{move || shown_name.get()}</h1>
                <p class="overview__subtitle">{headline}</p>
            </header>
            <RenameForm org_id=org_id.clone() name=name.clone() on_renamed=Callback::new(move |n| shown_name.set(n))/>
            <IdentitySection org=org.clone() shown_name/>
            <HierarchySection is_root parent has_sub_orgs/>
            <ContractSection org/>
            <OwnerSection owner owner_email/>
            <Plans org_id=org_id.clone()/>
            <BusinessSection setting/>
        </article>
    }
}

#[component]
fn IdentitySection(org: Organization, shown_name: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let status = org.status.clone();
    let status_help = status.clone();
    view! {
        <Section id="identity" title=T::Identity>
            <dl class="facts">
                <Fact label=T::Name value=Signal::derive(move || Some(shown_name.get()))/>
                <Fact label=T::Type value=labelled(org.org_type.clone(), bv_type_label)/>
                <Fact
                    label=T::Status
                    value=labelled(status, bv_status_label)
                    help=Signal::derive(move || status_help.as_ref().and_then(|s| bv_status_help(s, i18n.lang.get())))
                />
                <Fact label=T::Description value=text(org.description.clone())/>
                <Fact label=T::TimeZone value=text(org.time_zone.clone())/>
                <Fact label=T::LicenseKey value=text(org.license_key.clone())/>
                <Fact label=T::OrganizationId value=text(org.id.clone())/>
                <Fact label=T::CreatedAt value=when(org.created_at)/>
                <Fact label=T::UpdatedAt value=when(org.updated_at)/>
            </dl>
        </Section>
    }
}

#[component]
fn HierarchySection(is_root: bool, parent: Option<String>, has_sub_orgs: Option<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section id="hierarchy" title=T::Hierarchy>
            <dl class="facts">
                {if is_root {
                    view! { <FactView label=T::ParentOrganization>{move || i18n.t(T::TopOfHierarchy)}</FactView> }.into_any()
                } else {
                    view! { <Fact label=T::ParentOrganization value=text(parent)/> }.into_any()
                }}
                <FactView label=T::SubOrganizations>
                    {move || i18n.t(if has_sub_orgs == Some(true) { T::HasSubOrgs } else { T::NoSubOrgs })}
                </FactView>
            </dl>
        </Section>
    }
}

/// The current contract and the next one.
#[component]
fn ContractSection(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let has_contract = org.contract_valid_start_time.is_some() || org.contract_valid_end_time.is_some();
    let next = org.next_contract.clone();
    let billing_cycle = org.billing_cycle.filter(|c| *c > 0);
    view! {
        <Section id="contract" title=T::Contract>
            {if has_contract {
                view! {
                    <dl class="facts">
                        <Fact label=T::Start value=when(org.contract_valid_start_time)/>
                        <Fact label=T::End value=when(org.contract_valid_end_time)/>
                        <Fact label=T::Length value=length(org.contract_months, org.contract_days)/>
                        <Fact label=T::BillingCycle value=Signal::derive(move || billing_cycle.map(|c| billing_cycle_text(c, i18n.lang.get())))/>
                    </dl>
                }.into_any()
            } else {
                view! { <p class="muted">{move || i18n.t(T::NoContract)}</p> }.into_any()
            }}
            <h3>{move || i18n.t(T::NextContract)}</h3>
            {match next {
                Some(n) => view! {
                    <dl class="facts">
                        <Fact label=T::Start value=when(n.start_time)/>
                        <Fact label=T::End value=when(n.end_time)/>
                        <Fact label=T::Length value=length(n.months, n.days)/>
                        <Fact label=T::Plan value=text(n.plan_id.clone())/>
                    </dl>
                }.into_any(),
                None => view! { <p class="muted">{move || i18n.t(T::NoNextContract)}</p> }.into_any(),
            }}
        </Section>
    }
}

#[component]
fn OwnerSection(owner: Option<Owner>, owner_email: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section id="owner" title=T::Owner>
            {match owner {
                Some(o) => {
                    let full_name = [o.first_name.clone(), o.last_name.clone()].into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
                    view! {
                        <dl class="facts">
                            <Fact label=T::Name value=text(Some(full_name))/>
                            <Fact label=T::Email value=text(o.email.clone().or(owner_email.clone()))/>
                            <Fact label=T::Role value=labelled(o.role_type.clone(), role_label)/>
                            <Fact label=T::AccountStatus value=labelled(o.status.clone(), account_status_label)/>
                            <Fact label=T::Since value=when(o.created_at)/>
                        </dl>
                    }.into_any()
                }
                None => match owner_email.clone().filter(|e| !e.is_empty()) {
                    Some(email) => view! { <dl class="facts"><Fact label=T::OwnerEmail value=text(Some(email))/></dl> }.into_any(),
                    None => view! { <p class="muted">{move || i18n.t(T::NoOwner)}</p> }.into_any(),
                },
            }}
        </Section>
    }
}

/// The business settings of the organization's plan.
#[component]
fn BusinessSection(setting: Option<BusinessSetting>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Section id="business" title=T::BusinessSettings>
            {match setting {
                Some(s) => {
                    let plan = s.business_plan_type.clone();
                    let is_bvone = plan == Some(BusinessPlanType::Bvone);
                    let is_cxm = plan == Some(BusinessPlanType::Cxm);
                    view! {
                        <dl class="facts">
                            <Fact label=T::Plan value=labelled(plan, plan_label)/>
                            <Fact label=T::Category value=text(s.category.clone())/>
                            <Fact label=T::TaxId value=text(s.tax_id.clone())/>
                            {is_bvone.then(|| view! {
                                <Fact label=T::CreateSite value=yes_no(s.enable_create_site)/>
                                <Fact label=T::SiteLimit value=number(s.site_limit)/>
                                <Fact label=T::CustomDomain value=yes_no(s.enable_custom_domain)/>
                            })}
                            {is_cxm.then(|| view! { <Fact label=T::MarketplaceUrl value=text(s.marketplace_url.clone())/> })}
                        </dl>
                    }.into_any()
                }
                None => view! { <p class="muted">{move || i18n.t(T::NoBusinessSettings)}</p> }.into_any(),
            }}
        </Section>
    }
}

fn named(name: String) -> crate::ui::form::model::Snapshot<BvField> {
    ([(BvField::Name, name)].into_iter().collect(), None)
}

/// The organization's name: the one thing an admin changes about their own
/// organization here.
#[component]
pub fn RenameForm(org_id: String, name: String, on_renamed: Callback<String>) -> impl IntoView {
    use crate::ui::form::inputs::{FormInput, FormSummary, SaveBar};
    use crate::ui::form::model::{self, FormModel};
    use crate::ui::form::unsaved::guard_unsaved;
    let i18n = use_i18n();
    let form = FormModel::new(orgdesk_model::bv_form::RENAME, format!("orgdesk.draft.bv.name.{org_id}"));
    form.load(named(name).0, None);
    guard_unsaved(move || form.dirty());
    let submit = Callback::new(move |_| {
        model::save(
            form,
            move |token, pairs: Vec<(String, String)>, _| {
                let new_name = pairs.into_iter().next().map(|(_, v)| v).unwrap_or_default();
                async move {
                    api::blendvision::rename(token.clone(), new_name).await?;
                    // The PATCH answers `{}`: read the name back to see what was kept.
                    api::blendvision::organization(token).await.map(|o| o.name.unwrap_or_default())
                }
            },
            |token| async move { api::blendvision::organization(token).await.map(|o| o.name.unwrap_or_default()) },
            |new_name: &String| named(new_name.clone()),
            move |new_name| on_renamed.run(new_name),
        )
    });
    view! {
        <section class="card" id="rename" aria-labelledby="rename-title">
            <h2 id="rename-title">{move || i18n.t(T::RenameOrganization)}</h2>
            <FormSummary form/>
            <form class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit.run(());
            }>
                <FormInput form key=BvField::Name label=T::Name hint=T::OrgNameHint autocomplete="organization"/>
                <SaveBar form updated_at=Signal::derive(move || None::<orgdesk_model::Timestamp>) on_save=submit/>
            </form>
        </section>
    }
}

/// The organization's plans: the current contract's and the next one's.
#[component]
fn Plans(org_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(org_id);
    let plans = authed_resource(Dialect::BlendVision, move |token| api::blendvision::plans(token, id.get_value()));
    view! {
        <Section id="plans" title=T::Plans>
            {move || match plans.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(e)) => {
                    let key = api_error_key(&e);
                    view! { <p class="notice notice--warning">{move || i18n.t(key)}</p> }.into_any()
                }
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{move || i18n.t(T::NoPlans)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="plans">
                        {list.into_iter().map(|p| {
                            let kind = p.business_plan_type.clone();
                            let (start, end) = (p.start_time, p.end_time);
                            let which = if p.current.unwrap_or(false) { T::CurrentPlan } else { T::NextPlan };
                            view! {
                                <li class="plans__item">
                                    <strong>{p.name.clone().unwrap_or_default()}</strong>
                                    " · "{move || kind.as_ref().map(|k| plan_label(k, i18n.lang.get())).unwrap_or_default()}
                                    " · "{move || i18n.t(which)}
                                    <br/>
                                    <span class="muted">{move || {
                                        let lang = i18n.lang.get();
                                        let d = |t: Option<orgdesk_model::Timestamp>| t.map(|t| format_date(&t, lang)).unwrap_or_else(|| "…".into());
                                        format!("{} – {}", d(start), d(end))
                                    }}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </Section>
    }
}
