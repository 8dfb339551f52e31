//! What the server is told at start-up, and what every handler shares.

pub use crate::serve::Limits;
use crate::kept::Kept;
use crate::openbadge::answers::Answer;
use crate::web::page::Dist;
use crate::web::prepared::Prepared;
use axum::extract::FromRef;
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
    /// Which API surface to serve.
    pub api: ApiMode,
    /// With either set, the server is the stateless web front instead.
    pub upstreams: Upstreams,
    /// `--public-url`: when set, the only base of the absolute URLs the
    /// server writes (`public_url`, `og:url`, JSON-LD ids).
    pub public_url: Option<crate::origin::PublicUrl>,
    /// Connection cap and timeouts.
    pub limits: Limits,
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

/// What the server answers: everything orgdesk offers, or only what the two
/// platforms document, with the vendors' quirks (API.md §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ApiMode {
    /// The documented APIs plus orgdesk's extensions.
    #[default]
    Reference,
    /// Only the documented APIs, answered the way the vendors' servers do.
    Vendor,
}

impl ApiMode {
    pub fn is_vendor(self) -> bool {
        self == ApiMode::Vendor
    }
}

/// Shared by every handler.
pub struct AppState {
    pub db: SqlitePool,
    /// Uploaded files (logos), beside the database.
    pub media: PathBuf,
    pub dist: PathBuf,
    pub token_ttl_secs: i64,
    pub api: ApiMode,
    /// `--public-url`, when given.
    pub public_url: Option<crate::origin::PublicUrl>,
    /// The public profile answers and issuer pages made lately (dropped on
    /// every change here: [`AppState::changed_public`]).
    pub public_answers: Kept<Answer>,
    pub issuer_pages: Kept<Prepared>,
}

impl AppState {
    /// The organization `id` changed here: its public answers are made afresh.
    pub fn changed_public(&self, id: &str) {
        self.public_answers.forget(id);
        self.issuer_pages.forget(id);
    }
}

pub type State = Arc<AppState>;

impl FromRef<State> for Dist {
    fn from_ref(state: &State) -> Dist {
        Dist(state.dist.clone())
    }
}
