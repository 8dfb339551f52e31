//! Where the APIs live. Read once from `<meta>` tags in index.html, so one
//! build can be pointed at another backend without recompiling.

use crate::core::session::Dialect;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Base URL the Open Badge paths (`/api/v1/...`) are appended to; empty = same origin.
    pub openbadge_api: String,
    /// Base URL the BlendVision paths (`/bv/...`) are appended to; empty = same origin.
    pub blendvision_api: String,
}

impl Config {
    pub fn from_document() -> Config {
        Config { openbadge_api: meta("orgdesk-openbadge-api"), blendvision_api: meta("orgdesk-blendvision-api") }
    }

    pub fn base(&self, dialect: Dialect) -> &str {
        match dialect {
            Dialect::OpenBadge => &self.openbadge_api,
            Dialect::BlendVision => &self.blendvision_api,
        }
    }
}

fn meta(name: &str) -> String {
    meta_opt(name).unwrap_or_default().trim_end_matches('/').to_string()
}

/// The `content` of `<meta name="{name}">`, trimmed; `None` without the tag.
pub fn meta_opt(name: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("meta[name=\"{name}\"]")).ok().flatten())
        .and_then(|el| el.get_attribute("content"))
        .map(|c| c.trim().to_string())
}
