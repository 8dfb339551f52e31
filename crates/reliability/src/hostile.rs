//! A hostile-input corpus against every endpoint: oversized bodies, repeated
//! keys, wrong types, invalid UTF-8, path tricks in ids, huge query strings.
//! Every answer is a client error (never a 5xx), API errors come in the API's
//! JSON error format, and the server stays up.

use crate::server::Server;
use crate::{ob_token, Report, Setup, PASSWORD, VALMARINA, VALMARINA_ADMIN};
use reqwest::Method;

/// Method and path template of every endpoint; `{id}` is where ids go.
const ENDPOINTS: &[(&str, &str)] = &[
    ("POST", "/api/v1/auth/login"),
    ("GET", "/api/v1/auth/user"),
    ("GET", "/api/v1/issuers/organization"),
    ("PUT", "/api/v1/issuers/organization"),
    ("POST", "/api/v1/issuers/organization/logo"),
    ("DELETE", "/api/v1/issuers/organization/logo"),
    ("GET", "/api/v1/issuers/organization/badge_templates"),
    ("GET", "/api/v1/issuers/organization/statistics"),
    ("GET", "/api/v1/issuers/organization/year-statistics"),
    ("GET", "/api/v1/public/organizations/{id}"),
    ("GET", "/media/logos/{id}"),
    ("POST", "/bv/account/v1/accounts/login"),
    ("POST", "/bv/account/v1/tokens/refresh"),
    ("GET", "/bv/org/v1/organizations"),
    ("PATCH", "/bv/org/v1/organizations"),
    ("GET", "/bv/org/v1/organizations/{id}/plans"),
    ("GET", "/bv/org/v1/sub-orgs"),
    ("GET", "/bv/org/v1/sub-orgs/{id}"),
    ("PATCH", "/bv/org/v1/sub-orgs/{id}"),
    ("GET", "/issuers/{id}"),
    // Last: these end the sessions the others use.
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/bv/account/v1/accounts/logout"),
];

/// Ids that try to leave their place.
const IDS: &[&str] = &["..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc", "x%00y", "%ZZ", "%C0%AE%C0%AE", "%F0%9F%92%A9", "-1", "99999999999999999999999"];

/// Bodies: (content type, bytes).
fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    let repeated_form: Vec<u8> = "unknown[key]=1&".repeat(120_000).into_bytes();
    let repeated_json = format!("{{{}\"email\":\"a@b.c\"}}", "\"email\":\"x\",".repeat(20_000)).into_bytes();
    vec![
        ("application/json", vec![0xff, 0xfe, b'{', 0xc3, 0x28, b'}']),
        ("application/x-www-form-urlencoded", vec![b'a', b'=', 0xff, 0xfe, b'&', 0xc3, 0x28, b'=', b'1']),
        ("application/json", br#"{"email":5,"password":[],"name":{"a":1},"business_setting":"x","settings":7}"#.to_vec()),
        ("application/json", b"[1,2,3]".to_vec()),
        ("application/json", b"{\"a\":".repeat(5_000)),
        ("application/json", repeated_json),
        ("application/x-www-form-urlencoded", repeated_form),
        ("application/x-www-form-urlencoded", b"name[][][]=1&settings[x][y]=2&address=3&name=".to_vec()),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"a.png\"\r\n\r\nnot a png\r\n--zzz--\r\n".to_vec()),
        ("multipart/form-data; boundary=zzz", b"--zzz\r\ngarbage".to_vec()),
        ("application/octet-stream", vec![b'a'; 6 * 1024 * 1024]),
    ]
}

struct Outcome {
    sent: usize,
    failures: Vec<String>,
}

pub async fn run(setup: &Setup, report: &mut Report) {
    let mut server = Server::start(&setup.bin, &setup.dist, "hostile");
    let ob = ob_token(&server.base, VALMARINA_ADMIN).await;
    let bv = bv_token(&server.base).await;
    let mut outcome = Outcome { sent: 0, failures: Vec::new() };
    // A new connection each time: a server may rightly close one after refusing a body.
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let long_query = format!("?page={}&year={}", "9".repeat(30_000), "x".repeat(30_000));
    for (method, template) in ENDPOINTS {
        let token = if template.starts_with("/bv") { &bv } else { &ob };
        let mut paths: Vec<String> = if template.contains("{id}") { IDS.iter().map(|id| template.replace("{id}", id)).collect() } else { vec![template.to_string()] };
        let plain = template.replace("{id}", VALMARINA);
        paths.push(format!("{plain}{long_query}"));
        paths.push(format!("{plain}?page=-1&year=0&limit=-5&offset=1e99&page=2"));
        for path in &paths {
            send(&client, &server.base, method, path, token, None, &mut outcome).await;
        }
        if *method != "GET" {
            for body in bodies() {
                send(&client, &server.base, method, &plain, token, Some(body), &mut outcome).await;
            }
        }
    }
    let alive = server.is_running() && client.get(format!("{}/healthz", server.base)).send().await.is_ok_and(|r| r.status().is_success());
    report.figure("hostile requests sent", outcome.sent);
    report.figure("answers that were not a clear client error", outcome.failures.len());
    for f in outcome.failures.iter().take(15) {
        println!("    {f}");
    }
    report.check(outcome.failures.is_empty(), "every answer is a 4xx (or 2xx) in the endpoint's format, never a 5xx");
    report.check(alive, "the server stays up");
}

async fn send(client: &reqwest::Client, base: &str, method: &str, path: &str, token: &str, body: Option<(&str, Vec<u8>)>, outcome: &mut Outcome) {
    outcome.sent += 1;
    let mut req = client.request(Method::from_bytes(method.as_bytes()).unwrap(), format!("{base}{path}")).bearer_auth(token).header("accept", "application/json");
    let what = match &body {
        Some((kind, bytes)) => format!("{method} {} [{kind}, {} bytes]", short(path), bytes.len()),
        None => format!("{method} {}", short(path)),
    };
    let oversized = body.as_ref().is_some_and(|(_, b)| b.len() > 1024 * 1024);
    if let Some((kind, bytes)) = body {
        req = req.header("content-type", kind).body(bytes);
    }
    let res = match req.send().await {
        Ok(res) => res,
        // Answering before a huge body is read, then closing, is the right refusal.
        Err(_) if oversized => return,
        Err(e) => return outcome.failures.push(format!("{what}: no answer ({e})")),
    };
    let status = res.status().as_u16();
    let json = res.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|t| t.contains("json"));
    let api = path.starts_with("/api") || path.starts_with("/bv");
    let parsed = res.bytes().await.ok().and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
    if status >= 500 {
        outcome.failures.push(format!("{what}: {status}"));
    } else if api && status >= 400 && !(json && parsed.is_some()) {
        outcome.failures.push(format!("{what}: {status} without a JSON error body"));
    }
}

fn short(path: &str) -> String {
    if path.len() > 80 { format!("{}…({} chars)", &path[..60], path.len()) } else { path.to_string() }
}

async fn bv_token(base: &str) -> String {
    let res = reqwest::Client::new()
        .post(format!("{base}/bv/account/v1/accounts/login"))
        .json(&serde_json::json!({"email": "root@northwind.example.com", "password": PASSWORD}))
        .send()
        .await
        .expect("BlendVision sign-in");
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    body["access_token"].as_str().unwrap_or_default().to_string()
}
