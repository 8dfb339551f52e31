//! `/issuers/{id}` as an Open Badges 2.0 Issuer Profile: what a verifier or
//! backpack gets when it asks the issuer's URL for JSON, checked against the
//! specification's rules for an Issuer, and the page's content negotiation.

mod common;

use common::*;
use reqwest::{Client, StatusCode, Url};
use serde_json::Value;

const BORGO_ALTO: &str = "c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5";
const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

async fn fetch(url: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = Client::new().get(url);
    if let Some(a) = accept {
        req = req.header("accept", a);
    }
    req.send().await.unwrap()
}

/// An IRI as Open Badges 2.0 uses it for `id`, `url` and `image`: absolute,
/// with a scheme and a host.
fn assert_absolute_iri(value: &Value, what: &str) -> Url {
    let text = value.as_str().unwrap_or_else(|| panic!("{what} is a string: {value}"));
    let url = Url::parse(text).unwrap_or_else(|e| panic!("{what} is not an absolute IRI ({e}): {text}"));
    assert!(matches!(url.scheme(), "http" | "https"), "{what}: {text}");
    assert!(url.host_str().is_some_and(|h| !h.is_empty()), "{what} has a host: {text}");
    url
}

/// The Open Badges 2.0 rules for an Issuer Profile
/// (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#Profile):
/// JSON-LD in the v2 context, type Issuer, and the required id, name, url and email.
fn assert_open_badges_issuer(doc: &Value) {
    assert_eq!(doc["@context"], "https://w3id.org/openbadges/v2");
    assert_eq!(doc["type"], "Issuer");
    assert_absolute_iri(&doc["id"], "id");
    assert!(doc["name"].as_str().is_some_and(|n| !n.trim().is_empty()), "name: {doc}");
    assert_absolute_iri(&doc["url"], "url");
    let email = doc["email"].as_str().unwrap_or_else(|| panic!("email is required: {doc}"));
    let (local, domain) = email.split_once('@').unwrap_or_else(|| panic!("email: {email}"));
    assert!(!local.is_empty() && domain.contains('.'), "email: {email}");
    if let Some(image) = doc.get("image") {
        assert_absolute_iri(image, "image");
    }
    if let Some(description) = doc.get("description") {
        let text = description.as_str().unwrap();
        assert!(!text.contains('<') && !text.contains("  "), "description is plain text: {text}");
    }
}

#[tokio::test]
async fn verifiers_asking_for_json_get_an_open_badges_issuer_profile() {
    let base = server();
    let page = format!("{base}/issuers/{VALMARINA}");
    for accept in ["application/ld+json", "application/json", "application/ld+json, application/json;q=0.9, */*;q=0.1"] {
        let res = fetch(&page, Some(accept)).await;
        assert_eq!(res.status(), StatusCode::OK, "{accept}");
        let kind = res.headers()["content-type"].to_str().unwrap().to_string();
        assert!(accept.starts_with(&kind), "{accept} answered as {kind}");
        assert!(res.headers()["vary"].to_str().unwrap().contains("Accept"));
        assert_eq!(res.headers()["cache-control"], "no-cache", "as the page");
        let doc: Value = res.json().await.unwrap();
        assert_open_badges_issuer(&doc);
        assert_eq!(doc["id"], page, "the id is the URL asked");
        assert_eq!(doc["name"], "Ateneo di Valmarina");
        assert_eq!(doc["url"], "https://valmarina.example.org");
        assert_eq!(doc["email"], "badge@valmarina.example.org");
        assert_eq!(
            doc["description"],
            "The Ateneo di Valmarina issues digital badges for its lifelong learning courses. Languages Data literacy See our badge catalogue."
        );
        // The image is the 1024-pixel logo, fetchable where it says.
        let image = assert_absolute_iri(&doc["image"], "image");
        let res = Client::new().get(image).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(image::load_from_memory(&res.bytes().await.unwrap()).unwrap().width(), 1024);
    }
}

