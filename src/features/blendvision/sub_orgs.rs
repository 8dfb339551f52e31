//! Sub-organizations below the admin's own: search by name (debounced),
//! filter by several types and statuses at once, page through. The view
//! lives in the URL query, so it can be bookmarked and the back button
//! returns to it.

use super::nav::BvNav;
use crate::api::blendvision::{sub_orgs, SubOrgQuery};
use crate::api::ApiError;
use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::{LoadError};
use crate::i18n::*;
use crate::core::session::Dialect;
use leptos::prelude::*;
use crate::ui::head::Title;
use crate::core::navigation::{use_location, Go};
use orgdesk_model::blendvision::{OrganizationStatus, OrganizationType, SubOrgsPage};

pub const PATH: &str = "/blendvision/sub-orgs";
const DEFAULT_PER_PAGE: u32 = 25;
const SEARCH_DELAY_MS: u32 = 300;

/// Types a sub-organization can have (the root has no parent).
const TYPES: [OrganizationType; 3] = [OrganizationType::GeneralDistributor, OrganizationType::Reseller, OrganizationType::Business];

impl SubOrgQuery {
    /// Reads the page's URL query; anything unexpected falls back to defaults.
    pub fn from_url(get: impl Fn(&str) -> Option<String>) -> SubOrgQuery {
        let list = |k: &str| -> Vec<String> {
            get(k).map(|v| v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default()
        };
        let per_page = get("per").and_then(|p| p.parse().ok()).filter(|p| SubOrgQuery::PAGE_SIZES.contains(p)).unwrap_or(DEFAULT_PER_PAGE);
        SubOrgQuery {
            name: get("q").unwrap_or_default(),
            types: list("types"),
            statuses: list("statuses"),
            page: get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
            per_page,
        }
    }

    /// The page's own URL for this view (defaults left out).
    pub fn to_url(&self) -> String {
        let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
        let mut parts = Vec::new();
        if !self.name.is_empty() {
            parts.push(format!("q={}", enc(&self.name)));
        }
        if !self.types.is_empty() {
            parts.push(format!("types={}", enc(&self.types.join(","))));
        }
        if !self.statuses.is_empty() {
            parts.push(format!("statuses={}", enc(&self.statuses.join(","))));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if self.per_page != DEFAULT_PER_PAGE {
            parts.push(format!("per={}", self.per_page));
        }
        if parts.is_empty() {
            PATH.to_string()
        } else {
            format!("{PATH}?{}", parts.join("&"))
        }
    }

    fn filtered(&self) -> bool {
        !self.name.trim().is_empty() || !self.types.is_empty() || !self.statuses.is_empty()
    }
}

#[component]
pub fn SubOrgsPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::BlendVision>
            <BvNav/>
            <SubOrgList/>
        </RequireSession>
    }
}

/// The list's state: the view kept in the URL, the answer on screen, and
/// the ways to change the view.
#[derive(Clone, Copy)]
struct Listing {
    query: Memo<SubOrgQuery>,
    location: crate::core::navigation::Location,
    result: crate::core::fetch::Fetched<SubOrgsPage>,
    // The last answer stays on screen while the next one loads.
    shown: RwSignal<Option<Result<SubOrgsPage, ApiError>>>,
}

impl Listing {
    fn new() -> Listing {
        let location = use_location();
        let query = Memo::new(move |_| SubOrgQuery::from_url(|k| location.query(k)));

        let result = authed_resource(Dialect::BlendVision, move |token| sub_orgs(token, query.get()));
        let shown = RwSignal::new(None::<Result<SubOrgsPage, ApiError>>);
        Effect::new(move |_| {
            if let Some(r) = result.get() {
                shown.set(Some(r));
            }
        });
        Listing { query, location, result, shown }
    }

    /// Shows the given view (through the URL).
    fn go(self, q: SubOrgQuery, replace: bool) {
        self.location.go(&q.to_url(), Go { replace, scroll: false });
    }

    fn loading(self) -> bool {
        self.result.loading()
    }

    /// Adds or takes away one filter value, back on the first page.
    fn toggle(self, list: fn(&mut SubOrgQuery) -> &mut Vec<String>, value: &'static str) {
        let mut q = self.query.get_untracked();
        let items = list(&mut q);
        if let Some(at) = items.iter().position(|v| v == value) {
            items.remove(at);
        } else {
            items.push(value.to_string());
        }
        q.page = 1;
        self.go(q, false);
    }

    fn clear(self) {
        self.go(SubOrgQuery { per_page: self.query.get_untracked().per_page, page: 1, ..Default::default() }, false);
    }

    fn set_page(self, page: u32) {
        let mut q = self.query.get_untracked();
        q.page = page;
        self.go(q, false);
    }

