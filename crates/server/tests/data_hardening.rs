//! Issue 15, data layer: a `parent_id` cycle does not hang the sub-org
//! tree; only owners and admins rename a BlendVision organization or change
//! one below it; badge
//! template descriptions are served sanitized; a huge body of bad keys gets
//! a small answer; dead tokens are purged.

mod common;

use common::*;
use orgdesk_server::auth::{tokens, Dialect};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

async fn open(dir: &Path) -> SqlitePool {
    SqlitePool::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.unwrap()
}

/// Status, body bytes and the body as JSON.
async fn send(req: reqwest::RequestBuilder) -> (StatusCode, usize, Value) {
    let res = tokio::time::timeout(Duration::from_secs(5), req.send()).await.expect("answered within 5 s").unwrap();
    let status = res.status();
    let bytes = res.bytes().await.unwrap();
    (status, bytes.len(), serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_parent_id_cycle_does_not_hang_the_sub_org_tree() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    // Root under one of its own grandchildren: NORTH → DISTRIBUTOR → ROOT → NORTH.
    sqlx::query("UPDATE bv_organizations SET parent_id = ? WHERE id = ?").bind(NORTH).bind(ROOT).execute(&db).await.unwrap();
    let token = bv_login(&base, "ops@northwind.example.com").await;
    let (status, _, body) = send(Client::new().get(format!("{base}/bv/org/v1/sub-orgs?current_page=1&items_per_page=100")).bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ids: Vec<&str> = body["organizations"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&LUMEN) && ids.contains(&ROOT) && ids.contains(&DISTRIBUTOR), "{ids:?}");
    assert!(!ids.contains(&NORTH), "never below itself");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "each organization once");
    assert_eq!(body["pagination"]["total_items"].as_i64().unwrap() as usize, ids.len());
    // One organization of the cycle, read and patched through it.
    let (status, _, body) = send(Client::new().get(format!("{base}/bv/org/v1/sub-orgs/{ROOT}")).bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = send(Client::new().get(format!("{base}/bv/org/v1/sub-orgs/{NORTH}")).bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "its own organization is not a sub-org: {body}");
}

/// A signed-in BlendVision account of `org` with `role`, made in the database.
async fn member(db: &SqlitePool, org: &str, role: Option<&str>) -> String {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO accounts (id, dialect, email, password_hash, role_type, bv_organization_id, created_at)
         VALUES (?, 'blendvision', ?, '', ?, ?, '2025-01-01T00:00:00Z')",
    )
    .bind(&id)
    .bind(format!("{id}@lumen.example.com"))
    .bind(role)
    .bind(org)
    .execute(db)
    .await
    .unwrap();
    tokens::issue(db, Dialect::BlendVision, &id, 3600).await.unwrap().0
}

async fn rename(base: &str, token: &str, name: &str) -> (StatusCode, Value) {
    let (status, _, body) = send(Client::new().patch(format!("{base}/bv/org/v1/organizations")).bearer_auth(token).header("x-bv-org-id", LUMEN).json(&json!({"name": name}))).await;
    (status, body)
}

async fn lumen_name(base: &str, token: &str) -> String {
    let (status, _, body) = send(Client::new().get(format!("{base}/bv/org/v1/organizations")).bearer_auth(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["organization"]["name"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn only_owners_and_admins_rename_the_organization() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    for role in [Some("ROLE_TYPE_STAFF"), Some("ROLE_TYPE_DEVELOPER"), Some("ROLE_TYPE_CONTENT_CONTRIBUTOR"), Some("ROLE_TYPE_CXM_PARTICIPANT"), None] {
        let token = member(&db, LUMEN, role).await;
        let (status, body) = rename(&base, &token, "Taken Over").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role:?}: {body}");
        assert_eq!(body["code"], 7, "PERMISSION_DENIED: {body}");
        assert_eq!(body["details"].as_array().unwrap().last().unwrap()["reason"], "ERROR_REASON_PERMISSION_DENIED");
        assert_eq!(lumen_name(&base, &token).await, "Studio Lumen", "{role:?} still reads it");
    }
    for (role, name) in [("ROLE_TYPE_ADMIN", "Studio Lumen Admin"), ("ROLE_TYPE_OWNER", "Studio Lumen Owner")] {
        let token = member(&db, LUMEN, Some(role)).await;
        let (status, body) = rename(&base, &token, name).await;
        assert_eq!(status, StatusCode::OK, "{role}: {body}");
        assert_eq!(lumen_name(&base, &token).await, name);
    }
    // The demo owner, as the e2e rename flow signs in.
    let owner = bv_login(&base, "owner@lumen.example.com").await;
    assert_eq!(rename(&base, &owner, "Studio Lumen").await.0, StatusCode::OK);
}

async fn describe_lumen(base: &str, token: &str, description: &str) -> (StatusCode, Value) {
    let url = format!("{base}/bv/org/v1/sub-orgs/{LUMEN}");
    let (status, _, body) = send(Client::new().patch(url).bearer_auth(token).header("x-bv-org-id", NORTH).json(&json!({"description": description}))).await;
    (status, body)
}

async fn lumen_description(base: &str, token: &str) -> Value {
    let (status, _, body) = send(Client::new().get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")).bearer_auth(token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["organization"]["description"].clone()
}

#[tokio::test]
async fn only_owners_and_admins_change_a_sub_organization() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    let before = lumen_description(&base, &bv_login(&base, "ops@northwind.example.com").await).await;
    for role in [Some("ROLE_TYPE_STAFF"), Some("ROLE_TYPE_DEVELOPER"), None] {
        let token = member(&db, NORTH, role).await;
        let (status, body) = describe_lumen(&base, &token, "Changed by staff").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role:?}: {body}");
        assert_eq!(body["code"], 7, "PERMISSION_DENIED: {body}");
        assert_eq!(lumen_description(&base, &token).await, before, "{role:?} still reads it, unchanged");
    }
    let admin = member(&db, NORTH, Some("ROLE_TYPE_ADMIN")).await;
    assert_eq!(describe_lumen(&base, &admin, "Changed by an admin").await.0, StatusCode::OK);
    assert_eq!(lumen_description(&base, &admin).await, "Changed by an admin");
}

#[tokio::test]
async fn badge_template_descriptions_are_sanitized_in_the_public_json() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    let payload = r#"<p>Good <strong>work</strong></p><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>"#;
    sqlx::query("UPDATE badge_templates SET description = ? WHERE organization_id = ?").bind(payload).bind(VALMARINA).execute(&db).await.unwrap();
    sqlx::query("UPDATE ob_organizations SET public_badge_templates = 1, public_learning_paths = 1 WHERE id = ?").bind(VALMARINA).execute(&db).await.unwrap();
    let (status, body) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let data = &body["data"];
    let all: Vec<&Value> = data["badge_templates"].as_array().unwrap().iter().chain(data["learning_paths"].as_array().unwrap()).collect();
    assert!(!all.is_empty());
    for t in all {
        let d = t["description"].as_str().unwrap();
        assert!(d.contains("<p>Good <strong>work</strong></p>"), "{d}");
        let lower = d.to_ascii_lowercase();
        for bad in ["<script", "onerror", "javascript:", "<img"] {
            assert!(!lower.contains(bad), "{bad} in {d}");
        }
    }
    // The admin's own list serves them clean too.
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization/badge_templates"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.to_string().contains("onerror") && !body.to_string().contains("<script"), "{body}");
}