#[tokio::test]
async fn the_json_ld_in_the_page_is_the_same_issuer_profile() {
    let base = server();
    let page = format!("{base}/issuers/{VALMARINA}");
    let json: Value = fetch(&page, Some("application/ld+json")).await.json().await.unwrap();
    let html = fetch(&page, Some(BROWSER)).await.text().await.unwrap();
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).unwrap() + open.len();
    let embedded: Value = serde_json::from_str(&html[start..start + html[start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(embedded, json);
}

#[tokio::test]
async fn browsers_and_html_clients_get_the_page() {
    let base = server();
    let page = format!("{base}/issuers/{VALMARINA}");
    for accept in [Some(BROWSER), Some("text/html"), Some("*/*"), None, Some("application/json;q=0.5, text/html")] {
        let res = fetch(&page, accept).await;
        assert_eq!(res.status(), StatusCode::OK, "{accept:?}");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{accept:?}");
        assert!(res.headers()["vary"].to_str().unwrap().contains("Accept"), "{accept:?}");
        assert_eq!(res.headers()["cache-control"], "no-cache");
    }
}

#[tokio::test]
async fn private_and_unknown_issuers_are_the_same_404_in_json() {
    let base = server();
    let private = fetch(&format!("{base}/issuers/{COSTA_EST}"), Some("application/ld+json")).await;
    assert_eq!(private.status(), StatusCode::NOT_FOUND);
    assert!(private.headers()["vary"].to_str().unwrap().contains("Accept"));
    let private = private.text().await.unwrap();
    let unknown = fetch(&format!("{base}/issuers/00000000-0000-4000-8000-000000000000"), Some("application/json")).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(unknown.text().await.unwrap(), private);
    assert!(!private.contains("Costa"));
}

#[tokio::test]
async fn sharing_tags_name_the_large_logo_and_the_canonical_page() {
    let base = server();
    let page = format!("{base}/issuers/{VALMARINA}");
    let html = fetch(&page, Some(BROWSER)).await.text().await.unwrap();
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"{page}\">")), "{html}");
    assert!(html.contains(&format!("<meta property=\"og:image\" content=\"{base}/media/logos/")), "{html}");
    assert!(html.contains("<meta property=\"og:image:width\" content=\"1024\">"));
    assert!(html.contains("<meta property=\"og:image:height\" content=\"1024\">"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(html.contains("See our badge catalogue.\">"), "no space before the full stop");
    assert!(html.contains("width=\"128\" height=\"128\""), "the logo's box is reserved");

    // Without a logo: the monogram, a small card, no image tags.
    let html = fetch(&format!("{base}/issuers/{BORGO_ALTO}"), Some(BROWSER)).await.text().await.unwrap();
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), "{html}");
    assert!(!html.contains("og:image"));
    assert!(!html.contains("<img"));
    assert!(html.contains("public-profile__monogram") && html.contains(">IB</span>"), "{html}");
}

/// The page is made once and kept, yet a change saved here shows at once,
/// and every answer still carries its own nonce, the one its CSP names.
#[tokio::test]
async fn the_kept_page_shows_a_save_at_once_with_a_fresh_nonce_each_time() {
    let (base, dir) = start_in(3600);
    let built = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title><meta name=\"description\" content=\"y\">\
        <script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import init, * as bindings from '/public/app.js';</script></head><body></body></html>";
    std::fs::write(dir.join("dist/public/index.html"), built).unwrap();
    let url = format!("{base}/issuers/{VALMARINA}");
    let mut nonces = Vec::new();
    for _ in 0..3 {
        let res = fetch(&url, Some(BROWSER)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
        let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("nonce=\"{nonce}\"")), "the page carries its response's nonce");
        assert!(!html.contains("orgdesk-nonce-") && !html.contains("__TRUNK NONCE__"));
        assert!(html.contains("<title>Ateneo di Valmarina</title>"));
        nonces.push(nonce);
    }
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "a new nonce every time, from the kept page too");
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    assert_eq!(ob_put(&base, &token, &[("name", "Ateneo di Valmarina Nuova")], None).await.0, StatusCode::OK);
    let html = fetch(&url, Some(BROWSER)).await.text().await.unwrap();
    assert!(html.contains("<title>Ateneo di Valmarina Nuova</title>"), "the save shows at once");
    // Turned private here: gone at once, not after the kept page ages.
    assert_eq!(ob_put(&base, &token, &[("settings[public_profile]", "0")], None).await.0, StatusCode::OK);
    assert_eq!(fetch(&url, Some(BROWSER)).await.status(), StatusCode::NOT_FOUND);
}
