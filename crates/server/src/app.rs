//! The router: the two platform APIs and the web front merged, with the
//! layers every response passes through.

use crate::state::{AppState, Config, Seed, State};
use crate::{auth, blendvision, db, openbadge, web};
use axum::Router;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

/// Opens (creating and migrating) the database and seeds it if asked.
pub async fn prepare(config: &Config) -> Result<State, Box<dyn std::error::Error>> {
    let pool = db::open(&config.db).await?;
    let media = config.db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("media");
    std::fs::create_dir_all(&media)?;
    if config.seed == Seed::Demo && db::seed::demo(&pool, &auth::password::hash(db::seed::DEMO_PASSWORD)?).await? {
        openbadge::demo_images::seed(&pool, &media).await.map_err(|e| e.to_string())?;
    }
    match openbadge::sweep_logos(&pool, &media).await {
        Ok(0) => {}
        Ok(removed) => tracing::info!(removed, "unreferenced logo files removed"),
        Err(e) => tracing::warn!(error = %e, "logo folders not swept"),
    }
    Ok(Arc::new(AppState { db: pool, media, dist: config.dist.clone(), token_ttl_secs: config.token_ttl_secs, api: config.api, public_url: config.public_url.clone(), public_answers: Default::default(), issuer_pages: Default::default() }))
}

pub fn router(state: State) -> Router {
    let public_url = state.public_url.clone();
    let policy = Arc::new(web::security::Policy::from_env());
    let apis = Router::new()
        .merge(openbadge::routes(state.api))
        .merge(blendvision::routes(state.api))
        .layer(axum::middleware::from_fn(auth::no_store))
        .layer(axum::middleware::from_fn(crate::rejections::in_platform_shape))
        .layer(policy.cors());
    Router::new()
        .merge(apis)
        .merge(web::routes())
        .with_state(state)
        // Precompressed files already carry Content-Encoding and are left alone.
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(policy, web::security::headers))
        .layer(axum::middleware::from_fn_with_state(public_url, crate::origin::believed_forwarding))
        // This server's count of failed sign-ins (by client IP, from connect info).
        .layer(axum::Extension(auth::client::new_throttle()))
}

/// Logs to stderr; `RUST_LOG` overrides the default `info`.
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(std::io::stderr().is_terminal()).try_init();
}

/// Binds, announces the address on stdout, and serves until Ctrl-C; with an
/// upstream configured, as the web front instead.
pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    if config.upstreams.any() {
        return crate::front::run(config).await;
    }
    let state = prepare(&config).await?;
    let listener = TcpListener::bind(config.bind).await?;
    let addr = listener.local_addr()?;
    {
        // Scripts and the e2e setup read this exact line.
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{addr}")?;
        out.flush()?;
    }
    tracing::info!(%addr, db = %config.db.display(), dist = %config.dist.display(), api = ?config.api, "serving");
    // With connect info: sign-in throttling counts by the client's address.
    crate::serve::serve(listener, router(state), config.limits, crate::serve::ctrl_c()).await?;
    Ok(())
}
