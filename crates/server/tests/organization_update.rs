//! `PUT /api/v1/issuers/organization` over HTTP: partial updates, the same
//! rules as the browser with Laravel 422 bodies, read-only and unknown keys,
//! If-Unmodified-Since, sanitized descriptions, and one organization never
//! touching another.

mod common;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const BORGO_ALTO: &str = "c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5";

#[tokio::test]
async fn a_partial_update_changes_only_what_was_sent() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let before = ob_organization(&base, &token).await;
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "  Valmarina   Alta "), ("contact_info[mobile]", "+39  333 765 4321")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = ob_organization(&base, &token).await;
    assert_eq!(after["address_info"]["city"], "Valmarina Alta", "normalized");
    assert_eq!(after["contact_info"]["mobile"], "+39 333 765 4321");
    for untouched in [
        &["name"][..],
        &["description"],
        &["address_info", "street"],
        &["address_info", "postcode"],
        &["billing_info", "vat"],
        &["contact_info", "email"],
        &["settings", "public_profile"],
        &["credits_left"],
    ] {
        let pick = |v: &Value| untouched.iter().fold(v.clone(), |v, k| v[*k].clone());
        assert_eq!(pick(&after), pick(&before), "{untouched:?}");
    }
    assert_ne!(after["updated_at"], before["updated_at"], "updated_at moves");
}

#[tokio::test]
async fn every_field_group_round_trips_and_empty_clears() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let form = [
        ("name", "Ateneo di Valmarina — Lifelong Learning"),
        ("type", "private_non_profit"),
        ("activity", "professional_training"),
        ("website", "https://learn.valmarina.example.org"),
        ("language", "en"),
        ("address_info[street]", "Via Nuova 2"),
        ("address_info[postcode]", "16121"),
        ("address_info[region]", ""),
        ("address_info[state]", "GE"),
        ("address_info[country]", "it"),
        ("contact_info[name]", "Paola"),
        ("contact_info[legal_email]", "privacy@valmarina.example.org"),
        ("billing_info[legal_name]", "Fondazione Valmarina"),
        ("billing_info[vat]", "it 0123 4567 897"),
        ("billing_info[fiscal_code]", "rssmra85t10a562s"),
        ("billing_info[code_dest]", "m5uxcr1"),
        ("billing_info[certified_email]", "fondazione@pec.example.org"),
    ];
    let (status, body) = ob_put(&base, &token, &form, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let o = ob_organization(&base, &token).await;
    assert_eq!(o["name"], "Ateneo di Valmarina — Lifelong Learning");
    assert_eq!(o["type"], "private_non_profit");
    assert_eq!(o["language"], "en");
    assert_eq!(o["address_info"]["country"], "IT");
    assert_eq!(o["address_info"]["region"], Value::Null, "an empty value clears the field");
    assert_eq!(o["billing_info"]["vat"], "IT01234567897");
    assert_eq!(o["billing_info"]["fiscal_code"], "RSSMRA85T10A562S");
    assert_eq!(o["billing_info"]["code_dest"], "M5UXCR1");
    assert_eq!(o["contact_info"]["name"], "Paola");
}

#[tokio::test]
async fn invalid_values_answer_422_with_dot_paths_and_change_nothing() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let before = ob_organization(&base, &token).await;
    let cases: &[(&str, &str, &str)] = &[
        ("address_info[postcode]", "1610", "address_info.postcode"),
        ("billing_info[vat]", "IT01234567890", "billing_info.vat"),
        ("billing_info[fiscal_code]", "RSSMRA85T10A562X", "billing_info.fiscal_code"),
        ("billing_info[code_dest]", "M5UXCR1", "billing_info.code_dest"),
        ("website", "valmarina.example.org", "website"),
        ("contact_info[mobile]", "333 123", "contact_info.mobile"),
        ("type", "public_agency", "type"),
        ("name", "", "name"),
        ("contact_info[email]", "badge@", "contact_info.email"),
    ];
    for (key, value, path) in cases {
        let (status, body) = ob_put(&base, &token, &[(key, value), ("address_info[city]", "Elsewhere")], None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}={value}: {body}");
        let messages = body["errors"][*path].as_array().unwrap_or_else(|| panic!("{path} in {body}"));
        assert!(!messages.is_empty());
        assert_eq!(body["message"], messages[0], "Laravel puts the first message on top");
        assert!(body["errors"].as_object().unwrap().len() == 1, "only {path}: {body}");
    }
    let long = "x".repeat(256);
    let (status, body) = ob_put(&base, &token, &[("address_info[street]", long.as_str())], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"]["address_info.street"][0], "Use at most 255 characters.");
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], before["address_info"]["city"], "nothing stored");
}

