//! The web front, the production shape: `orgdesk-server --upstream-openbadge
//! URL --upstream-blendvision URL` serves the built app and stands in front
//! of the platforms' APIs on the same origin, with no database and nothing
//! written to disk. It renders `/issuers/{id}` from the Open Badge upstream's
//! public endpoint, keeping a small cache in memory.

mod cache;
mod health;
mod profiles;
mod proxy;
mod public_api;
mod public_page;
mod state;
mod upstream;

pub use state::{Front, FrontState};

use crate::state::Config;
use crate::web::{self, security};
use axum::extract::Request;
use axum::routing::{any, get};
use axum::Router;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;

/// The front for `config`'s upstreams and `dist`; checks the URLs, no I/O.
pub fn prepare(config: &Config) -> Result<FrontState, String> {
    Front::new(config.dist.clone(), &config.upstreams, config.public_url.clone())
}

pub fn router(front: FrontState) -> Router {
    let policy = Arc::new(security::Policy::from_env());
    let public_url = front.public_url.clone();
    Router::new()
        .route("/healthz", get(web::healthz))
        .route("/readyz", get(health::ready))
        .route("/issuers/{id}", get(public_page::show))
        .route("/issuers/{id}/", get(public_page::show))
        // Anonymous reads from the cache; everything else is proxied.
        .route("/api/v1/public/organizations/{id}", any(public_api::show))
        .route("/api/{*rest}", any(proxy::open_badge))
        // Logos and badge images live with the Open Badge platform.
        .route("/media/{*rest}", any(proxy::open_badge))
        .route("/bv/{*rest}", any(proxy::blendvision))
        .fallback(web::static_files::serve)
        .with_state(front)
        // Precompressed files and compressed upstream answers carry
        // Content-Encoding already and are left alone.
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(policy, security::headers))
        .layer(axum::middleware::from_fn(proxy::bounded_headers))
        .layer(axum::middleware::from_fn_with_state(public_url, crate::origin::believed_forwarding))
        .layer(
            // Method and path only: never headers (Authorization), bodies or queries.
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| tracing::info_span!("request", method = %request.method(), path = %request.uri().path()))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO).latency_unit(LatencyUnit::Millis)),
        )
}

/// Binds, announces the address on stdout, and serves until Ctrl-C.
pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let front = prepare(&config)?;
    let listener = TcpListener::bind(config.bind).await?;
    let addr = listener.local_addr()?;
    {
        // The same line as the reference server's: scripts read it.
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{addr}")?;
        out.flush()?;
    }
    let origin = |u: Option<&upstream::Upstream>| u.map(|u| u.origin()).unwrap_or_else(|| "none".into());
    tracing::info!(%addr, openbadge = %origin(front.openbadge.as_ref()), blendvision = %origin(front.blendvision.as_ref()), dist = %config.dist.display(), "serving as the web front");
    // TCP_NODELAY, timeouts and the connection cap: the reference server's loop.
    crate::serve::serve(listener, router(front), config.limits, crate::serve::ctrl_c()).await?;
    Ok(())
}