    fn set_per_page(self, per: u32) {
        let mut q = self.query.get_untracked();
        q.per_page = per;
        q.page = 1;
        self.go(q, false);
    }

    fn total(self) -> i64 {
        self.shown.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).and_then(|p| p.pagination.as_ref()?.total_items).unwrap_or(0))
    }

    fn pages(self) -> u32 {
        let per = i64::from(self.query.with(|q| q.per_page));
        ((self.total() + per - 1) / per).max(1) as u32
    }
}

#[component]
fn SubOrgList() -> impl IntoView {
    let i18n = use_i18n();
    let listing = Listing::new();
    view! {
        <Title text=move || i18n.t(T::SubOrganizations)/>
        <article class="sub-orgs">
            <header class="overview__header">
                <h1>{move || i18n.t(T::SubOrganizations)}</h1>
                <p class="overview__subtitle">{move || i18n.t(T::SubOrgsLead)}</p>
            </header>
            <div class="sub-orgs__filters">
                <SearchBox listing/>
                <TypeFilter listing/>
                <StatusFilter listing/>
            </div>
            <ResultCount listing/>
            <SubOrgResults listing/>
            <Pager listing/>
        </article>
    }
}

/// Search by name: the box follows the URL, the URL follows the box after a pause.
#[component]
fn SearchBox(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let query = listing.query;
    let search = RwSignal::new(query.get_untracked().name);
    Effect::new(move |_| {
        let name = query.with(|q| q.name.clone());
        if search.get_untracked().trim() != name.trim() {
            search.set(name);
        }
    });
    let pending = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    let on_search = move |value: String| {
        search.set(value.clone());
        let timer = gloo_timers::callback::Timeout::new(SEARCH_DELAY_MS, move || {
            let mut q = query.get_untracked();
            if q.name.trim() != value.trim() {
                q.name = value;
                q.page = 1;
                listing.go(q, true);
            }
        });
        pending.set_value(Some(timer));
    };
    view! {
        <form role="search" class="field sub-orgs__search" on:submit=move |ev| ev.prevent_default()>
            <label class="field__label" for="sub-org-search">{move || i18n.t(T::SearchByName)}</label>
            <input
                class="field__input"
                id="sub-org-search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || search.get()
                on:input:target=move |ev| on_search(ev.target().value())
            />
        </form>
    }
}

