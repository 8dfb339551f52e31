//! Sign-in floods and sessions (issue 15): failed sign-ins are throttled by
//! (IP, e-mail) pair and by IP without ever locking an account out from
//! elsewhere; a locked request is refused before argon2 runs; a flood does not
//! slow other requests; dead tokens are purged; authenticated answers are not
//! stored; `br;q=0` is not brotli. Second client addresses are other loopback
//! addresses (127.0.0.x), which the server sees as other peers.

mod common;

use common::{client_from, ob_login, ob_sign_in, start, start_in, PASSWORD, VALMARINA};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

const OB_ADMIN: &str = "admin@valmarina.example.org";
const BV_OWNER: &str = "owner@lumen.example.com";

#[tokio::test]
async fn wrong_passwords_lock_the_pair_before_argon2_runs_but_not_the_account_elsewhere() {
    let base = start(3600);
    let attacker = client_from("127.0.0.1");
    let mut slowest_check = Duration::ZERO;
    for n in 1..=5 {
        let (status, _, body, took) = ob_sign_in(&attacker, &base, OB_ADMIN, "wrong-password").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {n}: {body}");
        slowest_check = slowest_check.max(took);
    }
    // The 6th and 7th, even with the right password, are refused at once.
    for password in ["wrong-password", PASSWORD] {
        let (status, retry, body, took) = ob_sign_in(&attacker, &base, OB_ADMIN, password).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
        let retry = retry.expect("Retry-After");
        assert!((1..=60).contains(&retry), "Retry-After {retry}");
        assert!(body["message"].as_str().unwrap().starts_with("Too many login attempts."), "Laravel's shape: {body}");
        assert!(took < Duration::from_millis(15).max(slowest_check / 2), "locked answer took {took:?} (a check {slowest_check:?})");
    }
    // The same e-mail (any case) from here is locked, not other accounts from here...
    let (status, ..) = ob_sign_in(&attacker, &base, " Admin@Valmarina.example.org", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // ...and the real admin, from another address, still signs in.
    let (status, _, body, _) = ob_sign_in(&client_from("127.0.0.2"), &base, OB_ADMIN, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_successful_sign_in_resets_the_pair() {
    let base = start(3600);
    let me = client_from("127.0.0.1");
    for _ in 0..2 {
        for _ in 0..4 {
            assert_eq!(ob_sign_in(&me, &base, OB_ADMIN, "wrong-password").await.0, StatusCode::UNPROCESSABLE_ENTITY);
        }
        assert_eq!(ob_sign_in(&me, &base, OB_ADMIN, PASSWORD).await.0, StatusCode::OK);
    }
}

#[tokio::test]
async fn blendvision_lock_out_is_a_resource_exhausted_status_with_retry_after() {
    let base = start(3600);
    let me = client_from("127.0.0.1");
    let login = |password: &'static str| {
        let (me, base) = (me.clone(), base.clone());
        async move { me.post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": BV_OWNER, "password": password})).send().await.unwrap() }
    };
    for _ in 0..5 {
        assert_eq!(login("wrong-password").await.status(), StatusCode::UNAUTHORIZED);
    }
    let res = login(PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], 8, "RESOURCE_EXHAUSTED: {body}");
    assert_eq!(body["details"][0]["reason"], "ERROR_REASON_TOO_MANY_ATTEMPTS");
    let other = client_from("127.0.0.2");
    let res = other.post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": BV_OWNER, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_ip_has_a_failure_budget_across_accounts() {
    let base = start(3600);
    let me = client_from("127.0.0.3");
    for n in 0..30 {
        let (status, ..) = ob_sign_in(&me, &base, &format!("guess{n}@valmarina.example.org"), "wrong-password").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
    }
    let (status, retry, ..) = ob_sign_in(&me, &base, OB_ADMIN, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry.unwrap() > 60);
    assert_eq!(ob_sign_in(&client_from("127.0.0.4"), &base, OB_ADMIN, PASSWORD).await.0, StatusCode::OK);
}

#[tokio::test]
async fn expired_tokens_are_purged_on_sign_in() {
    let (base, dir) = start_in(1);
    ob_login(&base, OB_ADMIN).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    ob_login(&base, OB_ADMIN).await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.unwrap();
    let now = chrono::Utc::now().timestamp();
    let (dead,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tokens WHERE expires_at < ?").bind(now).fetch_one(&db).await.unwrap();
    assert_eq!(dead, 0, "expired tokens left in the table");
}

#[tokio::test]
async fn authenticated_answers_and_sign_in_answers_are_not_stored() {
    let base = start(3600);
    let res = Client::new().post(format!("{base}/api/v1/auth/login")).json(&json!({"email": OB_ADMIN, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
    let token = res.json::<Value>().await.unwrap()["data"]["token"].as_str().unwrap().to_string();
    for path in ["/api/v1/issuers/organization", "/api/v1/auth/user", "/api/v1/issuers/organization/statistics"] {
        let res = Client::new().get(format!("{base}{path}")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"), "{path}");
    }
    let bv = common::bv_login(&base, BV_OWNER).await;
    let res = Client::new().get(format!("{base}/bv/org/v1/organizations")).bearer_auth(&bv).send().await.unwrap();
    assert_eq!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"));
    // The public profile stays cacheable.
    let res = Client::new().get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).send().await.unwrap();
    assert_ne!(res.headers().get("cache-control").map(|v| v.to_str().unwrap()), Some("no-store"));
}

#[tokio::test]
async fn br_with_q_zero_is_not_brotli() {
    let (base, dir) = start_in(3600);
    // A static file with a precompressed brotli twin, and the HTML page.
    let script = "export const x = 1;\n".repeat(200);
    std::fs::write(dir.join("dist/big-0123456789abcdef.js"), &script).unwrap();
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut script.as_bytes(), &mut br, &Default::default()).unwrap();
    std::fs::write(dir.join("dist/big-0123456789abcdef.js.br"), br).unwrap();
    let padded = format!("<!DOCTYPE html><title>orgdesk</title><!-- {} -->", "x".repeat(2000));
    std::fs::write(dir.join("dist/index.html"), padded).unwrap();
    let client = Client::new();
    for path in ["/big-0123456789abcdef.js", "/"] {
        let encoding = |accept: &'static str| {
            let client = client.clone();
            let url = format!("{base}{path}");
            async move {
                let res = client.get(url).header("accept-encoding", accept).send().await.unwrap();
                assert_eq!(res.status(), StatusCode::OK);
                res.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_string())
            }
        };
        assert_eq!(encoding("br").await.as_deref(), Some("br"), "{path}: brotli when asked");
        assert_ne!(encoding("br;q=0, gzip").await.as_deref(), Some("br"), "{path}");
        assert_ne!(encoding("br;q=0").await.as_deref(), Some("br"), "{path}");
        assert_ne!(encoding("gzip, br;q=0.000").await.as_deref(), Some("br"), "{path}");
    }
}
