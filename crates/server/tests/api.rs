//! The reference server over real HTTP on loopback: sign-in, tokens, and
//! each dialect's error format.

mod common;

use common::*;
use orgdesk_server::{prepare, Config, Seed};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn open_badge_admin_signs_in_and_reads_their_organization() {
    let base = server();
    let token = ob_login(base, "admin@valmarina.example.org").await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    let org = &body["data"];
    assert_eq!(org["id"], VALMARINA);
    assert_eq!(org["name"], "Ateneo di Valmarina");
    assert_eq!(org["billing_info"]["vat"], "IT01234567897");
    assert_eq!(org["settings"]["public_profile"], true);
    assert_eq!(org["badges_count"], 3187, "counted from the issued badges");
    assert_eq!(org["badge_templates_count"], 12);
    assert!(org["public_url"].as_str().unwrap().ends_with(&format!("/issuers/{VALMARINA}")));

    let (status, user) = get(format!("{base}/api/v1/auth/user"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(user.get("data").is_none(), "the user object is not wrapped");
    assert_eq!(user["email"], "admin@valmarina.example.org");
    assert_eq!(user["organization"]["id"], VALMARINA);
}

#[tokio::test]
async fn wrong_password_is_a_laravel_422_on_the_email_field() {
    let res = Client::new()
        .post(format!("{}/api/v1/auth/login", server()))
        .json(&json!({"email": "admin@valmarina.example.org", "password": "wrong"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"]["email"][0], "These credentials do not match our records.");
    assert!(body["message"].is_string());
}

#[tokio::test]
async fn malformed_sign_in_bodies_get_field_errors_not_plain_text() {
    let base = server();
    let res = Client::new().post(format!("{base}/api/v1/auth/login")).body("{not json").header("content-type", "application/json").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert!(body["errors"]["email"].is_array());
    let res = Client::new().post(format!("{base}/api/v1/auth/login")).json(&json!({"email": "nobody", "password": ""})).send().await.unwrap();
    let body: Value = res.json().await.unwrap();
    assert!(body["errors"]["email"][0].as_str().unwrap().contains("name@example.com"));
    assert_eq!(body["errors"]["password"][0], "This field is required.");

    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).body("[]").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], 3);
    assert_eq!(body["details"][0]["@type"], "type.googleapis.com/google.rpc.BadRequest");
}

#[tokio::test]
async fn a_missing_password_is_the_only_field_error() {
    let base = server();
    let res = Client::new().post(format!("{base}/api/v1/auth/login")).json(&json!({"email": "admin@valmarina.example.org"})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body, json!({"message": "This field is required.", "errors": {"password": ["This field is required."]}}));

    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": "owner@lumen.example.com"})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["details"][0]["field_violations"], json!([{"field": "password", "description": "This field is required."}]));
}

#[tokio::test]
async fn a_token_is_required_in_each_dialects_format() {
    let base = server();
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, json!({"message": "Unauthenticated."}));
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some("made-up")).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"message": "Unauthenticated."})));

    let (status, body) = get(format!("{base}/bv/org/v1/organizations"), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], 16);
    assert_eq!(body["details"][0]["reason"], "ERROR_REASON_UNAUTHENTICATED");
}

#[tokio::test]
async fn costa_est_token_never_sees_valmarina() {
    let base = server();
    let costa = ob_login(base, "admin@costaest.example.net").await;
    let valmarina = ob_login(base, "admin@valmarina.example.org").await;
    let (_, a) = get(format!("{base}/api/v1/issuers/organization"), Some(&costa)).await;
    let (_, b) = get(format!("{base}/api/v1/issuers/organization"), Some(&valmarina)).await;
    assert_eq!(a["data"]["id"], COSTA_EST);
    assert_eq!(a["data"]["name"], "Rete Volontari Costa Est");
    assert_eq!(a["data"]["public_url"], Value::Null, "private profile has no public URL");
    assert_eq!(b["data"]["id"], VALMARINA);
    assert!(!a.to_string().contains("Valmarina"));
}

