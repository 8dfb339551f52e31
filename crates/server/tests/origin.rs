//! The addresses the server writes into public answers (issue 15): with
//! `--public-url` only that; without it the request's Host, and
//! `X-Forwarded-*` only from a trusted proxy. And stored text cannot become
//! the page's CSP nonce.

mod common;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const HOSTILE: [(&str, &str); 3] = [("host", "evil.example"), ("x-forwarded-host", "evil2.example"), ("x-forwarded-proto", "gopher")];

async fn hostile_get(url: &str, accept: &str) -> (StatusCode, String) {
    let mut req = Client::new().get(url).header("accept", accept);
    for (name, value) in HOSTILE {
        req = req.header(name, value);
    }
    let res = req.send().await.unwrap();
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]

async fn a_configured_public_url_is_the_only_base() {
    let (base, _) = start_configured(|c| c.public_url = Some(orgdesk_server::origin::PublicUrl::parse("https://badges.example.org").unwrap()));
    let (status, body) = hostile_get(&format!("{base}/api/v1/public/organizations/{VALMARINA}"), "application/json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["data"]["public_url"], format!("https://badges.example.org/issuers/{VALMARINA}"));
    let (status, html) = hostile_get(&format!("{base}/issuers/{VALMARINA}"), "text/html").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("<meta property=\"og:url\" content=\"https://badges.example.org/issuers/{VALMARINA}\">")), "{html}");
    assert!(!html.contains("evil") && !html.contains("gopher"), "{html}");
    let (_, ld) = hostile_get(&format!("{base}/issuers/{VALMARINA}"), "application/ld+json").await;
    assert!(ld.contains("https://badges.example.org/issuers/") && !ld.contains("evil"), "{ld}");
}

#[tokio::test]

async fn forwarded_headers_from_an_untrusted_peer_are_ignored() {
    // ORGDESK_TRUSTED_PROXIES is unset here: nobody's X-Forwarded-* counts.
    let base = server();
    let (status, body) = hostile_get(&format!("{base}/api/v1/public/organizations/{VALMARINA}"), "application/json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["data"]["public_url"], format!("http://evil.example/issuers/{VALMARINA}"), "the Host, never X-Forwarded-*");
}

#[tokio::test]
async fn an_organization_named_like_the_nonce_placeholder_stays_text() {
    let (base, dir) = start_in(3600);
    std::fs::write(
        dir.join("dist/public/index.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>public page</title><meta name=\"description\" content=\"generic\">\
         <script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import init from '/public/app.js';</script></head><body></body></html>",
    )
    .unwrap();
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let (status, body) = ob_put(&base, &token, &[("name", "{{__TRUNK NONCE__}}")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = Client::new().get(format!("{base}/issuers/{VALMARINA}")).header("accept", "text/html").send().await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    let html = res.text().await.unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap();
    assert!(html.contains("<title>{{__TRUNK NONCE__}}</title>") && html.contains("<h1>{{__TRUNK NONCE__}}</h1>"), "the name as typed: {html}");
    assert_eq!(html.matches(nonce).count(), 1, "the nonce only in the script tag: {html}");
    assert!(html.contains(&format!("<script type=\"module\" nonce=\"{nonce}\">")), "{html}");
}
