//! The navigation of a console area: one link per page, the current one
//! marked for assistive technology and by an underline.

use crate::i18n::{use_i18n, T};
use leptos::prelude::*;
use crate::core::navigation::use_location;

/// `links` as (path, label); the first is the area's home. A link stays
/// current on the pages below it (a list while one of its items is open),
/// except the home, which is current only on itself.
#[component]
pub fn AreaNav(links: &'static [(&'static str, T)]) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let home = links.first().map(|(href, _)| *href).unwrap_or("/");
    let link = move |&(href, label): &(&'static str, T)| {
        let current = move || {
            let path = location.path();
            (path == href || (href != home && path.starts_with(&format!("{href}/")))).then_some("page")
        };
        view! { <li><a href=href aria-current=current>{move || i18n.t(label)}</a></li> }
    };
    view! {
        <nav class="area-nav" aria-label=move || i18n.t(T::OrganizationNav)>
            <ul>{links.iter().map(link).collect_view()}</ul>
        </nav>
    }
}