/// One checkbox per sub-organization type.
#[component]
fn TypeFilter(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let query = listing.query;
    view! {
        <fieldset class="checks">
            <legend>{move || i18n.t(T::Type)}</legend>
            {TYPES.into_iter().map(|t| {
                let wire: &'static str = match t { OrganizationType::GeneralDistributor => "ORGANIZATION_TYPE_GENERAL_DISTRIBUTOR", OrganizationType::Reseller => "ORGANIZATION_TYPE_RESELLER", _ => "ORGANIZATION_TYPE_BUSINESS" };
                let id = format!("type-{wire}");
                view! {
                    <div class="checks__item">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || query.with(|q| q.types.iter().any(|v| v == wire))
                            on:change=move |_| listing.toggle(|q| &mut q.types, wire)/>
                        <label for=id>{move || bv_type_label(&t, i18n.lang.get())}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// One checkbox per status.
#[component]
fn StatusFilter(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let query = listing.query;
    view! {
        <fieldset class="checks">
            <legend>{move || i18n.t(T::Status)}</legend>
            {OrganizationStatus::ALL.iter().cloned().map(|s| {
                let wire: &'static str = status_wire(&s);
                let id = format!("status-{wire}");
                view! {
                    <div class="checks__item">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || query.with(|q| q.statuses.iter().any(|v| v == wire))
                            on:change=move |_| listing.toggle(|q| &mut q.statuses, wire)/>
                        <label for=id>{move || bv_status_label(&s, i18n.lang.get())}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// How many match, and clearing the filters.
#[component]
fn ResultCount(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let Listing { query, shown, .. } = listing;
    view! {
        <p class="sub-orgs__count" role="status" aria-live="polite">
            {move || {
                let lang = i18n.lang.get();
                if listing.loading() && shown.with(Option::is_none) {
                    i18n.t(T::Loading).to_string()
                } else {
                    msg::sub_orgs_count(lang, listing.total(), &format_number(listing.total(), lang))
                }
            }}
            <Show when=move || query.with(SubOrgQuery::filtered)>
                " "<button type="button" class="link-button" on:click=move |_| listing.clear()>{move || i18n.t(T::ClearFilters)}</button>
            </Show>
        </p>
    }
}

/// The table, or why there is none.
#[component]
fn SubOrgResults(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let Listing { query, result, shown, .. } = listing;
    move || match shown.get() {
        None => None,
        Some(Err(e)) => Some(view! { <LoadError error=e on_retry=Callback::new(move |_| result.refetch())/> }.into_any()),
        Some(Ok(page)) if page.organizations.is_empty() => Some(view! {
            <div class="empty-state">
                <p>{move || i18n.t(if query.with(SubOrgQuery::filtered) { T::NoSubOrgsMatch } else { T::NoSubOrgsYet })}</p>
            </div>
        }.into_any()),
        Some(Ok(page)) => Some(view! { <SubOrgTable page busy=Signal::derive(move || listing.loading())/> }.into_any()),
    }
}

/// Previous, next, where we are, and the page size.
#[component]
fn Pager(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
    let query = listing.query;
    view! {
        <nav class="pager" aria-label=move || i18n.t(T::Pages)>
            <button type="button" class="button button--secondary"
                disabled=move || query.with(|q| q.page <= 1)
                on:click=move |_| listing.set_page(query.get_untracked().page.saturating_sub(1).max(1))>
                {move || i18n.t(T::PreviousPage)}
            </button>
            <span class="pager__where">
                {move || msg::page_of(i18n.lang.get(), query.with(|q| q.page), listing.pages())}
            </span>
            <button type="button" class="button button--secondary"
                disabled=move || { query.with(|q| q.page) >= listing.pages() }
                on:click=move |_| listing.set_page(query.get_untracked().page + 1)>
                {move || i18n.t(T::NextPage)}
            </button>
            <span class="pager__size">
            <label for="per-page">{move || i18n.t(T::PerPage)}</label>" "
            <select id="per-page" on:change:target=move |ev| {
                if let Ok(per) = ev.target().value().parse() {
                    listing.set_per_page(per);
                }
            }>
                {SubOrgQuery::PAGE_SIZES.into_iter().map(|n| view! {
                    <option value=n.to_string() selected=move || query.with(|q| q.per_page == n)>{n}</option>
                }).collect_view()}
            </select>
            </span>
        </nav>
    }
}

fn status_wire(s: &OrganizationStatus) -> &'static str {
    match s {
        OrganizationStatus::Activated => "ORGANIZATION_STATUS_ACTIVATED",
        OrganizationStatus::Verifying => "ORGANIZATION_STATUS_VERIFYING",
        OrganizationStatus::FailToVerify => "ORGANIZATION_STATUS_FAIL_TO_VERIFY",
        OrganizationStatus::Deactivated => "ORGANIZATION_STATUS_DEACTIVATED",
        OrganizationStatus::Deleting => "ORGANIZATION_STATUS_DELETING",
        OrganizationStatus::Deleted => "ORGANIZATION_STATUS_DELETED",
        OrganizationStatus::ActivationScheduled => "ORGANIZATION_STATUS_ACTIVATION_SCHEDULED",
        OrganizationStatus::Unknown(_) => "",
    }
}

#[component]
fn SubOrgTable(page: SubOrgsPage, #[prop(into)] busy: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = page.organizations;
    view! {
        <div class="table-wrap" aria-busy=move || busy.get().then_some("true")>
            <table class="data-table">
                <caption class="visually-hidden">{move || i18n.t(T::SubOrganizations)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(T::Name)}</th>
                        <th scope="col">{move || i18n.t(T::Type)}</th>
                        <th scope="col">{move || i18n.t(T::Status)}</th>
                        <th scope="col">{move || i18n.t(T::Plan)}</th>
                        <th scope="col">{move || i18n.t(T::OwnerEmail)}</th>
                        <th scope="col">{move || i18n.t(T::ContractEnd)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|o| {
                        let href = format!("{PATH}/{}", o.id.clone().unwrap_or_default());
                        let name = o.name.clone().unwrap_or_default();
                        let (org_type, status) = (o.org_type.clone(), o.status.clone());
                        let plan = o.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
                        let end = o.contract_valid_end_time;
                        let owner = o.owner_email.clone().or_else(|| o.owner.as_ref().and_then(|w| w.email.clone())).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row"><a href=href>{name}</a></th>
                                <td>{move || org_type.as_ref().map(|t| bv_type_label(t, i18n.lang.get()))}</td>
                                <td>{move || status.as_ref().map(|s| bv_status_label(s, i18n.lang.get()))}</td>
                                <td>{move || plan.as_ref().map(|p| plan_label(p, i18n.lang.get())).unwrap_or_else(|| "—".to_string())}</td>
                                <td class="data-table__email">{owner.clone()}</td>
                                <td>{move || end.map(|e| format_date(&e, i18n.lang.get())).unwrap_or_else(|| "—".to_string())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
