//! The admin console: its contexts and its route table.

use crate::core::config::Config;
use crate::core::session::{Dialect, SessionStore};
use crate::features::auth::idle::IdleWarning;
use crate::features::auth::sign_in::SignIn;
use crate::features::auth::sign_out::SignOutButton;
use crate::features::blendvision::organization::BvOrganizationPage;
use crate::features::blendvision::sub_org::SubOrgPage;
use crate::features::blendvision::sub_orgs::SubOrgsPage;
use crate::features::landing::Landing;
use crate::features::not_found::NotFound;
use crate::features::openbadge::billing::BillingPage;
use crate::features::openbadge::logo::LogoPage;
use crate::features::openbadge::profile::ProfilePage;
use crate::features::openbadge::public_settings::PublicSettingsPage;
use crate::features::openbadge::statistics::StatisticsPage;
use crate::features::public::issuer_page::PublicIssuerPage;
use crate::i18n::{provide_i18n, I18n};
use crate::ui::shell::Shell;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// Installs the contexts every component expects: language, API config,
/// session and page metadata.
pub fn provide_app_contexts() {
    provide_meta_context();
    provide_i18n(I18n::detect());
    provide_context(Config::from_document());
    // Made here, in the root owner, so it lives as long as the app.
    provide_context(crate::core::capabilities::active());
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
    crate::ui::form::unsaved::provide_unsaved();
    crate::features::auth::renew::keep_alive();
    crate::features::auth::idle::watch_idle();
    view! {
        <Router>
            <Shell tools=ViewFn::from(|| view! { <SignOutButton/> })>
                <IdleWarning/>
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
