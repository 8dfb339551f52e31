//! What the server is told at start-up, and what every handler shares.

use sqlx::SqlitePool;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything the server is told at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub db: PathBuf,
    pub seed: Seed,
    pub dist: PathBuf,
    /// How long a bearer token lives.
    pub token_ttl_secs: i64,
    /// With either set, the server is the stateless web front instead.
    pub upstreams: Upstreams,
}

/// `--upstream-openbadge` and `--upstream-blendvision`: the platforms' API
/// base URLs the web front proxies to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Upstreams {
    pub openbadge: Option<String>,
    pub blendvision: Option<String>,
}

impl Upstreams {
    /// Whether the server runs as the web front.
    pub fn any(&self) -> bool {
        self.openbadge.is_some() || self.blendvision.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// An empty database.
    None,
    /// The demo organizations and accounts.
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
