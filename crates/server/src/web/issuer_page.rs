//! `/issuers/{id}` as HTML: the public entry page with the organization's
//! title, description, Open Graph tags and JSON-LD already in `<head>`, and
//! the top of the profile in `<body>`, so link previews, crawlers and the
//! first paint need no wasm. Markup is maud's (escaped by construction);
//! only Trunk's page around it is edited as text.

use super::page;
use super::prepared::Prepared;
use super::security::Nonce;
use crate::db::ob_orgs::{self, PublicIssuer};
use crate::media::Kind;
use crate::origin::public_base;
use crate::state::State;
use axum::extract::{Extension, Path, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped};
use orgdesk_model::openbadge::{Language, PublicOrganization};
use orgdesk_model::public::{monogram, plain_text, summary, IssuerProfileLd};
use orgdesk_model::words;
use std::path::Path as FsPath;

/// What a client asked `/issuers/{id}` for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    Html,
    /// `application/ld+json` or `application/json`: the issuer profile, in that type.
    Json(&'static str),
}

/// Reads `Accept`: JSON only when a JSON type is preferred over HTML (a
/// browser's `text/html,…,*/*;q=0.8` gets the page; a tie gets the page too).
fn wanted(headers: &HeaderMap) -> Wanted {
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let (mut html, mut json): (f32, Option<(f32, &'static str)>) = (0.0, None);
    for range in accept.split(',') {
        let mut parts = range.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
            .next()
            .unwrap_or(1.0);
        match media.as_str() {
            "text/html" | "application/xhtml+xml" | "text/*" | "*/*" => html = html.max(q),
            "application/ld+json" if json.is_none_or(|(best, _)| q > best) => json = Some((q, "application/ld+json")),
            "application/json" if json.is_none_or(|(best, _)| q > best) => json = Some((q, "application/json")),
            _ => {}
        }
    }
    match json {
        Some((q, kind)) if q > 0.0 && q > html => Wanted::Json(kind),
        _ => Wanted::Html,
    }
}

/// An issuer as the page shows it, wherever it was read from: the reference
/// server's database or the web front's upstream.
pub struct Issuer {
    pub profile: PublicOrganization,
    /// The general contact e-mail it publishes as issuer (not in the public API).
    pub email: Option<String>,
    /// The shared logo's size in pixels, when known.
    pub logo_size: Option<(u32, u32)>,
}

/// The reference server's page: the issuer from its own database, the page
/// made once and kept (`crate::kept`) until the organization changes here.
pub async fn show(Extract(state): Extract<State>, Extension(nonce): Extension<Nonce>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let key = (id.clone(), public_base(&headers));
    let html = wants_html(&headers);
    if html {
        if let Some(page) = state.issuer_pages.get(&key) {
            return page.answer(&nonce);
        }
    }
    let issuer = match ob_orgs::public_issuer(&state.db, &id, &key.1).await {
        Ok(Some(issuer)) => Some(from_database(&state, issuer).await),
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "database error on the issuer page");
            None
        }
    };
    if let (true, Some(issuer)) = (html, &issuer) {
        if let Some(page) = prepare(&state.dist, &id, issuer, &key.1).await {
            let page = std::sync::Arc::new(page);
            state.issuer_pages.keep(key, page.clone());
            return page.answer(&nonce);
        }
    }
    respond(&state.dist, &id, issuer.as_ref(), &headers, &nonce).await
}

async fn from_database(state: &State, issuer: PublicIssuer) -> Issuer {
    let logo_size = match logo_file(state, &issuer.profile) {
        Some(file) => tokio::task::spawn_blocking(move || image::image_dimensions(file).ok()).await.ok().flatten(),
        None => None,
    };
    Issuer { profile: issuer.profile, email: issuer.email, logo_size }
}

/// `/issuers/{id}` for `issuer` (`None`: private, disabled or unknown, all
/// answered alike): the page, or the issuer profile as JSON when preferred.
pub async fn respond(dist: &FsPath, id: &str, issuer: Option<&Issuer>, headers: &HeaderMap, nonce: &Nonce) -> Response {
    let base = public_base(headers);
    let page_url = format!("{base}/issuers/{id}");
    let mut response = match wanted(headers) {
        Wanted::Json(kind) => issuer_json(issuer, &base, &page_url, kind),
        Wanted::Html => match render(dist, id, issuer, &base, &page_url, nonce).await {
            Some(response) => response,
            None => page::not_built(),
        },
    };
    // Both answers live at one URL: caches keep them apart.
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept, Accept-Encoding"));
    response
}

