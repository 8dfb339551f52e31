//! The Open Badge area's own navigation.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

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
