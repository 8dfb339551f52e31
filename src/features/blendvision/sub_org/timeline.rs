//! The current and the next contract on one line of time.

use crate::ui::chart::svg;
use crate::i18n::*;
use leptos::prelude::*;
use orgdesk_model::blendvision::Organization;
use orgdesk_model::Timestamp;

/// The current and the next contract as two bars on one line of time, with
/// today marked.
#[component]
pub fn ContractTimeline(org: Organization) -> impl IntoView {
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
                            <rect class="timeline__bar" x=svg(left) y="0" width=svg((right - left).max(0.8)) height="6" rx="1"/>
                            <rect class="timeline__today" x=svg((today - 0.3).max(0.0)) y="0" width="0.6" height="6"/>
                        </svg>
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="timeline__legend"><span class="timeline__today-key" aria-hidden="true"></span>{move || i18n.t(T::TodayMarker)}</p>
    }
    .into_any()
}
