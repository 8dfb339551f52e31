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
use orgdesk_model::words;

/// `None` when the public entry page is not built; the caller falls back.
pub async fn render(state: &State, id: &str, headers: &HeaderMap, nonce: &Nonce) -> Option<Response> {
    let template = tokio::fs::read_to_string(state.dist.join("public/index.html")).await.ok()?;
    let base = public_base(headers);
    let page_url = format!("{base}/issuers/{id}");
    let org = load_public(state, id, &base).await.ok().flatten();
    let (status, mut head, body) = match &org {
        Some(org) => (StatusCode::OK, head_for(org, &page_url), first_paint(org)),
        // The same answer for private, disabled and unknown.
        None => (StatusCode::NOT_FOUND, "<title>Not available · orgdesk</title><meta name=\"robots\" content=\"noindex\">".to_string(), String::new()),
    };
    // The app reads this instead of asking the API a second time.
    let data = serde_json::to_string(&serde_json::json!({ "id": id, "data": org })).unwrap_or_default();
    head.push_str(&format!("<script type=\"application/json\" id=\"orgdesk-public-data\">{}</script>", data.replace('<', "\\u003c")));
    let mut html = inject(&template, &head);
    if let Some(at) = html.find("<body>") {
        html.insert_str(at + "<body>".len(), &body);
    }
    if let Some(lang) = org.as_ref().and_then(|o| o.language.as_ref()).filter(|l| l.is_known()) {
        html = html.replacen("<html lang=\"en\">", &format!("<html lang=\"{}\">", lang.as_str()), 1);
    }
    if org.is_some() {
        html = defer_app(&html);
    }
    Some(html_response(status, &html, nonce, headers))
}

/// With the profile already in the markup, the app's script and wasm are not
/// needed for the first paint: drop their preloads and start the app after
/// the page's `load`, so on a slow phone the HTML, CSS and logo get the
/// bandwidth first. The app then adds the sections below the profile.
fn defer_app(html: &str) -> String {
    let mut out = html.to_string();
    // Trunk's preloads of the script and the wasm; the logo's stays.
    let mut from = 0;
    while let Some(found) = out[from..].find("<link rel=\"") {
        let at = from + found;
        let Some(len) = out[at..].find('>') else { break };
        let tag = &out[at..=at + len];
        if tag.starts_with("<link rel=\"modulepreload\"") || (tag.starts_with("<link rel=\"preload\"") && tag.contains("_bg.wasm")) {
            out.replace_range(at..=at + len, "");
        } else {
            from = at + len + 1;
        }
    }
    const IMPORT: &str = "import init, * as bindings from '";
    if let Some(at) = out.find(IMPORT) {
        if let Some(end) = out[at + IMPORT.len()..].find("';") {
            let path = out[at + IMPORT.len()..at + IMPORT.len() + end].to_string();
            let deferred = format!(
                "await new Promise((go) => document.readyState === 'complete' ? go() : addEventListener('load', () => go(), {{ once: true }}));\n\
                 const bindings = await import('{path}');\nconst init = bindings.default;"
            );
            out.replace_range(at..at + IMPORT.len() + end + 2, &deferred);
        }
    }
    out
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

/// The top of the profile as plain HTML, in the organization's language, so
/// the first paint needs no wasm. The app adopts it when it starts in the same
/// language (`data-lang`), adding the rest of the page around it; in another
/// language it replaces it. Same classes either way, so nothing moves.
fn first_paint(org: &PublicOrganization) -> String {
    let italian = org.language == Some(orgdesk_model::openbadge::Language::It);
    let name = escape(org.name.as_deref().unwrap_or_default());
    let kind = [org.org_type.as_ref().map(|t| words::org_type(t, italian)), org.activity.as_ref().map(|a| words::activity(a, italian))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let location = [&org.city, &org.region, &org.country].into_iter().flatten().filter(|s| !s.trim().is_empty()).cloned().collect::<Vec<_>>().join(", ");
    let mut meta = String::new();
    if !location.is_empty() {
        let label = if italian { "Sede" } else { "Location" };
        meta.push_str(&format!("<li><span class=\"visually-hidden\">{label}: </span>{}</li>", escape(&location)));
    }
    if let Some(site) = org.website.as_deref().filter(|w| w.starts_with("https://") || w.starts_with("http://")) {
        let shown = site.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
        meta.push_str(&format!("<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></li>", escape(site), escape(shown)));
    }
    if let Some(n) = org.badges_count {
        meta.push_str(&format!("<li><strong>{}</strong> {}</li>", words::number(n, italian), words::badges_issued(italian)));
    }
    let logo = match (&org.logo_path, &org.logo_thumbnail_path, &org.logo_high_path) {
        (Some(standard), thumb, high) if !standard.is_empty() => {
            let mut srcset = Vec::new();
            for (url, w) in [(thumb, 128), (&Some(standard.clone()), 512), (high, 1024)] {
                if let Some(u) = url.as_deref().filter(|u| !u.is_empty()) {
                    srcset.push(format!("{} {w}w", escape(u)));
                }
            }
            format!(
                "<img class=\"public-profile__logo\" src=\"{}\" srcset=\"{}\" sizes=\"(max-width: 30rem) 96px, 128px\" width=\"128\" height=\"128\" alt=\"Logo – {name}\">",
                escape(standard),
                srcset.join(", ")
            )
        }
        _ => String::new(),
    };
    let description = org.description.as_deref().map(crate::sanitize::description).filter(|d| !d.trim().is_empty());
    format!(
        "<div id=\"orgdesk-first-paint\" data-lang=\"{lang}\"><a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"app-header\"><span class=\"app-header__brand\">orgdesk</span></header>\
         <main id=\"main\" class=\"app-main\" tabindex=\"-1\"><article class=\"public-profile\"><header class=\"public-profile__header\">{logo}\
         <div class=\"public-profile__heading\"><h1>{name}</h1><p class=\"public-profile__kind\">{kind}</p>\
         <ul class=\"public-profile__meta\">{meta}</ul></div></header>{desc}</article></main></div>",
        kind = escape(&kind),
        lang = if italian { "it" } else { "en" },
        skip = if italian { "Vai al contenuto principale" } else { "Skip to main content" },
        desc = description.map(|d| format!("<div class=\"rich-text public-profile__description\">{d}</div>")).unwrap_or_default(),
    )
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
    fn the_app_starts_after_load_without_preloads() {
        let page = "<head><link rel=\"preload\" as=\"image\" href=\"/media/logos/a.png\"><script type=\"module\" nonce=\"n\">\nimport init, * as bindings from '/public/app-1.js';\nconst wasm = await init({ module_or_path: '/public/app-1_bg.wasm' });\n</script>\
            <link rel=\"modulepreload\" nonce=\"n\" href=\"/public/app-1.js\"><link rel=\"preload\" href=\"/public/app-1_bg.wasm\" as=\"fetch\"></head>";
        let out = defer_app(page);
        assert!(!out.contains("modulepreload") && !out.contains("<link rel=\"preload\" href=\"/public/app-1_bg.wasm\""), "{out}");
        assert!(out.contains("<link rel=\"preload\" as=\"image\" href=\"/media/logos/a.png\">"), "the logo's preload stays: {out}");
        assert!(!out.contains("import init"), "{out}");
        assert!(out.contains("addEventListener('load'"), "{out}");
        assert!(out.contains("const bindings = await import('/public/app-1.js');\nconst init = bindings.default;"), "{out}");
        assert!(out.contains("const wasm = await init({ module_or_path: '/public/app-1_bg.wasm' });"), "{out}");
    }

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
