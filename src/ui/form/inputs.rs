//! Inputs bound to a [`FormModel`]: label, hint and message laid out the
//! GOV.UK way (message above the input, `aria-invalid`, `aria-describedby`),
//! plus the pieces around a form: its error summary, its save bar and the
//! panel that resolves a conflict.

use crate::ui::error_summary::ErrorSummary;
use super::model::{FormField, FormModel, SaveState};
use crate::core::error::ApiError;
use crate::i18n::{api_error_key, format_timestamp, msg, use_i18n, T};
use leptos::prelude::*;
use orgdesk_model::Timestamp;

/// Label, hint and message around one control; `control` gets the ids it
/// should point `aria-describedby` at.
#[component]
fn Frame<K: FormField>(
    form: FormModel<K>,
    key: K,
    label: T,
    hint: Option<Signal<T>>,
    /// Shown after the label: "(optional)" keeps required fields unmarked.
    optional: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = key.id();
    let error = move || form.error(key).map(|m| m.text(i18n.lang.get()));
    view! {
        <div class="field" class:field--error=move || form.error(key).is_some()>
            <label class="field__label" for=id id=format!("{id}-label")>
                {move || i18n.t(label)}
                {optional.then(|| view! { <span class="field__optional">{move || format!(" ({})", i18n.t(T::Optional))}</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=format!("{id}-hint")>{move || i18n.t(h.get())}</p> })}
            {move || error().map(|msg| view! {
                <p class="field__error" id=format!("{id}-error")>
                    <span class="visually-hidden">{move || i18n.t(T::ErrorPrefix)}</span>
                    {msg}
                </p>
            })}
            {children()}
        </div>
    }
}

