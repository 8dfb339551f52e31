//! The web front (`--upstream-openbadge` / `--upstream-blendvision`): an
//! in-process front before an in-process reference server, or before a small
//! stub that counts what it is asked. The front keeps nothing on disk.

mod common;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode as Status};
use axum::response::{IntoResponse, Response};
use axum::routing;
use common::*;
use orgdesk_server::{front, Config, Seed, Upstreams};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Starts a front on a free port; returns its base URL.
fn start_front(openbadge: Option<&str>, blendvision: Option<&str>) -> String {
    let dir = scratch();
    let upstreams = Upstreams { openbadge: openbadge.map(str::to_string), blendvision: blendvision.map(str::to_string) };
    let config = Config { bind: "127.0.0.1:0".parse().unwrap(), db: dir.join("unused.db"), seed: Seed::None, dist: dir.join("dist"), token_ttl_secs: 60, api: Default::default(), upstreams, public_url: None, limits: Default::default() };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let state = front::prepare(&config).unwrap();
            let listener = tokio::net::TcpListener::bind(config.bind).await.unwrap();
            tx.send(format!("http://{}", listener.local_addr().unwrap())).unwrap();
            orgdesk_server::serve::serve(listener, front::router(state), config.limits, std::future::pending()).await.unwrap();
        });
    });
    let base = rx.recv().unwrap();
    assert!(!dir.join("unused.db").exists());
    base
}

/// A reference server with the demo data and a front before both its APIs.
fn reference_and_front() -> (String, String) {
    // The front is the reference server's trusted proxy, as in production
    // (read once per process, before the first server starts).
    std::env::set_var("ORGDESK_TRUSTED_PROXIES", "127.0.0.1");
    let reference = start(3600);
    let front = start_front(Some(&reference), Some(&reference));
    (reference, front)
}

/// What the stub upstream was asked, and what it answers.
#[derive(Default)]
struct Stub {
    profile_hits: AtomicUsize,
    /// The `If-None-Match` of each public-profile request.
    conditions: Mutex<Vec<Option<String>>>,
    /// The organization's name; its ETag is derived from it.
    name: Mutex<String>,
    max_age: AtomicU64,
}

struct StubServer {
    base: String,
    stub: Arc<Stub>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl StubServer {
    /// Stops the stub and waits until its port is closed.
    fn stop(&mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.thread.take().unwrap().join().unwrap();
    }
}

async fn stub_profile(State(stub): State<Arc<Stub>>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    stub.profile_hits.fetch_add(1, Ordering::SeqCst);
    let condition = headers.get("if-none-match").map(|v| v.to_str().unwrap().to_string());
    stub.conditions.lock().unwrap().push(condition.clone());
    if id.starts_with("unknown") {
        return (Status::NOT_FOUND, axum::Json(json!({"message": "Not found."}))).into_response();
    }
    let name = stub.name.lock().unwrap().clone();
    let etag = format!("\"{}\"", name.len() * 7 + name.bytes().map(usize::from).sum::<usize>());
    let cache = format!("public, max-age={}", stub.max_age.load(Ordering::SeqCst));
    let headers = [("etag", etag.clone()), ("cache-control", cache)];
    if condition.as_deref() == Some(etag.as_str()) {
        return (Status::NOT_MODIFIED, headers).into_response();
    }
    let body = json!({"data": {"id": id, "name": name, "description": "<p>Stub</p><script>alert(1)</script>", "language": "en"}});
    (headers, axum::Json(body)).into_response()
}

/// Echoes the request as the upstream received it.
async fn stub_echo(method: axum::http::Method, uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let headers: serde_json::Map<String, Value> = headers.iter().map(|(k, v)| (k.to_string(), json!(v.to_str().unwrap_or("")))).collect();
    axum::Json(json!({"method": method.as_str(), "uri": uri.to_string(), "headers": headers})).into_response()
}

fn start_stub(name: &str, max_age: u64) -> StubServer {
    let stub = Arc::new(Stub { name: Mutex::new(name.to_string()), max_age: AtomicU64::new(max_age), ..Default::default() });
    let app = axum::Router::new()
        .route("/api/v1/public/organizations/{id}", routing::get(stub_profile).post(stub_echo).put(stub_echo))
        .route("/api/v1/auth/user", routing::get(|| async { (Status::UNAUTHORIZED, axum::Json(json!({"message": "Unauthenticated."}))) }))
        .route("/bv/org/v1/organizations", routing::get(|| async { (Status::UNAUTHORIZED, axum::Json(json!({"code": 16, "message": "no token", "details": []}))) }))
        .route("/api/echo", routing::any(stub_echo))
        .route("/bv/echo", routing::any(stub_echo))
        .with_state(stub.clone());
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(format!("http://{}", listener.local_addr().unwrap())).unwrap();
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        rt.shutdown_timeout(Duration::from_secs(1));
    });
    StubServer { base: rx.recv().unwrap(), stub, stop: Some(stop), thread: Some(thread) }
}

