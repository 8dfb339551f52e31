//! Issue 15: the badge counts the public profile shows are kept on the
//! organization row, so a request costs the same however many badges an
//! issuer has given, and they stay right after inserts and deletes.

mod common;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use sqlx::SqlitePool;
use std::path::Path;
use std::time::{Duration, Instant};

async fn open(dir: &Path) -> SqlitePool {
    SqlitePool::connect(&format!("sqlite://{}", dir.join("test.db").display())).await.unwrap()
}

/// `n` more badges for `org`, straight into the table.
async fn add_badges(db: &SqlitePool, org: &str, n: i64) {
    sqlx::query(
        "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
         INSERT INTO issued_badges (organization_id, template_id, earner_email, issued_at)
         SELECT ?, NULL, 'bulk' || i || '@example.net', '2025-05-01T10:00:00Z' FROM seq",
    )
    .bind(n)
    .bind(org)
    .execute(db)
    .await
    .unwrap();
}

fn openbadge_fresh_for() -> Duration {
    orgdesk_server::kept::FRESH_FOR + Duration::from_millis(200)
}

async fn public(client: &Client, base: &str) -> Value {
    let res = client.get(format!("{base}/api/v1/public/organizations/{VALMARINA}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["data"].clone()
}

async fn public_count(client: &Client, base: &str) -> i64 {
    public(client, base).await["badges_count"].as_i64().unwrap()
}

/// The public count once it shows `expected`: badges written behind the
/// server's back (as here) reach the public answer within its freshness
/// window (`kept::FRESH_FOR`, 2 s), not at once.
async fn settled_count(client: &Client, base: &str, expected: i64) -> i64 {
    let until = Instant::now() + Duration::from_secs(4);
    loop {
        let count = public_count(client, base).await;
        if count == expected || Instant::now() > until {
            return count;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The median time of 50 reads of the organization record with its counts
/// (the admin's GET: the public answer is kept for a while, so it would
/// time the keeping, not the counting), after 10 to warm up.
async fn median(client: &Client, base: &str, token: &str) -> Duration {
    for _ in 0..10 {
        ob_organization(base, token).await;
    }
    let mut times = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let res = client.get(format!("{base}/api/v1/issuers/organization")).bearer_auth(token).send().await.unwrap();
        res.bytes().await.unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

#[tokio::test]
async fn the_public_count_costs_the_same_with_200k_badges_as_with_3k() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    let client = Client::new();
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let demo = public_count(&client, &base).await;
    assert!((3000..4000).contains(&demo), "the demo issuer has about 3,000 badges: {demo}");
    let small = median(&client, &base, &token).await;
    add_badges(&db, VALMARINA, 200_000 - demo).await;
    assert_eq!(settled_count(&client, &base, 200_000).await, 200_000);
    assert_eq!(ob_organization(&base, &token).await["badges_count"], 200_000);
    let large = median(&client, &base, &token).await;
    eprintln!("median per request: {small:?} with {demo} badges, {large:?} with 200000");
    assert!(large < small * 2 + Duration::from_millis(2), "{large:?} with 200,000 badges vs {small:?} with {demo}");
}

#[tokio::test]
async fn counts_follow_inserts_and_deletes_of_badges_and_templates() {
    let (base, dir) = start_in(3600);
    let db = open(&dir).await;
    let client = Client::new();
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let badges = public_count(&client, &base).await;
    let templates = ob_organization(&base, &token).await["badge_templates_count"].as_i64().unwrap();

    add_badges(&db, VALMARINA, 5).await;
    assert_eq!(settled_count(&client, &base, badges + 5).await, badges + 5);
    sqlx::query("DELETE FROM issued_badges WHERE earner_email IN ('bulk1@example.net', 'bulk2@example.net')").execute(&db).await.unwrap();
    assert_eq!(settled_count(&client, &base, badges + 3).await, badges + 3);
    // Another issuer's badges do not count here.
    add_badges(&db, COSTA_EST, 4).await;
    tokio::time::sleep(openbadge_fresh_for()).await;
    assert_eq!(public_count(&client, &base).await, badges + 3);

    sqlx::query("INSERT INTO badge_templates (id, organization_id, title, type, created_at) VALUES ('count-test', ?, 'Count test', 'skills', '2025-01-01T00:00:00Z')")
        .bind(VALMARINA)
        .execute(&db)
        .await
        .unwrap();
    let org = ob_organization(&base, &token).await;
    assert_eq!(org["badge_templates_count"].as_i64().unwrap(), templates + 1);
    assert_eq!(org["badges_count"].as_i64().unwrap(), badges + 3);
    sqlx::query("DELETE FROM badge_templates WHERE id = 'count-test'").execute(&db).await.unwrap();
    assert_eq!(ob_organization(&base, &token).await["badge_templates_count"].as_i64().unwrap(), templates);

    let (status, stats) = get(format!("{base}/api/v1/issuers/organization/statistics"), Some(&token)).await;
    assert_eq!(status, StatusCode::OK, "{stats}");
    assert!(stats.to_string().contains(&(badges + 3).to_string()), "{stats}");
}

#[tokio::test]
async fn seed_badges_issues_many_at_once_and_the_counts_follow() {
    use orgdesk_server::cli::SeedRequest;
    use orgdesk_server::seed_badges::{seed_badges, SeedError};
    let (base, dir) = start_in(3600);
    let client = Client::new();
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let before = public_count(&client, &base).await;
    let (_, stats) = get(format!("{base}/api/v1/issuers/organization/year-statistics?year=2025"), Some(&token)).await;
    let request = SeedRequest { db: dir.join("test.db"), organization: VALMARINA.into(), count: 100_000 };
    let started = Instant::now();
    let report = seed_badges(&request).await.unwrap();
    eprintln!("{report} (measured {:?})", started.elapsed());
    assert!(report.starts_with("100000 badges"), "{report}");
    assert_eq!(settled_count(&client, &base, before + 100_000).await, before + 100_000);
    let org = ob_organization(&base, &token).await;
    assert_eq!(org["badges_count"].as_i64().unwrap(), before + 100_000);
    // Spread over the last three years, on the organization's templates.
    let db = open(&dir).await;
    let (untemplated, years): (i64, i64) =
        sqlx::query_as("SELECT SUM(template_id IS NULL), COUNT(DISTINCT substr(issued_at, 1, 4)) FROM issued_badges WHERE earner_email LIKE 'seed%'").fetch_one(&db).await.unwrap();
    assert_eq!(untemplated, 0);
    assert!(years >= 3, "{years}");
    let (paused, counted, kept): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM counters_paused), (SELECT COUNT(*) FROM issued_badges WHERE organization_id = ?1),
                (SELECT badges_count FROM ob_organizations WHERE id = ?1)",
    )
    .bind(VALMARINA)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!((paused, kept), (0, counted), "the counter is right and counting resumed");
    add_badges(&db, VALMARINA, 1).await;
    assert_eq!(settled_count(&client, &base, before + 100_001).await, before + 100_001, "later inserts count again");
    let (_, after) = get(format!("{base}/api/v1/issuers/organization/year-statistics?year=2025"), Some(&token)).await;
    assert_ne!(stats, after, "the monthly figures see them");

    let unknown = SeedRequest { organization: "no-such-org".into(), ..request.clone() };
    assert!(matches!(seed_badges(&unknown).await, Err(SeedError::UnknownOrganization(_))));
    let missing = SeedRequest { db: dir.join("missing.db"), ..request };
    assert!(matches!(seed_badges(&missing).await, Err(SeedError::NoDatabase(_))));
    assert!(!dir.join("missing.db").exists());
    assert_eq!(public_count(&client, &base).await, before + 100_001);
}
