//! Slow and idle clients (issue 15): a header that never ends, many of them
//! at once, a body that stalls, more connections than the cap. Raw TCP, so
//! the client sends exactly the bytes each case needs.

mod common;

use common::*;
use orgdesk_server::Limits;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn limited(max_connections: usize, header_ms: u64, body_ms: u64) -> String {
    start_configured(|config| {
        config.limits = Limits { max_connections, header_timeout: Duration::from_millis(header_ms), body_timeout: Duration::from_millis(body_ms) };
    })
    .0
}

fn addr(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

/// Reads until the server closes the connection (or resets it), at most
/// `limit`; `None` when it was still open then. Returns what was read.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(seen),
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

/// Whether the server has closed the connection right now (within 50 ms).
async fn is_closed(stream: &mut TcpStream) -> bool {
    closed_within(stream, Duration::from_millis(50)).await.is_some()
}

#[tokio::test]
async fn a_header_that_never_ends_is_closed_after_the_header_timeout() {
    let base = limited(1024, 1000, 30_000);
    let mut slow = TcpStream::connect(addr(&base)).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHo").await.unwrap();
    let started = Instant::now();
    let closed = closed_within(&mut slow, Duration::from_secs(5)).await;
    let took = started.elapsed();
    assert!(closed.is_some(), "still open after 5 s");
    println!("partial header closed after {took:?}");
    assert!(took >= Duration::from_millis(800) && took < Duration::from_millis(2500), "{took:?}");
}

#[tokio::test]
async fn three_hundred_slow_clients_neither_delay_a_request_nor_stay() {
    let base = limited(1024, 2000, 30_000);
    let target = addr(&base);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..300 {
        let mut stream = TcpStream::connect(&target).await.unwrap();
        stream.write_all(b"GET / HTTP/1.1\r\n").await.unwrap();
        // One more header byte every 300 ms, as a slowloris client does.
        tasks.push(tokio::spawn(async move {
            let mut buf = [0u8; 512];
            loop {
                tokio::select! {
                    read = stream.read(&mut buf) => if matches!(read, Ok(0) | Err(_)) { return Some(Instant::now()) },
                    () = tokio::time::sleep(Duration::from_millis(300)) => {
                        if stream.write_all(b"X").await.is_err() {
                            return Some(Instant::now());
                        }
                    }
                }
                if Instant::now().duration_since(started) > Duration::from_secs(8) {
                    return None;
                }
            }
        }));
    }
    let opened = started.elapsed();
    let asked = Instant::now();
    let res = reqwest::Client::new().get(format!("{base}/healthz")).send().await.unwrap();
    let took = asked.elapsed();
    println!("300 slow connections opened in {opened:?}; /healthz answered in {took:?}");
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    assert!(took < Duration::from_secs(1), "{took:?}");
    let mut open = 0;
    let mut last = Duration::ZERO;
    for task in tasks {
        match task.await.unwrap() {
            Some(at) => last = last.max(at.duration_since(started)),
            None => open += 1,
        }
    }
    println!("the last slow connection closed {last:?} after the first was opened");
    assert_eq!(open, 0, "slow connections still open 8 s later");
}

#[tokio::test]
async fn a_stalled_body_gets_408_or_a_closed_connection() {
    let base = limited(1024, 10_000, 1000);
    let mut stream = TcpStream::connect(addr(&base)).await.unwrap();
    let head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"em";
    stream.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let answer = closed_within(&mut stream, Duration::from_secs(5)).await;
    let took = started.elapsed();
    let answer = String::from_utf8_lossy(answer.as_deref().expect("still open after 5 s")).to_string();
    println!("stalled body answered after {took:?}: {:?}", answer.lines().next());
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(took >= Duration::from_millis(800) && took < Duration::from_millis(2500), "{took:?}");
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let base = limited(50, 5000, 30_000);
    let target = addr(&base);
    let mut streams = Vec::new();
    for _ in 0..80 {
        streams.push(TcpStream::connect(&target).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut closed = 0;
    for stream in &mut streams {
        if is_closed(stream).await {
            closed += 1;
        }
    }
    assert_eq!(closed, 30, "the 30 beyond the cap of 50");
    // Once the held ones go, the server answers again.
    streams.clear();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let res = reqwest::Client::new().get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::OK);
}
