//! `--api vendor`: the server answers only what the two platforms document,
//! the way their servers (Laravel, grpc-gateway) answer without orgdesk's
//! extensions (API.md §3). Signed in with issued API tokens: no argon2.

mod common;

use common::*;
use orgdesk_model::openbadge::{Data, Organization, Statistics};
use orgdesk_server::cli::{Platform, TokenRequest};
use orgdesk_server::issue_token::issue_token;
use orgdesk_server::ApiMode;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const OB_ADMIN: &str = "admin@valmarina.example.org";
const NORTH_ADMIN: &str = "ops@northwind.example.com";
const GRPC_NOT_FOUND: &str = r#"{"code":5,"message":"Not Found","details":[]}"#;

/// One vendor-mode server for the tests that change nothing they read.
fn vendor() -> &'static (String, PathBuf) {
    static SERVER: OnceLock<(String, PathBuf)> = OnceLock::new();
    SERVER.get_or_init(|| start_with(3600, ApiMode::Vendor))
}

/// An API token, as `issue-token` makes one, for the server in `dir`.
async fn api_token(dir: &Path, platform: Platform, email: &str) -> String {
    issue_token(&TokenRequest { db: dir.join("test.db"), platform, email: email.to_string(), days: 1 }).await.unwrap()
}

async fn send(req: reqwest::RequestBuilder) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let res = req.send().await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn open_badge_extension_routes_answer_as_laravel_without_them() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Openbadge, OB_ADMIN).await;
    let client = Client::new();
    for path in ["auth/login", "auth/logout"] {
        let req = client.post(format!("{base}/api/v1/{path}")).bearer_auth(&token).json(&json!({"email": OB_ADMIN, "password": PASSWORD}));
        let (status, _, body) = send(req).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert_eq!(body, json!({"message": "Not found."}), "{path}");
    }
    let (status, _, _) = send(client.get(format!("{base}/api/v1/issuers/organization")).bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::OK, "the logout that is not there revoked nothing");

    let (status, headers, body) = send(client.delete(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(&token)).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers.get("allow").unwrap(), "POST");
    assert_eq!(body, json!({"message": "The DELETE method is not supported for route api/v1/issuers/organization/logo. Supported methods: POST."}));

    let (status, body) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    assert_eq!((status, body), (StatusCode::NOT_FOUND, json!({"message": "Not found."})));
}

#[tokio::test]
async fn organization_counts_come_as_strings_and_switches_as_1_or_0() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Openbadge, OB_ADMIN).await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    let org = &body["data"];
    for key in ["badges_count", "badge_templates_count", "credits_left"] {
        assert!(org[key].as_str().is_some_and(|n| n.parse::<i64>().is_ok()), "{key}: {}", org[key]);
    }
    let settings = org["settings"].as_object().unwrap();
    assert_eq!(settings.len(), 4);
    assert!(settings.values().all(|v| v == "1" || v == "0"), "{settings:?}");
    // The client's model reads them as numbers and booleans.
    let decoded: Data<Organization> = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(decoded.data.badges_count, org["badges_count"].as_str().unwrap().parse().ok());
    assert_eq!(decoded.data.settings.unwrap().public_profile, settings["public_profile"] == "1");
}

#[tokio::test]
async fn statistics_bodies_are_not_ours_and_a_client_expecting_ours_survives() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Openbadge, OB_ADMIN).await;
    let (_, org) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization/statistics"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"data": {"total_badges": org["data"]["badges_count"], "templates": null}}));
    let ours: Data<Statistics> = serde_json::from_value(body).unwrap();
    assert_eq!(ours.data, Statistics::default(), "none of our figures");
    for query in ["", "?year=2024"] {
        let (status, body) = get(format!("{base}/api/v1/issuers/organization/year-statistics{query}"), Some(&token)).await;
        assert_eq!((status, body), (StatusCode::OK, json!({"data": []})));
    }
}

#[tokio::test]
async fn put_drops_keys_without_vendor_rules_and_ignores_if_unmodified_since() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Openbadge, OB_ADMIN).await;
    let before = ob_organization(base, &token).await;
    let flip = |v: &Value| if v == "1" { "0" } else { "1" };
    let (types, paths) = (flip(&before["settings"]["public_badge_types"]), flip(&before["settings"]["public_learning_paths"]));
    let form = [
        ("name", "Valmarina Vendor"),
        ("billing_info[legal_name]", "Another Legal Name Srl"),
        ("settings[public_badge_types]", types),
        ("settings[public_learning_paths]", paths),
        ("settings[public_badge_templates]", "0"),
        ("credits_left", "999"),
    ];
    // A date long before the last change: the reference server answers 412.
    let (status, body) = ob_put(base, &token, &form, Some("Mon, 01 Jan 2001 00:00:00 GMT")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = &body["data"];
    assert_eq!(after["name"], "Valmarina Vendor");
    assert_eq!(after["settings"]["public_badge_templates"], "0");
    assert_eq!(after["billing_info"]["legal_name"], before["billing_info"]["legal_name"], "dropped");
    assert_eq!(after["settings"]["public_badge_types"], before["settings"]["public_badge_types"], "dropped");
    assert_eq!(after["settings"]["public_learning_paths"], before["settings"]["public_learning_paths"], "dropped");
    assert_eq!(after["credits_left"], before["credits_left"], "dropped, not refused");
    assert_eq!(ob_organization(base, &token).await["name"], "Valmarina Vendor", "saved");
}

