//! orgdesk: the organization console for Open Badge issuers and BlendVision
//! One customers. `App` holds the route table and the app-wide contexts;
//! screens live in `pages`, reusable pieces in `components`.

pub mod api;
pub mod components;
pub mod config;
pub mod i18n;
pub mod pages;
pub mod public_app;
pub mod state;

use components::shell::Shell;
use config::Config;
use i18n::{provide_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::bv::organization::BvOrganizationPage;
use pages::bv::sub_org::SubOrgPage;
use pages::bv::sub_orgs::SubOrgsPage;
use pages::issuer::billing::BillingPage;
use pages::issuer::profile::ProfilePage;
use pages::issuer::public_settings::PublicSettingsPage;
use pages::issuer::statistics::StatisticsPage;
use pages::issuer::logo::LogoPage;
use pages::landing::Landing;
use pages::not_found::NotFound;
use pages::public::issuer_page::PublicIssuerPage;
use pages::sign_in::SignIn;
use state::session::{Dialect, SessionStore};

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// Installs the contexts every component expects: language, API config,
/// session and page metadata.
pub fn provide_app_contexts() {
    provide_meta_context();
    provide_i18n(I18n::detect());
    provide_context(Config::from_document());
    provide_context(SessionStore::load());
}

#[component]
fn IssuerRoute() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    view! { <PublicIssuerPage id=Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()))/> }
}

#[component]
pub fn App() -> impl IntoView {
    provide_app_contexts();
    components::unsaved::provide_unsaved();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing/>
                    <Route path=path!("/openbadge/sign-in") view=|| view! { <SignIn dialect=Dialect::OpenBadge/> }/>
                    <Route path=path!("/blendvision/sign-in") view=|| view! { <SignIn dialect=Dialect::BlendVision/> }/>
                    <Route path=path!("/openbadge") view=ProfilePage/>
                    <Route path=path!("/openbadge/billing") view=BillingPage/>
                    <Route path=path!("/openbadge/public-profile") view=PublicSettingsPage/>
                    <Route path=path!("/openbadge/statistics") view=StatisticsPage/>
                    <Route path=path!("/openbadge/logo") view=LogoPage/>
                    <Route path=path!("/blendvision") view=BvOrganizationPage/>
                    <Route path=path!("/blendvision/sub-orgs") view=SubOrgsPage/>
                    <Route path=path!("/blendvision/sub-orgs/:id") view=SubOrgPage/>
                    <Route path=path!("/issuers/:id") view=IssuerRoute/>
                </Routes>
            </Shell>
        </Router>
    }
}
