//! orgdesk-server: the Open Badge issuer API and the BlendVision One
//! organization service on SQLite, plus static hosting of the built app.

pub mod auth;
pub mod blendvision;
pub mod bv_console;
pub mod cli;
pub mod compression;
pub mod db;
pub mod logo;
pub mod openbadge;
pub mod profile_update;
pub mod public_page;
pub mod sanitize;
pub mod security;
pub mod seed;
pub mod static_files;

use axum::Router;
use sqlx::SqlitePool;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Everything the server is told at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub db: PathBuf,
    pub seed: Seed,
    pub dist: PathBuf,
    /// How long a bearer token lives.
    pub token_ttl_secs: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    None,
    Demo,
}

/// Shared by every handler.
pub struct AppState {
    pub db: SqlitePool,
    /// Uploaded files (logos), beside the database.
    pub media: PathBuf,
    pub dist: PathBuf,
    pub token_ttl_secs: i64,
}

pub type State = Arc<AppState>;

/// Opens (creating and migrating) the database and seeds it if asked.
pub async fn prepare(config: &Config) -> Result<State, Box<dyn std::error::Error>> {
    let pool = db::open(&config.db).await?;
    if config.seed == Seed::Demo {
        seed::demo(&pool).await?;
    }
    let media = config.db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new(".")).join("media");
    std::fs::create_dir_all(&media)?;
    Ok(Arc::new(AppState { db: pool, media, dist: config.dist.clone(), token_ttl_secs: config.token_ttl_secs }))
}

pub fn router(state: State) -> Router {
    let policy = Arc::new(security::Policy::from_env());
    Router::new()
        .merge(openbadge::routes())
        .merge(logo::routes())
        .merge(blendvision::routes())
        .fallback(static_files::serve)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(policy, security::headers))
}

/// Binds, announces the address on stdout, and serves until Ctrl-C.
pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let state = prepare(&config).await?;
    let listener = TcpListener::bind(config.bind).await?;
    let addr = listener.local_addr()?;
    {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{addr}")?;
        out.flush()?;
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