#[tokio::test]
async fn a_huge_put_of_bad_keys_answers_a_small_422() {
    let base = start(3600);
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let repeated = "nonsense=1&".repeat(1_800_000 / 11);
    let distinct: String = (0..250_000).map(|i| format!("k{i}=1&")).collect::<String>()[..1_800_000].to_string();
    let twice_known = "name=Ateneo&".repeat(150_000);
    for (what, body) in [("repeated", repeated), ("distinct", distinct), ("a known key repeated", twice_known)] {
        let req = Client::new()
            .put(format!("{base}/api/v1/issuers/organization"))
            .bearer_auth(&token)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        let (status, size, answer) = send(req).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {answer}");
        assert!(size < 16 * 1024, "{what}: {size} bytes");
        assert!(answer["message"].as_str().is_some_and(|m| !m.is_empty()), "{what}: {answer}");
        let errors = answer["errors"].as_object().unwrap();
        assert!(!errors.is_empty() && errors.len() <= 51, "{what}: {} keys", errors.len());
        assert!(errors.values().all(|m| m.as_array().unwrap().len() == 1), "{what}: one message per key");
    }
    // An ordinary bad PUT still names every field.
    let (status, body) = ob_put(&base, &token, &[("website", "nope"), ("status", "x"), ("x", "1"), ("x", "2")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"]["x"].as_array().unwrap().len(), 1, "{body}");
    assert!(body["errors"]["website"].is_array() && body["errors"]["status"].is_array(), "{body}");
}

#[tokio::test]
async fn huge_blendvision_patches_answer_small_400s() {
    let base = start(3600);
    let ops = bv_login(&base, "ops@northwind.example.com").await;
    // About 1.6 MB each (the body limit is 2 MB).
    let keys = |n: usize| -> serde_json::Map<String, Value> { (0..n).map(|i| (format!("unknown_key_{i}"), json!(1))).collect() };
    let mut nested = keys(40_000);
    nested.insert("business_setting".into(), Value::Object(keys(40_000)));
    let requests = [
        ("rename", Client::new().patch(format!("{base}/bv/org/v1/organizations")).header("x-bv-org-id", NORTH).json(&Value::Object(keys(80_000)))),
        ("sub-org", Client::new().patch(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")).header("x-bv-org-id", NORTH).json(&Value::Object(nested))),
    ];
    for (what, req) in requests {
        let (status, size, answer) = send(req.bearer_auth(&ops)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {answer}");
        assert!(size < 16 * 1024, "{what}: {size} bytes");
        assert_eq!(answer["code"], 3, "{what}: INVALID_ARGUMENT");
        let violations = answer["details"][0]["field_violations"].as_array().unwrap();
        assert!(!violations.is_empty() && violations.len() <= 51, "{what}: {}", violations.len());
    }
}

#[tokio::test]
async fn revoked_and_used_tokens_are_purged_on_sign_in() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": "owner@lumen.example.com", "password": PASSWORD})).send().await.unwrap();
    let first: Value = res.json().await.unwrap();
    let refresh = first["refresh_token"].as_str().unwrap();
    let res = Client::new().post(format!("{base}/bv/account/v1/tokens/refresh")).json(&json!({"refresh_token": refresh})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let second: Value = res.json().await.unwrap();
    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/logout")).bearer_auth(second["access_token"].as_str().unwrap()).send().await.unwrap();
    assert!(res.status().is_success());
    let (revoked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tokens WHERE revoked <> 0").fetch_one(&db).await.unwrap();
    assert!(revoked > 0, "the sign-out revoked its token");
    bv_login(&base, "owner@lumen.example.com").await;
    let (revoked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM tokens WHERE revoked <> 0").fetch_one(&db).await.unwrap();
    let (used,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM refresh_tokens WHERE used <> 0").fetch_one(&db).await.unwrap();
    assert_eq!((revoked, used), (0, 0), "dead tokens left after a sign-in");
}
