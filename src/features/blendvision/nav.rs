//! The BlendVision area's own navigation.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn BvNav() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let link = move |href: &'static str, label: T| {
        // The list stays current while one of its organizations is open.
        let current = move || {
            let path = location.pathname.get();
            (path == href || (href != "/blendvision" && path.starts_with(&format!("{href}/")))).then_some("page")
        };
        view! { <li><a href=href aria-current=current>{move || i18n.t(label)}</a></li> }
    };
    view! {
        <nav class="area-nav" aria-label=move || i18n.t(T::OrganizationNav)>
            <ul>
                {link("/blendvision", T::Organization)}
                {link("/blendvision/sub-orgs", T::SubOrganizations)}
            </ul>
        </nav>
    }
}
