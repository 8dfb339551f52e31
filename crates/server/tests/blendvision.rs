//! The BlendVision One console over HTTP, beyond `bv_console.rs`: the
//! google.rpc 400 as the model decodes it, the whole authorization matrix
//! (read, change, plans, list) for every level against every level, the
//! rules of each plan accepted and refused, paging at 10 and 25, sign-in
//! required everywhere.

mod common;

use common::*;
use orgdesk_model::blendvision::{RpcStatus, BAD_REQUEST_TYPE, ERROR_INFO_TYPE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const UNKNOWN: &str = "00000000-0000-4000-8000-00000000dead";

const ROOT_ADMIN: &str = "root@northwind.example.com";
const DISTRIBUTOR_ADMIN: &str = "gd@northwind.example.com";
const NORTH_ADMIN: &str = "ops@northwind.example.com";
const SOUTH_ADMIN: &str = "ops@southbay.example.com";
const BUSINESS_ADMIN: &str = "owner@lumen.example.com";

async fn send(req: reqwest::RequestBuilder) -> (StatusCode, Value) {
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn patch_sub_org(base: &str, token: &str, id: &str, acting: &str, body: Value) -> (StatusCode, Value) {
    send(Client::new().patch(format!("{base}/bv/org/v1/sub-orgs/{id}")).bearer_auth(token).header("x-bv-org-id", acting).json(&body)).await
}

async fn rename(base: &str, token: &str, body: Value) -> (StatusCode, Value) {
    send(Client::new().patch(format!("{base}/bv/org/v1/organizations")).bearer_auth(token).json(&body)).await
}

async fn list(base: &str, token: &str, query: &str) -> (StatusCode, Value) {
    get(format!("{base}/bv/org/v1/sub-orgs?{query}"), Some(token)).await
}

fn ids(body: &Value) -> Vec<String> {
    body["organizations"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap().to_string()).collect()
}

/// The 400 decoded the way the browser decodes it; returns the field paths.
fn bad_request_fields(status: StatusCode, body: &Value) -> Vec<String> {
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let rpc: RpcStatus = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(rpc.code, 3, "{body}");
    assert_eq!(rpc.reason(), Some("ERROR_REASON_INVALID_ARGUMENT"), "{body}");
    let types: Vec<&str> = rpc.details.iter().map(|d| d.type_url.as_str()).collect();
    assert!(types.contains(&BAD_REQUEST_TYPE) && types.contains(&ERROR_INFO_TYPE), "{body}");
    let info = rpc.details.iter().find(|d| d.type_url == ERROR_INFO_TYPE).unwrap();
    assert_eq!(info.domain.as_deref(), Some("org"));
    assert_eq!(info.metadata.as_ref().map(|m| m.len()), Some(0));
    let fields: Vec<String> = rpc.field_violations().iter().map(|v| v.field.clone()).collect();
    assert!(rpc.field_violations().iter().all(|v| !v.description.is_empty()), "{body}");
    assert!(rpc.message.starts_with(&fields[0]), "the message names the first field: {body}");
    fields
}

#[tokio::test]
async fn invalid_argument_carries_bad_request_and_error_info() {
    let base = server();
    let north = bv_login(base, NORTH_ADMIN).await;
    let (status, body) = patch_sub_org(base, &north, LUMEN, NORTH, json!({"business_setting": {"site_limit": 51}})).await;
    assert_eq!(bad_request_fields(status, &body), ["business_setting.site_limit"]);
    assert_eq!(body["details"][0]["@type"], BAD_REQUEST_TYPE, "the BadRequest comes first, as the service sends it");
    assert_eq!(body["details"][1]["reason"], "ERROR_REASON_INVALID_ARGUMENT");
    // Several problems at once: every one is reported, each under its path.
    let (status, body) = patch_sub_org(
        base,
        &north,
        HARBOR,
        NORTH,
        json!({"billing_cycle": 13, "business_setting": {"tax_id": "123456789", "site_limit": 3, "marketplace_url": "ftp://x.example.com"}}),
    )
    .await;
    let mut fields = bad_request_fields(status, &body);
    fields.sort();
    assert_eq!(fields, ["billing_cycle", "business_setting.marketplace_url", "business_setting.site_limit", "business_setting.tax_id"]);
}

#[tokio::test]
async fn every_level_against_every_level() {
    let base = start(3600);
    let callers = [
        ("root", bv_login(&base, ROOT_ADMIN).await, ROOT),
        ("distributor", bv_login(&base, DISTRIBUTOR_ADMIN).await, DISTRIBUTOR),
        ("north reseller", bv_login(&base, NORTH_ADMIN).await, NORTH),
        ("south reseller", bv_login(&base, SOUTH_ADMIN).await, SOUTH),
        ("business", bv_login(&base, BUSINESS_ADMIN).await, LUMEN),
    ];
    let targets = [ROOT, DISTRIBUTOR, NORTH, SOUTH, LUMEN, HARBOR, SOUTH_BUSINESS, UNKNOWN];
    // Strictly below the caller's organization.
    let below = |caller: &str, target: &str| match caller {
        ROOT => target != ROOT && target != UNKNOWN,
        DISTRIBUTOR => [NORTH, SOUTH, LUMEN, HARBOR, SOUTH_BUSINESS].contains(&target),
        NORTH => [LUMEN, HARBOR].contains(&target),
        SOUTH => target == SOUTH_BUSINESS,
        _ => false,
    };
    for (who, token, own) in &callers {
        for target in targets {
            let reachable = below(own, target);
            let expected = if reachable { StatusCode::OK } else { StatusCode::NOT_FOUND };

            let (status, body) = get(format!("{base}/bv/org/v1/sub-orgs/{target}"), Some(token)).await;
            assert_eq!(status, expected, "GET {who} → {target}: {body}");
            if reachable {
                assert_eq!(body["organization"]["id"], target);
                assert!(body["owner_info"]["email"].as_str().is_some_and(|e| e.contains('@')), "{body}");
            } else {
                let rpc: RpcStatus = serde_json::from_value(body).unwrap();
                assert_eq!((rpc.code, rpc.reason()), (5, Some("ERROR_REASON_NOT_FOUND")));
            }

            let (status, body) = patch_sub_org(&base, token, target, own, json!({"description": format!("seen by {who}")})).await;
            assert_eq!(status, expected, "PATCH {who} → {target}: {body}");

            // Plans: one's own organization too.
            let (status, body) = get(format!("{base}/bv/org/v1/organizations/{target}/plans"), Some(token)).await;
            let plans_expected = if reachable || target == *own { StatusCode::OK } else { StatusCode::NOT_FOUND };
            assert_eq!(status, plans_expected, "plans {who} → {target}: {body}");
        }
    }
    // Nothing was changed by a caller it was refused to.
    let root_token = &callers[0].1;
    for (target, last_writer) in [(LUMEN, "north reseller"), (SOUTH_BUSINESS, "south reseller"), (NORTH, "distributor"), (DISTRIBUTOR, "root")] {
        let (_, body) = get(format!("{base}/bv/org/v1/sub-orgs/{target}"), Some(root_token)).await;
        assert_eq!(body["organization"]["description"], format!("seen by {last_writer}"), "{target}");
    }
}

#[tokio::test]
async fn each_list_is_exactly_what_is_below() {
    let base = server();
    let expected_totals = [(ROOT_ADMIN, 46), (DISTRIBUTOR_ADMIN, 45), (NORTH_ADMIN, 35), (SOUTH_ADMIN, 8), (BUSINESS_ADMIN, 0)];
    let mut seen = Vec::new();
    for (email, total) in expected_totals {
        let token = bv_login(base, email).await;
        let (status, body) = list(base, &token, "current_page=1&items_per_page=100").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["pagination"]["total_items"], total, "{email}");
        let listed = ids(&body);
        assert_eq!(listed.len(), total as usize);
        // Every listed organization opens.
        for id in listed.iter().take(5) {
            let (status, _) = get(format!("{base}/bv/org/v1/sub-orgs/{id}"), Some(&token)).await;
            assert_eq!(status, StatusCode::OK, "{email} → {id}");
        }
        seen.push(listed);
    }
    let (root, distributor, north, south) = (&seen[0], &seen[1], &seen[2], &seen[3]);
    assert!(!root.contains(&ROOT.to_string()) && root.contains(&DISTRIBUTOR.to_string()));
    assert!(!distributor.contains(&DISTRIBUTOR.to_string()) && distributor.contains(&SOUTH_BUSINESS.to_string()));
    assert!(north.iter().all(|id| !south.contains(id)), "two resellers share nothing");
    assert!(north.iter().chain(south.iter()).all(|id| distributor.contains(id)));
}

#[tokio::test]
async fn pages_of_25_and_filters_across_pages() {
    let base = server();
    let token = bv_login(base, ROOT_ADMIN).await;
    let (_, first) = list(base, &token, "current_page=1&items_per_page=25").await;
    let (_, second) = list(base, &token, "current_page=2&items_per_page=25").await;
    assert_eq!((ids(&first).len(), ids(&second).len()), (25, 21));
    assert_eq!(second["pagination"], json!({"total_items": 46, "items_per_page": 25, "current_page": 2}));
    let (_, all) = list(base, &token, "current_page=1&items_per_page=100").await;
    assert_eq!([ids(&first), ids(&second)].concat(), ids(&all), "pages of 25 are the one list cut in two");

    // Types and statuses together, one page at a time.
    let query = "types=ORGANIZATION_TYPE_BUSINESS&statuses=ORGANIZATION_STATUS_ACTIVATED&statuses=ORGANIZATION_STATUS_VERIFYING";
    let (_, whole) = list(base, &token, &format!("{query}&current_page=1&items_per_page=100")).await;
    let total = whole["pagination"]["total_items"].as_i64().unwrap();
    assert!(total > 10, "enough to page: {total}");
    for o in whole["organizations"].as_array().unwrap() {
        assert_eq!(o["type"], "ORGANIZATION_TYPE_BUSINESS");
        assert!(["ORGANIZATION_STATUS_ACTIVATED", "ORGANIZATION_STATUS_VERIFYING"].contains(&o["status"].as_str().unwrap()), "{o}");
    }
    let statuses: std::collections::BTreeSet<&str> = whole["organizations"].as_array().unwrap().iter().map(|o| o["status"].as_str().unwrap()).collect();
    assert_eq!(statuses.len(), 2, "both statuses are in");
    let mut paged = Vec::new();
    for p in 1..=(total + 9) / 10 {
        let (_, body) = list(base, &token, &format!("{query}&current_page={p}&items_per_page=10")).await;
        assert_eq!(body["pagination"]["total_items"], total);
        paged.extend(ids(&body));
    }
    assert_eq!(paged, ids(&whole));

    // Name search: contains, any case, combined with a type.
    let (_, body) = list(base, &token, "name=RESELL&types=ORGANIZATION_TYPE_RESELLER&current_page=1&items_per_page=10").await;
    assert_eq!(ids(&body), [NORTH, SOUTH].map(String::from), "by name");
}

#[tokio::test]
async fn paging_parameters_are_checked() {
    let base = server();
    let token = bv_login(base, ROOT_ADMIN).await;
    for (query, field) in [
        ("current_page=0&items_per_page=10", "current_page"),
        ("current_page=x&items_per_page=10", "current_page"),
        ("current_page=1&items_per_page=0", "items_per_page"),
        ("current_page=1&items_per_page=ten", "items_per_page"),
        ("current_page=1&items_per_page=10&statuses=ORGANIZATION_STATUS_SLEEPING", "statuses"),
        ("current_page=1&items_per_page=10&types=ORGANIZATION_TYPE_BUSINESS&types=BUSINESS", "types"),
    ] {
        let (status, body) = list(base, &token, query).await;
        assert_eq!(bad_request_fields(status, &body), [field], "{query}");
    }
}

#[tokio::test]
async fn rules_of_each_plan_accepted_and_refused() {
    let base = start(3600);
    let north = bv_login(&base, NORTH_ADMIN).await;
    // Accepted, per plan.
    for (target, setting) in [
        (LUMEN, json!({"category": "c".repeat(40), "tax_id": "12345678", "enable_create_site": false, "site_limit": 0, "enable_custom_domain": true})),
        (HARBOR, json!({"category": "Arts", "tax_id": "", "marketplace_url": format!("http://m.example.com/{}", "a".repeat(1970))})),
        (QUIET_HILL, json!({"category": "Health", "tax_id": "87654321"})),
    ] {
        let (status, body) = patch_sub_org(&base, &north, target, NORTH, json!({"business_setting": setting})).await;
        assert_eq!((status, &body), (StatusCode::OK, &json!({})), "{target} {setting}");
    }
    let (_, lumen) = get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&north)).await;
    assert_eq!(lumen["organization"]["business_setting"]["site_limit"], 0);
    assert_eq!(lumen["organization"]["business_setting"]["enable_create_site"], false);
    let (_, quiet) = get(format!("{base}/bv/org/v1/sub-orgs/{QUIET_HILL}"), Some(&north)).await;
    assert_eq!(quiet["organization"]["business_setting"]["tax_id"], "87654321");

    // Refused, per plan: fields of another plan, wrong kinds, unknown keys.
    for (target, body, field) in [
        (QUIET_HILL, json!({"business_setting": {"site_limit": 3}}), "business_setting.site_limit"),
        (QUIET_HILL, json!({"business_setting": {"enable_create_site": true}}), "business_setting.enable_create_site"),
        (QUIET_HILL, json!({"business_setting": {"marketplace_url": "https://m.example.com"}}), "business_setting.marketplace_url"),
        (HARBOR, json!({"business_setting": {"site_limit": 3}}), "business_setting.site_limit"),
        (HARBOR, json!({"business_setting": {"enable_custom_domain": false}}), "business_setting.enable_custom_domain"),
        (LUMEN, json!({"business_setting": {"enable_create_site": "yes"}}), "business_setting.enable_create_site"),
        (LUMEN, json!({"business_setting": {"site_limit": 2.5}}), "business_setting.site_limit"),
        (LUMEN, json!({"business_setting": {"category": 7}}), "business_setting.category"),
        (LUMEN, json!({"business_setting": {"colour": "red"}}), "business_setting.colour"),
        (LUMEN, json!({"business_setting": {"business_plan_type": "BUSINESS_PLAN_TYPE_CXM"}}), "business_setting.business_plan_type"),
        (LUMEN, json!({"business_setting": "Media"}), "business_setting"),
        (LUMEN, json!({"billing_cycle": 0}), "billing_cycle"),
        (LUMEN, json!({"description": "d".repeat(501)}), "description"),
    ] {
        let (status, answer) = patch_sub_org(&base, &north, target, NORTH, body.clone()).await;
        assert_eq!(bad_request_fields(status, &answer), [field], "{target} {body}");
    }
    // Business settings exist only on business organizations, at any level.
    let root = bv_login(&base, ROOT_ADMIN).await;
    for target in [DISTRIBUTOR, NORTH] {
        let (status, answer) = patch_sub_org(&base, &root, target, ROOT, json!({"business_setting": {"tax_id": "1"}})).await;
        assert_eq!(bad_request_fields(status, &answer), ["business_setting"], "{target}");
    }
    // A reseller has no contract start: a length needs one.
    let (status, answer) = patch_sub_org(&base, &root, NORTH, ROOT, json!({"contract_months": 12})).await;
    assert_eq!(bad_request_fields(status, &answer), ["contract_valid_start_time"]);
}

