//! API tokens issued from the command line (`issue-token`), BlendVision's
//! `x-bv-org-id`, and orgdesk's refresh and sign-out extensions of the
//! BlendVision account service (reference mode).

mod common;

use common::*;
use orgdesk_model::blendvision::RpcStatus;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const NORTH_ADMIN: &str = "ops@northwind.example.com";

/// A server and its directory shared by the tests that only add tokens.
fn shared() -> &'static (String, PathBuf) {
    static SERVER: OnceLock<(String, PathBuf)> = OnceLock::new();
    SERVER.get_or_init(|| start_in(3600))
}

fn issue_token_command(db: &Path, platform: &str, email: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_orgdesk-server"))
        .args(["issue-token", "--db"])
        .arg(db)
        .args(["--platform", platform, "--email", email, "--days", "2"])
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

/// The one line `issue-token` prints: the token.
fn issued(output: &Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
    let token = stdout.trim().to_string();
    assert!(token.len() == 64 && token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
    token
}

async fn send(req: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn issue_token_prints_a_token_that_a_running_server_accepts() {
    let (base, dir) = shared();
    let db = dir.join("test.db");
    let bv = issued(&issue_token_command(&db, "blendvision", NORTH_ADMIN));
    let (status, body) = get(format!("{base}/bv/org/v1/organizations"), Some(&bv)).await;
    assert_eq!((status, body["organization"]["id"].as_str()), (StatusCode::OK, Some(NORTH)));
    let ob = issued(&issue_token_command(&db, "openbadge", "ADMIN@valmarina.example.org"));
    assert_eq!(ob_organization(base, &ob).await["id"], VALMARINA);
    let (status, _) = get(format!("{base}/api/v1/issuers/organization"), Some(&bv)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a token is for its platform only");

    let unknown = issue_token_command(&db, "openbadge", NORTH_ADMIN);
    assert!(!unknown.status.success());
    assert!(unknown.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(stderr.contains("no activated openbadge account has the e-mail ops@northwind.example.com"), "{stderr}");
    let nowhere = issue_token_command(&dir.join("typo.db"), "openbadge", "admin@valmarina.example.org");
    assert!(!nowhere.status.success() && nowhere.stdout.is_empty());
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("no database at"));
    assert!(!dir.join("typo.db").exists(), "not created");
}

#[test]
fn help_names_the_api_mode_and_the_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_orgdesk-server")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--api") && help.contains("issue-token") && help.contains("ORGDESK_TOKEN_TTL_SECS"), "{help}");
}

#[tokio::test]
async fn x_bv_org_id_must_name_the_tokens_organization() {
    let (base, dir) = shared();
    let token = issued(&issue_token_command(&dir.join("test.db"), "blendvision", NORTH_ADMIN));
    let call = |path: &str, acting: Option<&str>| {
        let mut req = Client::new().get(format!("{base}{path}")).bearer_auth(&token);
        if let Some(a) = acting {
            req = req.header("x-bv-org-id", a);
        }
        send(req)
    };
    for path in ["/bv/org/v1/organizations", &format!("/bv/org/v1/sub-orgs/{LUMEN}"), "/bv/org/v1/sub-orgs?current_page=1&items_per_page=10"] {
        assert_eq!(call(path, None).await.0, StatusCode::OK, "{path}: absent, the account's organization");
        assert_eq!(call(path, Some(NORTH)).await.0, StatusCode::OK, "{path}: its own");
        for other in [LUMEN, ROOT, ""] {
            let (status, body) = call(path, Some(other)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path} as {other:?}");
            let rpc: RpcStatus = serde_json::from_value(body.clone()).unwrap();
            assert_eq!((rpc.code, rpc.reason()), (7, Some("ERROR_REASON_PERMISSION_DENIED")), "{body}");
            assert_eq!(body["details"][0]["@type"], "type.googleapis.com/google.rpc.ErrorInfo");
        }
    }
    let patch = Client::new().patch(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")).bearer_auth(&token).header("x-bv-org-id", NORTH);
    assert_eq!(send(patch.json(&json!({"description": "By API token"}))).await, (StatusCode::OK, json!({})));
}

async fn refresh(base: &str, refresh_token: &Value) -> (StatusCode, Value) {
    send(Client::new().post(format!("{base}/bv/account/v1/tokens/refresh")).json(&json!({"refresh_token": refresh_token}))).await
}

fn assert_unauthenticated(status: StatusCode, body: &Value) {
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let rpc: RpcStatus = serde_json::from_value(body.clone()).unwrap();
    assert_eq!((rpc.code, rpc.reason()), (16, Some("ERROR_REASON_UNAUTHENTICATED")), "{body}");
}

#[tokio::test]
async fn refresh_rotates_the_pair_and_logout_revokes_it() {
    let base = start(1234);
    let (status, first) = send(Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": NORTH_ADMIN, "password": PASSWORD}))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((first["expires_in"].as_i64(), first["token_type"].as_str()), (Some(1234), Some("Bearer")), "ORGDESK_TOKEN_TTL_SECS");
    assert!(first["refresh_token"].as_str().is_some_and(|t| t.len() == 64));

    let (status, second) = refresh(&base, &first["refresh_token"]).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!((second["expires_in"].as_i64(), second["token_type"].as_str()), (Some(1234), Some("Bearer")));
    assert_ne!(second["access_token"], first["access_token"]);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    let (status, again) = refresh(&base, &first["refresh_token"]).await;
    assert_unauthenticated(status, &again);
    let (status, unknown) = refresh(&base, &json!("0".repeat(64))).await;
    assert_unauthenticated(status, &unknown);
    assert_eq!(refresh(&base, &json!("")).await.0, StatusCode::BAD_REQUEST);

    let access = second["access_token"].as_str().unwrap();
    assert_eq!(get(format!("{base}/bv/org/v1/organizations"), Some(access)).await.0, StatusCode::OK);
    let logout = || Client::new().post(format!("{base}/bv/account/v1/accounts/logout"));
    assert_eq!(send(logout().bearer_auth(access)).await, (StatusCode::OK, json!({})));
    let (status, body) = get(format!("{base}/bv/org/v1/organizations"), Some(access)).await;
    assert_unauthenticated(status, &body);
    let (status, body) = refresh(&base, &second["refresh_token"]).await;
    assert_unauthenticated(status, &body);
    assert_eq!(send(logout().bearer_auth(access)).await.0, StatusCode::UNAUTHORIZED, "already signed out");
}
