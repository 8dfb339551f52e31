//! The Open Badge area's own navigation.

use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::loaded;
use crate::i18n::T;
use crate::ui::area_nav::AreaNav;
use crate::core::session::Dialect;
use leptos::prelude::*;
use orgdesk_model::openbadge::Organization;

#[component]
pub fn IssuerNav() -> impl IntoView {
    const LINKS: &[(&str, T)] = &[
        ("/openbadge", T::Profile),
        ("/openbadge/billing", T::Billing),
        ("/openbadge/public-profile", T::PublicProfile),
        ("/openbadge/logo", T::Logo),
        ("/openbadge/statistics", T::Statistics),
    ];
    view! { <AreaNav links=LINKS/> }
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
