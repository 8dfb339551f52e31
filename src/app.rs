//! The two admin consoles, each its own entry point (`src/bin/`): the Open
//! Badge console under `/openbadge`, the BlendVision One console under
//! `/blendvision`. They share every context and the frame; each links only
//! its own pages, so neither carries the other's code. The landing page `/`
//! is plain HTML (`landing/`), the public issuer page its own entry too.

use crate::core::config::Config;
use crate::core::navigation::{provide_location, use_location};
use crate::core::session::SessionStore;
use crate::features::auth::idle::IdleWarning;
use crate::features::auth::sign_in::{self, SignIn};
use crate::features::auth::renew;
use crate::features::auth::sign_out::{self, Revoke, SignOutButton};
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

pub fn mount_openbadge() {
    leptos::mount::mount_to_body(OpenBadgeConsole);
}

pub fn mount_blendvision() {
    leptos::mount::mount_to_body(BlendVisionConsole);
}

/// Installs the contexts every component expects: language, API config,
/// the backend's extensions and the session.
pub fn provide_app_contexts() {
    provide_i18n(I18n::detect());
    provide_context(Config::from_document());
    // Made here, in the root owner, so it lives as long as the app.
    provide_context(crate::core::capabilities::active());
    provide_context(SessionStore::load());
}

/// What both consoles run around their pages: contexts, the location (pages
/// under `base`), the unsaved-changes guard, the idle timer and, where the
/// platform has one, token renewal; the header with sign-out, and the idle
/// warning. Each console passes its own platform's `revoke` and
/// `keep_alive`, so it links only that platform's calls (issue 17).
#[component]
fn Console(base: &'static str, revoke: Revoke, #[prop(optional)] keep_alive: Option<fn()>, children: Children) -> impl IntoView {
    provide_app_contexts();
    provide_location(base);
    crate::ui::form::unsaved::provide_unsaved();
    if let Some(keep_alive) = keep_alive {
        keep_alive();
    }
    crate::features::auth::idle::watch_idle(revoke);
    view! {
        <Shell tools=ViewFn::from(move || view! { <SignOutButton revoke/> })>
            <IdleWarning/>
            {children()}
        </Shell>
    }
}

/// The page for the current path, made again only when the path changes
/// (not when only the query does: a list's filters stay on the same page).
/// The location's path and query are signals of their own, each set only
/// when it changed, so reading the path is enough.
fn pages(page: fn(&str) -> AnyView) -> impl IntoView {
    let location = use_location();
    move || page(&location.path())
}

#[component]
pub fn OpenBadgeConsole() -> impl IntoView {
    view! {
        <Console base="/openbadge" revoke=sign_out::revoke_open_badge>
            {pages(|path| match path {
                "/openbadge/sign-in" => view! { <SignIn platform=sign_in::OPEN_BADGE/> }.into_any(),
                "/openbadge" => view! { <ProfilePage/> }.into_any(),
                "/openbadge/billing" => view! { <BillingPage/> }.into_any(),
                "/openbadge/public-profile" => view! { <PublicSettingsPage/> }.into_any(),
                "/openbadge/statistics" => view! { <StatisticsPage/> }.into_any(),
                "/openbadge/logo" => view! { <LogoPage/> }.into_any(),
                _ => view! { <NotFound/> }.into_any(),
            })}
        </Console>
    }
}

#[component]
pub fn BlendVisionConsole() -> impl IntoView {
    view! {
        <Console base="/blendvision" revoke=sign_out::revoke_blendvision keep_alive=renew::keep_alive as fn()>
            {pages(|path| match path {
                "/blendvision/sign-in" => view! { <SignIn platform=sign_in::BLENDVISION/> }.into_any(),
                "/blendvision" => view! { <BvOrganizationPage/> }.into_any(),
                "/blendvision/sub-orgs" => view! { <SubOrgsPage/> }.into_any(),
                _ => match path.strip_prefix("/blendvision/sub-orgs/").filter(|id| !id.is_empty() && !id.contains('/')) {
                    Some(id) => view! { <SubOrgPage id=crate::core::navigation::decode(id)/> }.into_any(),
                    None => view! { <NotFound/> }.into_any(),
                },
            })}
        </Console>
    }
}
