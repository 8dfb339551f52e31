//! The BlendVision One console endpoints over HTTP: paging and filters,
//! the authorization matrix of the hierarchy, every business-setting rule's
//! 400, rename, x-bv-org-id, plans.

mod common;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn page(base: &str, token: &str, query: &str) -> (StatusCode, Value) {
    get(format!("{base}/bv/org/v1/sub-orgs?{query}"), Some(token)).await
}

fn names(body: &Value) -> Vec<String> {
    body["organizations"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect()
}

async fn patch(base: &str, token: &str, id: &str, acting: Option<&str>, body: Value) -> (StatusCode, Value) {
    let mut req = Client::new().patch(format!("{base}/bv/org/v1/sub-orgs/{id}")).bearer_auth(token).json(&body);
    if let Some(a) = acting {
        req = req.header("x-bv-org-id", a);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn violations(body: &Value) -> Vec<(String, String)> {
    body["details"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["field_violations"].as_array().cloned().unwrap_or_default())
        .map(|v| (v["field"].as_str().unwrap().to_string(), v["description"].as_str().unwrap().to_string()))
        .collect()
}

#[tokio::test]
async fn pages_are_stable_and_add_up() {
    let base = server();
    let token = bv_login(base, "root@northwind.example.com").await;
    let (status, first) = page(base, &token, "current_page=1&items_per_page=10").await;
    assert_eq!(status, StatusCode::OK);
    let total = first["pagination"]["total_items"].as_i64().unwrap();
    assert_eq!(total, 46, "everything below the root, however deep");
    assert_eq!(first["pagination"]["items_per_page"], 10);
    let mut all = Vec::new();
    for p in 1..=5 {
        let (_, body) = page(base, &token, &format!("current_page={p}&items_per_page=10")).await;
        assert_eq!(body["pagination"]["current_page"], p);
        all.extend(names(&body));
    }
    assert_eq!(all.len(), 46);
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted, "ordered by name across pages");
    sorted.dedup();
    assert_eq!(sorted.len(), 46, "no organization twice");
    let (_, again) = page(base, &token, "current_page=1&items_per_page=10").await;
    assert_eq!(names(&again), names(&first), "the same page twice is the same");
    let (_, past) = page(base, &token, "current_page=9&items_per_page=10").await;
    assert!(names(&past).is_empty());
}

#[tokio::test]
async fn name_types_and_statuses_filter_together() {
    let base = server();
    let token = bv_login(base, "root@northwind.example.com").await;
    let (_, body) = page(base, &token, "current_page=1&items_per_page=100&name=LUMEN").await;
    assert_eq!(names(&body), ["Studio Lumen"], "contains, any case");
    let (_, body) = page(base, &token, "current_page=1&items_per_page=100&types=ORGANIZATION_TYPE_RESELLER").await;
    assert_eq!(names(&body), ["Northwind Media Reseller", "Southbay Resellers"]);
    let (_, body) = page(base, &token, "current_page=1&items_per_page=100&types=ORGANIZATION_TYPE_RESELLER&types=ORGANIZATION_TYPE_GENERAL_DISTRIBUTOR").await;
    assert_eq!(body["pagination"]["total_items"], 3);
    let (_, both) = page(base, &token, "current_page=1&items_per_page=100&statuses=ORGANIZATION_STATUS_VERIFYING&statuses=ORGANIZATION_STATUS_FAIL_TO_VERIFY").await;
    for o in both["organizations"].as_array().unwrap() {
        assert!(["ORGANIZATION_STATUS_VERIFYING", "ORGANIZATION_STATUS_FAIL_TO_VERIFY"].contains(&o["status"].as_str().unwrap()));
    }
    assert!(names(&both).contains(&"Quiet Hill Clinic".to_string()));
    let (_, combined) = page(base, &token, "current_page=1&items_per_page=100&name=a&types=ORGANIZATION_TYPE_BUSINESS&statuses=ORGANIZATION_STATUS_ACTIVATED").await;
    for o in combined["organizations"].as_array().unwrap() {
        assert!(o["name"].as_str().unwrap().to_lowercase().contains('a'));
        assert_eq!(o["type"], "ORGANIZATION_TYPE_BUSINESS");
        assert_eq!(o["status"], "ORGANIZATION_STATUS_ACTIVATED");
    }
    let (_, none) = page(base, &token, "current_page=1&items_per_page=10&name=zzzz").await;
    assert_eq!(none["pagination"]["total_items"], 0);
    for bad in ["current_page=0&items_per_page=10", "current_page=1&items_per_page=101", "current_page=1&items_per_page=10&types=ORGANIZATION_TYPE_MOON"] {
        let (status, body) = page(base, &token, bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["code"], 3);
        assert!(!violations(&body).is_empty());
    }
}

#[tokio::test]
async fn each_level_reaches_only_what_is_below_it() {
    let base = server();
    let root = bv_login(base, "root@northwind.example.com").await;
    let gd = bv_login(base, "gd@northwind.example.com").await;
    let north = bv_login(base, "ops@northwind.example.com").await;
    let south = bv_login(base, "ops@southbay.example.com").await;
    let business = bv_login(base, "owner@lumen.example.com").await;
    let can = |status: StatusCode| status == StatusCode::OK;
    // (who, target, reachable)
    let matrix: &[(&str, &String, &str, bool)] = &[
        ("root", &root, DISTRIBUTOR, true),
        ("root", &root, NORTH, true),
        ("root", &root, LUMEN, true),
        ("root", &root, ROOT, false),
        ("distributor", &gd, NORTH, true),
        ("distributor", &gd, SOUTH_BUSINESS, true),
        ("distributor", &gd, DISTRIBUTOR, false),
        ("distributor", &gd, ROOT, false),
        ("north reseller", &north, LUMEN, true),
        ("north reseller", &north, SOUTH_BUSINESS, false),
        ("north reseller", &north, SOUTH, false),
        ("north reseller", &north, DISTRIBUTOR, false),
        ("south reseller", &south, SOUTH_BUSINESS, true),
        ("south reseller", &south, LUMEN, false),
        ("business", &business, LUMEN, false),
        ("business", &business, HARBOR, false),
    ];
    for (who, token, target, reachable) in matrix {
        let (status, body) = get(format!("{base}/bv/org/v1/sub-orgs/{target}"), Some(token)).await;
        assert_eq!(can(status), *reachable, "{who} → {target}: {status} {body}");
        if !reachable {
            assert_eq!(status, StatusCode::NOT_FOUND);
            assert_eq!(body["details"][0]["reason"], "ERROR_REASON_NOT_FOUND");
        }
    }
    let (_, list) = page(base, &business, "current_page=1&items_per_page=10").await;
    assert_eq!(list["pagination"]["total_items"], 0, "a business sees no sub-organizations");
    let (_, list) = page(base, &south, "current_page=1&items_per_page=100").await;
    assert!(!names(&list).contains(&"Studio Lumen".to_string()));
    assert_eq!(list["pagination"]["total_items"], 8);
    let (status, _) = patch(base, &south, LUMEN, Some(SOUTH), json!({"description": "mine now"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a reseller cannot change another reseller's organization");
}

#[tokio::test]
async fn one_sub_organization_has_owner_and_invitation() {
    let base = server();
    let north = bv_login(base, "ops@northwind.example.com").await;
    let (status, body) = get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&north)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["organization"]["name"], "Studio Lumen");
    assert_eq!(body["owner_info"]["email"], "owner@lumen.example.com");
    assert_eq!(body["owner_info"]["invite_status"], "INVITE_STATUS_ACCEPTED");
    let (_, body) = get(format!("{base}/bv/org/v1/sub-orgs/{QUIET_HILL}"), Some(&north)).await;
    assert_eq!(body["owner_info"]["invite_status"], "INVITE_STATUS_EXPIRED");
}

#[tokio::test]
async fn every_business_setting_rule_answers_400_with_its_field() {
    let base = start(3600);
    let north = bv_login(&base, "ops@northwind.example.com").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        (LUMEN, json!({"business_setting": {"category": "c".repeat(41)}}), "business_setting.category"),
        (LUMEN, json!({"business_setting": {"tax_id": "123456789"}}), "business_setting.tax_id"),
        (LUMEN, json!({"business_setting": {"site_limit": 51}}), "business_setting.site_limit"),
        (LUMEN, json!({"business_setting": {"site_limit": -1}}), "business_setting.site_limit"),
        (LUMEN, json!({"business_setting": {"site_limit": "five"}}), "business_setting.site_limit"),
        (LUMEN, json!({"business_setting": {"marketplace_url": "https://m.example.com"}}), "business_setting.marketplace_url"),
        (HARBOR, json!({"business_setting": {"marketplace_url": "market.example.com"}}), "business_setting.marketplace_url"),
        (HARBOR, json!({"business_setting": {"marketplace_url": format!("https://m.example.com/{}", "a".repeat(2000))}}), "business_setting.marketplace_url"),
        (HARBOR, json!({"business_setting": {"enable_create_site": true}}), "business_setting.enable_create_site"),
        (QUIET_HILL, json!({"business_setting": {"enable_custom_domain": true}}), "business_setting.enable_custom_domain"),
        (NORTH, json!({"business_setting": {"category": "Media"}}), "business_setting"),
        (LUMEN, json!({"contract_months": 121}), "contract_months"),
        (LUMEN, json!({"contract_days": -2}), "contract_days"),
        (LUMEN, json!({"contract_valid_start_time": "next monday"}), "contract_valid_start_time"),
        (LUMEN, json!({"owner_email": "x@y.z"}), "owner_email"),
    ];
    let root_token = bv_login(&base, "root@northwind.example.com").await;
    for (target, body, field) in cases {
        // NORTH is a reseller: the root is the one above it.
        let (token, acting) = if target == NORTH { (&root_token, ROOT) } else { (&north, NORTH) };
        let (status, answer) = patch(&base, token, target, Some(acting), body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert_eq!(answer["code"], 3);
        let fields: Vec<String> = violations(&answer).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, [field], "{body}: {answer}");
    }
    // Nothing above was stored.
    let (_, lumen) = get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&north)).await;
    assert_eq!(lumen["organization"]["business_setting"]["site_limit"], 5);
}