#[tokio::test]
async fn contract_end_follows_start_and_length() {
    let base = start(3600);
    let north = bv_login(&base, NORTH_ADMIN).await;
    let end = |body: &Value| body["organization"]["contract_valid_end_time"].as_str().unwrap_or_default().to_string();
    // Days alone.
    let (status, _) = patch_sub_org(&base, &north, QUIET_HILL, NORTH, json!({"contract_valid_start_time": "2026-03-01T00:00:00Z", "contract_days": 30})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, o) = get(format!("{base}/bv/org/v1/sub-orgs/{QUIET_HILL}"), Some(&north)).await;
    assert!(end(&o).starts_with("2026-03-30T23:59:59"), "{o}");
    assert_eq!((o["organization"]["contract_months"].as_i64(), o["organization"]["contract_days"].as_i64()), (Some(0), Some(30)));
    // Both: months win.
    let (status, _) = patch_sub_org(&base, &north, QUIET_HILL, NORTH, json!({"contract_months": 1, "contract_days": 90})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, o) = get(format!("{base}/bv/org/v1/sub-orgs/{QUIET_HILL}"), Some(&north)).await;
    assert!(end(&o).starts_with("2026-03-31T23:59:59"), "start kept, one month: {o}");
    assert_eq!(o["organization"]["contract_days"], 0);
    // A new start moves the end with the stored length.
    let (status, _) = patch_sub_org(&base, &north, QUIET_HILL, NORTH, json!({"contract_valid_start_time": "2027-01-31T00:00:00Z"})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, o) = get(format!("{base}/bv/org/v1/sub-orgs/{QUIET_HILL}"), Some(&north)).await;
    assert!(end(&o).starts_with("2027-02-27T23:59:59"), "calendar month from Jan 31: {o}");
}

