//! `PUT /api/v1/issuers/organization` as the profile and billing forms use it,
//! over real HTTP against a seeded server: partial updates, every field group,
//! the model's rules with Laravel 422 bodies (dot paths, the rules' English
//! words), read-only and unknown keys, If-Unmodified-Since, sanitized
//! descriptions, billing kept off the public profile, and each admin confined
//! to their own organization.

mod common;

use common::*;
use orgdesk_model::fields::{normalize, Field};
use orgdesk_model::validate::Problem;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const BORGO_ALTO: &str = "c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5";
const PONTE_VERDE: &str = "d3f9a2e6-7c4b-4a83-8e5f-9b12c3d4e5f6";
const BORGO: &str = "admin@borgoalto.example.org";
const PONTE: &str = "admin@ponteverde.example.org";
const VALMARINA_ADMIN: &str = "admin@valmarina.example.org";

/// The value of a dot path (`billing_info.vat`) in an organization.
fn at(org: &Value, path: &str) -> Value {
    path.split('.').fold(org.clone(), |v, k| v[k].clone())
}

/// `updated_at` as an HTTP date, as the browser sends it.
fn http_date(org: &Value) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(org["updated_at"].as_str().unwrap()).unwrap();
    at.with_timezone(&chrono::Utc).format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// The organization without the fields a save may move.
fn without(org: &Value, keys: &[&str]) -> Value {
    let mut o = org.clone();
    for path in keys {
        let mut parts: Vec<&str> = path.split('.').collect();
        let last = parts.pop().unwrap();
        let parent = parts.iter().fold(&mut o, |v, k| &mut v[*k]);
        parent.as_object_mut().unwrap().remove(last);
    }
    o
}

/// Asserts a 422 whose errors are exactly `expected` (dot path, message), in
/// Laravel's shape: the first message also on top.
#[track_caller]
fn assert_422(status: StatusCode, body: &Value, expected: &[(&str, String)]) {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let errors = body["errors"].as_object().unwrap_or_else(|| panic!("no errors object: {body}"));
    for (path, message) in expected {
        let messages = errors.get(*path).and_then(Value::as_array).unwrap_or_else(|| panic!("no {path} in {body}"));
        assert!(messages.iter().any(|m| m == message.as_str()), "{path}: expected {message:?} in {body}");
    }
    let paths: Vec<&String> = errors.keys().collect();
    assert_eq!(paths.len(), expected.len(), "only {expected:?}: {body}");
    let first = errors.values().next().unwrap()[0].as_str().unwrap();
    assert_eq!(body["message"], first, "message is the first error");
}

/// Form pairs sent, and the errors expected back.
type Form<'a> = Vec<(&'a str, &'a str)>;
type Expected = Vec<(&'static str, String)>;

fn words(p: Problem) -> String {
    p.to_string()
}

#[tokio::test]
async fn changing_one_field_leaves_every_other_field_as_it_was() {
    let (base, token) = fresh_ob(BORGO).await;
    let before = ob_organization(&base, &token).await;
    let (status, body) = ob_put(&base, &token, &[("name", "  Istituto   Borgo Alto  Bergamo ")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["name"], "Istituto Borgo Alto Bergamo", "stored normalized, answered whole");
    let after = ob_organization(&base, &token).await;
    assert_eq!(after, body["data"], "the answer is the stored organization");
    assert_eq!(without(&after, &["name", "updated_at"]), without(&before, &["name", "updated_at"]));
    assert!(after["updated_at"].as_str() > before["updated_at"].as_str(), "updated_at moves forward");
    assert_eq!(after["created_at"], before["created_at"]);
}

#[tokio::test]
async fn an_old_invalid_value_elsewhere_does_not_block_a_partial_save_but_a_change_that_breaks_it_does() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, BORGO).await;
    // Data stored before the rules existed: a postcode that is not Italian.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.unwrap();
    sqlx::query("UPDATE ob_organizations SET postcode = 'BG-24', country = NULL WHERE id = ?").bind(BORGO_ALTO).execute(&db).await.unwrap();
    db.close().await;

    let (status, body) = ob_put(&base, &token, &[("name", "Istituto Borgo Alto"), ("contact_info[name]", "Paola")], None).await;
    assert_eq!(status, StatusCode::OK, "unrelated fields save: {body}");
    assert_eq!(body["data"]["address_info"]["postcode"], "BG-24", "left as it was");
    // Choosing Italy makes the stored postcode wrong: the country's consequence is caught.
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "IT")], None).await;
    assert_422(status, &body, &[("address_info.postcode", words(Problem::PostcodeItalian))]);
    assert_eq!(ob_organization(&base, &token).await["address_info"]["country"], Value::Null, "nothing stored");
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "it"), ("address_info[postcode]", "24121")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["address_info"]["country"], "IT");
}

