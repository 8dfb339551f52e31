//! One sub-organization: details, owner and invitation, contract and next
//! contract on a small timeline, and for a business organization the form
//! that changes its business settings and contract.

use super::nav::BvNav;
use super::sub_orgs::PATH as LIST_PATH;
use crate::api::blendvision::{self as bv_api, SubOrgDetail};
use crate::api::ApiError;
use crate::components::facts::{labelled, text, when, Fact, Section};
use crate::components::form::{FormKey, FormModel, Rules, SaveState};
use crate::components::form_fields::{FormInput, FormSelect, FormSummary, SaveBar};
use crate::components::guard::{authed_resource, LoadError, Loading, RequireSession};
use crate::components::unsaved::guard_unsaved;
use crate::i18n::*;
use crate::state::session::{use_session, Dialect, SignedOutReason};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use orgdesk_model::blendvision::{BusinessPlanType, Organization, OrganizationType};
use orgdesk_model::Timestamp;
use std::collections::BTreeMap;

#[component]
pub fn SubOrgPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::BlendVision>
            <BvNav/>
            <SubOrgLoader/>
        </RequireSession>
    }
}

#[component]
fn SubOrgLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // Both: the sub-organization, and the admin's own organization, on whose
    // behalf changes are sent (`x-bv-org-id`).
    let detail = authed_resource(Dialect::BlendVision, move |token| {
        let id = id();
        async move {
            let own = bv_api::organization(token.clone()).await?;
            let detail = bv_api::sub_org(token, id).await?;
            Ok((own.id.unwrap_or_default(), detail))
        }
    });
    // A save refetches; the page stays as it was until the answer is in.
    let last = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(r) = detail.get() {
            last.set(Some(r));
        }
    });
    move || match last.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok((acting, d))) => view! { <SubOrgView acting detail=d on_saved=Callback::new(move |_| detail.refetch())/> }.into_any(),
        Some(Err(ApiError::NotFound { .. })) => view! { <SubOrgNotFound/> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e on_retry=Callback::new(move |_| detail.refetch())/> }.into_any(),
    }
}

#[component]
fn SubOrgNotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t(T::SubOrgNotFoundTitle)/>
        <section class="message-page">
            <h1>{move || i18n.t(T::SubOrgNotFoundTitle)}</h1>
            <p>{move || i18n.t(T::SubOrgNotFoundBody)}</p>
            <p><a href=LIST_PATH>{move || i18n.t(T::BackToSubOrgs)}</a></p>
        </section>
    }
}

#[component]
fn SubOrgView(acting: String, detail: SubOrgDetail, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let org = detail.organization.clone();
    let name = org.name.clone().unwrap_or_default();
    let status_help = org.status.clone();
    let owner = detail.owner_info.clone().unwrap_or_default();
    let owner_email = owner.email.clone().or(org.owner_email.clone());
    let invite = owner.invite_status.clone();
    let has_settings = org.business_setting.is_some();
    let (org_type, status, parent, description, created) =
        (org.org_type.clone(), org.status.clone(), org.parent_name.clone().or(org.parent_id.clone()), org.description.clone(), org.created_at);
    let (for_timeline, for_form) = (org.clone(), org.clone());
    let is_business = org.org_type == Some(OrganizationType::Business);
    let plan = org.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
    let headline = {
        let (t, s) = (org.org_type.clone(), org.status.clone());
        move || {
            let lang = i18n.lang.get();
            [t.as_ref().map(|v| bv_type_label(v, lang)), s.as_ref().map(|v| bv_status_label(v, lang))].into_iter().flatten().collect::<Vec<_>>().join(" · ")
        }
    };
    view! {
        <Title text=name.clone()/>
        <p class="breadcrumb"><a href=LIST_PATH>{move || i18n.t(T::BackToSubOrgs)}</a></p>
        <article class="overview">
            <header class="overview__header">
                <h1>{name.clone()}</h1>
                <p class="overview__subtitle">{headline}</p>
            </header>
            <Section id="details" title=T::Details>
                <dl class="facts">
                    <Fact label=T::Type value=labelled(org_type, bv_type_label)/>
                    <Fact
                        label=T::Status
                        value=labelled(status, bv_status_label)
                        help=Signal::derive(move || status_help.as_ref().and_then(|s| bv_status_help(s, i18n.lang.get())))
                    />
                    <Fact label=T::ParentOrganization value=text(parent)/>
                    <Fact label=T::Plan value=labelled(plan.clone(), plan_label)/>
                    <Fact label=T::Description value=text(description)/>
                    <Fact label=T::CreatedAt value=when(created)/>
                </dl>
            </Section>
            <Section id="owner" title=T::OwnerAndInvitation>
                <dl class="facts">
                    <Fact label=T::OwnerEmail value=text(owner_email)/>
                    <Fact label=T::Invitation value=Signal::derive(move || invite.clone().map(|s| invite_status_label(&s, i18n.lang.get())))/>
                </dl>
            </Section>
            <Section id="contract" title=T::Contract>
                <ContractTimeline org=for_timeline/>
            </Section>
            {if is_business && has_settings {
                view! { <BusinessForm acting org=for_form on_saved/> }.into_any()
            } else {
                view! {
                    <Section id="business" title=T::BusinessSettings>
                        <p class="muted">{move || i18n.t(T::NoBusinessSettingsHere)}</p>
                    </Section>
                }.into_any()
            }}
        </article>
    }
}

