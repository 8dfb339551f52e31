//! The frame around every page: skip link, header (brand, language, the
//! console's own tools such as sign-out) and the main landmark.

use super::lang_switch::LangSwitch;
use crate::i18n::{use_i18n, T};
use leptos::prelude::*;

#[component]
pub fn Shell(
    /// Shown in the header after the language switch.
    #[prop(optional)]
    tools: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(T::SkipToContent)}</a>
        <header class="app-header">
            <a class="app-header__brand" href="/" rel="external">"orgdesk"</a>
            <div class="app-header__tools">
                <LangSwitch/>
                {tools.map(|tools| tools.run())}
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            {children()}
        </main>
    }
}
