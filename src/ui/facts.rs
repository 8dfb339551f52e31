//! Read-only label/value pairs, as a description list.

use crate::i18n::{format_number, format_timestamp, use_i18n, Lang, T};
use orgdesk_model::Timestamp;
use leptos::prelude::*;

/// One row. `value` of `None` or blank shows a muted "Not set".
#[component]
pub fn Fact(label: T, #[prop(into)] value: Signal<Option<String>>, #[prop(optional)] help: Option<Signal<Option<&'static str>>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="facts__row">
            <dt>{move || i18n.t(label)}</dt>
            <dd>
                {move || match value.get().filter(|v| !v.trim().is_empty()) {
                    Some(v) => view! { <span>{v}</span> }.into_any(),
                    None => view! { <span class="muted">{i18n.t(T::NotSet)}</span> }.into_any(),
                }}
                {help.map(|h| move || h.get().map(|text| view! { <span class="facts__help">{text}</span> }))}
            </dd>
        </div>
    }
}

/// A row whose value is arbitrary markup (links, badges, images).
#[component]
pub fn FactView(label: T, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="facts__row">
            <dt>{move || i18n.t(label)}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

/// A titled card; the heading names the region for screen readers.
#[component]
pub fn Section(id: &'static str, title: T, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" id=id aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || i18n.t(title)}</h2>
            {children()}
        </section>
    }
}

/// Reactive formatted timestamp.
pub fn when(ts: Option<Timestamp>) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || ts.as_ref().map(|t| format_timestamp(t, i18n.lang.get())))
}

pub fn number(n: Option<i64>) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || n.map(|n| format_number(n, i18n.lang.get())))
}

pub fn on_off(v: bool) -> Signal<Option<String>> {
    let i18n = use_i18n();
    Signal::derive(move || Some(i18n.t(if v { T::On } else { T::Off }).to_string()))
}

pub fn text(v: Option<String>) -> Signal<Option<String>> {
    Signal::stored(v)
}


/// An enum value shown through its label function, following the language.
pub fn labelled<V>(value: Option<V>, label: fn(&V, Lang) -> String) -> Signal<Option<String>>
where
    V: Send + Sync + 'static,
{
    let i18n = use_i18n();
    Signal::derive(move || value.as_ref().map(|v| label(v, i18n.lang.get())))
}
