//! `/openbadge/statistics`: the totals at a glance, and a chosen year's
//! badges month by month, as a chart and as a table.

use super::nav::IssuerNav;
use super::billing::LOW_CREDITS;
use crate::api::{self, ApiError};
use crate::ui::chart::{MonthlyBarChart, MonthlyTable};
use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::{Loading, loaded};
use crate::i18n::{api_error_key, format_number, use_i18n, T};
use crate::core::session::Dialect;
use leptos::prelude::*;
use crate::ui::head::Title;
use orgdesk_model::openbadge::{Organization, Statistics, YearStatistics};

#[component]
pub fn StatisticsPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::OpenBadge>
            <IssuerNav/>
            <StatisticsLoader/>
        </RequireSession>
    }
}

#[component]
fn StatisticsLoader() -> impl IntoView {
    let data = authed_resource(Dialect::OpenBadge, |token: String| async move {
        let org = api::openbadge::organization(token.clone()).await?;
        // The organization record carries the same counts: a server without
        // our statistics body (or with an odd one) still shows the figures.
        let totals = api::openbadge::statistics(token).await.unwrap_or_default().or_record(&org);
        Ok((org, totals))
    });
    loaded(data, |(org, totals)| view! { <StatisticsView org totals/> }.into_any(), None)
}

fn this_year_and_month() -> (i32, usize) {
    let now = js_sys::Date::new_0();
    (now.get_full_year() as i32, now.get_month() as usize)
}

#[component]
pub fn StatisticsView(org: Organization, totals: Statistics) -> impl IntoView {
    let i18n = use_i18n();
    let (this_year, this_month) = this_year_and_month();
    let first_year = org.created_at.map(|c| js_sys::Date::new(&(c.millis() as f64).into()).get_full_year() as i32).unwrap_or(this_year).min(this_year);
    let year = RwSignal::new(this_year);
    let loaded = RwSignal::new(None::<YearStatistics>);
    let failure = RwSignal::new(None::<ApiError>);
    // This server has no per-month figures (our body is an extension).
    let unavailable = RwSignal::new(false);
    let request = authed_resource(Dialect::OpenBadge, move |token| api::openbadge::year_statistics(token, year.get()));
    // Keep the last year on screen until the next one arrives: no flash of empty.
    Effect::new(move |_| match request.get() {
        Some(Ok(stats)) if stats.is_complete() => {
            failure.set(None);
            loaded.set(Some(stats));
        }
        Some(Ok(_) | Err(ApiError::NotOffered | ApiError::Decode(_))) => unavailable.set(true),
        Some(Err(e)) => failure.set(Some(e)),
        None => {}
    });
    // True from the first request until its answer, and again while another
    // year loads (the last one stays on screen meanwhile).
    let loading = Signal::derive(move || request.loading());
    let shown_year = Signal::derive(move || loaded.with(|l| l.as_ref().map_or(year.get(), |s| s.year)));
    let values = Signal::derive(move || loaded.with(|l| l.as_ref().map(|s| s.months.clone()).unwrap_or_else(|| vec![0; 12])));
    let current = Signal::derive(move || (shown_year.get() == this_year).then_some(this_month));
    let caption = Signal::derive(move || format!("{} – {}", i18n.t(T::BadgesPerMonth), shown_year.get()));
    let summary = Signal::derive(move || {
        let total: i64 = values.with(|v| v.iter().sum());
        format!("{} – {}: {} {}", i18n.t(T::BadgesPerMonth), shown_year.get(), i18n.t(T::Total), format_number(total, i18n.lang.get()))
    });
    let never_issued = totals.badges_count.unwrap_or(0) == 0;
    let low = totals.credits_left.is_some_and(|c| c < LOW_CREDITS);
    let figure = move |label: T, value: Option<i64>| {
        view! {
            <div class="figure">
                <dt>{move || i18n.t(label)}</dt>
                <dd>{move || value.map(|v| format_number(v, i18n.lang.get())).unwrap_or_else(|| "–".to_string())}</dd>
            </div>
        }
    };

    view! {
        <Title text=move || i18n.t(T::Statistics)/>
        <h1>{move || i18n.t(T::Statistics)}</h1>
        <p class="muted">{move || i18n.t(T::StatisticsLead)}</p>
        <dl class="figures">
            {figure(T::BadgesIssued, totals.badges_count)}
            {figure(T::TemplatesCreated, totals.badge_templates_count)}
            {figure(T::Earners, totals.earners_count)}
            {figure(T::CreditsLeft, totals.credits_left)}
        </dl>
        {low.then(|| view! { <p class="notice notice--warning">{move || i18n.t(T::LowCredits)}</p> })}
        <section class="card chart-card" aria-labelledby="per-month-title" aria-busy=move || loading.get().then_some("true")>
            <div class="chart-card__head">
                <h2 id="per-month-title">{move || i18n.t(T::BadgesPerMonth)}</h2>
                {move || (!never_issued && !unavailable.get()).then(|| view! {
                    <div class="chart-card__year">
                        <label for="year-select">{move || i18n.t(T::Year)}</label>
                        <select id="year-select" on:change:target=move |ev| {
                            if let Ok(y) = ev.target().value().parse() {
                                year.set(y);
                            }
                        }>
                            {(first_year..=this_year).rev().map(|y| view! {
                                <option value=y selected=move || year.get() == y>{y}</option>
                            }).collect_view()}
                        </select>
                        <span class="chart-card__loading" role="status">{move || loading.get().then(|| i18n.t(T::Loading))}</span>
                    </div>
                })}
            </div>
            {move || failure.get().map(|e| view! {
                <div class="notice notice--error" role="alert">
                    <p>{i18n.t(T::YearLoadFailed)}" "{i18n.t(api_error_key(&e))}</p>
                    <button type="button" class="button button--secondary" on:click=move |_| request.refetch()>{i18n.t(T::Retry)}</button>
                </div>
            })}
            {move || if unavailable.get() {
                view! { <p class="empty-state">{move || i18n.t(T::PerMonthNotAvailable)}</p> }.into_any()
            } else if never_issued {
                view! { <p class="empty-state">{move || i18n.t(T::NoBadgesYet)}</p> }.into_any()
            } else {
                view! {
                    {move || loaded.get().is_none().then(|| view! { <Loading/> })}
                    <Show when=move || loaded.with(|l| l.as_ref().is_some_and(|s| s.total == 0))>
                        <p class="empty-state">{move || i18n.t(T::NoBadgesInYear)}</p>
                    </Show>
                    <Show when=move || loaded.with(|l| l.as_ref().is_some_and(|s| s.total > 0))>
                        <div class="chart-card__body" class:is-loading=move || loading.get()>
                            <MonthlyBarChart values current summary/>
                            <MonthlyTable values caption/>
                        </div>
                    </Show>
                }.into_any()
            }}
        </section>
    }
}