/// An address nothing listens on.
fn closed_port() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

/// Sends `head` as written (no client normalising the path) and returns the
/// status and the whole answer.
fn raw(base: &str, head: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, answer)
}

async fn page(url: &str, accept: &str) -> (StatusCode, HeaderMap, String) {
    let res = Client::new().get(url).header("accept", accept).send().await.unwrap();
    (res.status(), res.headers().clone(), res.text().await.unwrap())
}

#[tokio::test]
async fn open_badge_sign_in_and_organization_round_trip_through_the_front() {
    let (reference, front) = reference_and_front();
    let token = ob_login(&front, "admin@valmarina.example.org").await;
    let before = ob_organization(&front, &token).await;
    assert_eq!(before["name"], "Ateneo di Valmarina");
    let (status, body) = ob_put(&front, &token, &[("address_info[city]", "Valmarina Alta")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ob_organization(&front, &token).await["address_info"]["city"], "Valmarina Alta");
    assert_eq!(ob_organization(&reference, &token).await["address_info"]["city"], "Valmarina Alta", "saved upstream");
    // The upstream writes its public URLs for the host the visitor used.
    let host = front.trim_start_matches("http://");
    assert_eq!(ob_organization(&front, &token).await["public_url"], format!("http://{host}/issuers/{VALMARINA}"));
    let (status, body) = get(format!("{front}/api/v1/issuers/organization"), None).await;
    assert_eq!((status, body["message"].as_str().is_some()), (StatusCode::UNAUTHORIZED, true), "the upstream's own errors come back unchanged: {body}");
}

#[tokio::test]
async fn a_logo_uploads_through_the_front_and_is_served_from_media() {
    let (_reference, front) = reference_and_front();
    let token = ob_login(&front, "admin@valmarina.example.org").await;
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(300, 300, image::Rgba([10, 90, 160, 255])))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let form = reqwest::multipart::Form::new().part("logo", reqwest::multipart::Part::bytes(png).file_name("logo.png"));
    let res = Client::new().post(format!("{front}/api/v1/issuers/organization/logo")).bearer_auth(&token).header("accept", "application/json").multipart(form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let logo = ob_organization(&front, &token).await["logo_path"].as_str().unwrap().to_string();
    assert!(logo.starts_with("/media/logos/"), "{logo}");
    let res = Client::new().get(format!("{front}{logo}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("image/"));
    assert_eq!(image::load_from_memory(&res.bytes().await.unwrap()).unwrap().width(), 300, "the stored logo, as uploaded");
    // Beyond the upload limit the front answers itself, in the platform's shape.
    let host = front.trim_start_matches("http://");
    let head = format!("POST /api/v1/issuers/organization/logo HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 6000000\r\nConnection: close\r\n\r\n");
    let (status, answer) = raw(&front, &head);
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("\"message\""), "{answer}");
}

#[tokio::test]
async fn blendvision_sign_in_and_organization_through_the_front() {
    let (_reference, front) = reference_and_front();
    let token = bv_login(&front, "owner@lumen.example.com").await;
    let (status, body) = get(format!("{front}/bv/org/v1/organizations"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["organization"]["name"], "Studio Lumen");
}

#[tokio::test]
async fn the_issuer_page_is_rendered_from_the_upstream() {
    let (_reference, front) = reference_and_front();
    let (status, headers, html) = page(&format!("{front}/issuers/{VALMARINA}"), "text/html").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(headers["content-security-policy"].to_str().unwrap().contains("connect-src 'self';"));
    assert!(html.contains("<title>Ateneo di Valmarina</title>"), "{html}");
    assert!(html.contains("<meta property=\"og:title\" content=\"Ateneo di Valmarina\">"), "{html}");
    assert!(html.contains("\"@context\":\"https://w3id.org/openbadges/v2\"") && html.contains("\"name\":\"Ateneo di Valmarina\""), "JSON-LD: {html}");
    assert!(html.contains("id=\"orgdesk-first-paint\""), "first paint: {html}");
    let host = front.trim_start_matches("http://");
    assert!(html.contains(&format!("<link rel=\"canonical\" href=\"http://{host}/issuers/{VALMARINA}\">")), "{html}");
    let (status, headers, json) = page(&format!("{front}/issuers/{VALMARINA}"), "application/ld+json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/ld+json");
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!((doc["type"].as_str(), doc["name"].as_str()), (Some("Issuer"), Some("Ateneo di Valmarina")));
    let (status, _, html) = page(&format!("{front}/issuers/00000000-0000-4000-8000-000000000000"), "text/html").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Not available"), "{html}");
    // The app's other files are served as by the reference server.
    let (status, headers, _) = page(&format!("{front}/app-0123456789abcdef.js"), "*/*").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
}

#[tokio::test]
async fn public_profiles_are_cached_and_revalidated_with_their_etag() {
    let stub = start_stub("Cached University", 1);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/issuers/cached-1");
    for _ in 0..3 {
        let (status, _, html) = page(&url, "text/html").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<title>Cached University</title>"), "{html}");
        assert!(!html.contains("alert(1)"), "upstream HTML is sanitized: {html}");
    }
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 1, "served from the cache while fresh");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, _, html) = page(&url, "text/html").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<title>Cached University</title>"), "a 304 keeps the page: {html}");
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 2);
    let conditions = stub.stub.conditions.lock().unwrap().clone();
    assert_eq!(conditions[0], None);
    assert!(conditions[1].as_deref().is_some_and(|etag| etag.starts_with('"')), "revalidated with If-None-Match: {conditions:?}");
    let (_, _, _) = page(&url, "text/html").await;
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 2, "the 304 made it fresh again");
}

