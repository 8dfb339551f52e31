//! The language switch: a labelled select, remembered across visits.

use crate::i18n::{use_i18n, Lang, T};
use leptos::prelude::*;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch">
            <label for="lang-switch">{move || i18n.t(T::Language)}</label>
            <select
                id="lang-switch"
                on:change:target=move |ev| {
                    if let Some(lang) = Lang::from_code(&ev.target().value()) {
                        i18n.choose(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! {
                        <option value=lang.code() lang=lang.code() selected=move || i18n.lang.get() == lang>
                            {lang.native_name()}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
