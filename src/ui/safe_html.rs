//! Shows HTML from the API without ever handing an unsanitized string to
//! `inner_html`: the browser's inert DOMParser reads it (no scripts run, no
//! images load), and only allowlisted elements are rebuilt, node by node,
//! into the live document.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

pub use orgdesk_model::html::allowed_href;
use orgdesk_model::html::{DROPPED, LINK_REL, TAGS as ALLOWED};

#[component]
pub fn SafeHtml(#[prop(into)] html: Signal<String>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let html = html.get();
        if let Some(target) = node.get() {
            target.set_text_content(None);
            rebuild_into(&html, &target);
        }
    });
    view! { <div class=class node_ref=node></div> }
}

/// Parses `html` inertly and appends its allowed content to `target`.
pub fn rebuild_into(html: &str, target: &Node) {
    let Ok(parser) = web_sys::DomParser::new() else { return };
    let Ok(parsed) = parser.parse_from_string(&defuse_styles(html), web_sys::SupportedType::TextHtml) else { return };
    let Some(body) = parsed.body() else { return };
    let live = document();
    copy_children(&live, &body, target);
}

fn copy_children(doc: &Document, from: &Node, to: &Node) {
    let children = from.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => {
                let text = doc.create_text_node(&child.text_content().unwrap_or_default());
                let _ = to.append_child(&text);
            }
            Node::ELEMENT_NODE => {
                let Ok(el) = child.dyn_into::<Element>() else { continue };
                let tag = el.tag_name().to_ascii_lowercase();
                if ALLOWED.contains(&tag.as_str()) {
                    let Ok(copy) = doc.create_element(&tag) else { continue };
                    if tag == "a" {
                        match el.get_attribute("href").filter(|h| allowed_href(h)) {
                            Some(href) => {
                                let _ = copy.set_attribute("href", href.trim());
                                let _ = copy.set_attribute("rel", LINK_REL);
                            }
                            // A link we won't follow keeps its text, as plain text.
                            None => {
                                copy_children(doc, &el, to);
                                continue;
                            }
                        }
                    }
                    copy_children(doc, &el, &copy);
                    let _ = to.append_child(&copy);
                } else if !DROPPED.contains(&tag.as_str()) {
                    // Unknown wrappers (div, span, font...) vanish but keep their text.
                    copy_children(doc, &el, to);
                }
            }
            // Comments, processing instructions, CDATA: dropped.
            _ => {}
        }
    }
}

/// `html` with only its allowed content, as a string; empty when no text is
/// left (an editor's `<p><br></p>`).
pub fn sanitize_to_string(html: &str) -> String {
    let Ok(holder) = document().create_element("div") else { return String::new() };
    rebuild_into(html, &holder);
    if holder.text_content().unwrap_or_default().trim().is_empty() {
        return String::new();
    }
    holder.inner_html()
}

/// Renames `style` attributes and `<style>` elements before parsing. They
/// would be dropped anyway, but the parser (which shares the page's CSP)
/// would first report each one as a blocked inline style.
pub fn defuse_styles(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = String::with_capacity(html.len() + 16);
    let mut last = 0;
    let mut i = 0;
    // Only inside tags: text that mentions "style =" stays as written.
    let mut in_tag = false;
    while i < bytes.len() {
        let rest = &bytes[i..];
        match bytes[i] {
            b'<' if rest.get(1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/') => in_tag = true,
            b'>' => in_tag = false,
            _ => {}
        }
        let renamed = if rest.starts_with(b"<style") {
            Some((i + 1, "x-"))
        } else if rest.starts_with(b"</style") {
            Some((i + 2, "x-"))
        } else if in_tag && rest.starts_with(b"style") && i > 0 && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'"' | b'\'') {
            let after = rest[5..].iter().position(|b| !b.is_ascii_whitespace()).map(|p| rest[5 + p]);
            (after == Some(b'=')).then_some((i, "data-x-"))
        } else {
            None
        };
        match renamed {
            // Every split point is an ASCII byte, so a char boundary.
            Some((at, prefix)) => {
                out.push_str(&html[last..at]);
                out.push_str(prefix);
                last = at;
                i = at + 1;
            }
            None => i += 1,
        }
    }
    out.push_str(&html[last..]);
    out
}
