//! The public-page entry point (`public.html`, binary `orgdesk-public`). The
//! server answers `/issuers/{id}` with it; the admin console keeps its own
//! route to the same page for `trunk serve`.

use crate::components::lang_switch::LangSwitch;
use crate::config::Config;
use crate::i18n::{provide_i18n, use_i18n, I18n, T};
use crate::pages::public::issuer_page::PublicIssuerPage;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;

pub fn mount() {
    // The server's plain-HTML first paint gives way to the live page.
    if let Some(first_paint) = document().get_element_by_id("orgdesk-first-paint") {
        first_paint.remove();
    }
    leptos::mount::mount_to_body(PublicApp);
}

/// `/issuers/{id}` → `id`.
fn issuer_id(path: &str) -> String {
    let rest = path.trim_start_matches('/').strip_prefix("issuers/").unwrap_or_default();
    let id = rest.split(['/', '?', '#']).next().unwrap_or_default();
    js_sys::decode_uri_component(id).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

#[component]
pub fn PublicApp() -> impl IntoView {
    provide_meta_context();
    provide_i18n(I18n::detect());
    provide_context(Config::from_document());
    let i18n = use_i18n();
    let id = issuer_id(&window().location().pathname().unwrap_or_default());
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(T::SkipToContent)}</a>
        <header class="app-header">
            <span class="app-header__brand">"orgdesk"</span>
            <div class="app-header__tools"><LangSwitch/></div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <PublicIssuerPage id=Signal::stored(id)/>
        </main>
    }
}