/// The current and the next contract as two bars on one line of time, with
/// today marked.
#[component]
fn ContractTimeline(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    /// One contract on the line: what it is, when, and how long.
    struct Span {
        label: T,
        start: Option<Timestamp>,
        end: Option<Timestamp>,
        months: Option<i64>,
        days: Option<i64>,
    }
    let current = Span { label: T::CurrentContract, start: org.contract_valid_start_time, end: org.contract_valid_end_time, months: org.contract_months, days: org.contract_days };
    let next = org.next_contract.clone().map(|n| Span { label: T::NextContract, start: n.start_time, end: n.end_time, months: n.months, days: n.days });
    let spans: Vec<Span> = [Some(current), next].into_iter().flatten().filter(|s| s.start.is_some() || s.end.is_some()).collect();
    if spans.is_empty() {
        return view! { <p class="muted">{move || i18n.t(T::NoContract)}</p> }.into_any();
    }
    let now = js_sys::Date::now();
    let ms = |t: &Option<Timestamp>| t.map(|t| t.millis() as f64);
    let from = spans.iter().filter_map(|s| ms(&s.start)).fold(now, f64::min);
    let to = spans.iter().filter_map(|s| ms(&s.end)).fold(now, f64::max);
    let width = (to - from).max(1.0);
    let pct = |v: f64| ((v - from) / width * 100.0).clamp(0.0, 100.0);
    let today = pct(now);
    view! {
        <ol class="timeline">
            {spans.into_iter().map(|Span { label, start, end, months, days }| {
                let left = start.map(|s| pct(s.millis() as f64)).unwrap_or(0.0);
                let right = end.map(|e| pct(e.millis() as f64)).unwrap_or(100.0);
                let state = if end.is_some_and(|e| (e.millis() as f64) < now) {
                    T::ContractEnded
                } else if start.is_some_and(|s| (s.millis() as f64) > now) {
                    T::ContractUpcoming
                } else {
                    T::ContractRunning
                };
                view! {
                    <li class="timeline__item">
                        <p class="timeline__label">
                            <strong>{move || i18n.t(label)}</strong>" · "{move || i18n.t(state)}
                        </p>
                        <p class="timeline__dates">
                            {move || {
                                let lang = i18n.lang.get();
                                let d = |t: Option<Timestamp>| t.map(|t| format_date(&t, lang)).unwrap_or_else(|| "…".into());
                                let length = contract_length(months, days, lang).map(|l| format!(" ({l})")).unwrap_or_default();
                                format!("{} – {}{}", d(start), d(end), length)
                            }}
                        </p>
                        <svg class="timeline__track" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="timeline__rail" x="0" y="2" width="100" height="2"/>
                            <rect class="timeline__bar" x=format!("{left:.2}") y="0" width=format!("{:.2}", (right - left).max(0.8)) height="6" rx="1"/>
                            <rect class="timeline__today" x=format!("{:.2}", (today - 0.3).max(0.0)) y="0" width="0.6" height="6"/>
                        </svg>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="timeline__legend"><span class="timeline__today-key" aria-hidden="true"></span>{move || i18n.t(T::TodayMarker)}</p>
    }
    .into_any()
}

/// A field of the business settings and contract form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BvField {
    Category,
    TaxId,
    CreateSite,
    SiteLimit,
    CustomDomain,
    MarketplaceUrl,
    ContractStart,
    LengthUnit,
    Length,
}

impl FormKey for BvField {
    fn wire(self) -> &'static str {
        match self {
            BvField::Category => "business_setting.category",
            BvField::TaxId => "business_setting.tax_id",
            BvField::CreateSite => "business_setting.enable_create_site",
            BvField::SiteLimit => "business_setting.site_limit",
            BvField::CustomDomain => "business_setting.enable_custom_domain",
            BvField::MarketplaceUrl => "business_setting.marketplace_url",
            BvField::ContractStart => "contract_valid_start_time",
            BvField::LengthUnit => "contract_length_unit",
            BvField::Length => "contract_length",
        }
    }
    fn id(self) -> &'static str {
        match self {
            BvField::Category => "bs-category",
            BvField::TaxId => "bs-tax-id",
            BvField::CreateSite => "bs-create-site",
            BvField::SiteLimit => "bs-site-limit",
            BvField::CustomDomain => "bs-custom-domain",
            BvField::MarketplaceUrl => "bs-marketplace-url",
            BvField::ContractStart => "contract-start",
            BvField::LengthUnit => "contract-unit",
            BvField::Length => "contract-length",
        }
    }
    fn from_wire(wire: &str) -> Option<Self> {
        match wire {
            // The server names the length by the unit it was sent in.
            "contract_months" | "contract_days" => Some(BvField::Length),
            w => ALL.iter().copied().find(|f| f.wire() == w),
        }
    }
}

const ALL: &[BvField] = &[
    BvField::Category,
    BvField::TaxId,
    BvField::CreateSite,
    BvField::SiteLimit,
    BvField::CustomDomain,
    BvField::MarketplaceUrl,
    BvField::ContractStart,
    BvField::LengthUnit,
    BvField::Length,
];
const BVONE: &[BvField] = &[
    BvField::Category,
    BvField::TaxId,
    BvField::CreateSite,
    BvField::SiteLimit,
    BvField::CustomDomain,
    BvField::ContractStart,
    BvField::LengthUnit,
    BvField::Length,
];
const CXM: &[BvField] = &[BvField::Category, BvField::TaxId, BvField::MarketplaceUrl, BvField::ContractStart, BvField::LengthUnit, BvField::Length];
const OTHER: &[BvField] = &[BvField::Category, BvField::TaxId, BvField::ContractStart, BvField::LengthUnit, BvField::Length];

fn keys_for(plan: Option<&BusinessPlanType>) -> &'static [BvField] {
    match plan {
        Some(BusinessPlanType::Bvone) => BVONE,
        Some(BusinessPlanType::Cxm) => CXM,
        _ => OTHER,
    }
}

