//! The public API with 3,000 and then 1,000,000 issued badges: at least
//! 5,000 requests/s with p99 <= 20 ms, and about the same in both cases
//! (its cost does not grow with badge history). Load from wrk.

use crate::server::Server;
use crate::{Report, Setup, VALMARINA};
use std::process::Command;

struct Load {
    rps: f64,
    p99_ms: f64,
    errors: bool,
}

/// 8 s of wrk (2 threads, 32 connections) against `url`.
fn wrk(url: &str) -> Option<Load> {
    let out = Command::new("wrk").args(["-t2", "-c32", "-d8s", "--latency", url]).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let rps = text.lines().find(|l| l.starts_with("Requests/sec"))?.split_whitespace().nth(1)?.parse().ok()?;
    let p99 = text.lines().map(str::trim).find(|l| l.starts_with("99%"))?.split_whitespace().nth(1)?.to_string();
    let p99_ms = if let Some(us) = p99.strip_suffix("us") {
        us.parse::<f64>().ok()? / 1000.0
    } else if let Some(ms) = p99.strip_suffix("ms") {
        ms.parse().ok()?
    } else {
        p99.strip_suffix('s')?.parse::<f64>().ok()? * 1000.0
    };
    Some(Load { rps, p99_ms, errors: text.contains("Non-2xx") || text.contains("Socket errors") })
}

fn seed(setup: &Setup, server: &Server, count: u64) -> bool {
    let status = Command::new(&setup.bin)
        .args(["seed-badges", "--organization", VALMARINA, "--count", &count.to_string(), "--db"])
        .arg(server.db())
        .status();
    status.is_ok_and(|s| s.success())
}

pub async fn run(setup: &Setup, report: &mut Report) {
    let server = Server::start(&setup.bin, &setup.dist, "scale");
    let url = format!("{}/api/v1/public/organizations/{VALMARINA}", server.base);
    let small = seed(setup, &server, 3_000).then(|| wrk(&url)).flatten();
    let started = std::time::Instant::now();
    let seeded = seed(setup, &server, 997_000);
    report.figure("seeding 997,000 more issued badges (s)", format!("{:.1}", started.elapsed().as_secs_f64()));
    report.check(seeded, "1,000,000 issued badges seeded");
    let large = wrk(&url);
    let (Some(small), Some(large)) = (small, large) else {
        report.check(false, "wrk ran (is it installed?)");
        return;
    };
    report.figure("3,000 badges: requests/s, p99 (ms)", format!("{:.0}, {:.1}", small.rps, small.p99_ms));
    report.figure("1,000,000 badges: requests/s, p99 (ms)", format!("{:.0}, {:.1}", large.rps, large.p99_ms));
    report.check(!small.errors && !large.errors, "no errors");
    report.check(large.rps >= 5000.0 && large.p99_ms <= 20.0, "with 1,000,000 badges: >= 5,000 requests/s, p99 <= 20 ms");
    report.check(large.rps >= 0.8 * small.rps, "with 1,000,000 badges at least 80 % of the throughput with 3,000");
}
