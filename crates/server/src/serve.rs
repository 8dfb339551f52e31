//! The one accept loop both shapes of the server (the reference server and
//! the web front) run: hyper's HTTP/1 with a header-read timeout, a
//! time limit on each request (its body included), a cap on open
//! connections, TCP_NODELAY, and a graceful stop.

use axum::http::StatusCode;
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::Service;
use tower_http::timeout::TimeoutLayer;

/// How many connections the server keeps open and how long it waits on a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Open connections at most; beyond it a new one is closed at once.
    pub max_connections: usize,
    /// A request's header must have arrived this long after it started.
    pub header_timeout: Duration,
    /// A request, its body included, must be answered within this (else 408).
    pub body_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_connections: 16_384, header_timeout: Duration::from_secs(10), body_timeout: Duration::from_secs(30) }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then waits for
/// the open connections' answers. Every request sees its client's address
/// as `ConnectInfo<SocketAddr>`, as with axum's
/// `into_make_service_with_connect_info`.
pub async fn serve(listener: TcpListener, router: Router, limits: Limits, shutdown: impl Future<Output = ()>) -> std::io::Result<()> {
    let router = router.layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.body_timeout));
    let mut make = router.into_make_service_with_connect_info::<SocketAddr>();
    let permits = Arc::new(Semaphore::new(connection_cap(limits.max_connections)));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Full: this one is closed at once (dropped), so a flood of idle
        // connections costs a file descriptor only for as long as the
        // header timeout lets the held ones stay.
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::debug!(%peer, "connection cap reached: closed");
            continue;
        };
        // Without TCP_NODELAY a file sent in several writes waits for the
        // client's delayed ACK (40 ms) before its last small segment.
        if let Err(e) = stream.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
        let Ok(service) = make.call(peer).await;
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, %peer, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Resolves on Ctrl-C (SIGINT), for a graceful stop.
pub async fn ctrl_c() {
    let _ = tokio::signal::ctrl_c().await;
}

/// `wanted`, lowered to leave room under the process's open-file limit
/// (Linux's `/proc/self/limits`) for the database, the files served and
/// the upstream connections: a cap above it would not keep `accept` working.
fn connection_cap(wanted: usize) -> usize {
    const RESERVED: usize = 128;
    raise_open_file_limit();
    let soft = std::fs::read_to_string("/proc/self/limits").ok().and_then(|limits| {
        let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
        line.split_whitespace().nth(3)?.parse::<usize>().ok()
    });
    match soft {
        Some(soft) if soft.saturating_sub(RESERVED) < wanted => {
            let cap = soft.saturating_sub(RESERVED).max(1);
            tracing::warn!(wanted, cap, open_files = soft, "connection cap lowered to fit the open-file limit (ulimit -n)");
            cap
        }
        _ => wanted,
    }
}

/// Raises the soft open-file limit to the hard one (as Go's runtime and
/// nginx's `worker_rlimit_nofile` do): the default soft 1,024 would cap the
/// connections far below what the machine allows.
fn raise_open_file_limit() {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max;
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                tracing::debug!("open-file limit not raised");
            }
        }
    }
}

/// A failed `accept`: the client gave up already (go on), or the process is
/// out of file descriptors or memory (wait a little, as axum's loop does,
/// rather than spin).
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        return;
    }
    tracing::error!(error = %e, "accept failed");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