#[tokio::test]
async fn acting_organization_must_be_the_callers_own_not_a_descendant() {
    let base = server();
    let root = bv_login(base, ROOT_ADMIN).await;
    for acting in [NORTH, LUMEN, "", UNKNOWN] {
        let (status, body) = patch_sub_org(base, &root, LUMEN, acting, json!({"description": "x"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "acting as {acting:?}: {body}");
        let rpc: RpcStatus = serde_json::from_value(body).unwrap();
        assert_eq!((rpc.code, rpc.reason()), (7, Some("ERROR_REASON_PERMISSION_DENIED")));
    }
}

#[tokio::test]
async fn rename_limits_and_the_parent_sees_it() {
    let base = start(3600);
    let south = bv_login(&base, SOUTH_ADMIN).await;
    let hundred = "S".repeat(100);
    let (status, body) = rename(&base, &south, json!({"name": hundred})).await;
    assert_eq!((status, body), (StatusCode::OK, json!({})), "100 characters is the limit");
    let (status, body) = rename(&base, &south, json!({"name": "Southbay Partners"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let gd = bv_login(&base, DISTRIBUTOR_ADMIN).await;
    let (_, body) = get(format!("{base}/bv/org/v1/sub-orgs/{SOUTH}"), Some(&gd)).await;
    assert_eq!(body["organization"]["name"], "Southbay Partners");
    for (bad, field) in [
        (json!({"name": "   "}), "name"),
        (json!({}), "name"),
        (json!({"name": null}), "name"),
        (json!({"name": "é".repeat(101)}), "name"),
        (json!({"name": "Fine", "type": "ORGANIZATION_TYPE_ROOT"}), "type"),
    ] {
        let (status, answer) = rename(&base, &south, bad.clone()).await;
        assert_eq!(bad_request_fields(status, &answer), [field], "{bad}");
    }
    let (status, body) = rename(&base, &south, json!(["Southbay"])).await;
    assert_eq!(bad_request_fields(status, &body), ["body"]);
}

#[tokio::test]
async fn plans_follow_the_contracts() {
    let base = server();
    let root = bv_login(base, ROOT_ADMIN).await;
    let (status, body) = get(format!("{base}/bv/org/v1/organizations/{ROOT}/plans"), Some(&root)).await;
    assert_eq!((status, &body), (StatusCode::OK, &json!({"plans": []})), "the root has no business plan");
    let (_, body) = get(format!("{base}/bv/org/v1/organizations/{HARBOR}/plans"), Some(&root)).await;
    let plans = body["plans"].as_array().unwrap();
    assert_eq!(plans[0]["business_plan_type"], "BUSINESS_PLAN_TYPE_CXM");
    assert_eq!(plans[0]["current"], true);
    for key in ["id", "name", "start_time", "end_time"] {
        assert!(plans[0][key].is_string(), "{key}: {body}");
    }
    let (_, body) = get(format!("{base}/bv/org/v1/organizations/{LUMEN}/plans"), Some(&root)).await;
    let plans = body["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2, "current and next contract: {body}");
    assert!(plans[1]["start_time"].as_str().unwrap().starts_with("2026-01-01T00:00:00"), "{body}");
    assert_eq!(plans[1]["current"], false);
}

#[tokio::test]
async fn every_console_endpoint_needs_a_session() {
    let base = server();
    let client = Client::new();
    let requests = [
        client.get(format!("{base}/bv/org/v1/organizations")),
        client.patch(format!("{base}/bv/org/v1/organizations")).json(&json!({"name": "x"})),
        client.get(format!("{base}/bv/org/v1/organizations/{LUMEN}/plans")),
        client.get(format!("{base}/bv/org/v1/sub-orgs?current_page=1&items_per_page=10")),
        client.get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")),
        client.patch(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}")).header("x-bv-org-id", NORTH).json(&json!({"description": "x"})),
    ];
    for req in requests {
        let (status, body) = send(req.bearer_auth("not-a-token")).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert_eq!(body["details"][0]["reason"], "ERROR_REASON_UNAUTHENTICATED");
    }
    // An account without an organization reaches nothing either.
    let pending = bv_login(base, "pending@northwind.example.com").await;
    let (status, _) = get(format!("{base}/bv/org/v1/sub-orgs?current_page=1&items_per_page=10"), Some(&pending)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