/// `/issuers/{id}` when the issuer cannot be read now (the web front's
/// upstream is down): a 503 saying so in both languages, never a blank page.
/// The app, once started, asks again itself and offers to retry.
pub async fn unavailable(dist: &FsPath, headers: &HeaderMap, nonce: &Nonce) -> Response {
    let mut response = match wanted(headers) {
        Wanted::Json(_) => {
            let body = "{\"message\":\"The issuer profile is unavailable right now. Try again in a minute.\"}";
            (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Wanted::Html => {
            let html = match tokio::fs::read_to_string(dist.join("public/index.html")).await {
                Ok(built) => inject(&page::with_nonce(&built, nonce), &unavailable_head().into_string()),
                Err(_) => format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{}</head><body></body></html>", unavailable_head().into_string()),
            };
            let html = match html.find("<body>") {
                Some(at) => format!("{}{}{}", &html[..at + "<body>".len()], unavailable_paint().into_string(), &html[at + "<body>".len()..]),
                None => html,
            };
            page::html(StatusCode::SERVICE_UNAVAILABLE, html)
        }
    };
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    h.insert(header::VARY, HeaderValue::from_static("Accept, Accept-Encoding"));
    response
}

/// The issuer profile as one object, for the JSON answer and the page's JSON-LD.
fn profile_ld(issuer: &Issuer, base: &str, page_url: &str) -> IssuerProfileLd {
    IssuerProfileLd::from_public(&issuer.profile, base, page_url, issuer.email.as_deref())
}

/// The Open Badges 2.0 Issuer Profile; the page's 404 and caching rules.
fn issuer_json(issuer: Option<&Issuer>, base: &str, page_url: &str, kind: &'static str) -> Response {
    let (status, body) = match issuer {
        Some(issuer) => (StatusCode::OK, serde_json::to_string(&profile_ld(issuer, base, page_url)).unwrap_or_default()),
        // The same answer for private, disabled and unknown.
        None => (StatusCode::NOT_FOUND, "{\"message\":\"Not Found\"}".to_string()),
    };
    let content_type = if status == StatusCode::OK { kind } else { "application/json" };
    (status, [(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// `None` when the public entry page is not built.
async fn render(dist: &FsPath, id: &str, issuer: Option<&Issuer>, base: &str, page_url: &str, nonce: &Nonce) -> Option<Response> {
    render_html(dist, id, issuer, base, page_url, nonce).await.map(|(status, html)| page::html(status, html))
}

/// Whether the request is for the page rather than the issuer profile as JSON.
pub fn wants_html(headers: &HeaderMap) -> bool {
    wanted(headers) == Wanted::Html
}

/// The page of `issuer` as seen at `base`, to be answered many times (as
/// [`respond`] would answer it); `None` when the public entry page is not
/// built.
pub async fn prepare(dist: &FsPath, id: &str, issuer: &Issuer, base: &str) -> Option<Prepared> {
    // Rendered with a marker nobody could have written into the profile (it
    // is drawn after the profile was read), then cut there: the same page as
    // one rendered with each response's nonce.
    let marker = Nonce(format!("orgdesk-nonce-{:032x}", rand::random::<u128>()));
    let (status, html) = render_html(dist, id, Some(issuer), base, &format!("{base}/issuers/{id}"), &marker).await?;
    Some(Prepared::cut(status, &html, &marker.0))
}

/// The page's status and HTML; `None` when the public entry page is not built.
async fn render_html(dist: &FsPath, id: &str, issuer: Option<&Issuer>, base: &str, page_url: &str, nonce: &Nonce) -> Option<(StatusCode, String)> {
    let built = tokio::fs::read_to_string(dist.join("public/index.html")).await.ok()?;
    let org = issuer.map(|i| &i.profile);
    let mut html = page::with_nonce(&built, nonce);
    if org.is_some() {
        html = defer_app(&html);
    }
    let (status, head, body) = match issuer {
        Some(issuer) => (StatusCode::OK, head_for(&issuer.profile, &profile_ld(issuer, base, page_url), issuer.logo_size), first_paint(&issuer.profile)),
        None => (StatusCode::NOT_FOUND, not_available(), html! {}),
    };
    // The app reads this instead of asking the API a second time.
    let data = serde_json::to_string(&serde_json::json!({ "id": id, "data": org })).unwrap_or_default();
    let head = html! { (head) script type="application/json" id="orgdesk-public-data" { (json_in_script(&data)) } };
    let mut html = inject(&html, &head.into_string());
    if let Some(at) = html.find("<body>") {
        html.insert_str(at + "<body>".len(), &body.into_string());
    }
    if let Some(lang) = org.and_then(|o| o.language.as_ref()).filter(|l| l.is_known()) {
        html = html.replacen("<html lang=\"en\">", &format!("<html lang=\"{}\">", lang.as_str()), 1);
    }
    Some((status, html))
}

/// The stored file of the logo the issuer profile names (the 1024 one).
fn logo_file(state: &State, org: &PublicOrganization) -> Option<std::path::PathBuf> {
    let url = org.logo_high_path.as_deref().filter(|u| !u.is_empty()).or(org.logo_path.as_deref())?;
    Kind::Logo.file_of(&state.media, url)
}

/// JSON inside a `<script>`: `<` escaped so no value can close the element.
fn json_in_script(json: &str) -> PreEscaped<String> {
    PreEscaped(json.replace('<', "\\u003c"))
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

fn unavailable_head() -> Markup {
    html! {
        title { "Unavailable · orgdesk" }
        meta name="robots" content="noindex";
    }
}

/// The unavailable page's message, in English and Italian (nobody knows the
/// organization's language without its profile).
fn unavailable_paint() -> Markup {
    html! {
        div id="orgdesk-first-paint" {
            a class="skip-link" href="#main" { "Skip to main content" }
            header class="app-header" { span class="app-header__brand" { "orgdesk" } }
            main id="main" class="app-main" tabindex="-1" {
                section class="message-page" {
                    h1 { "This page is unavailable right now" }
                    p { "The organization's profile could not be loaded. Please try again in a few minutes." }
                    div lang="it" {
                        h2 { "Pagina al momento non disponibile" }
                        p { "Non è stato possibile caricare il profilo dell'organizzazione. Riprova tra qualche minuto." }
                    }
                }
            }
        }
    }
}

fn not_available() -> Markup {
    html! {
        title { "Not available · orgdesk" }
        meta name="robots" content="noindex";
    }
}

/// Title, descriptions, sharing tags and the issuer's JSON-LD. `image_size`
/// is the shared logo's size in pixels, when known.
fn head_for(org: &PublicOrganization, ld: &IssuerProfileLd, image_size: Option<(u32, u32)>) -> Markup {
    let name = org.name.clone().unwrap_or_default();
    let description = summary(&plain_text(org.description.as_deref().unwrap_or_default()), 160);
    let json = serde_json::to_string(ld).unwrap_or_default();
    // The page's own logo, for the first paint to find early.
    let preload = org.logo_path.clone().filter(|s| !s.is_empty());
    html! {
        title { (name) }
        meta name="description" content=(description);
        link rel="canonical" href=(ld.id);
        meta property="og:type" content="profile";
        meta property="og:title" content=(name);
        meta property="og:description" content=(description);
        meta property="og:url" content=(ld.id);
        @if let Some(image) = &ld.image {
            meta property="og:image" content=(image);
            @if let Some((width, height)) = image_size {
                meta property="og:image:width" content=(width);
                meta property="og:image:height" content=(height);
            }
            meta property="og:image:alt" content=(format!("Logo – {name}"));
        }
        meta name="twitter:card" content=(if ld.image.is_some() { "summary_large_image" } else { "summary" });
        @if let Some(logo) = &preload {
            link rel="preload" as="image" href=(logo) imagesrcset=(logo_sources(org).map(|(_, set)| set).unwrap_or_default()) imagesizes=(LOGO_SIZES);
        }
        script type="application/ld+json" { (json_in_script(&json)) }
    }
}

/// The logo's `sizes`: 96 px on a phone, 128 px otherwise.
const LOGO_SIZES: &str = "(max-width: 30rem) 96px, 128px";

/// The logo's `src` and `srcset` (128, 512 and 1024 pixels wide).
fn logo_sources(org: &PublicOrganization) -> Option<(String, String)> {
    let standard = org.logo_path.clone().filter(|s| !s.is_empty())?;
    let srcset: Vec<String> = [(&org.logo_thumbnail_path, 128), (&Some(standard.clone()), 512), (&org.logo_high_path, 1024)]
        .into_iter()
        .filter_map(|(url, w)| url.as_deref().filter(|u| !u.is_empty()).map(|u| format!("{u} {w}w")))
        .collect();
    Some((standard, srcset.join(", ")))
}

/// The top of the profile as plain HTML, in the organization's language, so
/// the first paint needs no wasm. The app adopts it when it starts in the same
/// language (`data-lang`), adding the rest of the page around it; in another
/// language it replaces it. Same classes either way, so nothing moves.
fn first_paint(org: &PublicOrganization) -> Markup {
    let italian = org.language == Some(Language::It);
    let lang = if italian { orgdesk_model::Lang::It } else { orgdesk_model::Lang::En };
    let name = org.name.as_deref().unwrap_or_default();
    let kind = [org.org_type.as_ref().map(|t| words::org_type(t, lang)), org.activity.as_ref().map(|a| words::activity(a, lang))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let location = [&org.city, &org.region, &org.country].into_iter().flatten().filter(|s| !s.trim().is_empty()).cloned().collect::<Vec<_>>().join(", ");
    let website = org.website.as_deref().filter(|w| w.starts_with("https://") || w.starts_with("http://"));
    // Sanitized when read from the database.
    let description = org.description.as_deref().filter(|d| !d.trim().is_empty());
    html! {
        div id="orgdesk-first-paint" data-lang=(if italian { "it" } else { "en" }) {
            a class="skip-link" href="#main" { (if italian { "Vai al contenuto principale" } else { "Skip to main content" }) }
            header class="app-header" { span class="app-header__brand" { "orgdesk" } }
            main id="main" class="app-main" tabindex="-1" {
                article class="public-profile" {
                    header class="public-profile__header" {
                        @if let Some((src, srcset)) = logo_sources(org) {
                            img class="public-profile__logo" src=(src) srcset=(srcset) sizes=(LOGO_SIZES) width="128" height="128" alt=(format!("Logo – {name}"));
                        } @else {
                            @let mark = monogram(name, org.id.as_deref().unwrap_or(name));
                            span class=(format!("public-profile__logo public-profile__monogram public-profile__monogram--{}", mark.tone)) aria-hidden="true" { (mark.initials) }
                        }
                        div class="public-profile__heading" {
                            h1 { (name) }
                            p class="public-profile__kind" { (kind) }
                            ul class="public-profile__meta" {
                                @if !location.is_empty() {
                                    li { span class="visually-hidden" { (if italian { "Sede" } else { "Location" }) ": " } (location) }
                                }
                                @if let Some(site) = website {
                                    li { a href=(site) rel="noopener noreferrer" { (site.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/')) } }
                                }
                                @if let Some(n) = org.badges_count {
                                    li { strong { (words::number(n, lang)) } " " (words::badges_issued(lang)) }
                                }
                            }
                        }
                    }
                    @if let Some(d) = description {
                        div class="rich-text public-profile__description" { (PreEscaped(d)) }
                    }
                }
            }
        }
    }
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
        let html = inject("<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body></body></html>", &head_for(&org, &IssuerProfileLd::from_public(&org, "http://h", "http://h/issuers/1", None), None).into_string());
        assert_eq!(html.matches("<title>").count(), 1);
        assert!(html.contains("<title>A &quot;quoted&quot; &lt;b&gt;name&lt;/b&gt;</title>"));
        assert!(!html.contains("content=\"y\""));
        assert!(html.contains("og:title"));
        assert_eq!(html.matches("</script>").count(), 1, "JSON-LD cannot be closed early: {html}");
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), "no logo, no large image: {html}");
        assert!(html.contains("<link rel=\"canonical\" href=\"http://h/issuers/1\">"));
    }

    fn accepting(accept: &str) -> Wanted {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(accept).unwrap());
        wanted(&headers)
    }

    #[test]
    fn json_is_answered_only_when_preferred_to_html() {
        assert_eq!(wanted(&HeaderMap::new()), Wanted::Html);
        assert_eq!(accepting("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"), Wanted::Html);
        assert_eq!(accepting("*/*"), Wanted::Html);
        assert_eq!(accepting("application/ld+json"), Wanted::Json("application/ld+json"));
        assert_eq!(accepting("application/json"), Wanted::Json("application/json"));
        assert_eq!(accepting("application/ld+json, application/json;q=0.9, */*;q=0.1"), Wanted::Json("application/ld+json"));
        assert_eq!(accepting("application/json;q=0.5, text/html"), Wanted::Html);
        assert_eq!(accepting("application/json, text/html;q=0.5"), Wanted::Json("application/json"));
        assert_eq!(accepting("application/json;q=0"), Wanted::Html);
    }
}
