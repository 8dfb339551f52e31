//! A labelled text input with hint and inline error, the GOV.UK way: the
//! message sits above the input, which carries `aria-invalid` and
//! `aria-describedby` pointing at hint and message.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The input's id; the error summary links to it.
    id: &'static str,
    label: T,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    #[prop(optional)] hint: Option<T>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Called when the input loses focus, so validation can start then.
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field--error=move || error.get().is_some()>
            <label class="field__label" for=id>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            {move || error.get().map(|msg| view! {
                <p class="field__error" id=error_id.clone()>
                    <span class="visually-hidden">{move || i18n.t(T::ErrorPrefix)}</span>
                    {msg}
                </p>
            })}
            <input
                class="field__input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                spellcheck="false"
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
                on:blur=move |_| {
                    // try_run: the browser blurs a focused field as it leaves
                    // the page, after its owner (and the callback) is gone.
                    if let Some(cb) = on_blur {
                        let _ = cb.try_run(());
                    }
                }
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                disabled=move || disabled.get()
            />
        </div>
    }
}
