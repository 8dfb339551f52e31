//! The two admin consoles, each its own entry point (`src/bin/`): the Open
//! Badge console under `/openbadge`, the BlendVision One console under
//! `/blendvision`. They share every context and the frame; each links only
//! its own pages, so neither carries the other's code. The landing page `/`
//! is plain HTML (`landing/`), the public issuer page its own entry too.

use crate::core::config::Config;
use crate::core::session::{Dialect, SessionStore};
use crate::features::auth::idle::IdleWarning;
use crate::features::auth::sign_in::SignIn;
use crate::features::auth::sign_out::SignOutButton;
use crate::features::blendvision::organization::BvOrganizationPage;
use crate::features::blendvision::sub_org::SubOrgPage;
use crate::features::blendvision::sub_orgs::SubOrgsPage;
use crate::features::not_found::NotFound;
use crate::features::openbadge::billing::BillingPage;
use crate::features::openbadge::logo::LogoPage;
use crate::features::openbadge::profile::ProfilePage;
use crate::features::openbadge::public_settings::PublicSettingsPage;
use crate::features::openbadge::statistics::StatisticsPage;
use crate::i18n::{provide_i18n, I18n};
use crate::ui::shell::Shell;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

pub fn mount_openbadge() {
    leptos::mount::mount_to_body(OpenBadgeConsole);
}

pub fn mount_blendvision() {
    leptos::mount::mount_to_body(BlendVisionConsole);
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

/// What both consoles run around their routes: contexts, the unsaved-changes
/// guard, token renewal and the idle timer; the header with sign-out, and
/// the idle warning.
#[component]
fn Console(children: Children) -> impl IntoView {
    provide_app_contexts();
    crate::ui::form::unsaved::provide_unsaved();
    crate::features::auth::renew::keep_alive();
    crate::features::auth::idle::watch_idle();
    view! {
        <Router>
            <Shell tools=ViewFn::from(|| view! { <SignOutButton/> })>
                <IdleWarning/>
                {children()}
            </Shell>
        </Router>
    }
}

#[component]
pub fn OpenBadgeConsole() -> impl IntoView {
    view! {
        <Console>
            <Routes fallback=NotFound>
                <Route path=path!("/openbadge/sign-in") view=|| view! { <SignIn dialect=Dialect::OpenBadge/> }/>
                <Route path=path!("/openbadge") view=ProfilePage/>
                <Route path=path!("/openbadge/billing") view=BillingPage/>
                <Route path=path!("/openbadge/public-profile") view=PublicSettingsPage/>
                <Route path=path!("/openbadge/statistics") view=StatisticsPage/>
                <Route path=path!("/openbadge/logo") view=LogoPage/>
            </Routes>
        </Console>
    }
}

#[component]
pub fn BlendVisionConsole() -> impl IntoView {
    view! {
        <Console>
            <Routes fallback=NotFound>
                <Route path=path!("/blendvision/sign-in") view=|| view! { <SignIn dialect=Dialect::BlendVision/> }/>
                <Route path=path!("/blendvision") view=BvOrganizationPage/>
                <Route path=path!("/blendvision/sub-orgs") view=SubOrgsPage/>
                <Route path=path!("/blendvision/sub-orgs/:id") view=SubOrgPage/>
            </Routes>
        </Console>
    }
}
