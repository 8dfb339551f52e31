//! 1,500 slow connections (a header started, then silence): a normal request
//! still answers within 1 s, and the slow ones are closed.

use crate::server::Server;
use crate::{percentile_ms, Report, Setup};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SLOW: usize = 1500;

pub async fn run(setup: &Setup, report: &mut Report) {
    let server = Server::start(&setup.bin, &setup.dist, "slow");
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut slow = Vec::with_capacity(SLOW);
    for _ in 0..SLOW {
        match TcpStream::connect(&addr).await {
            Ok(mut s) => {
                let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ").await;
                slow.push(s);
            }
            Err(_) => break,
        }
    }
    report.figure("slow connections opened", slow.len());
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let mut times = Vec::new();
    let mut failures = 0;
    for _ in 0..20 {
        let started = Instant::now();
        match tokio::time::timeout(Duration::from_secs(5), client.get(format!("{}/healthz", server.base)).send()).await {
            Ok(Ok(r)) if r.status().is_success() => times.push(started.elapsed()),
            _ => failures += 1,
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let worst = percentile_ms(&mut times, 100.0);
    report.figure("normal requests while they are open: worst (ms), failed", format!("{worst:.1}, {failures}"));
    report.check(failures == 0 && worst <= 1000.0, "a normal request answers within 1 s");

    // Each slow one should be closed by the server's header timeout.
    let started = Instant::now();
    let closed = closed_within(slow, Duration::from_secs(40)).await;
    report.figure("slow connections closed by the server", format!("{closed} of {SLOW} within {:.0} s", started.elapsed().as_secs_f64()));
    report.check(closed == SLOW, "the slow connections are closed");
}

/// How many of `streams` the server closes (EOF or reset) within `limit`.
async fn closed_within(streams: Vec<TcpStream>, limit: Duration) -> usize {
    let deadline = tokio::time::Instant::now() + limit;
    let waits = streams.into_iter().map(|mut s| {
        tokio::spawn(async move {
            let mut buf = [0u8; 512];
            loop {
                match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
                    Ok(Ok(0)) | Ok(Err(_)) => return true,
                    Ok(Ok(_)) => continue,
                    Err(_) => return false,
                }
            }
        })
    });
    let mut closed = 0;
    for w in waits.collect::<Vec<_>>() {
        closed += usize::from(w.await.unwrap_or(false));
    }
    closed
}
