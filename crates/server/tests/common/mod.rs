//! Shared by the server's integration tests: a seeded server on a free
//! port with a throwaway database, and small HTTP helpers.
#![allow(dead_code)]

use orgdesk_server::{prepare, router, ApiMode, Config, Seed};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::OnceLock;

pub const PASSWORD: &str = "orgdesk-demo";
pub const VALMARINA: &str = "3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10";
pub const COSTA_EST: &str = "b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4";

/// BlendVision demo organizations (db/seed.rs).
pub const ROOT: &str = "44c0ffee-0000-4000-8000-000000000001";
pub const NORTH: &str = "44c0ffee-0000-4000-8000-000000000002";
pub const DISTRIBUTOR: &str = "44c0ffee-0000-4000-8000-000000000003";
pub const SOUTH: &str = "44c0ffee-0000-4000-8000-000000000004";
/// BVOne, under Northwind Media Reseller.
pub const LUMEN: &str = "9d1e6b0a-2f3c-4a5b-8c7d-1e2f3a4b5c6d";
/// CXM, under Northwind Media Reseller.
pub const HARBOR: &str = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
/// CPM, under Northwind Media Reseller.
pub const QUIET_HILL: &str = "7f7f7f7f-1234-4abc-9def-001122334455";
/// "Ember Coffee Roasters" (generated index 4), under Southbay Resellers.
pub const SOUTH_BUSINESS: &str = "5b0c0000-0000-4000-8000-000000000005";

/// A client whose requests come from `ip` (a loopback address such as
/// 127.0.0.2), so the server sees another peer.
pub fn client_from(ip: &str) -> Client {
    Client::builder().local_address(ip.parse::<std::net::IpAddr>().unwrap()).build().unwrap()
}

/// An Open Badge sign-in: status, `Retry-After`, body, and how long it took.
pub async fn ob_sign_in(client: &Client, base: &str, email: &str, password: &str) -> (StatusCode, Option<u64>, Value, std::time::Duration) {
    let started = std::time::Instant::now();
    let res = client.post(format!("{base}/api/v1/auth/login")).json(&json!({"email": email, "password": password})).send().await.unwrap();
    let took = started.elapsed();
    let retry = res.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
    (res.status(), retry, res.json().await.unwrap_or(Value::Null), took)
}

/// A fresh temp directory with a tiny built app in `dist/`.
pub fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("orgdesk-test-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("dist")).unwrap();
    std::fs::write(dir.join("dist/index.html"), "<!DOCTYPE html><title>orgdesk</title><script type=\"module\" nonce=\"{{__TRUNK NONCE__}}\">import '/app-0123456789abcdef.js';</script>").unwrap();
    std::fs::write(dir.join("dist/app-0123456789abcdef.js"), "export {}").unwrap();
    for (console, title) in [("openbadge", "Open Badge"), ("blendvision", "BlendVision One")] {
        std::fs::create_dir_all(dir.join("dist").join(console)).unwrap();
        std::fs::write(dir.join("dist").join(console).join("index.html"), format!("<!DOCTYPE html><title>{title} · orgdesk</title><script type=\"module\" nonce=\"{{{{__TRUNK NONCE__}}}}\">import '/{console}/app-0123456789abcdef.js';</script>")).unwrap();
    }
    std::fs::create_dir_all(dir.join("dist/public")).unwrap();
    std::fs::write(
        dir.join("dist/public/index.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>public page</title><meta name=\"description\" content=\"generic\"></head><body></body></html>",
    )
    .unwrap();
    dir
}

/// Starts a seeded server on its own thread and runtime; returns its base URL.
pub fn start(token_ttl_secs: i64) -> String {
    start_in(token_ttl_secs).0
}

/// Like [`start`], also returning the server's directory (database, media, dist).
pub fn start_in(token_ttl_secs: i64) -> (String, PathBuf) {
    start_with(token_ttl_secs, ApiMode::Reference)
}

/// Like [`start_in`], serving the API surface `api`.
pub fn start_with(token_ttl_secs: i64, api: ApiMode) -> (String, PathBuf) {
    start_configured(|config| {
        config.token_ttl_secs = token_ttl_secs;
        config.api = api;
    })
}

/// A seeded server whose configuration `adjust` changes first (limits,
/// public URL); returns its base URL and directory.
pub fn start_configured(adjust: impl FnOnce(&mut Config)) -> (String, PathBuf) {
    let dir = scratch();
    let root = dir.clone();
    let mut config = Config { bind: "127.0.0.1:0".parse().unwrap(), db: dir.join("test.db"), seed: Seed::Demo, dist: dir.join("dist"), token_ttl_secs: 3600, api: ApiMode::Reference, upstreams: Default::default(), public_url: None, limits: Default::default() };
    adjust(&mut config);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let state = prepare(&config).await.unwrap();
            let listener = tokio::net::TcpListener::bind(config.bind).await.unwrap();
            tx.send(format!("http://{}", listener.local_addr().unwrap())).unwrap();
            orgdesk_server::serve::serve(listener, router(state), config.limits, std::future::pending()).await.unwrap();
        });
    });
    (rx.recv().unwrap(), root)
}

