//! The organization's strong validator: `GET` and every write answer
//! `ETag: "<version>"`, and a PUT with `If-Match` claims that version
//! atomically, so two admins who loaded the same record and save within the
//! same second cannot both win (issue 15, "Lost update within the same
//! second"). The public-profile switches go through the same PUT.

mod common;

use common::*;
use reqwest::{Client, StatusCode};

/// An entity tag as the server writes them: strong, quoted.
fn assert_strong(etag: &str) {
    assert!(etag.starts_with('"') && etag.ends_with('"') && etag.len() > 2, "strong ETag: {etag}");
}

#[tokio::test]
async fn get_and_put_carry_an_etag_that_changes_with_each_save() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (_, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    assert_strong(&loaded);
    let (status, saved, body) = ob_put_if_match(&base, &token, &[("address_info[city]", "Valmarina Alta")], &loaded).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let saved = saved.expect("PUT carries an ETag");
    assert_strong(&saved);
    assert_ne!(saved, loaded, "a save moves the version");
    assert_eq!(ob_organization_tagged(&base, &token).await.1.as_deref(), Some(saved.as_str()), "the PUT's ETag is the record's");
    // A PUT that changes nothing keeps the version.
    let (status, same, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Valmarina Alta")], &saved).await;
    assert_eq!((status, same.as_deref()), (StatusCode::OK, Some(saved.as_str())));
}

#[tokio::test]
async fn two_saves_with_the_same_validator_in_the_same_second_one_wins() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (_, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    let started = std::time::Instant::now();
    let (status, _, body) = ob_put_if_match(&base, &token, &[("address_info[city]", "First")], &loaded).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = ob_put_if_match(&base, &token, &[("address_info[city]", "Second")], &loaded).await;
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "both within a second");
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{body}");
    assert!(body["message"].as_str().unwrap().contains("changed"), "the Open Badge error shape: {body}");
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "First");
}

#[tokio::test]
async fn two_concurrent_saves_with_the_same_validator_exactly_one_wins() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    for round in 0..5 {
        let (_, loaded) = ob_organization_tagged(&base, &token).await;
        let loaded = loaded.expect("GET carries an ETag");
        let (a, b) = (format!("Alpha {round}"), format!("Beta {round}"));
        let (form_a, form_b) = ([("address_info[city]", a.as_str())], [("address_info[city]", b.as_str())]);
        let (first, second) = tokio::join!(ob_put_if_match(&base, &token, &form_a, &loaded), ob_put_if_match(&base, &token, &form_b, &loaded));
        let statuses = [first.0, second.0];
        assert!(statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::PRECONDITION_FAILED), "round {round}: {statuses:?}");
        let winner = if first.0 == StatusCode::OK { &a } else { &b };
        assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], winner.as_str(), "round {round}");
    }
}

#[tokio::test]
async fn a_stale_validator_is_refused_a_star_and_a_list_are_accepted() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (_, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    let (status, current, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Someone else's")], &loaded).await;
    assert_eq!(status, StatusCode::OK);
    let current = current.unwrap();
    let (status, _, body) = ob_put_if_match(&base, &token, &[("address_info[city]", "Mine")], &loaded).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{body}");
    // Weak comparison is not enough for If-Match, and an unquoted tag is no tag.
    for not_it in [format!("W/{current}"), current.trim_matches('"').to_string(), "\"nonsense\"".to_string()] {
        let (status, _, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Mine")], &not_it).await;
        assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{not_it}");
    }
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "Someone else's");
    let (status, _, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Mine")], &format!("{loaded}, {current}")).await;
    assert_eq!(status, StatusCode::OK, "one of the listed tags is current");
    let (status, _, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Anyway")], "*").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "Anyway");
}

#[tokio::test]
async fn the_public_profile_switches_are_guarded_likewise() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (org, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    let on = org["settings"]["public_badge_types"] == true;
    let (flip, back) = if on { ("0", "1") } else { ("1", "0") };
    let (status, saved, body) = ob_put_if_match(&base, &token, &[("settings[public_badge_types]", flip)], &loaded).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_ne!(saved.as_deref(), Some(loaded.as_str()));
    let (status, _, body) = ob_put_if_match(&base, &token, &[("settings[public_badge_types]", back)], &loaded).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{body}");
    assert_eq!(ob_organization(&base, &token).await["settings"]["public_badge_types"], !on);
    let (status, _, _) = ob_put_if_match(&base, &token, &[("settings[public_badge_types]", back)], &saved.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_logo_change_moves_the_version() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (_, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    let res = Client::new().delete(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(&token).header("accept", "application/json").send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let removed = etag_of(&res).expect("the logo answer carries an ETag");
    assert_ne!(removed, loaded);
    let (status, _, _) = ob_put_if_match(&base, &token, &[("address_info[city]", "Mine")], &loaded).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "the logo change counts");
}

#[tokio::test]
async fn if_unmodified_since_alone_still_works_and_if_match_takes_precedence() {
    let (base, token) = fresh_ob("admin@valmarina.example.org").await;
    let (org, loaded) = ob_organization_tagged(&base, &token).await;
    let loaded = loaded.expect("GET carries an ETag");
    let since = chrono::DateTime::parse_from_rfc3339(org["updated_at"].as_str().unwrap()).unwrap().to_rfc2822().replace("+0000", "GMT");
    let (status, body) = ob_put(&base, &token, &[("address_info[city]", "By date")], Some(&since)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A current date beside a stale tag: the tag decides (RFC 9110 §13.2.2).
    let res = Client::new()
        .put(format!("{base}/api/v1/issuers/organization"))
        .bearer_auth(&token)
        .header("if-match", &loaded)
        .header("if-unmodified-since", "Fri, 01 Jan 2100 00:00:00 GMT")
        .form(&[("address_info[city]", "Mine")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(ob_organization(&base, &token).await["address_info"]["city"], "By date");
}