/// The organization's values as the form shows them.
fn values(org: &Organization) -> BTreeMap<BvField, String> {
    let s = org.business_setting.clone().unwrap_or_default();
    let flag = |b: Option<bool>| if b.unwrap_or(false) { "true" } else { "false" }.to_string();
    let (unit, length) = match (org.contract_months.filter(|m| *m > 0), org.contract_days.filter(|d| *d > 0)) {
        (Some(m), _) => ("months", m.to_string()),
        (None, Some(d)) => ("days", d.to_string()),
        (None, None) => ("months", String::new()),
    };
    let start = org.contract_valid_start_time.map(|t| t.utc.format("%Y-%m-%d").to_string()).unwrap_or_default();
    BTreeMap::from([
        (BvField::Category, s.category.unwrap_or_default()),
        (BvField::TaxId, s.tax_id.unwrap_or_default()),
        (BvField::CreateSite, flag(s.enable_create_site)),
        (BvField::SiteLimit, s.site_limit.map(|n| n.to_string()).unwrap_or_default()),
        (BvField::CustomDomain, flag(s.enable_custom_domain)),
        (BvField::MarketplaceUrl, s.marketplace_url.unwrap_or_default()),
        (BvField::ContractStart, start),
        (BvField::LengthUnit, unit.to_string()),
        (BvField::Length, length),
    ])
}

fn normalize(_: BvField, value: &str) -> String {
    value.trim().to_string()
}

fn dependents(field: BvField) -> &'static [BvField] {
    match field {
        BvField::LengthUnit => &[BvField::Length],
        BvField::Length => &[BvField::ContractStart],
        _ => &[],
    }
}

/// The PATCH body: only what changed, typed as the API wants it.
fn body(form: &FormModel<BvField>) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let changed = form.changed();
    let value = |f: BvField| normalize(f, &untrack(|| form.value(f)));
    let mut setting = Map::new();
    let mut root = Map::new();
    for f in &changed {
        let v = value(*f);
        match f {
            BvField::Category => {
                setting.insert("category".into(), json!(v));
            }
            BvField::TaxId => {
                setting.insert("tax_id".into(), json!(v));
            }
            BvField::CreateSite => {
                setting.insert("enable_create_site".into(), json!(v == "true"));
            }
            BvField::CustomDomain => {
                setting.insert("enable_custom_domain".into(), json!(v == "true"));
            }
            BvField::SiteLimit => {
                setting.insert("site_limit".into(), v.parse::<i64>().map(Value::from).unwrap_or(Value::Null));
            }
            BvField::MarketplaceUrl => {
                setting.insert("marketplace_url".into(), json!(v));
            }
            BvField::ContractStart => {
                root.insert("contract_valid_start_time".into(), if v.is_empty() { Value::Null } else { json!(format!("{v}T00:00:00Z")) });
            }
            BvField::LengthUnit | BvField::Length => {}
        }
    }
    if changed.iter().any(|f| matches!(f, BvField::LengthUnit | BvField::Length)) {
        let n = value(BvField::Length).parse::<i64>().ok();
        let (send, zero) = if value(BvField::LengthUnit) == "days" { ("contract_days", "contract_months") } else { ("contract_months", "contract_days") };
        root.insert(send.into(), n.map(Value::from).unwrap_or(Value::Null));
        root.insert(zero.into(), json!(0));
    }
    if !setting.is_empty() {
        root.insert("business_setting".into(), Value::Object(setting));
    }
    Value::Object(root)
}

