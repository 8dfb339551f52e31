//! Moving between a console's pages without reloading it: the location as
//! signals, links inside the console followed in place, the browser's back
//! and forward buttons, and `go` for code. Each console's pages are a flat
//! table (`app.rs` matches the path), so this replaces leptos_router, which
//! cost each console about 12 KB brotli for matching we did not use (issue 17).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Where the console is: the path (no trailing slash but `/`) and the query
/// string (without `?`). `Copy`, so handlers keep it.
#[derive(Clone, Copy)]
pub struct Location {
    path: RwSignal<String>,
    query: RwSignal<String>,
}

/// How to go somewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Go {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top afterwards (a new page); not for a filter change.
    pub scroll: bool,
}

impl Go {
    /// A new page: a history entry, scrolled to the top.
    pub const PAGE: Go = Go { replace: false, scroll: true };
    /// Instead of the current page, which the back button then skips.
    pub const INSTEAD: Go = Go { replace: true, scroll: true };
}

impl Location {
    fn from_window() -> Location {
        let (path, query) = current();
        Location { path: RwSignal::new(path), query: RwSignal::new(query) }
    }

    /// The path, tracked.
    pub fn path(&self) -> String {
        self.path.get()
    }

    pub fn path_untracked(&self) -> String {
        self.path.get_untracked()
    }

    /// The decoded value of `key` in the query string, tracked.
    pub fn query(&self, key: &str) -> Option<String> {
        self.query.with(|q| query_value(q, key))
    }

    pub fn query_untracked(&self, key: &str) -> Option<String> {
        self.query.with_untracked(|q| query_value(q, key))
    }

    /// Goes to `to`: a path, or a query (`?page=2`) for the current path.
    /// Another origin is left to the browser.
    pub fn go(&self, to: &str, how: Go) {
        let window = window();
        let here = window.location().href().unwrap_or_default();
        let Ok(url) = web_sys::Url::new_with_base(to, &here) else { return };
        if url.origin() != window.location().origin().unwrap_or_default() {
            let _ = window.location().set_href(to);
            return;
        }
        let target = format!("{}{}{}", url.pathname(), url.search(), url.hash());
        if let Ok(history) = window.history() {
            let _ = if how.replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&target))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&target))
            };
        }
        self.sync();
        if how.scroll {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Reads the address bar into the signals, touching only what changed,
    /// the query first, so a new page reads its own query.
    fn sync(&self) {
        let (path, query) = current();
        if self.query.with_untracked(|q| *q != query) {
            self.query.set(query);
        }
        if self.path.with_untracked(|p| *p != path) {
            self.path.set(path);
        }
    }
}

/// The location of the app, or (in a component test, without a console) one
/// read from the address bar that follows nothing.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(Location::from_window)
}

/// Installs the location for a console whose pages are under `base` (such as
/// `/openbadge`): back and forward, and links to pages under `base` followed
/// in place. Other links (the landing page, a public page) load as usual.
pub fn provide_location(base: &'static str) -> Location {
    let location = Location::from_window();
    provide_context(location);
    let window = window();
    let popstate = Closure::<dyn FnMut()>::new(move || location.sync());
    let _ = window.add_event_listener_with_callback("popstate", popstate.as_ref().unchecked_ref());
    popstate.forget();
    // Bubbling, so the unsaved-changes guard (capturing) can stop it first.
    let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if let Some(to) = followed_in_place(&ev, base) {
            ev.prevent_default();
            location.go(&to, Go::PAGE);
        }
    });
    let _ = document().add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    location
}

/// The address a click on a link should go to without a reload, if it is one:
/// a plain left click on a link to a page under `base` of this origin, with
/// no target, download or `rel="external"`, and not a jump within the page.
fn followed_in_place(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let element = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let anchor = element.closest("a[href]").ok()??.dyn_into::<web_sys::HtmlAnchorElement>().ok()?;
    let rel = anchor.rel();
    if !anchor.target().is_empty() || anchor.has_attribute("download") || rel.split_ascii_whitespace().any(|r| r == "external") {
        return None;
    }
    let url = web_sys::Url::new(&anchor.href()).ok()?;
    let here = window().location();
    let path = url.pathname();
    let under_base = path == base || path.starts_with(&format!("{base}/"));
    let same_page = path == here.pathname().ok()? && url.search() == here.search().ok()? && !url.hash().is_empty();
    (url.origin() == here.origin().ok()? && under_base && !same_page).then(|| format!("{path}{}{}", url.search(), url.hash()))
}

/// The address bar's path (trailing slash dropped) and query.
fn current() -> (String, String) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let path = match path.trim_end_matches('/') {
        "" => "/".to_string(),
        trimmed => trimmed.to_string(),
    };
    let query = location.search().unwrap_or_default().trim_start_matches('?').to_string();
    (path, query)
}

/// `key`'s value in `query` (`a=1&b=x%20y`), decoded, `+` as a space (as forms send it).
fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(&k.replace('+', " ")) == key).then(|| decode(&v.replace('+', " ")))
    })
}

/// A percent-encoded URL part, decoded; kept as it is when it is not valid.
pub fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s).ok().and_then(|v| v.as_string()).unwrap_or_else(|| s.to_string())
}