#[tokio::test]
async fn blendvision_tokens_read_only_their_own_organization() {
    let base = server();
    for (email, name, kind) in [
        ("owner@lumen.example.com", "Studio Lumen", "ORGANIZATION_TYPE_BUSINESS"),
        ("root@northwind.example.com", "Northwind Media Group", "ORGANIZATION_TYPE_ROOT"),
        ("ops@northwind.example.com", "Northwind Media Reseller", "ORGANIZATION_TYPE_RESELLER"),
    ] {
        let token = bv_login(base, email).await;
        let (status, body) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["organization"]["name"], name);
        assert_eq!(body["organization"]["type"], kind);
    }
    let token = bv_login(base, "owner@lumen.example.com").await;
    let (_, body) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
    let org = &body["organization"];
    assert_eq!(org["parent_name"], "Northwind Media Reseller");
    assert_eq!(org["business_setting"]["site_limit"], 5);
    assert_eq!(org["business_setting"].get("marketplace_url"), None, "CXM field absent on BVOne");
    assert_eq!(org["owner"]["first_name"], "Mei");
    assert_eq!(org["next_contract"]["plan_id"], "plan-bvone-pro");
    assert_eq!(org["has_sub_orgs"], false);
}

#[tokio::test]
async fn wrong_blendvision_password_is_an_rpc_401() {
    let res = Client::new()
        .post(format!("{}/bv/account/v1/accounts/login", server()))
        .json(&json!({"email": "owner@lumen.example.com", "password": "nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], 16);
    assert_eq!(body["details"][0]["reason"], "ERROR_REASON_INVALID_CREDENTIALS");
    assert_eq!(body["details"][0]["domain"], "account");
}

#[tokio::test]
async fn a_token_of_one_platform_is_refused_by_the_other() {
    let base = server();
    let ob = ob_login(base, "admin@valmarina.example.org").await;
    let bv = bv_login(base, "root@northwind.example.com").await;
    let (status, body) = get(format!("{base}/bv/org/v1/organizations"), Some(&ob)).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::UNAUTHORIZED, json!(16)));
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some(&bv)).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"message": "Unauthenticated."})));
}

#[tokio::test]
async fn logout_revokes_the_token() {
    let base = server();
    let token = ob_login(base, "admin@valmarina.example.org").await;
    let res = Client::new().post(format!("{base}/api/v1/auth/logout")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (status, _) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn expired_token_is_refused() {
    // Tokens from this server are already past their expiry when issued.
    let base = start(-1);
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"message": "Unauthenticated."})));
    let token = bv_login(&base, "owner@lumen.example.com").await;
    let (status, _) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn blendvision_account_without_organization_gets_rpc_not_found() {
    let base = server();
    let token = bv_login(base, "pending@northwind.example.com").await;
    let (status, body) = get(format!("{base}/bv/org/v1/organizations"), Some(&token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], 5);
    assert_eq!(body["details"][0]["reason"], "ERROR_REASON_NOT_FOUND");
}

#[tokio::test]
async fn unknown_api_routes_answer_json_in_their_dialect() {
    let base = server();
    let (status, body) = get(format!("{base}/api/v1/nothing/here"), None).await;
    assert_eq!((status, body), (StatusCode::NOT_FOUND, json!({"message": "Not found."})));
    let (status, body) = get(format!("{base}/bv/org/v1/nothing"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], 5);
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_json_in_its_dialect() {
    let base = server();
    let res = Client::new().get(format!("{base}/api/v1/auth/login")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.headers()["allow"], "POST");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body, json!({"message": "The GET method is not supported for route api/v1/auth/login."}));
    let res = Client::new().put(format!("{base}/api/v1/issuers/organization/logo")).send().await.unwrap();
    assert_eq!(res.headers()["allow"], "POST,DELETE");
    assert_eq!(res.json::<Value>().await.unwrap()["message"], "The PUT method is not supported for route api/v1/issuers/organization/logo.");

    let res = Client::new().delete(format!("{base}/bv/org/v1/organizations")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], 12);
}

