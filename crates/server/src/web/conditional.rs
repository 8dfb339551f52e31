//! Conditional requests (RFC 9110 §13): the entity-tag lists of `If-Match`
//! and `If-None-Match`, read one way for every answer this server or the
//! web front makes.

use axum::http::{header, HeaderMap, HeaderName};

/// The entity tags a request lists in `name`, over every line of the
/// header, trimmed; `*` comes through as itself.
pub fn listed_tags<'h>(headers: &'h HeaderMap, name: &HeaderName) -> Vec<&'h str> {
    headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).map(str::trim).filter(|t| !t.is_empty()).collect()
}

/// Whether `If-None-Match` names `etag` (weak comparison, as §13.1.2 says
/// for this header) or is `*`: then the answer is a 304.
pub fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    let weak = |t: &str| t.trim_start_matches("W/").to_string();
    let ours = weak(etag);
    listed_tags(headers, &header::IF_NONE_MATCH).into_iter().any(|t| t == "*" || weak(t) == ours)
}

/// What `If-Match` asks of a record whose current tag is `current`
/// (strong comparison, §13.1.1).
#[derive(Debug, PartialEq, Eq)]
pub enum IfMatch {
    /// No `If-Match`: other preconditions decide.
    Absent,
    /// The current tag is listed: the write must claim that version.
    Current,
    /// Only `*`: any existing record will do.
    Any,
    /// Neither: the answer is a 412.
    Failed,
}

pub fn if_match(headers: &HeaderMap, current: Option<&str>) -> IfMatch {
    let tags = listed_tags(headers, &header::IF_MATCH);
    if tags.is_empty() {
        IfMatch::Absent
    } else if current.is_some_and(|c| !c.starts_with("W/") && tags.contains(&c)) {
        IfMatch::Current
    } else if tags.contains(&"*") {
        IfMatch::Any
    } else {
        IfMatch::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(name: HeaderName, values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(name.clone(), HeaderValue::from_static(v));
        }
        headers
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists_over_lines() {
        let h = |v: &[&'static str]| with(header::IF_NONE_MATCH, v);
        assert!(none_match(&h(&["\"a\""]), "\"a\""));
        assert!(none_match(&h(&["W/\"a\""]), "\"a\""));
        assert!(none_match(&h(&["\"b\", \"a\""]), "\"a\""));
        assert!(none_match(&h(&["\"b\"", "\"a\""]), "\"a\""));
        assert!(none_match(&h(&["*"]), "\"a\""));
        assert!(!none_match(&h(&["\"b\""]), "\"a\""));
        assert!(!none_match(&HeaderMap::new(), "\"a\""));
    }

    #[test]
    fn if_match_compares_strongly() {
        let h = |v: &[&'static str]| with(header::IF_MATCH, v);
        assert_eq!(if_match(&HeaderMap::new(), Some("\"3\"")), IfMatch::Absent);
        assert_eq!(if_match(&h(&["\"3\""]), Some("\"3\"")), IfMatch::Current);
        assert_eq!(if_match(&h(&["\"2\", \"3\""]), Some("\"3\"")), IfMatch::Current);
        assert_eq!(if_match(&h(&["\"2\"", "\"3\""]), Some("\"3\"")), IfMatch::Current);
        assert_eq!(if_match(&h(&["W/\"3\""]), Some("\"3\"")), IfMatch::Failed);
        assert_eq!(if_match(&h(&["*"]), Some("\"3\"")), IfMatch::Any);
        assert_eq!(if_match(&h(&["\"2\""]), Some("\"3\"")), IfMatch::Failed);
        assert_eq!(if_match(&h(&["\"2\""]), None), IfMatch::Failed);
    }
}