#[tokio::test]
async fn the_profile_group_round_trips_normalized() {
    let (base, token) = fresh_ob(BORGO).await;
    let form: &[(Field, &str, &str)] = &[
        (Field::Name, " Istituto  Borgo Alto — Formazione ", "Istituto Borgo Alto — Formazione"),
        (Field::OrgType, "Private_Other", "private_other"),
        (Field::Activity, "orientation", "orientation"),
        (Field::Website, "https://formazione.borgoalto.example.org/corsi?lang=it", "https://formazione.borgoalto.example.org/corsi?lang=it"),
        (Field::Language, "en", "en"),
        (Field::Street, " Via  Garibaldi 5 ", "Via Garibaldi 5"),
        (Field::Postcode, "24122", "24122"),
        (Field::City, "Bergamo Alta", "Bergamo Alta"),
        (Field::Region, "Lombardy", "Lombardy"),
        (Field::State, "BG", "BG"),
        (Field::Country, " it ", "IT"),
        (Field::ContactName, "Paola", "Paola"),
        (Field::ContactLastName, "De Santis", "De Santis"),
        (Field::Mobile, "+ 39  347 123  4567", "+39 347 123 4567"),
        (Field::ContactEmail, "info@borgoalto.example.org", "info@borgoalto.example.org"),
        (Field::TechEmail, "tech@borgoalto.example.org", "tech@borgoalto.example.org"),
        (Field::LegalEmail, "dpo@borgoalto.example.org", "dpo@borgoalto.example.org"),
    ];
    let pairs: Vec<(&str, &str)> = form.iter().map(|(f, typed, _)| (f.key(), *typed)).collect();
    let (status, body) = ob_put(&base, &token, &pairs, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let saved = ob_organization(&base, &token).await;
    for (f, typed, stored) in form {
        assert_eq!(at(&saved, f.path()), *stored, "{f:?}");
        assert_eq!(normalize(*f, typed), *stored, "the browser normalizes {f:?} the same way");
    }
}

#[tokio::test]
async fn the_billing_group_round_trips_normalized_and_empty_values_clear() {
    let (base, token) = fresh_ob(PONTE).await;
    let form = [
        ("billing_info[legal_name]", "Cooperativa  Ponte Verde Impresa Sociale"),
        ("billing_info[vat]", "it 0123 4567 897"),
        ("billing_info[fiscal_code]", "rss mra 85t10 a562s"),
        ("billing_info[code_dest]", "krrh6b9"),
        ("billing_info[email]", "amministrazione@ponteverde.example.org"),
        ("billing_info[certified_email]", ""),
    ];
    let (status, body) = ob_put(&base, &token, &form, None).await;
    assert_eq!(status, StatusCode::OK, "a real SDI code needs no PEC: {body}");
    let billing = ob_organization(&base, &token).await["billing_info"].clone();
    assert_eq!(
        billing,
        json!({
            "legal_name": "Cooperativa Ponte Verde Impresa Sociale",
            "vat": "IT01234567897",
            "fiscal_code": "RSSMRA85T10A562S",
            "code_dest": "KRRH6B9",
            "email": "amministrazione@ponteverde.example.org",
            "certified_email": null,
        })
    );
    // The entity form of the fiscal code, then every optional billing field cleared.
    let (status, body) = ob_put(&base, &token, &[("billing_info[fiscal_code]", "800 123 456 76")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["billing_info"]["fiscal_code"], "80012345676");
    let clear = [("billing_info[vat]", ""), ("billing_info[fiscal_code]", " "), ("billing_info[code_dest]", ""), ("billing_info[email]", "")];
    let (status, body) = ob_put(&base, &token, &clear, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for (key, _) in clear {
        let path = Field::from_key(key).unwrap().path();
        assert_eq!(at(&body["data"], path), Value::Null, "{path} stored as NULL");
    }
    assert_eq!(body["data"]["billing_info"]["legal_name"], "Cooperativa Ponte Verde Impresa Sociale");
}

#[tokio::test]
async fn the_public_profile_switches_round_trip() {
    let (base, token) = fresh_ob(PONTE).await;
    let form = [
        ("settings[public_profile]", "1"),
        ("settings[public_badge_types]", "0"),
        ("settings[public_learning_paths]", "true"),
        ("settings[public_badge_templates]", "1"),
    ];
    let (status, body) = ob_put(&base, &token, &form, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["settings"], json!({"public_profile": true, "public_badge_types": false, "public_learning_paths": true, "public_badge_templates": true}));
    assert!(body["data"]["public_url"].as_str().unwrap().ends_with(&format!("/issuers/{PONTE_VERDE}")));
    let (status, _) = get(format!("{base}/api/v1/public/organizations/{PONTE_VERDE}"), None).await;
    assert_eq!(status, StatusCode::OK, "now public");
    let (status, body) = ob_put(&base, &token, &[("settings[public_profile]", "yes")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["errors"]["settings.public_profile"].is_array(), "{body}");
    let (status, body) = ob_put(&base, &token, &[("settings[public_profile]", "0")], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["public_url"], Value::Null);
    let (status, _) = get(format!("{base}/api/v1/public/organizations/{PONTE_VERDE}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sending_back_the_stored_values_changes_nothing_not_even_updated_at() {
    let (base, token) = fresh_ob(BORGO).await;
    let before = ob_organization(&base, &token).await;
    let same: Vec<(&str, String)> = Field::ALL
        .iter()
        .map(|f| {
            let v = at(&before, f.path());
            (f.key(), v.as_str().unwrap_or("").to_string())
        })
        .collect();
    let same: Vec<(&str, &str)> = same.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = ob_put(&base, &token, &same, Some(&http_date(&before))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ob_organization(&base, &token).await, before, "nothing changed, updated_at included");
}

#[tokio::test]
async fn an_unchanged_switch_does_not_move_updated_at() {
    let (base, token) = fresh_ob(BORGO).await;
    let before = ob_organization(&base, &token).await;
    let (status, _) = ob_put(&base, &token, &[("settings[public_profile]", "1")], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ob_organization(&base, &token).await["updated_at"], before["updated_at"]);
}

#[tokio::test]
async fn each_kind_of_invalid_value_is_a_422_on_its_dot_path_and_nothing_is_stored() {
    let (base, token) = fresh_ob(BORGO).await;
    let before = ob_organization(&base, &token).await;
    let long_name = "N".repeat(256);
    let long_street = "à".repeat(256);
    let cases: Vec<(Form, Expected)> = vec![
        (vec![("address_info[postcode]", "2412")], vec![("address_info.postcode", words(Problem::PostcodeItalian))]),
        (vec![("address_info[postcode]", "24121"), ("address_info[country]", "XX")], vec![("address_info.country", words(Problem::CountryCode))]),
        (vec![("billing_info[vat]", "IT01234567890")], vec![("billing_info.vat", words(Problem::VatCheckDigit))]),
        (vec![("billing_info[vat]", "0123456789")], vec![("billing_info.vat", words(Problem::VatItalian))]),
        (vec![("billing_info[fiscal_code]", "RSSMRA85T10A562X")], vec![("billing_info.fiscal_code", words(Problem::FiscalCodeCheck))]),
        (vec![("billing_info[fiscal_code]", "80012345677")], vec![("billing_info.fiscal_code", words(Problem::FiscalCodeCheck))]),
        (vec![("billing_info[fiscal_code]", "RSSMRA85Z10")], vec![("billing_info.fiscal_code", words(Problem::FiscalCodeFormat))]),
        (vec![("billing_info[code_dest]", "UF1234")], vec![("billing_info.code_dest", words(Problem::SdiPrivate))]),
        (vec![("billing_info[code_dest]", "M5UXCR1"), ("type", "public_local_national")], vec![("billing_info.code_dest", words(Problem::SdiPublic))]),
        (
            vec![("billing_info[code_dest]", "0000000"), ("billing_info[certified_email]", "")],
            vec![("billing_info.code_dest", words(Problem::SdiZerosNeedPec)), ("billing_info.certified_email", words(Problem::PecNeeded))],
        ),
        (vec![("billing_info[certified_email]", "borgo@pec")], vec![("billing_info.certified_email", words(Problem::EmailFormat))]),
        (vec![("website", "www.borgoalto.example.org")], vec![("website", words(Problem::UrlFormat))]),
        (vec![("website", "https://admin:secret@borgoalto.example.org")], vec![("website", words(Problem::UrlFormat))]),
        (vec![("contact_info[mobile]", "345 678 9012")], vec![("contact_info.mobile", words(Problem::MobileFormat))]),
        (vec![("contact_info[tech_email]", "it@")], vec![("contact_info.tech_email", words(Problem::EmailFormat))]),
        (vec![("type", "corporation")], vec![("type", words(Problem::NotAChoice))]),
        (vec![("activity", "museum")], vec![("activity", words(Problem::NotAChoice))]),
        (vec![("language", "de")], vec![("language", words(Problem::NotAChoice))]),
        (vec![("name", long_name.as_str())], vec![("name", words(Problem::TooLong(255)))]),
        (vec![("address_info[street]", long_street.as_str())], vec![("address_info.street", words(Problem::TooLong(255)))]),
        (vec![("name", "   ")], vec![("name", words(Problem::Required))]),
        (vec![("billing_info[legal_name]", "")], vec![("billing_info.legal_name", words(Problem::Required))]),
        (
            vec![("address_info[country]", "DE")],
            vec![("billing_info.vat", words(Problem::VatForeign { example: "DE123456789" }))],
        ),
        (
            vec![("address_info[country]", "FR"), ("billing_info[vat]", "FR1234567890")],
            vec![("billing_info.vat", words(Problem::VatForeign { example: "FR12345678901" }))],
        ),
        (
            vec![("name", ""), ("website", "ftp://x.example.org"), ("contact_info[mobile]", "12")],
            vec![("name", words(Problem::Required)), ("website", words(Problem::UrlFormat)), ("contact_info.mobile", words(Problem::MobileFormat))],
        ),
    ];
    for (mut form, expected) in cases {
        // A valid change alongside must not be stored either.
        form.push(("address_info[city]", "Altrove"));
        let (status, body) = ob_put(&base, &token, &form, None).await;
        assert_422(status, &body, &expected);
    }
    assert_eq!(ob_organization(&base, &token).await, before, "no invalid request stored anything");
    assert_eq!(words(Problem::VatForeign { example: "DE123456789" }), "Enter the VAT number in the address country's format, like DE123456789.");
}

#[tokio::test]
async fn cross_field_rules_follow_the_change_and_pass_when_consistent() {
    let (base, token) = fresh_ob(PONTE).await;
    // Ponte Verde receives invoices at its PEC with SDI 0000000.
    let (status, body) = ob_put(&base, &token, &[("billing_info[certified_email]", "")], None).await;
    assert_422(status, &body, &[("billing_info.certified_email", words(Problem::PecNeeded))]);
    let (status, body) = ob_put(&base, &token, &[("type", "public_local_national")], None).await;
    assert_422(status, &body, &[("billing_info.code_dest", words(Problem::SdiPublic))]);
    // Both changed together, consistently.
    let (status, body) = ob_put(&base, &token, &[("billing_info[code_dest]", "M5UXCR1"), ("billing_info[certified_email]", "")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["billing_info"]["certified_email"], Value::Null);
    let (status, body) = ob_put(&base, &token, &[("type", "public_local_national"), ("billing_info[code_dest]", "uf 12 34")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["billing_info"]["code_dest"], "UF1234");
    // Moving abroad with that country's VAT number and postcode.
    let (status, body) = ob_put(
        &base,
        &token,
        &[("address_info[country]", "at"), ("address_info[postcode]", "1010"), ("billing_info[vat]", "atu 1234 5678")],
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["billing_info"]["vat"], "ATU12345678");
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "NL"), ("billing_info[vat]", "NL123456789B01")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "ES"), ("billing_info[vat]", "ESX1234567X")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Outside the EU the number is free-form letters and digits.
    let (status, body) = ob_put(&base, &token, &[("address_info[country]", "CH"), ("billing_info[vat]", "CHE-123.456.789")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["billing_info"]["vat"], "CHE123456789");
}

#[tokio::test]
async fn read_only_unknown_and_repeated_keys_are_refused_and_nothing_is_stored() {
    let (base, token) = fresh_ob(BORGO).await;
    let before = ob_organization(&base, &token).await;
    let read_only = [
        "status",
        "credits_left",
        "badges_count",
        "badge_templates_count",
        "subscription_id",
        "subscription_status",
        "stripe_customer_id",
        "imp_legacy_id",
        "current_period_start",
        "current_period_end",
        "max_users",
        "id",
        "logo_path",
        "logo_high_path",
        "logo_thumbnail_path",
        "created_at",
        "updated_at",
        "public_url",
    ];
    for key in read_only {
        let (status, body) = ob_put(&base, &token, &[(key, "1"), ("name", "Taken Over")], None).await;
        assert_422(status, &body, &[(key, "This field is read-only.".to_string())]);
    }
    for (key, path) in [
        ("billing_info[iban]", "billing_info.iban"),
        ("settings[dark_mode]", "settings.dark_mode"),
        ("owner", "owner"),
        ("address_info", "address_info"),
    ] {
        let (status, body) = ob_put(&base, &token, &[(key, "x"), ("name", "Taken Over")], None).await;
        assert_422(status, &body, &[(path, "This field cannot be changed.".to_string())]);
    }
    let (status, body) = ob_put(&base, &token, &[("name", "One"), ("name", "Two")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["errors"]["name"].is_array(), "{body}");
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "A"), ("address_info[city]", "A")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "even twice the same: {body}");
    assert!(body["errors"]["address_info.city"].is_array(), "{body}");
    assert_eq!(ob_organization(&base, &token).await, before);
}

#[tokio::test]
async fn a_stale_version_gets_412_and_a_fresh_one_saves() {
    let (base, token) = fresh_ob(BORGO).await;
    let loaded = ob_organization(&base, &token).await;
    let mine = http_date(&loaded);
    // Another tab saves after this admin loaded the organization.
    let (status, theirs) = ob_put(&base, &token, &[("address_info[city]", "Bergamo Bassa")], None).await;
    assert_eq!(status, StatusCode::OK);
    let res = Client::new()
        .put(format!("{base}/api/v1/issuers/organization"))
        .bearer_auth(&token)
        .header("if-unmodified-since", &mine)
        .form(&[("address_info[city]", "Bergamo Alta")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let body: Value = res.json().await.unwrap();
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "Laravel message: {body}");
    assert_eq!(body.as_object().unwrap().len(), 1, "only a message: {body}");
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "Bergamo Bassa", "theirs kept");
    // Reloaded, the admin saves.
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "Bergamo Alta")], Some(&http_date(&theirs["data"]))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["address_info"]["city"], "Bergamo Alta");
    // A stale version is refused even when the change itself is invalid or empty.
    let (status, _) = ob_put(&base, &token, &[], Some(&mine)).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn descriptions_are_stored_sanitized_and_served_so() {
    let (base, token) = fresh_ob(BORGO).await;
    let html = concat!(
        "<h1>Title</h1><h2 style=\"color:red\">Corsi</h2><h3>Lingue</h3><h4>Dati</h4>",
        "<p onclick=\"steal()\">Benvenuti <strong>a</strong> <em>Borgo</em> <b>Alto</b> <i>e</i> <u>dintorni</u><br>",
        "<script>window.__xss = 1</script><img src=x onerror=\"alert(1)\"><iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"javascript:alert(1)\">js</a> <a href=\"data:text/html,x\">data</a> ",
        "<a href=\"https://borgoalto.example.org\" target=\"_blank\" onmouseover=\"x()\">sito</a> <a href=\"mailto:info@borgoalto.example.org\">scrivi</a></p>",
        "<ol><li>Uno</li></ol><ul><li>Due</li></ul><blockquote>Citazione</blockquote><div><span>resto</span></div><style>p{}</style>",
    );
    let (status, body) = ob_put(&base, &token, &[("description", html)], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let stored = ob_organization(&base, &token).await["description"].as_str().unwrap().to_string();
    for gone in ["<h1", "style", "onclick", "steal", "<script", "__xss", "<img", "onerror", "<iframe", "evil.example", "javascript:", "data:", "target=", "onmouseover", "<div", "<span"] {
        assert!(!stored.contains(gone), "{gone} kept in {stored}");
    }
    for kept in [
        "<h2>Corsi</h2>",
        "<h3>Lingue</h3>",
        "<h4>Dati</h4>",
        "<strong>a</strong>",
        "<em>Borgo</em>",
        "<b>Alto</b>",
        "<i>e</i>",
        "<u>dintorni</u>",
        "<br>",
        "<ol><li>Uno</li></ol>",
        "<ul><li>Due</li></ul>",
        "<blockquote>Citazione</blockquote>",
        "<a href=\"https://borgoalto.example.org\" rel=\"noopener noreferrer nofollow\">sito</a>",
        "<a href=\"mailto:info@borgoalto.example.org\" rel=\"noopener noreferrer nofollow\">scrivi</a>",
        "Title",
        "resto",
    ] {
        assert!(stored.contains(kept), "{kept} missing from {stored}");
    }
    // Borgo Alto's profile is public: the page data carries the stored, clean HTML.
    let (status, public) = get(format!("{base}/api/v1/public/organizations/{BORGO_ALTO}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["data"]["description"], stored.as_str());
    // Markup with no text left after cleaning counts as empty.
    let (status, body) = ob_put(&base, &token, &[("description", "<p><script>alert(1)</script><br></p>")], None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["data"]["description"], Value::Null);
}

#[tokio::test]
async fn billing_and_contacts_never_reach_the_public_profile() {
    let (base, token) = fresh_ob(BORGO).await;
    let secrets = [
        ("billing_info[legal_name]", "Segreto Borgo S.r.l."),
        ("billing_info[vat]", "IT02811730155"),
        ("billing_info[fiscal_code]", "BNCLRA80A41H501D"),
        ("billing_info[code_dest]", "KRRH6B9"),
        ("billing_info[email]", "fatture-segrete@borgoalto.example.org"),
        ("billing_info[certified_email]", "segreto@pec.example.org"),
        ("contact_info[mobile]", "+39 320 000 1111"),
        ("contact_info[email]", "privato@borgoalto.example.org"),
        ("address_info[street]", "Vicolo Nascosto 7"),
    ];
    let (status, body) = ob_put(&base, &token, &secrets, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, public) = get(format!("{base}/api/v1/public/organizations/{BORGO_ALTO}"), None).await;
    assert_eq!(status, StatusCode::OK);
    let text = public.to_string();
    for (_, secret) in secrets {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    for key in ["billing", "vat", "fiscal", "code_dest", "certified", "contact", "street", "mobile", "credits", "stripe", "subscription", "legacy", "max_users"] {
        assert!(!text.contains(&format!("\"{key}")), "{key} in {text}");
    }
    let allowed = [
        "id", "name", "type", "activity", "description", "website", "language", "city", "region", "country", "logo_path",
        "logo_high_path", "logo_thumbnail_path", "public_url", "badges_count", "badge_templates", "badge_types", "learning_paths",
    ];
    for key in public["data"].as_object().unwrap().keys() {
        assert!(allowed.contains(&key.as_str()), "{key} is not a public field");
    }
    let page = Client::new().get(format!("{base}/issuers/{BORGO_ALTO}")).send().await.unwrap().text().await.unwrap();
    // The general contact e-mail is the one exception: the Open Badges issuer
    // profile (the page's JSON-LD) publishes it, and the admin is told so.
    for (key, secret) in secrets {
        if key == "contact_info[email]" {
            assert!(page.contains(&format!("\"email\":\"{secret}\"")), "the issuer's e-mail is in its JSON-LD");
            assert_eq!(page.matches(secret).count(), 1, "and nowhere else");
        } else {
            assert!(!page.contains(secret), "{secret} in the public HTML");
        }
    }
}

#[tokio::test]
async fn an_admin_changes_only_their_own_organization() {
    let base = start(3600);
    let borgo = ob_login(&base, BORGO).await;
    let ponte = ob_login(&base, PONTE).await;
    let valmarina = ob_login(&base, VALMARINA_ADMIN).await;
    let ponte_before = ob_organization(&base, &ponte).await;
    let valmarina_before = ob_organization(&base, &valmarina).await;

    let (status, body) = ob_put(&base, &borgo, &[("name", "Istituto Borgo Alto Nuovo"), ("billing_info[code_dest]", "0000000")], None).await;
    assert_eq!(status, StatusCode::OK, "Borgo has a PEC: {body}");
    assert_eq!(body["data"]["id"], BORGO_ALTO);
    // Naming another organization anywhere in the request changes nothing there.
    let (status, _) = ob_put(&base, &borgo, &[("id", PONTE_VERDE), ("name", "Preso")], None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = Client::new()
        .put(format!("{base}/api/v1/issuers/organization?id={PONTE_VERDE}&organization_id={PONTE_VERDE}"))
        .bearer_auth(&borgo)
        .form(&[("address_info[city]", "Città di Borgo")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["id"], BORGO_ALTO, "the query string names no organization");
    for path in [format!("{base}/api/v1/issuers/organization/{PONTE_VERDE}"), format!("{base}/api/v1/organizations/{PONTE_VERDE}")] {
        let res = Client::new().put(path.as_str()).bearer_auth(&borgo).form(&[("name", "Preso")]).send().await.unwrap();
        assert!(res.status().is_client_error(), "{path}: {}", res.status());
    }
    assert_eq!(ob_organization(&base, &ponte).await, ponte_before, "Ponte Verde untouched");
    assert_eq!(ob_organization(&base, &valmarina).await, valmarina_before, "Valmarina untouched");
    assert_eq!(ob_organization(&base, &borgo).await["address_info"]["city"], "Città di Borgo");

    // Without a valid Open Badge token nobody changes anything.
    for token in ["", "not-a-token"] {
        let (status, body) = ob_put(&base, token, &[("name", "Nessuno")], None).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body, json!({"message": "Unauthenticated."}));
    }
    let res = Client::new().post(format!("{base}/bv/account/v1/accounts/login")).json(&json!({"email": "owner@lumen.example.com", "password": PASSWORD})).send().await.unwrap();
    let bv: Value = res.json().await.unwrap();
    let (status, _) = ob_put(&base, bv["access_token"].as_str().unwrap(), &[("name", "Lumen")], None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a BlendVision token is not an Open Badge one");
    assert_eq!(ob_organization(&base, &ponte).await, ponte_before);
}
