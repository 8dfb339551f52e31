//! `make reliability`: bounded abuse, fault and load scenarios against the
//! release build of the reference server, on loopback only (issue 15). Each
//! scenario prints its figures and what it needs; the exit status is 1 when
//! any figure is not met.
//!
//! Usage: orgdesk-reliability SERVER_BIN DIST [SCENARIO...]
//! Scenarios: flood uploads slow crash validator scale hostile (default: all).

mod crash;
mod flood;
mod hostile;
mod scale;
mod server;
mod slow;
mod uploads;
mod validator;

use std::path::PathBuf;
use std::time::Duration;

pub const PASSWORD: &str = "orgdesk-demo";
pub const VALMARINA: &str = "3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10";
pub const VALMARINA_ADMIN: &str = "admin@valmarina.example.org";

/// Where a scenario runs: the server binary and the built app it serves.
pub struct Setup {
    pub bin: PathBuf,
    pub dist: PathBuf,
}

/// A scenario's outcome: figures printed as they come, and the checks that failed.
#[derive(Default)]
pub struct Report {
    failed: Vec<String>,
}

impl Report {
    pub fn figure(&self, what: &str, value: impl std::fmt::Display) {
        println!("  {what}: {value}");
    }

    /// Records `ok` for the requirement `need`.
    pub fn check(&mut self, ok: bool, need: &str) {
        println!("  {} {need}", if ok { "ok  " } else { "FAIL" });
        if !ok {
            self.failed.push(need.to_string());
        }
    }
}

/// The `p`th percentile (0–100) of `times`, in milliseconds.
pub fn percentile_ms(times: &mut [Duration], p: f64) -> f64 {
    if times.is_empty() {
        return f64::NAN;
    }
    times.sort();
    let i = ((p / 100.0) * (times.len() - 1) as f64).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

/// An Open Badge password sign-in; the bearer token.
pub async fn ob_token(base: &str, email: &str) -> String {
    let res = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .expect("sign-in request");
    assert!(res.status().is_success(), "sign-in of {email}: {}", res.status());
    let body: serde_json::Value = res.json().await.expect("sign-in body");
    body["data"]["token"].as_str().expect("token").to_string()
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(bin), Some(dist)) = (args.next(), args.next()) else {
        eprintln!("usage: orgdesk-reliability SERVER_BIN DIST [flood|uploads|slow|crash|validator|scale|hostile ...]");
        std::process::exit(2);
    };
    let chosen: Vec<String> = args.collect();
    let setup = Setup { bin: PathBuf::from(bin), dist: PathBuf::from(dist) };
    let mut failed = Vec::new();
    for name in ["flood", "uploads", "slow", "crash", "validator", "scale", "hostile"] {
        if !chosen.is_empty() && !chosen.iter().any(|c| c == name) {
            continue;
        }
        println!("\n== {name}");
        let started = std::time::Instant::now();
        let mut report = Report::default();
        match name {
            "flood" => flood::run(&setup, &mut report).await,
            "uploads" => uploads::run(&setup, &mut report).await,
            "slow" => slow::run(&setup, &mut report).await,
            "crash" => crash::run(&setup, &mut report).await,
            "validator" => validator::run(&setup, &mut report).await,
            "scale" => scale::run(&setup, &mut report).await,
            _ => hostile::run(&setup, &mut report).await,
        }
        println!("  ({:.1} s)", started.elapsed().as_secs_f64());
        failed.extend(report.failed.into_iter().map(|f| format!("{name}: {f}")));
    }
    println!();
    if failed.is_empty() {
        println!("reliability: every figure met");
    } else {
        println!("reliability: {} not met:", failed.len());
        for f in &failed {
            println!("  - {f}");
        }
        std::process::exit(1);
    }
}