#[tokio::test]
async fn an_unbuilt_app_is_a_503_page_that_says_how_to_build_it() {
    let (base, dir) = start_in(3600);
    std::fs::remove_file(dir.join("dist/index.html")).unwrap();
    let res = Client::new().get(format!("{base}/some/route")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(res.text().await.unwrap().contains("make run"));
    let (status, body) = get(format!("{base}/api/v1/issuers/organization"), None).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"message": "Unauthenticated."})), "the APIs work without the app");
}

#[tokio::test]
async fn each_console_answers_its_routes_others_get_the_landing_404_and_hashed_assets_are_immutable() {
    let base = server();
    for (path, title) in [("/openbadge", "Open Badge · orgdesk"), ("/openbadge/some/deep/route", "Open Badge · orgdesk"), ("/blendvision/sub-orgs/x", "BlendVision One · orgdesk"), ("/", "orgdesk")] {
        let res = Client::new().get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()["cache-control"], "no-cache");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        assert!(res.text().await.unwrap().contains(&format!("<title>{title}</title>")), "{path}");
    }
    for path in ["/nowhere", "/openbadgeX/billing", "/index"] {
        let res = Client::new().get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(res.text().await.unwrap().contains("<title>orgdesk</title>"), "the landing page, which says so: {path}");
    }
    let res = Client::new().get(format!("{base}/app-0123456789abcdef.js")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
    let res = Client::new().get(format!("{base}/issuers/{VALMARINA}")).send().await.unwrap();
    assert!(res.text().await.unwrap().contains("<title>Ateneo di Valmarina</title>"), "issuer pages get the small public entry");
    let res = Client::new().get(format!("{base}/../Cargo.toml")).send().await.unwrap();
    assert!(!res.text().await.unwrap().contains("[package]"));
}

#[tokio::test]
async fn private_and_unknown_public_profiles_are_the_same_404() {
    let base = server();
    let (s1, b1) = get(format!("{base}/api/v1/public/organizations/{COSTA_EST}"), None).await;
    let (s2, b2) = get(format!("{base}/api/v1/public/organizations/00000000-0000-0000-0000-000000000000"), None).await;
    assert_eq!((s1, &b1), (StatusCode::NOT_FOUND, &b2));
    assert_eq!(s2, StatusCode::NOT_FOUND);
    let (status, body) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    assert_eq!(status, StatusCode::OK);
    let text = body.to_string();
    for secret in ["IT01234567897", "cus_Qx81bZfT2mLk0a", "Piazza", "badge@valmarina", "credits_left", "sub_1PqR7sLkQ2"] {
        assert!(!text.contains(secret), "public profile leaks {secret}");
    }
    assert_eq!(body["data"]["learning_paths"], Value::Null, "learning paths switch is off");
    assert!(body["data"]["badge_types"].as_array().unwrap().iter().any(|t| t["type"] == "skills"));
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let dir = scratch();
    let config = Config { bind: "127.0.0.1:0".parse().unwrap(), db: dir.join("again.db"), seed: Seed::Demo, dist: dir.join("dist"), token_ttl_secs: 60, api: orgdesk_server::ApiMode::Reference, upstreams: Default::default(), public_url: None, limits: Default::default() };
    let first = prepare(&config).await.unwrap();
    let count = |state: orgdesk_server::State| async move {
        sqlx::query_scalar::<_, i64>("SELECT (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM issued_badges)").fetch_one(&state.db).await.unwrap()
    };
    let before = count(first).await;
    let second = prepare(&config).await.unwrap();
    assert_eq!(count(second).await, before);
}

