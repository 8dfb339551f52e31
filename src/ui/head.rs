//! The document's title and `<meta name>` tags, set by the page on screen.
//! Each keeps what was there before and puts it back when its page goes,
//! unless a newer page has set its own meanwhile. Instead of leptos_meta,
//! whose registry of head tags cost more than these two effects (issue 17).

use leptos::prelude::*;

/// Sets the document's title while mounted, following `text`.
#[component]
pub fn Title(#[prop(into)] text: TextProp) -> impl IntoView {
    let before = document().title();
    let shown = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let text = text.get().to_string();
        document().set_title(&text);
        shown.set_value(Some(text));
    });
    on_cleanup(move || {
        if shown.get_value().is_some_and(|t| t == document().title()) {
            document().set_title(&before);
        }
    });
}

/// Sets `<meta name=name content=content>` while mounted, adding the tag
/// when the page has none, and takes it back afterwards.
#[component]
pub fn Meta(name: &'static str, #[prop(into)] content: String) -> impl IntoView {
    let Some(head) = document().head() else { return };
    let existing = head.query_selector(&format!("meta[name='{name}']")).ok().flatten();
    let created = existing.is_none();
    let before = existing.as_ref().and_then(|m| m.get_attribute("content"));
    let Some(tag) = existing.or_else(|| document().create_element("meta").ok()) else { return };
    let _ = tag.set_attribute("name", name);
    let _ = tag.set_attribute("content", &content);
    if created {
        let _ = head.append_child(&tag);
    }
    let tag = send_wrapper::SendWrapper::new(tag);
    on_cleanup(move || {
        if tag.get_attribute("content").as_deref() != Some(content.as_str()) {
            return;
        }
        match (&before, created) {
            (_, true) => tag.remove(),
            (Some(content), false) => {
                let _ = tag.set_attribute("content", content);
            }
            (None, false) => {
                let _ = tag.remove_attribute("content");
            }
        }
    });
}