#[tokio::test]
async fn cross_field_rules_follow_the_change() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    // Valmarina is a public administration with a 6-character office code:
    // turning it private makes that code wrong.
    let (status, body) = ob_put(&base, &token, &[("type", "private_profit")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["errors"]["billing_info.code_dest"][0].as_str().unwrap().contains("7-character"));
    // A German address needs a German VAT number.
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "DE"), ("address_info[postcode]", "10115")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["billing_info.vat"][0].as_str().unwrap().contains("DE123456789"), "{body}");
    // 0000000 without a PEC.
    let (status, body) = ob_put(&base, &token, &[("type", "private_profit"), ("billing_info[code_dest]", "0000000"), ("billing_info[certified_email]", "")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["errors"]["billing_info.certified_email"][0].as_str().unwrap().contains("PEC"), "{body}");
    assert!(body["errors"]["billing_info.code_dest"][0].as_str().unwrap().contains("PEC"), "{body}");
    let (status, _) = ob_put(&base, &token, &[("type", "private_profit"), ("billing_info[code_dest]", "0000000")], None).await;
    assert_eq!(status, StatusCode::OK, "zeros with the stored PEC");
}

#[tokio::test]
async fn read_only_unknown_and_repeated_keys_are_refused() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    for key in ["status", "credits_left", "stripe_customer_id", "subscription_status", "current_period_end", "max_users", "id", "logo_path", "updated_at"] {
        let (status, body) = ob_put(&base, &token, &[(key, "x")], None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{key}");
        assert_eq!(body["errors"][key][0], "This field is read-only.", "{key}: {body}");
    }
    let (status, body) = ob_put(&base, &token, &[("billing_info[iban]", "IT60X0542811101000000123456")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"]["billing_info.iban"][0], "This field cannot be changed.");
    let (status, _) = ob_put(&base, &token, &[("name", "One"), ("name", "Two")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ob_organization(&base, &token).await["credits_left"], 420);
}

#[tokio::test]
async fn a_stale_version_is_refused_with_412_and_a_current_one_accepted() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let loaded = ob_organization(&base, &token).await;
    let stamp = |v: &Value| chrono::DateTime::parse_from_rfc3339(v["updated_at"].as_str().unwrap()).unwrap().to_rfc2822().replace("+0000", "GMT");
    let since = stamp(&loaded);
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "First")], Some(&since)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Someone saved a moment later than what this admin loaded.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ob_put(&base, &token, &[("address_info[city]", "Second")], None).await;
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "Mine")], Some(&since)).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{body}");
    assert!(body["message"].as_str().unwrap().contains("changed"));
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "Second");
    let now = stamp(&ob_organization(&base, &token).await);
    let (status, _) = ob_put(&base, &token, &[("address_info[city]", "Mine")], Some(&now)).await;
    assert_eq!(status, StatusCode::OK);
    // A date that does not parse is ignored, as HTTP says.
    let (status, _) = ob_put(&base, &token, &[("address_info[city]", "Ours")], Some("yesterday")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn descriptions_are_stored_sanitized() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let html = "<p onclick=\"x()\">Hi <b>there</b><script>window.__xss=1</script><img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">bad</a> <a href=\"https://ok.example.org\">ok</a></p><ul><li>One</li></ul>";
    let (status, body) = ob_put(&base, &token, &[("description", html)], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let stored = ob_organization(&base, &token).await["description"].as_str().unwrap().to_string();
    for gone in ["onclick", "script", "__xss", "<img", "onerror", "javascript:"] {
        assert!(!stored.contains(gone), "{gone} in {stored}");
    }
    for kept in ["<b>there</b>", "<li>One</li>", "href=\"https://ok.example.org\"", "rel=\"noopener noreferrer nofollow\""] {
        assert!(stored.contains(kept), "{kept} missing from {stored}");
    }
    let (status, _) = ob_put(&base, &token, &[("description", "<p><br></p>")], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ob_organization(&base, &token).await["description"], Value::Null, "an empty editor clears it");
}

#[tokio::test]
async fn billing_never_reaches_the_public_profile() {
    let (base, token) = fresh_ob("admin@borgoalto.example.org").await;
    let (status, _) = ob_put(&base, &token, &[("billing_info[legal_name]", "Borgo Alto Secret S.r.l."), ("billing_info[certified_email]", "secret@pec.example.org")], None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = get(format!("{base}/api/v1/public/organizations/{BORGO_ALTO}"), None).await;
    assert_eq!(status, StatusCode::OK);
    let text = body.to_string();
    for secret in ["billing", "Secret", "pec.example.org", "\"vat\"", "fiscal", "code_dest", "credits", "stripe", "contact_info", "Via Roma"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let page = Client::new().get(format!("{base}/issuers/{BORGO_ALTO}")).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Secret") && !page.contains("pec.example.org"), "public HTML leaks billing");
}

#[tokio::test]
async fn each_admin_changes_only_their_own_organization() {
    let base = start(3600);
    let valmarina = ob_login(&base, "admin@valmarina.example.org").await;
    let costa = ob_login(&base, "admin@costaest.example.net").await;
    let (status, body) = ob_put(&base, &costa, &[("name", "Rete Volontari Costa Est e Ovest")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["id"], COSTA_EST);
    assert_eq!(ob_organization(&base, &valmarina).await["name"], "Ateneo di Valmarina");
    // No key names another organization: an id in the body is refused.
    let (status, _) = ob_put(&base, &costa, &[("id", VALMARINA), ("name", "Taken")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(ob_organization(&base, &valmarina).await["name"], "Ateneo di Valmarina");
    let (status, _) = ob_put(&base, "not-a-token", &[("name", "x")], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