async fn put_form(base: &str, token: &str, body: &str, since: Option<&str>) -> reqwest::Response {
    let mut req = Client::new()
        .put(format!("{base}/api/v1/issuers/organization"))
        .bearer_auth(token)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(body.to_string());
    if let Some(s) = since {
        req = req.header("if-unmodified-since", s);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn public_json_has_exactly_the_allowed_keys() {
    let base = server();
    let (_, body) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    let mut keys: Vec<&str> = body["data"].as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    // A new private field on the organization must never appear here.
    assert_eq!(
        keys,
        ["activity", "badge_templates", "badge_types", "badges_count", "city", "country", "description", "id", "language", "logo_high_path", "logo_path", "logo_thumbnail_path", "name", "public_url", "region", "type", "website"]
    );
    let template_keys: Vec<&str> = body["data"]["badge_templates"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert!(!template_keys.contains(&"organization_id"));
    assert!(body["data"]["badge_templates"].as_array().unwrap().iter().all(|t| t["is_published"] == true));
}

#[tokio::test]
async fn public_profile_is_cacheable_and_revalidates_with_its_etag() {
    let base = server();
    let res = Client::new().get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "public, max-age=60");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.len() > 10);
    let res = Client::new().get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);
    let res = Client::new().get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).header("if-none-match", "\"stale\"").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn switches_save_one_at_a_time_and_the_public_page_follows() {
    // Its own server: this test changes the organization.
    let base = start(3600);
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let res = put_form(&base, &token, "settings%5Bpublic_learning_paths%5D=1", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["settings"]["public_learning_paths"], true);
    assert_eq!(body["data"]["settings"]["public_badge_types"], true, "keys not sent stay as they were");
    let (_, public) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    let paths: Vec<&str> = public["data"]["learning_paths"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(paths, ["Data Literacy Path", "Research Methods Path", "Sustainability Path"]);

    let res = put_form(&base, &token, "settings%5Bpublic_profile%5D=0", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["public_url"], Value::Null, "no public URL while the profile is off");
    let (status, _) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn read_only_and_malformed_keys_are_refused_with_field_errors() {
    let base = server();
    let token = ob_login(base, "admin@costaest.example.net").await;
    let res = put_form(base, &token, "credits_left=9999&settings%5Bpublic_profile%5D=maybe", None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["errors"]["credits_left"][0], "This field is read-only.");
    assert_eq!(body["errors"]["settings.public_profile"][0], "Send 1 or 0.");
    let (_, org) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(org["data"]["credits_left"], 0, "nothing was saved");
}

#[tokio::test]
async fn a_stale_if_unmodified_since_gets_412() {
    let base = start(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let res = put_form(&base, &token, "settings%5Bpublic_badge_types%5D=1", Some("Mon, 01 Jan 2024 00:00:00 GMT")).await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    let (_, org) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(org["data"]["settings"]["public_badge_types"], false);
    let res = put_form(&base, &token, "settings%5Bpublic_badge_types%5D=1", Some("Fri, 01 Jan 2100 00:00:00 GMT")).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn issuer_page_html_carries_the_organization_for_crawlers() {
    let base = server();
    let res = Client::new().get(format!("{base}/issuers/{VALMARINA}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("<meta property=\"og:title\" content=\"Ateneo di Valmarina\">"));
    assert!(html.contains("og:description\" content=\"The Ateneo di Valmarina issues digital badges"));
    assert!(!html.contains("content=\"generic\""), "the template's own description is replaced");
    // The first paint needs no wasm: name, words and description are in the body, in Italian.
    assert!(html.contains("<h1>Ateneo di Valmarina</h1>"), "{html}");
    assert!(html.contains("Pubblica amministrazione (locale o nazionale) · Università"));
    assert!(html.contains("<strong>3187</strong> badge rilasciati"));
    assert!(html.contains("<html lang=\"it\">"), "page language is the organization's");
    assert!(html.contains("<div class=\"rich-text public-profile__description\"><p>The <strong>Ateneo di Valmarina</strong>"));
    let ld_start = html.find("<script type=\"application/ld+json\">").unwrap() + "<script type=\"application/ld+json\">".len();
    let ld: Value = serde_json::from_str(&html[ld_start..ld_start + html[ld_start..].find("</script>").unwrap()]).unwrap();
    assert_eq!(ld["type"], "Issuer");
    assert_eq!(ld["name"], "Ateneo di Valmarina");
    assert_eq!(ld["email"], "badge@valmarina.example.org", "an Open Badges issuer publishes its contact e-mail");

    let res = Client::new().get(format!("{base}/issuers/{COSTA_EST}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let private = res.text().await.unwrap();
    let res = Client::new().get(format!("{base}/issuers/nobody")).send().await.unwrap();
    assert_eq!(res.text().await.unwrap().replace("nobody", "ID"), private.replace(COSTA_EST, "ID"), "private and unknown look the same but for the id asked");
    assert!(private.contains("noindex") && !private.contains("Costa"));
}

#[tokio::test]
async fn badge_templates_are_laravel_paginated() {
    let base = server();
    let token = ob_login(base, "admin@valmarina.example.org").await;
    let (status, body) = get(format!("{base}/api/v1/issuers/organization/badge_templates?page=1"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["meta"]["total"], 12);
    assert_eq!(body["data"].as_array().unwrap().len(), 12);
    assert_eq!(body["links"]["next"], Value::Null);
    let (_, body) = get(format!("{base}/api/v1/issuers/organization/badge_templates"), Some(&ob_login(base, "admin@costaest.example.net").await)).await;
    assert_eq!(body["meta"]["total"], 0, "another organization's templates are not listed");
}

#[tokio::test]
async fn statistics_are_computed_from_the_issued_badges() {
    let base = server();
    let token = ob_login(base, "admin@valmarina.example.org").await;
    let (status, totals) = get(format!("{base}/api/v1/issuers/organization/statistics"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(totals["data"]["badges_count"], 3187);
    assert_eq!(totals["data"]["badge_templates_count"], 12);
    assert_eq!(totals["data"]["earners_count"], 1900);
    assert_eq!(totals["data"]["credits_left"], 420);

    let mut across_years = 0;
    for year in 2023..=2027 {
        let (status, body) = get(format!("{base}/api/v1/issuers/organization/year-statistics?year={year}"), Some(&token)).await;
        assert_eq!(status, StatusCode::OK);
        let months: Vec<i64> = body["data"]["months"].as_array().unwrap().iter().map(|m| m.as_i64().unwrap()).collect();
        assert_eq!(months.len(), 12);
        assert_eq!(body["data"]["total"].as_i64().unwrap(), months.iter().sum::<i64>());
        assert_eq!(body["data"]["year"], year);
        across_years += months.iter().sum::<i64>();
        match year {
            2023 | 2027 => assert!(months.iter().all(|m| *m == 0), "a year without badges is twelve zeros"),
            2024 => {
                assert_eq!(months[0..2], [0, 0], "nothing before March 2024");
                assert!(months[5] > months[7], "June is busier than August");
            }
            _ => assert!(months.iter().sum::<i64>() > 0),
        }
    }
    assert_eq!(across_years, 3187, "every seeded badge is counted once");

    let (status, body) = get(format!("{base}/api/v1/issuers/organization/year-statistics?year=soon"), Some(&token)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["year"].is_array());
    let costa = ob_login(base, "admin@costaest.example.net").await;
    let (_, body) = get(format!("{base}/api/v1/issuers/organization/year-statistics?year=2025"), Some(&costa)).await;
    assert_eq!(body["data"]["total"], 0, "another organization's badges are not counted");
}

fn csp_nonce(csp: &str) -> String {
    csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string()
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let base = server();
    for (method, path) in [("GET", "/"), ("GET", "/openbadge"), ("GET", "/app-0123456789abcdef.js"), ("GET", "/api/v1/issuers/organization"), ("POST", "/bv/account/v1/accounts/login"), ("GET", "/api/v1/nope"), ("GET", &*format!("/issuers/{VALMARINA}")), ("GET", "/media/logos/none.png")] {
        let res = Client::new().request(method.parse().unwrap(), format!("{base}{path}")).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        for directive in ["script-src 'self' 'wasm-unsafe-eval' 'nonce-", "style-src 'self';", "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'", "form-action 'self'"] {
            assert!(csp.contains(directive), "{path}: {directive} missing in {csp}");
        }
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
        assert!(h["permissions-policy"].to_str().unwrap().contains("camera=()"), "{path}");
    }
}

#[tokio::test]
async fn each_html_response_gets_a_fresh_nonce_that_matches_its_script() {
    let base = server();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let res = Client::new().get(format!("{base}/openbadge")).send().await.unwrap();
        let nonce = csp_nonce(res.headers()["content-security-policy"].to_str().unwrap());
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("nonce=\"{nonce}\"")), "script carries the header's nonce");
        assert!(!html.contains("__TRUNK NONCE__"));
        assert!(nonce.len() >= 16);
        seen.push(nonce);
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "a new nonce every time");
}

#[tokio::test]
async fn assets_are_sent_precompressed_when_the_client_accepts_it() {
    use std::io::Read;
    let (base, dir) = start_in(3600);
    let original = "export const greeting = 'orgdesk';\n".repeat(200);
    std::fs::write(dir.join("dist/app-0123456789abcdef.js"), &original).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_orgdesk-precompress")).arg(dir.join("dist")).status().unwrap();
    assert!(status.success());
    assert!(!dir.join("dist/index.html.br").exists(), "HTML is compressed per response instead");
    let url = format!("{base}/app-0123456789abcdef.js");
    let res = Client::new().get(&url).header("accept-encoding", "gzip, br").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(res.headers()["vary"], "Accept-Encoding");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    let mut plain = Vec::new();
    brotli::Decompressor::new(&res.bytes().await.unwrap()[..], 4096).read_to_end(&mut plain).unwrap();
    assert_eq!(plain, original.as_bytes());
    let res = Client::new().get(&url).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&res.bytes().await.unwrap()[..]).read_to_string(&mut plain).unwrap();
    assert_eq!(plain, original);
    let res = Client::new().get(&url).send().await.unwrap();
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.text().await.unwrap(), original);
    let res = Client::new().get(format!("{base}/openbadge")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(res.headers()["cache-control"], "no-cache");
}

#[tokio::test]
async fn cross_origin_api_calls_are_refused_unless_configured() {
    let base = server();
    let res = Client::new().get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).header("origin", "https://evil.example").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let same = base.trim_start_matches("http://");
    let res = Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .header("origin", format!("http://{same}"))
        .json(&json!({"email": "admin@valmarina.example.org", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "the app's own origin is fine");
}

#[tokio::test]
async fn a_disabled_organization_is_as_unavailable_as_a_private_one() {
    let (base, dir) = start_in(3600);
    let (_, unknown) = get(format!("{base}/api/v1/public/organizations/00000000-0000-4000-8000-000000000000"), None).await;
    // Costa Est with its profile switched on, but disabled by the platform.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.unwrap();
    sqlx::query("UPDATE ob_organizations SET public_profile = 1, status = 'disabled' WHERE id = ?").bind(COSTA_EST).execute(&db).await.unwrap();
    let (status, body) = get(format!("{base}/api/v1/public/organizations/{COSTA_EST}"), None).await;
    assert_eq!((status, body), (StatusCode::NOT_FOUND, unknown.clone()));
    sqlx::query("UPDATE ob_organizations SET status = 'enabled' WHERE id = ?").bind(COSTA_EST).execute(&db).await.unwrap();
    let (status, body) = get(format!("{base}/api/v1/public/organizations/{COSTA_EST}"), None).await;
    assert_eq!(status, StatusCode::OK, "enabled and switched on: visible");
    assert_eq!(body["data"]["name"], "Rete Volontari Costa Est");
}
