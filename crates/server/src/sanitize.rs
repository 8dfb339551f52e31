//! The server's half of safe HTML: descriptions are cleaned to the one
//! allowlist in `orgdesk_model::html`, which the browser's SafeHtml keeps
//! too, so what is stored and served is already harmless (the browser still
//! cleans again before showing it).

use orgdesk_model::html::{DROPPED, LINK_ATTRIBUTE, LINK_REL, SCHEMES, TAGS};
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.tags(TAGS.into_iter().collect::<HashSet<_>>())
            .tag_attributes([("a", [LINK_ATTRIBUTE].into_iter().collect::<HashSet<_>>())].into_iter().collect())
            .url_schemes(SCHEMES.into_iter().collect())
            .url_relative(ammonia::UrlRelative::Deny)
            .link_rel(Some(LINK_REL))
            .clean_content_tags(DROPPED.into_iter().collect());
        b
    })
}

/// `html` with everything outside the allowlist dropped or escaped.
pub fn description(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// How many cleaned descriptions [`description_cached`] keeps.
const CACHE_ENTRIES: usize = 2048;

/// [`description`], remembered: descriptions that are read again and again
/// (badge templates, which are written straight into the database, so are
/// never cleaned on save) are cleaned once, not on every request. Keyed by
/// the stored text, so a changed description is cleaned afresh; the cache
/// starts over when full.
pub fn description_cached(html: &str) -> String {
    static CACHE: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(clean) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(html) {
        return clean.clone();
    }
    let clean = description(html);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() >= CACHE_ENTRIES {
        cache.clear();
    }
    cache.insert(html.to_string(), clean.clone());
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags in `html`, lower-cased.
    fn tags(html: &str) -> Vec<String> {
        html.split('<').skip(1).map(|s| s.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect()
    }

    #[test]
    fn the_xss_corpus_comes_out_harmless() {
        let corpus: Vec<&str> = include_str!("../../../tests/fixtures/xss-corpus.txt").lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(corpus.len() >= 40);
        for vector in corpus {
            let clean = description(vector);
            let lower = clean.to_ascii_lowercase();
            for t in tags(&clean) {
                assert!(TAGS.contains(&t.as_str()), "{vector} -> {clean}: kept <{t}>");
            }
            for bad in ["javascript:", "vbscript:", "data:", "onerror", "onload", "onclick", "onmouseover", "onfocus", "ontoggle", "style=", "srcdoc"] {
                assert!(!attribute_contains(&lower, bad), "{vector} -> {clean}: {bad}");
            }
        }
    }

    /// Whether `needle` appears inside a tag (not in escaped text).
    fn attribute_contains(html: &str, needle: &str) -> bool {
        html.split('<').skip(1).any(|part| part.split('>').next().is_some_and(|inside| inside.contains(needle)))
    }

    #[test]
    fn allowed_markup_and_links_survive() {
        let clean = description(r#"<p>Hi <strong>there</strong> <a href="https://ok.example">ok</a></p><ul><li>one</li></ul>"#);
        assert_eq!(clean, r#"<p>Hi <strong>there</strong> <a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a></p><ul><li>one</li></ul>"#);
        assert_eq!(description("<script>alert(1)</script><p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn the_cache_gives_what_cleaning_gives() {
        for html in ["<p>a</p><script>x</script>", "<img src=x onerror=alert(1)><em>b</em>", "<p>a</p><script>x</script>"] {
            assert_eq!(description_cached(html), description(html));
        }
    }
}