/// The `aria-describedby` of a control: its hint and, while shown, its message.
pub(super) fn described_by<K: FormField>(form: FormModel<K>, key: K, has_hint: bool) -> impl Fn() -> Option<String> + Clone {
    move || {
        let id = key.id();
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if form.error(key).is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
pub fn FormInput<K: FormField>(
    form: FormModel<K>,
    key: K,
    label: T,
    #[prop(optional, into)] hint: Option<Signal<T>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] optional: bool,
    /// Upper-case as typed (codes).
    #[prop(optional)]
    upper: bool,
    #[prop(optional)] width: Option<&'static str>,
) -> impl IntoView {
    let id = key.id();
    view! {
        <Frame form key label hint optional>
            <input
                class=format!("field__input {}", width.map(|w| format!("field__input--{w}")).unwrap_or_default())
                class:field__input--upper=upper
                id=id
                name=key.wire()
                type=input_type
                autocomplete=autocomplete.unwrap_or("off")
                inputmode=inputmode
                spellcheck="false"
                aria-required=(!optional).then_some("true")
                prop:value=move || form.value(key)
                on:input:target=move |ev| form.set(key, ev.target().value())
                on:blur=move |_| form.blur(key)
                aria-invalid=move || form.error(key).is_some().then_some("true")
                aria-describedby=described_by(form, key, hint.is_some())
            />
        </Frame>
    }
}

/// A select; `options` are (value, label) pairs. The first, empty option
/// reads "Not set" unless the field is required.
#[component]
pub fn FormSelect<K: FormField>(
    form: FormModel<K>,
    key: K,
    label: T,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] hint: Option<Signal<T>>,
    #[prop(optional)] optional: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = key.id();
    view! {
        <Frame form key label hint optional>
            <select
                class="field__select"
                id=id
                name=key.wire()
                autocomplete=autocomplete.unwrap_or("off")
                on:change:target=move |ev| {
                    form.set(key, ev.target().value());
                    form.blur(key);
                }
                on:blur=move |_| form.blur(key)
                aria-invalid=move || form.error(key).is_some().then_some("true")
                aria-describedby=described_by(form, key, hint.is_some())
                prop:value=move || form.value(key)
            >
                <option value="">{move || if optional { i18n.t(T::NotSet) } else { i18n.t(T::ChooseOne) }}</option>
                // Rebuilt when the list changes (a language change), not on
                // every choice: `prop:value` selects, and `selected` keeps the
                // choice when the options are built after it (a country list
                // is some 250 options).
                {move || {
                    let current = untrack(|| form.value(key));
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == current;
                            view! { <option value=value selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
                // A stored value the list does not know is kept, shown as sent.
                {move || {
                    let current = form.value(key);
                    let known = current.is_empty() || options.with(|list| list.iter().any(|(v, _)| *v == current));
                    (!known).then(|| view! { <option value=current.clone() selected=true>{current.clone()}</option> })
                }}
            </select>
        </Frame>
    }
}

/// Says so when the form holds changes restored from an earlier visit.
#[component]
pub fn DraftNotice<K: FormField>(form: FormModel<K>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || form.restored() && form.dirty()>
            <div class="notice notice--info" role="status"><p>{move || i18n.t(T::DraftRestored)}</p></div>
        </Show>
    }
}

/// The error summary of a form: every message on screen, linked to its field.
#[component]
pub fn FormSummary<K: FormField>(form: FormModel<K>) -> impl IntoView {
    let i18n = use_i18n();
    let problems = Signal::derive(move || {
        let lang = i18n.lang.get();
        let mut list: Vec<(&'static str, String)> = form.problems().into_iter().map(|(k, m)| (k.id(), m.text(lang))).collect();
        if let Some(general) = form.general.get() {
            list.push(("form-actions", general));
        }
        list
    });
    view! { <ErrorSummary problems attempt=form.attempt/> }
}

/// Save and discard buttons, what happened to the last save, and a retry.
#[component]
pub fn SaveBar<K: FormField>(
    form: FormModel<K>,
    /// When the record was last saved on the server.
    #[prop(into)]
    updated_at: Signal<Option<Timestamp>>,
    /// Runs the save (the page knows how to send it).
    on_save: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let saving = move || form.state.get() == SaveState::Saving;
    let status = move || {
        let lang = i18n.lang.get();
        match form.state.get() {
            SaveState::Saving => Some(view! { <span>{i18n.t(T::Saving)}</span> }.into_any()),
            SaveState::Waiting(secs) => Some(view! { <span>{msg::server_busy(lang, secs)}</span> }.into_any()),
            SaveState::Failed(e) => {
                let text = failure_text(&e);
                Some(view! {
                    <span class="save-bar__failed">
                        {i18n.t(text)}" "
                        <button type="button" class="button button--secondary button--small" on:click=move |_| on_save.run(())>
                            {i18n.t(T::Retry)}
                        </button>
                    </span>
                }.into_any())
            }
            SaveState::NotKept(_) => Some(view! { <span class="save-bar__failed">{i18n.t(T::NotKeptSummary)}</span> }.into_any()),
            SaveState::Saved(_) | SaveState::Idle if form.dirty() => Some(view! { <span>{i18n.t(T::UnsavedChanges)}</span> }.into_any()),
            state => match (updated_at.get(), state) {
                (Some(at), _) => Some(view! { <span>{format!("{} {}", i18n.t(T::LastSaved), format_timestamp(&at, lang))}</span> }.into_any()),
                // Without a record date (BlendVision answers `{}`), the time of the save.
                (None, SaveState::Saved(ms)) => {
                    let at = orgdesk_model::Timestamp::from_millis(ms as i64);
                    Some(view! { <span>{format!("{} {}", i18n.t(T::LastSaved), at.map(|t| format_timestamp(&t, lang)).unwrap_or_default())}</span> }.into_any())
                }
                _ => None,
            },
        }
    };
    view! {
        <div class="save-bar" id="form-actions" tabindex="-1">
            <button
                type="submit"
                class="button"
                disabled=move || !form.dirty() || saving()
                aria-disabled=move || (!form.dirty() || saving()).then_some("true")
            >
                {move || if saving() { i18n.t(T::Saving) } else { i18n.t(T::SaveChanges) }}
            </button>
            <Show when=move || form.dirty() && !saving()>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    if confirm(i18n.t(T::DiscardConfirm)) {
                        form.discard();
                    }
                }>
                    {move || i18n.t(T::DiscardChanges)}
                </button>
            </Show>
            <p class="save-bar__status" role="status" aria-live="polite">{status}</p>
        </div>
    }
}

fn failure_text(e: &ApiError) -> T {
    match e {
        ApiError::Network => T::SaveFailedNetwork,
        ApiError::Timeout => T::SaveFailedTimeout,
        ApiError::Server { .. } => T::SaveFailedServer,
        other => api_error_key(other),
    }
}

/// `window.confirm`, false when it cannot be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(message).ok()).unwrap_or(false)
}

/// Fields both the admin and someone else changed: for each, the two values
/// and a choice.
#[component]
pub fn ConflictPanel<K: FormField>(form: FormModel<K>, label: fn(K) -> T, #[prop(optional)] show: Option<fn(K, &str, crate::i18n::Lang) -> String>) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !form.conflicts.with(Vec::is_empty) {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    let shown = move |k: K, v: &str| {
        let lang = i18n.lang.get();
        if v.trim().is_empty() {
            i18n.t(T::NotSet).to_string()
        } else {
            match show {
                Some(f) => f(k, v, lang),
                None => v.to_string(),
            }
        }
    };
    view! {
        <Show when=move || !form.conflicts.with(Vec::is_empty)>
            <div class="conflict" role="alert" tabindex="-1" node_ref=node aria-labelledby="conflict-title">
                <h2 id="conflict-title">{move || i18n.t(T::ConflictTitle)}</h2>
                <p>{move || i18n.t(T::ConflictLead)}</p>
                <ul class="conflict__list">
                    <For each=move || form.conflicts.get() key=|c| (c.key, c.theirs.clone(), c.mine.clone()) let:c>
                        <li class="conflict__item">
                            <h3>{move || i18n.t(label(c.key))}</h3>
                            <dl class="conflict__values">
                                <dt>{move || i18n.t(T::YourVersion)}</dt>
                                <dd>{let v = c.mine.clone(); move || shown(c.key, &v)}</dd>
                                <dt>{move || i18n.t(T::SavedVersion)}</dt>
                                <dd>{let v = c.theirs.clone(); move || shown(c.key, &v)}</dd>
                            </dl>
                            <div class="conflict__actions">
                                <button type="button" class="button" on:click=move |_| form.keep_mine(c.key)>{move || i18n.t(T::KeepMine)}</button>
                                <button type="button" class="button button--secondary" on:click=move |_| form.take_theirs(c.key)>{move || i18n.t(T::TakeTheirs)}</button>
                            </div>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