#[component]
fn BusinessForm(acting: String, org: Organization, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let plan = org.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
    let updated_at = org.updated_at;
    let keys = keys_for(plan.as_ref());
    let id = org.id.clone().unwrap_or_default();
    let form = FormModel::new(keys, Rules { normalize, check: super::rules::check, dependents }, format!("orgdesk.draft.bv.sub-org.{id}"));
    form.load(values(&org), None);
    guard_unsaved(move || form.dirty());
    let has = move |f: BvField| keys.contains(&f);
    let units = Signal::derive(move || vec![("months".to_string(), i18n.t(T::Months).to_string()), ("days".to_string(), i18n.t(T::Days).to_string())]);
    let yes_no = Signal::derive(move || vec![("true".to_string(), i18n.t(T::Yes).to_string()), ("false".to_string(), i18n.t(T::No).to_string())]);
    let (acting, target) = (StoredValue::new(acting), StoredValue::new(id));

    let submit = Callback::new(move |_| {
        if form.begin_save().is_none() {
            return;
        }
        let Some(token) = session.token(Dialect::BlendVision) else {
            session.end(SignedOutReason::Expired);
            return;
        };
        let payload = body(&form);
        let (acting, target) = (acting.get_value(), target.get_value());
        leptos::task::spawn_local(async move {
            match bv_api::update_sub_org(token, acting, target, payload).await {
                Ok(()) => {
                    form.saved(untrack(|| form.keys.iter().map(|&k| (k, form.value(k))).collect()), None);
                    on_saved.run(());
                }
                Err(ApiError::Unauthenticated { .. }) => {
                    form.state.set(SaveState::Idle);
                    session.end(SignedOutReason::Expired);
                }
                Err(ApiError::Invalid { fields, reason, message }) if fields.is_empty() => {
                    let lang = i18n.lang.get_untracked();
                    let text = reason.as_deref().and_then(|r| rpc_reason_text(r, lang)).map(str::to_string).unwrap_or(message.clone());
                    form.failed(ApiError::Invalid { fields, reason, message: text });
                }
                Err(e) => form.failed(e),
            }
        });
    });

    view! {
        <section class="card card--wide" id="business" aria-labelledby="business-title">
            <h2 id="business-title">{move || i18n.t(T::BusinessSettingsAndContract)}</h2>
            <p class="field__hint">{move || i18n.t(T::BusinessFormLead)}" "{move || plan.as_ref().map(|p| plan_label(p, i18n.lang.get())).unwrap_or_default()}</p>
            <FormSummary form/>
            <form class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit.run(());
            }>
                <fieldset class="form__group">
                    <legend>{move || i18n.t(T::BusinessSettings)}</legend>
                    <FormInput form key=BvField::Category label=T::Category hint=T::CategoryHint optional=true/>
                    <FormInput form key=BvField::TaxId label=T::TaxId hint=T::TaxIdHint optional=true width="short"/>
                    {has(BvField::CreateSite).then(|| view! {
                        <FormSelect form key=BvField::CreateSite label=T::CreateSite options=yes_no/>
                        <FormInput form key=BvField::SiteLimit label=T::SiteLimit hint=T::SiteLimitHint input_type="number" inputmode="numeric" width="short" optional=true/>
                        <FormSelect form key=BvField::CustomDomain label=T::CustomDomain options=yes_no/>
                    })}
                    {has(BvField::MarketplaceUrl).then(|| view! {
                        <FormInput form key=BvField::MarketplaceUrl label=T::MarketplaceUrl hint=T::MarketplaceUrlHint input_type="url" optional=true/>
                    })}
                </fieldset>
                <fieldset class="form__group">
                    <legend>{move || i18n.t(T::Contract)}</legend>
                    <FormInput form key=BvField::ContractStart label=T::ContractStart input_type="date" optional=true width="medium"/>
                    <div class="form__row">
                        <FormInput form key=BvField::Length label=T::Length hint=T::LengthHint input_type="number" inputmode="numeric" optional=true width="short"/>
                        <FormSelect form key=BvField::LengthUnit label=T::LengthUnit options=units/>
                    </div>
                </fieldset>
                <SaveBar form updated_at=Signal::derive(move || updated_at) on_save=submit/>
            </form>
        </section>
    }
}
