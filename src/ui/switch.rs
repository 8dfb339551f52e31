//! An on/off switch: a button with `role="switch"`, so Space and Enter work
//! and screen readers announce "on"/"off". One line under it says what it does.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;

#[component]
pub fn Switch(
    id: &'static str,
    label: T,
    description: T,
    #[prop(into)] checked: Signal<bool>,
    /// Greyed out and not operable, e.g. while the profile is off.
    #[prop(into)]
    disabled: Signal<bool>,
    /// This switch's change is being saved.
    #[prop(into)]
    busy: Signal<bool>,
    on_toggle: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label_id = format!("{id}-label");
    let description_id = format!("{id}-description");
    let (labelled_by, described_by) = (label_id.clone(), description_id.clone());
    view! {
        <div class="switch" class:switch--disabled=move || disabled.get()>
            <button
                type="button"
                role="switch"
                id=id
                class="switch__control"
                aria-checked=move || if checked.get() { "true" } else { "false" }
                aria-labelledby=labelled_by
                aria-describedby=described_by
                aria-busy=move || busy.get().then_some("true")
                disabled=move || disabled.get() || busy.get()
                on:click=move |_| on_toggle.run(!checked.get_untracked())
            >
                <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
                <span class="switch__state" aria-hidden="true">{move || i18n.t(if checked.get() { T::On } else { T::Off })}</span>
            </button>
            <div class="switch__text">
                <span class="switch__label" id=label_id>{move || i18n.t(label)}</span>
                <span class="switch__description" id=description_id>{move || i18n.t(description)}</span>
            </div>
            {move || busy.get().then(|| view! { <span class="spinner" role="status" aria-label=i18n.t(T::Saving)></span> })}
        </div>
    }
}