#[tokio::test]
async fn no_etag_and_if_match_is_ignored() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Openbadge, OB_ADMIN).await;
    let (_, etag) = ob_organization_tagged(base, &token).await;
    assert_eq!(etag, None, "the vendor sends no validator");
    let before = ob_organization(base, &token).await;
    // A tag that matches nothing: the reference server answers 412.
    let (status, etag, body) = ob_put_if_match(base, &token, &[("website", before["website"].as_str().unwrap_or(""))], "\"no-such-version\"").await;
    assert_eq!((status, etag), (StatusCode::OK, None), "{body}");
}

#[tokio::test]
async fn blendvision_extensions_answer_grpc_gateways_404_and_the_documented_login_stays() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Blendvision, NORTH_ADMIN).await;
    let client = Client::new();
    let signed_in = bv_sign_in(base, NORTH_ADMIN).await;
    assert!(signed_in["access_token"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!((signed_in["token_type"].as_str(), signed_in["expires_in"].as_i64()), (Some("Bearer"), Some(3600)));
    let refresh = json!({"refresh_token": signed_in["refresh_token"]});
    for req in [
        client.post(format!("{base}/bv/account/v1/tokens/refresh")).json(&refresh),
        client.post(format!("{base}/bv/account/v1/accounts/logout")).bearer_auth(&token),
        client.get(format!("{base}/bv/org/v1/nowhere")).bearer_auth(&token),
    ] {
        let (status, _, body) = send(req).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body, serde_json::from_str::<Value>(GRPC_NOT_FOUND).unwrap());
    }
    let (status, _) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "nothing was revoked");
}

#[tokio::test]
async fn int64_fields_come_as_strings_without_zero_values() {
    let (base, dir) = vendor();
    let token = api_token(dir, Platform::Blendvision, NORTH_ADMIN).await;
    let (status, body) = get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let o = &body["organization"];
    assert_eq!((&o["billing_cycle"], &o["contract_months"]), (&json!("1"), &json!("12")));
    assert!(o.get("contract_days").is_none(), "zero omitted: {o}");
    assert_eq!(o["next_contract"]["months"], "12");
    assert_eq!(
        o["business_setting"],
        json!({"business_plan_type": "BUSINESS_PLAN_TYPE_BVONE", "category": "Media", "tax_id": "24681357", "enable_create_site": true, "site_limit": "5"}),
        "enable_custom_domain false is omitted"
    );
    let decoded: orgdesk_model::blendvision::SubOrgDetail = serde_json::from_value(body.clone()).unwrap();
    assert_eq!((decoded.organization.billing_cycle, decoded.organization.contract_days), (Some(1), None));
    let (_, page) = get(format!("{base}/bv/org/v1/sub-orgs?current_page=1&items_per_page=100"), Some(&token)).await;
    let lumen = page["organizations"].as_array().unwrap().iter().find(|o| o["id"] == LUMEN).unwrap();
    assert_eq!(lumen["contract_months"], "12", "in the list too");
    let (_, own) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
    assert!(own["organization"].get("contract_months").is_none_or(Value::is_string), "{own}");
}

#[tokio::test]
async fn a_business_setting_patch_replaces_the_whole_stored_setting() {
    let (base, dir) = start_with(3600, ApiMode::Vendor);
    let token = api_token(&dir, Platform::Blendvision, NORTH_ADMIN).await;
    let patch = |body: Value| Client::new().patch(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")).bearer_auth(&token).header("x-bv-org-id", NORTH).json(&body);
    let setting = || async { get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&token)).await.1["organization"]["business_setting"].clone() };

    let sent = json!({"business_setting": {"business_plan_type": "BUSINESS_PLAN_TYPE_BVONE", "category": "Cinema", "site_limit": "7"}});
    let (status, _, body) = send(patch(sent)).await;
    assert_eq!((status, body), (StatusCode::OK, json!({})));
    assert_eq!(setting().await, json!({"business_plan_type": "BUSINESS_PLAN_TYPE_BVONE", "category": "Cinema", "site_limit": "7"}), "tax_id and the switches are gone");

    let (status, _, _) = send(patch(json!({"description": "No setting sent"}))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(setting().await["category"], "Cinema", "a PATCH without business_setting leaves it alone");

    let (status, _, body) = send(patch(json!({"business_setting": {"business_plan_type": "BUSINESS_PLAN_TYPE_CXM"}}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the plan is still not changed here: {body}");

    // No plan type sent: its zero value (unset); the rest stored as sent.
    let (status, _, body) = send(patch(json!({"business_setting": {"tax_id": "T1", "enable_create_site": true}}))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(setting().await, json!({"tax_id": "T1"}), "no plan: no plan settings shown");
    let (_, plans) = get(format!("{base}/bv/org/v1/organizations/{LUMEN}/plans"), Some(&token)).await;
    assert_eq!(plans, json!({"plans": []}));
}

/// A BlendVision sign-in's whole answer.
async fn bv_sign_in(base: &str, email: &str) -> Value {
    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": email, "password": PASSWORD})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}
