use crate::i18n::{use_i18n, T};
use leptos::prelude::*;
use crate::ui::head::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t(T::NotFoundTitle)/>
        <section class="message-page">
            <h1>{move || i18n.t(T::NotFoundTitle)}</h1>
            <p>{move || i18n.t(T::NotFoundBody)}</p>
            <p><a href="/" rel="external">{move || i18n.t(T::GoHome)}</a></p>
        </section>
    }
}
