//! The one HTML allowlist for descriptions: the server's sanitizer (ammonia)
//! and the browser's `SafeHtml` both keep exactly these elements, links and
//! schemes, so what is stored is what is shown.

/// Elements kept, with their text and allowed children.
pub const TAGS: [&str; 15] = ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"];

/// The one attribute kept: `href` on `a`.
pub const LINK_ATTRIBUTE: &str = "href";

/// Elements dropped together with everything inside them.
pub const DROPPED: [&str; 17] =
    ["script", "style", "x-style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "head", "title", "textarea", "select", "button", "form", "input"];

/// URL schemes a link may use.
pub const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `rel` written on every kept link.
pub const LINK_REL: &str = "noopener noreferrer nofollow";

/// Whether a visitor may follow `href`: an absolute web address or a
/// `mailto:` link.
pub fn allowed_href(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    h.starts_with("https://") || h.starts_with("http://") || h.starts_with("mailto:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_and_mail_links_are_followed() {
        for ok in ["https://a.example", " HTTP://a.example/x", "mailto:info@a.example"] {
            assert!(allowed_href(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "/relative", "https:no-slashes", "ftp://a.example", "", "mailto"] {
            assert!(!allowed_href(bad), "{bad}");
        }
    }
}