#[tokio::test]
async fn valid_changes_are_stored_and_months_win_over_days() {
    let base = start(3600);
    let north = bv_login(&base, "ops@northwind.example.com").await;
    let (status, body) = patch(
        &base,
        &north,
        LUMEN,
        Some(NORTH),
        json!({"business_setting": {"category": "Film", "tax_id": "1234", "site_limit": 50, "enable_custom_domain": true},
               "contract_valid_start_time": "2026-02-01T00:00:00Z", "contract_months": 6, "contract_days": 10}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!({}));
    let (_, o) = get(format!("{base}/bv/org/v1/sub-orgs/{LUMEN}"), Some(&north)).await;
    let o = &o["organization"];
    assert_eq!(o["business_setting"]["category"], "Film");
    assert_eq!(o["business_setting"]["site_limit"], 50);
    assert_eq!(o["business_setting"]["enable_custom_domain"], true);
    assert_eq!(o["business_setting"]["enable_create_site"], true, "untouched");
    assert_eq!(o["contract_months"], 6);
    assert_eq!(o["contract_days"], 0, "months win");
    assert!(o["contract_valid_end_time"].as_str().unwrap().starts_with("2026-07-31T23:59:59"), "{o}");
    let (status, _) = patch(&base, &north, HARBOR, Some(NORTH), json!({"business_setting": {"marketplace_url": "https://harbor.example.com/market"}, "contract_days": 30})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, h) = get(format!("{base}/bv/org/v1/sub-orgs/{HARBOR}"), Some(&north)).await;
    assert_eq!(h["organization"]["business_setting"]["marketplace_url"], "https://harbor.example.com/market");
    assert_eq!(h["organization"]["contract_days"], 30);
}

#[tokio::test]
async fn acting_organization_header_must_be_the_callers_own() {
    let base = server();
    let north = bv_login(base, "ops@northwind.example.com").await;
    let (status, body) = patch(base, &north, LUMEN, None, json!({"description": "x"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["details"][0]["reason"], "ERROR_REASON_PERMISSION_DENIED");
    let (status, _) = patch(base, &north, LUMEN, Some(SOUTH), json!({"description": "x"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn rename_and_plans() {
    let base = start(3600);
    let owner = bv_login(&base, "owner@lumen.example.com").await;
    let rename = |name: Value| {
        let (base, owner) = (base.clone(), owner.clone());
        async move {
            let res = Client::new().patch(format!("{base}/bv/org/v1/organizations")).bearer_auth(&owner).json(&json!({"name": name})).send().await.unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    let (status, body) = rename(json!("  Studio   Lumen Film ")).await;
    assert_eq!((status, body), (StatusCode::OK, json!({})));
    let (_, me) = get(format!("{base}/bv/org/v1/organizations"), Some(&owner)).await;
    assert_eq!(me["organization"]["name"], "Studio Lumen Film");
    for bad in [json!(""), json!("n".repeat(101)), json!(5)] {
        let (status, body) = rename(bad.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(violations(&body)[0].0, "name");
    }
    let (status, plans) = get(format!("{base}/bv/org/v1/organizations/{LUMEN}/plans"), Some(&owner)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plans["plans"][0]["business_plan_type"], "BUSINESS_PLAN_TYPE_BVONE");
    assert_eq!(plans["plans"][1]["id"], "plan-bvone-pro", "the next contract's plan");
    let (status, _) = get(format!("{base}/bv/org/v1/organizations/{HARBOR}/plans"), Some(&owner)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a business sees only its own plans");
}
