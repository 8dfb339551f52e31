//! The box at the top of a form that lists every problem after a failed
//! submit, takes focus so screen readers announce it, and links to each field.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;

/// One entry: the id of the input to focus, and the message.
pub type Problem = (&'static str, String);

#[component]
pub fn ErrorSummary(
    #[prop(into)] problems: Signal<Vec<Problem>>,
    /// Bumped on every submit attempt; the summary takes focus again each time.
    #[prop(into)]
    attempt: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        attempt.track();
        if !problems.get_untracked().is_empty() {
            request_animation_frame(move || {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || !problems.get().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{move || i18n.t(T::ErrorSummaryTitle)}</h2>
                <ul class="error-summary__list">
                    <For each=move || problems.get() key=|p| p.clone() let:problem>
                        <li>
                            <a
                                href=format!("#{}", problem.0)
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_by_id(problem.0);
                                }
                            >
                                {problem.1.clone()}
                            </a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}

pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
