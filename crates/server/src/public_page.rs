//! `/issuers/{id}` as HTML: the public entry page with the organization's
//! title, description, Open Graph tags and JSON-LD already in `<head>`, so
//! link previews and crawlers see the organization without running wasm.

use crate::openbadge::{load_public, public_base};
use crate::State;
use crate::security::Nonce;
use crate::static_files::html_response;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use orgdesk_model::openbadge::PublicOrganization;
use orgdesk_model::public::{plain_text, summary, IssuerProfileLd};

/// `None` when the public entry page is not built; the caller falls back.
pub async fn render(state: &State, id: &str, headers: &HeaderMap, nonce: &Nonce) -> Option<Response> {
    let template = tokio::fs::read_to_string(state.dist.join("public/index.html")).await.ok()?;
    let base = public_base(headers);
    let page_url = format!("{base}/issuers/{id}");
    let org = load_public(state, id, &base).await.ok().flatten();
    let (status, mut head) = match &org {
        Some(org) => (StatusCode::OK, head_for(org, &page_url)),
        // The same answer for private, disabled and unknown.
        None => (StatusCode::NOT_FOUND, "<title>Not available · orgdesk</title><meta name=\"robots\" content=\"noindex\">".to_string()),
    };
    // The app reads this instead of asking the API a second time.
    let data = serde_json::to_string(&serde_json::json!({ "id": id, "data": org })).unwrap_or_default();
    head.push_str(&format!("<script type=\"application/json\" id=\"orgdesk-public-data\">{}</script>", data.replace('<', "\\u003c")));
    Some(html_response(status, &inject(&template, &head), nonce, headers))
}

/// Replaces the template's own `<title>` and description with `head`.
fn inject(template: &str, head: &str) -> String {
    let mut html = template.to_string();
    for (open, close) in [("<title>", "</title>"), ("<meta name=\"description\"", ">")] {
        if let Some(start) = html.find(open) {
            if let Some(len) = html[start..].find(close) {
                html.replace_range(start..start + len + close.len(), "");
            }
        }
    }
    match html.find("</head>") {
        Some(at) => html.insert_str(at, head),
        None => html.push_str(head),
    }
    html
}

fn head_for(org: &PublicOrganization, page_url: &str) -> String {
    let name = org.name.clone().unwrap_or_default();
    let description = summary(&plain_text(org.description.as_deref().unwrap_or_default()), 160);
    let image = org.logo_high_path.clone().or_else(|| org.logo_path.clone()).filter(|s| !s.is_empty());
    let ld = serde_json::to_string(&IssuerProfileLd::from_public(org, page_url)).unwrap_or_default();
    let mut head = format!(
        "<title>{n}</title><meta name=\"description\" content=\"{d}\">\
         <meta property=\"og:type\" content=\"profile\"><meta property=\"og:title\" content=\"{n}\">\
         <meta property=\"og:description\" content=\"{d}\"><meta property=\"og:url\" content=\"{u}\">",
        n = escape(&name),
        d = escape(&description),
        u = escape(page_url),
    );
    if let Some(image) = image {
        head.push_str(&format!("<meta property=\"og:image\" content=\"{}\"><link rel=\"preload\" as=\"image\" href=\"{0}\">", escape(&image)));
    }
    // `<` escaped so no value can close the script element.
    head.push_str(&format!("<script type=\"application/ld+json\">{}</script>", ld.replace('<', "\\u003c")));
    head
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_replaces_title_and_description_and_escapes_everything() {
        let org = PublicOrganization {
            name: Some("A \"quoted\" <b>name</b>".into()),
            description: Some("<p>Line</p><script>alert(1)</script></script>".into()),
            ..Default::default()
        };
        let html = inject("<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body></body></html>", &head_for(&org, "http://h/issuers/1"));
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>A &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;</title>"));
        assert!(!html.contains("content=\"y\""));
        assert!(html.contains("og:title"));
        assert_eq!(html.matches("</script>").count(), 1, "JSON-LD cannot be closed early: {html}");
    }
}
