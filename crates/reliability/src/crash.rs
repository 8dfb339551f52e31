//! kill -9 of the server during 500 concurrent profile saves (and logo
//! uploads): after a restart every acknowledged save is there, the database
//! is intact, and no media file is left that nothing refers to.

use crate::server::Server;
use crate::uploads::{png, upload};
use crate::{ob_token, Report, Setup, VALMARINA_ADMIN};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SAVES: usize = 500;

/// The version an `ETag` names (its digits).
fn version(etag: Option<&reqwest::header::HeaderValue>) -> Option<u64> {
    etag?.to_str().ok()?.chars().filter(char::is_ascii_digit).collect::<String>().parse().ok()
}

pub async fn run(setup: &Setup, report: &mut Report) {
    let mut server = Server::start(&setup.bin, &setup.dist, "crash");
    let token = ob_token(&server.base, VALMARINA_ADMIN).await;
    // Every acknowledged save: the version its answer names and the city in
    // that answer. Not necessarily the city it sent: saves run at once, and
    // each answer is the record as read after its commit, with that record's
    // ETag, so a later save (or logo) may already be in it.
    let acked: Arc<Mutex<Vec<(u64, String)>>> = Arc::default();
    let client = reqwest::Client::new();
    let mut tasks = Vec::new();
    for i in 0..SAVES {
        let (client, base, token, acked) = (client.clone(), server.base.clone(), token.clone(), acked.clone());
        tasks.push(tokio::spawn(async move {
            let city = format!("Città {i}");
            let sent = client.put(format!("{base}/api/v1/issuers/organization")).bearer_auth(&token).header("accept", "application/json").form(&[("address_info[city]", city.as_str())]).send().await;
            if let Ok(res) = sent {
                if res.status().is_success() {
                    let v = version(res.headers().get("etag"));
                    if let Ok(body) = res.json::<serde_json::Value>().await {
                        let answered = body["data"]["address_info"]["city"].as_str().unwrap_or_default().to_string();
                        acked.lock().unwrap().push((v.unwrap_or(0), answered));
                    }
                }
            }
        }));
    }
    let logo = png(600);
    for _ in 0..4 {
        let (base, token, bytes) = (server.base.clone(), token.clone(), logo.clone());
        tasks.push(tokio::spawn(async move {
            let _ = upload(&base, &token, bytes).await;
        }));
    }
    // Kill once some saves were acknowledged, while others are in flight.
    for _ in 0..200 {
        if acked.lock().unwrap().len() >= 50 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill_and_restart();
    for t in tasks {
        let _ = t.await;
    }
    let acked = acked.lock().unwrap().clone();
    report.figure("saves acknowledged before kill -9", format!("{} of {SAVES}", acked.len()));

    let token = ob_token(&server.base, VALMARINA_ADMIN).await;
    let res = client.get(format!("{}/api/v1/issuers/organization", server.base)).bearer_auth(&token).header("accept", "application/json").send().await.expect("organization after restart");
    let stored_version = version(res.headers().get("etag")).unwrap_or(0);
    let body: serde_json::Value = res.json().await.unwrap_or_default();
    let stored_city = body["data"]["address_info"]["city"].as_str().unwrap_or_default().to_string();
    let newest = acked.iter().max_by_key(|(v, _)| *v).cloned().unwrap_or((0, String::new()));
    report.figure("newest acknowledged version / stored version", format!("{} / {stored_version}", newest.0));
    report.check(!acked.is_empty(), "some saves were acknowledged before the kill");
    report.check(stored_version >= newest.0 && (stored_version > newest.0 || stored_city == newest.1), "every acknowledged save is there after restart (the stored version is the newest acknowledged or later)");

    let (integrity, orphans) = inspect(&server.db(), &server.dir.join("media")).await;
    report.figure("PRAGMA integrity_check", &integrity);
    report.check(integrity == "ok", "the database is intact");
    report.figure("orphan logo files", format!("{orphans:?}"));
    report.check(orphans.is_empty(), "no orphan media files");
}

/// The database's integrity check, and the logo files no organization refers to.
async fn inspect(db: &Path, media: &Path) -> (String, Vec<String>) {
    use sqlx::{ConnectOptions, Row};
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new().filename(db).read_only(true).connect().await.expect("open the database");
    let integrity: String = sqlx::query("PRAGMA integrity_check").fetch_one(&mut conn).await.map(|r| r.get(0)).unwrap_or_else(|e| e.to_string());
    let rows = sqlx::query("SELECT logo_path, logo_high_path, logo_thumbnail_path FROM ob_organizations").fetch_all(&mut conn).await.expect("logo columns");
    let referenced: BTreeSet<String> = rows.iter().flat_map(|r| (0..3).filter_map(move |i| r.get::<Option<String>, _>(i))).filter_map(|p| p.rsplit('/').next().map(str::to_string)).collect();
    let mut orphans = Vec::new();
    walk(&media.join("logos"), &mut |file| {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if !referenced.contains(&name) {
            orphans.push(file.display().to_string());
        }
    });
    (integrity, orphans)
}

fn walk(dir: &Path, visit: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, visit);
        } else {
            visit(&path);
        }
    }
}
