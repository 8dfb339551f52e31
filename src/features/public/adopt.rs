//! The public-page entry point (`public.html`, binary `orgdesk-public`). The
//! server answers `/issuers/{id}` with it; the admin console keeps its own
//! route to the same page for `trunk serve`.

use crate::ui::lang_switch::LangSwitch;
use crate::core::config::Config;
use crate::i18n::{provide_i18n, use_i18n, I18n, Lang, T};
use crate::features::public::issuer_page::PublicIssuerPage;
use leptos::prelude::*;

pub fn mount() {
    if let Some(first_paint) = document().get_element_by_id("orgdesk-first-paint") {
        if adopt(&first_paint).is_some() {
            return;
        }
        first_paint.remove();
    }
    leptos::mount::mount_to_body(PublicApp);
}

/// The whole page, mounted by the app (the first paint, if any, is gone).
fn mount_whole() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static HANDED_OVER: AtomicBool = AtomicBool::new(false);
    if HANDED_OVER.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Some(first_paint) = document().get_element_by_id("orgdesk-first-paint") {
        first_paint.remove();
    }
    leptos::mount::mount_to_body(PublicApp);
}

/// Keeps the server's first paint when it is in the language the visitor
/// will read: the app only adds the language switch and the sections below
/// the profile's top. Replacing identical markup would paint it twice and
/// make the largest paint wait for wasm. A later change of language hands
/// the whole page to the app.
fn adopt(first_paint: &web_sys::Element) -> Option<()> {
    use crate::features::public::issuer_page::{inlined, PublicSections};
    use leptos::mount::mount_to;
    use wasm_bindgen::JsCast;
    let painted = first_paint.get_attribute("data-lang").and_then(|c| Lang::from_code(&c))?;
    let i18n = I18n::detect();
    if i18n.remembered() && i18n.lang.get_untracked() != painted {
        return None;
    }
    i18n.lang.set(painted);
    let org = inlined(&issuer_id(&window().location().pathname().unwrap_or_default()))??;
    let header: web_sys::HtmlElement = first_paint.query_selector(".app-header").ok()??.dyn_into().ok()?;
    let article: web_sys::HtmlElement = first_paint.query_selector("article.public-profile").ok()??.dyn_into().ok()?;
    let tools: web_sys::HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    tools.set_class_name("app-header__tools");
    header.append_child(&tools).ok()?;
    let config = Config::from_document();
    let contexts = move || {
        provide_i18n(i18n);
        provide_context(config.clone());
    };
    let for_sections = contexts.clone();
    let switch = mount_to(tools, move || {
        contexts();
        // Another language: the app renders the whole page in it.
        Effect::new(move |_| {
            if i18n.lang.get() != painted {
                request_animation_frame(mount_whole);
            }
        });
        view! { <LangSwitch/> }
    });
    let sections = mount_to(article, move || {
        for_sections();
        view! { <PublicSections org/> }
    });
    switch.forget();
    sections.forget();
    Some(())
}

/// `/issuers/{id}` → `id`.
fn issuer_id(path: &str) -> String {
    let rest = path.trim_start_matches('/').strip_prefix("issuers/").unwrap_or_default();
    let id = rest.split(['/', '?', '#']).next().unwrap_or_default();
    js_sys::decode_uri_component(id).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

#[component]
pub fn PublicApp() -> impl IntoView {
    provide_i18n(I18n::detect());
    provide_context(Config::from_document());
    // Made here, in the root owner, so it lives as long as the app.
    provide_context(crate::core::capabilities::active());
    let i18n = use_i18n();
    let id = issuer_id(&window().location().pathname().unwrap_or_default());
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(T::SkipToContent)}</a>
        <header class="app-header">
            <span class="app-header__brand">"orgdesk"</span>
            <div class="app-header__tools"><LangSwitch/></div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <PublicIssuerPage id/>
        </main>
    }
}