#[tokio::test]
async fn a_changed_upstream_record_shows_after_its_max_age() {
    let stub = start_stub("Old Name Academy", 1);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/issuers/changing");
    assert!(page(&url, "text/html").await.2.contains("<title>Old Name Academy</title>"));
    *stub.stub.name.lock().unwrap() = "New Name Academy".into();
    assert!(page(&url, "text/html").await.2.contains("<title>Old Name Academy</title>"), "still fresh");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert!(page(&url, "text/html").await.2.contains("<title>New Name Academy</title>"));
}

#[tokio::test]
async fn concurrent_misses_for_one_issuer_ask_the_upstream_once() {
    let stub = start_stub("Busy College", 60);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/issuers/busy");
    let asks: Vec<_> = (0..8)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { page(&url, "text/html").await.0 })
        })
        .collect();
    for ask in asks {
        assert_eq!(ask.await.unwrap(), StatusCode::OK);
    }
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn an_unreachable_upstream_gives_platform_errors_and_an_unavailable_page() {
    let front = start_front(Some(&closed_port()), Some(&closed_port()));
    let res = Client::new().get(format!("{front}/api/v1/auth/user")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert!(res.json::<Value>().await.unwrap()["message"].as_str().unwrap().contains("Open Badge"));
    let (status, body) = get(format!("{front}/bv/org/v1/organizations"), None).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!((body["code"].as_i64(), body["details"].as_array().map(Vec::len)), (Some(14), Some(0)), "{body}");
    let (status, headers, html) = page(&format!("{front}/issuers/{VALMARINA}"), "text/html").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(html.contains("This page is unavailable right now") && html.contains("Pagina al momento non disponibile"), "{html}");
    let (status, headers, _) = page(&format!("{front}/issuers/{VALMARINA}"), "application/ld+json").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"));
}

#[tokio::test]
async fn a_platform_without_an_upstream_is_not_proxied() {
    let stub = start_stub("Only OB", 60);
    let front = start_front(Some(&stub.base), None);
    let (status, body) = get(format!("{front}/bv/org/v1/organizations"), None).await;
    assert_eq!((status, body["code"].as_i64()), (StatusCode::NOT_FOUND, Some(5)), "{body}");
    let ready = Client::new().get(format!("{front}/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK, "only configured upstreams count");
}

#[tokio::test]
async fn health_and_readiness_follow_the_upstreams() {
    let mut stub = start_stub("Probe", 60);
    let front = start_front(Some(&stub.base), Some(&stub.base));
    let res = Client::new().get(format!("{front}/healthz")).send().await.unwrap();
    assert_eq!((res.status(), res.headers()["cache-control"].to_str().unwrap().to_string()), (StatusCode::OK, "no-store".to_string()));
    assert_eq!(res.text().await.unwrap(), "ok");
    let res = Client::new().get(format!("{front}/readyz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    stub.stop();
    let res = Client::new().get(format!("{front}/readyz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body = res.text().await.unwrap();
    assert!(body.contains("openbadge upstream") && body.contains("blendvision upstream"), "{body}");
    assert_eq!(Client::new().get(format!("{front}/healthz")).send().await.unwrap().status(), StatusCode::OK, "the process is still up");
    let reference = server();
    assert_eq!(Client::new().get(format!("{reference}/healthz")).send().await.unwrap().status(), StatusCode::OK, "the reference server has it too");
}

#[tokio::test]
async fn paths_cannot_escape_the_upstream() {
    let stub = start_stub("Escape", 60);
    let front = start_front(Some(&stub.base), Some(&stub.base));
    let host = front.trim_start_matches("http://");
    for path in ["/api/../../etc/passwd", "/api/%2e%2e/%2e%2e/x", "/api/v1/..%2f..%2fx", "/bv/./echo", "/media/..%5c..%5cx"] {
        let (status, answer) = raw(&front, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        assert_eq!(status, 400, "{path}: {answer}");
    }
    // An absolute-form target goes to the configured upstream, never elsewhere.
    let (status, answer) = raw(&front, &format!("GET http://example.invalid/api/echo?x=1 HTTP/1.1\r\nHost: example.invalid\r\nConnection: close\r\n\r\n"));
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("\"uri\":\"/api/echo?x=1\""), "{answer}");
    // Only the three prefixes are proxied: anything else is the app's (here,
    // a path of no page: the landing page's 404).
    let (status, answer) = raw(&front, &format!("GET /api-v2/echo HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    assert!(status == 404 && answer.contains("<title>orgdesk</title>"), "{answer}");
    // /issuers ids are checked before any upstream call.
    let (status, _) = raw(&front, &format!("GET /issuers/{} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n", "a".repeat(65)));
    assert_eq!(status, 404);
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 0);
    // Too many headers.
    let many: String = (0..80).map(|i| format!("X-H{i}: v\r\n")).collect();
    let (status, _) = raw(&front, &format!("GET /api/echo HTTP/1.1\r\nHost: {host}\r\n{many}Connection: close\r\n\r\n"));
    assert_eq!(status, 431);
}

#[tokio::test]
async fn hop_by_hop_headers_are_not_forwarded() {
    let stub = start_stub("Headers", 60);
    let front = start_front(Some(&stub.base), Some(&stub.base));
    let host = front.trim_start_matches("http://");
    let head = format!(
        "POST /bv/echo?page=2 HTTP/1.1\r\nHost: {host}\r\nConnection: close, X-Drop-Me\r\nX-Drop-Me: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n\
         Proxy-Authorization: Basic eDp5\r\nUpgrade: h2c\r\nOrigin: http://{host}\r\nAuthorization: Bearer secret\r\nX-Bv-Org-Id: org-1\r\n\
         If-Match: \"v1\"\r\nAccept-Language: it\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}"
    );
    let (status, answer) = raw(&front, &head);
    assert_eq!(status, 200, "{answer}");
    let echoed: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap_or_default()).unwrap_or_else(|_| panic!("{answer}"));
    let headers = &echoed["headers"];
    assert_eq!(echoed["method"], "POST");
    assert_eq!(echoed["uri"], "/bv/echo?page=2");
    for gone in ["x-drop-me", "keep-alive", "te", "proxy-authorization", "upgrade", "origin"] {
        assert!(headers.get(gone).is_none(), "{gone} was forwarded: {headers}");
    }
    assert_ne!(headers["connection"], "close, X-Drop-Me");
    assert_eq!(headers["authorization"], "Bearer secret");
    assert_eq!(headers["x-bv-org-id"], "org-1");
    assert_eq!(headers["if-match"], "\"v1\"");
    assert_eq!(headers["accept-language"], "it");
    assert_eq!(headers["x-forwarded-for"], "127.0.0.1");
    assert_eq!(headers["x-forwarded-proto"], "http");
    assert_eq!(headers["x-forwarded-host"], host);
    assert_ne!(headers["host"], host, "the upstream is asked under its own name");
}

#[tokio::test]
async fn the_public_api_is_answered_from_the_cache() {
    let stub = start_stub("Cached API College", 60);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/api/v1/public/organizations/api-1");
    let first = Client::new().get(&url).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let headers = first.headers().clone();
    let body = first.bytes().await.unwrap();
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["cache-control"], "public, max-age=60", "as the upstream sent it");
    let etag = headers["etag"].to_str().unwrap().to_string();
    let upstream = Client::new().get(format!("{}/api/v1/public/organizations/api-1", stub.base)).send().await.unwrap();
    assert_eq!(upstream.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(upstream.bytes().await.unwrap(), body, "the upstream's bytes, unchanged (its HTML too: the app sanitizes it)");
    let hits = stub.stub.profile_hits.load(Ordering::SeqCst);
    assert_eq!(hits, 2, "one through the front, one asked directly");
    let second = Client::new().get(&url).send().await.unwrap();
    assert_eq!((second.status(), second.headers()["etag"].to_str().unwrap()), (StatusCode::OK, etag.as_str()));
    assert_eq!(second.bytes().await.unwrap(), body);
    let unchanged = Client::new().get(&url).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);
    assert_eq!((unchanged.headers()["etag"].to_str().unwrap(), unchanged.headers()["cache-control"].to_str().unwrap()), (etag.as_str(), "public, max-age=60"));
    let other = Client::new().get(&url).header("if-none-match", "\"something-else\"").send().await.unwrap();
    assert_eq!(other.status(), StatusCode::OK);
    let head = Client::new().head(&url).send().await.unwrap();
    assert_eq!((head.status(), head.headers()["etag"].to_str().unwrap()), (StatusCode::OK, etag.as_str()));
    // The page shares the cache.
    let (status, _, html) = page(&format!("{front}/issuers/api-1"), "text/html").await;
    assert!(status == StatusCode::OK && html.contains("<title>Cached API College</title>"), "{html}");
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), hits, "none of these reached the upstream");
    assert_eq!(stub.stub.conditions.lock().unwrap()[0], None, "the client's If-None-Match is not passed on");
}

#[tokio::test]
async fn unknown_ids_on_the_public_api_are_a_brief_404() {
    let stub = start_stub("Unknown", 60);
    let front = start_front(Some(&stub.base), None);
    for _ in 0..5 {
        let (status, body) = get(format!("{front}/api/v1/public/organizations/unknown-1"), None).await;
        assert_eq!((status, body["message"].as_str()), (StatusCode::NOT_FOUND, Some("Not found.")), "{body}");
    }
    let (status, _, _) = page(&format!("{front}/issuers/unknown-1"), "text/html").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 1, "the 404 is remembered");
    for bad in ["a".repeat(65), "a.b".to_string(), "a_b".to_string()] {
        let (status, body) = get(format!("{front}/api/v1/public/organizations/{bad}"), None).await;
        assert_eq!((status, body["message"].as_str()), (StatusCode::NOT_FOUND, Some("Not found.")), "{bad}: {body}");
    }
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 1, "malformed ids never reach the upstream");
}

#[tokio::test]
async fn writes_and_signed_in_reads_of_the_public_api_are_proxied() {
    let stub = start_stub("Proxied", 60);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/api/v1/public/organizations/proxied-1");
    for method in [reqwest::Method::POST, reqwest::Method::PUT] {
        let res = Client::new().request(method.clone(), &url).json(&json!({})).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let echoed: Value = res.json().await.unwrap();
        assert_eq!((echoed["method"].as_str(), echoed["uri"].as_str()), (Some(method.as_str()), Some("/api/v1/public/organizations/proxied-1")), "{echoed}");
    }
    for _ in 0..2 {
        let res = Client::new().get(&url).bearer_auth("t").send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let res = Client::new().get(format!("{url}?lang=it")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(stub.stub.profile_hits.load(Ordering::SeqCst), 3, "signed-in and queried reads are passed on, every one");
}

#[tokio::test]
async fn the_public_api_stands_in_for_a_failing_upstream_while_it_can() {
    let mut stub = start_stub("Stale Institute", 1);
    let front = start_front(Some(&stub.base), None);
    let url = format!("{front}/api/v1/public/organizations/stale-1");
    let body = Client::new().get(&url).send().await.unwrap().bytes().await.unwrap();
    stub.stop();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let res = Client::new().get(&url).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "a stale answer beats none");
    assert_eq!(res.bytes().await.unwrap(), body);
    let res = Client::new().get(format!("{front}/api/v1/public/organizations/never-seen")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert!(res.json::<Value>().await.unwrap()["message"].as_str().unwrap().contains("Open Badge"));
}
