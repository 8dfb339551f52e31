//! The BlendVision area's own navigation.

use crate::i18n::T;
use crate::ui::area_nav::AreaNav;
use leptos::prelude::*;

#[component]
pub fn BvNav() -> impl IntoView {
    const LINKS: &[(&str, T)] = &[("/blendvision", T::Organization), ("/blendvision/sub-orgs", T::SubOrganizations)];
    view! { <AreaNav links=LINKS/> }
}
