//! The start page: pick a platform and sign in.

use crate::i18n::{use_i18n, T};
use crate::core::session::use_session;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Landing() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Title text="orgdesk"/>
        <section class="landing">
            <h1>"orgdesk"</h1>
            <p class="lead">{move || i18n.t(T::LandingLead)}</p>
            {move || session.current.get().map(|s| view! {
                <p class="notice notice--info">
                    <a href=s.dialect.home()>{i18n.t(T::ContinueSession)}</a>
                </p>
            })}
            <h2>{move || i18n.t(T::ChoosePlatform)}</h2>
            <ul class="platforms">
                <li class="platform">
                    <h3><a href="/openbadge/sign-in">"Open Badge"</a></h3>
                    <p>{move || i18n.t(T::OpenBadgeBlurb)}</p>
                </li>
                <li class="platform">
                    <h3><a href="/blendvision/sign-in">"BlendVision One"</a></h3>
                    <p>{move || i18n.t(T::BlendVisionBlurb)}</p>
                </li>
            </ul>
            <p class="muted">{move || i18n.t(T::LandingPublicNote)}</p>
        </section>
    }
}
