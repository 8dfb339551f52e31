//! 64 concurrent wrong-password sign-ins for 20 s, each client from its own
//! loopback address: the public page stays fast, throttling engages, and the
//! real admin (who knows the password) still signs in from elsewhere.

use crate::server::Server;
use crate::{percentile_ms, Report, Setup, PASSWORD, VALMARINA, VALMARINA_ADMIN};
use reqwest::Client;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: u8 = 64;
const FOR: Duration = Duration::from_secs(20);

#[derive(Default)]
struct Answers {
    refused: AtomicU64,
    throttled: AtomicU64,
    busy: AtomicU64,
    other: AtomicU64,
}

pub async fn run(setup: &Setup, report: &mut Report) {
    let server = Server::start(&setup.bin, &setup.dist, "flood");
    let until = Instant::now() + FOR;
    let answers = Arc::new(Answers::default());
    let mut attackers = Vec::new();
    for i in 0..CLIENTS {
        let (base, answers) = (server.base.clone(), answers.clone());
        attackers.push(tokio::spawn(async move {
            let ip: std::net::IpAddr = format!("127.0.0.{}", i + 2).parse().unwrap();
            let client = Client::builder().local_address(ip).build().unwrap();
            while Instant::now() < until {
                let sent = client.post(format!("{base}/api/v1/auth/login")).json(&serde_json::json!({"email": VALMARINA_ADMIN, "password": "not-the-password"})).send().await;
                let counter = match sent.map(|r| r.status().as_u16()) {
                    Ok(401 | 422) => &answers.refused,
                    Ok(429) => &answers.throttled,
                    Ok(503) => &answers.busy,
                    _ => &answers.other,
                };
                counter.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    let mut times = public_times(&server.base, until).await;
    for a in attackers {
        let _ = a.await;
    }
    let p99 = percentile_ms(&mut times, 99.0);
    report.figure("public profile reads during the flood", times.len());
    report.figure("public profile p50 / p99 (ms)", format!("{:.1} / {p99:.1}", percentile_ms(&mut times, 50.0)));
    let n = |c: &AtomicU64| c.load(Ordering::Relaxed);
    report.figure("sign-in answers: refused / throttled 429 / busy 503 / other", format!("{} / {} / {} / {}", n(&answers.refused), n(&answers.throttled), n(&answers.busy), n(&answers.other)));
    report.check(p99 <= 100.0, "public profile p99 <= 100 ms during the flood");
    report.check(n(&answers.throttled) > 0, "throttling engages (429s)");
    report.check(n(&answers.other) == 0, "every sign-in answer is 401/422, 429 or 503");
    let admin = Client::builder().local_address("127.0.1.1".parse::<std::net::IpAddr>().unwrap()).build().unwrap();
    let status = admin.post(format!("{}/api/v1/auth/login", server.base)).json(&serde_json::json!({"email": VALMARINA_ADMIN, "password": PASSWORD})).send().await.map(|r| r.status().as_u16()).unwrap_or(0);
    report.figure("the real admin's sign-in from another address", status);
    report.check(status == 200, "the admin is not locked out by an attacker who knows only the e-mail");
}

/// Reads of the public profile, one every 10 ms until `until`, on a thread
/// and runtime of their own so the attackers' tasks do not delay them.
async fn public_times(base: &str, until: Instant) -> Vec<Duration> {
    let url = format!("{base}/api/v1/public/organizations/{VALMARINA}");
    tokio::task::spawn_blocking(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let reader = Client::new();
            let mut times = Vec::new();
            while Instant::now() < until {
                let started = Instant::now();
                let ok = match reader.get(&url).send().await {
                    Ok(res) => res.status().is_success() && res.bytes().await.is_ok(),
                    Err(_) => false,
                };
                times.push(if ok { started.elapsed() } else { Duration::from_secs(60) });
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            times
        })
    })
    .await
    .unwrap()
}