/// One server shared by the tests that don't need their own.
pub fn server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| start(3600))
}

pub async fn ob_login(base: &str, email: &str) -> String {
    let res = Client::new().post(format!("{base}/api/v1/auth/login")).json(&json!({"email": email, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "login {email}");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["token_type"], "Bearer");
    assert!(body["data"]["expires_at"].as_str().is_some());
    body["data"]["token"].as_str().unwrap().to_string()
}

pub async fn get(url: String, token: Option<&str>) -> (StatusCode, Value) {
    let mut req = Client::new().get(url).header("accept", "application/json");
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}


pub async fn bv_login(base: &str, email: &str) -> String {
    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": email, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{email}");
    res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string()
}

/// `PUT /api/v1/issuers/organization` with form keys, optionally guarded by `If-Unmodified-Since`.
pub async fn ob_put(base: &str, token: &str, form: &[(&str, &str)], since: Option<&str>) -> (StatusCode, Value) {
    let mut req = Client::new().put(format!("{base}/api/v1/issuers/organization")).bearer_auth(token).header("accept", "application/json").form(form);
    if let Some(s) = since {
        req = req.header("if-unmodified-since", s);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// `PUT /api/v1/issuers/organization` guarded by `If-Match`: status, the
/// answer's `ETag`, body.
pub async fn ob_put_if_match(base: &str, token: &str, form: &[(&str, &str)], if_match: &str) -> (StatusCode, Option<String>, Value) {
    let req = Client::new().put(format!("{base}/api/v1/issuers/organization")).bearer_auth(token).header("accept", "application/json").header("if-match", if_match).form(form);
    let res = req.send().await.unwrap();
    let (status, etag) = (res.status(), etag_of(&res));
    (status, etag, res.json().await.unwrap_or(Value::Null))
}

/// The signed-in admin's organization and the `ETag` it came with.
pub async fn ob_organization_tagged(base: &str, token: &str) -> (Value, Option<String>) {
    let res = Client::new().get(format!("{base}/api/v1/issuers/organization")).bearer_auth(token).header("accept", "application/json").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let etag = etag_of(&res);
    (res.json::<Value>().await.unwrap()["data"].clone(), etag)
}

pub fn etag_of(res: &reqwest::Response) -> Option<String> {
    res.headers().get("etag").and_then(|v| v.to_str().ok()).map(str::to_string)
}

/// The signed-in admin's organization (`data` of `GET /issuers/organization`).
pub async fn ob_organization(base: &str, token: &str) -> Value {
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["data"].clone()
}

/// A server of its own (for tests that change data) and a signed-in Open Badge admin.
pub async fn fresh_ob(email: &str) -> (String, String) {
    let base = start(3600);
    let token = ob_login(&base, email).await;
    (base, token)
}
