//! The Open Badge area's own navigation.

use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::loaded;
use crate::i18n::{use_i18n, T};
use crate::core::session::Dialect;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use orgdesk_model::openbadge::Organization;

#[component]
pub fn IssuerNav() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let link = move |href: &'static str, label: T| {
        let current = move || (location.pathname.get() == href).then_some("page");
        view! { <li><a href=href aria-current=current>{move || i18n.t(label)}</a></li> }
    };
    view! {
        <nav class="area-nav" aria-label=move || i18n.t(T::OrganizationNav)>
            <ul>
                {link("/openbadge", T::Profile)}
                {link("/openbadge/billing", T::Billing)}
                {link("/openbadge/public-profile", T::PublicProfile)}
                {link("/openbadge/logo", T::Logo)}
                {link("/openbadge/statistics", T::Statistics)}
            </ul>
        </nav>
    }
}

/// An Open Badge page about the admin's own organization: signed-in only,
/// the area's navigation, and `page` once the organization has loaded (a
/// spinner before, an explained error with a retry on failure).
#[component]
pub fn OrganizationPage(page: fn(Organization) -> AnyView) -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::OpenBadge>
            <IssuerNav/>
            <OrganizationLoader page/>
        </RequireSession>
    }
}

#[component]
fn OrganizationLoader(page: fn(Organization) -> AnyView) -> impl IntoView {
    let org = authed_resource(Dialect::OpenBadge, crate::api::openbadge::organization);
    loaded(org, page, None)
}
