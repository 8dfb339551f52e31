//! `orgdesk-server seed-badges`: made-up issued badges for an Open Badge
//! organization, many at once (one statement, one transaction), to try the
//! counts, statistics and public page at scale.

use crate::cli::SeedRequest;
use crate::db;

/// Why no badges were issued.
#[derive(Debug)]
pub enum SeedError {
    /// The database file is not there (a typo would otherwise create an empty one).
    NoDatabase(std::path::PathBuf),
    UnknownOrganization(String),
    Database(String),
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeedError::NoDatabase(path) => write!(f, "no database at {} (start the server on it first)", path.display()),
            SeedError::UnknownOrganization(id) => write!(f, "no Open Badge organization has the id {id}"),
            SeedError::Database(e) => write!(f, "database: {e}"),
        }
    }
}

impl std::error::Error for SeedError {}

impl From<sqlx::Error> for SeedError {
    fn from(e: sqlx::Error) -> Self {
        SeedError::Database(e.to_string())
    }
}

/// Issues the badges; returns a line saying how many, in how long.
pub async fn seed_badges(request: &SeedRequest) -> Result<String, SeedError> {
    if !request.db.is_file() {
        return Err(SeedError::NoDatabase(request.db.clone()));
    }
    let pool = db::open(&request.db).await.map_err(|e| SeedError::Database(e.to_string()))?;
    let started = std::time::Instant::now();
    let inserted = db::ob_orgs::seed_badges(&pool, request.organization.trim(), request.count).await?;
    pool.close().await;
    let inserted = inserted.ok_or_else(|| SeedError::UnknownOrganization(request.organization.trim().to_string()))?;
    let took = started.elapsed();
    tracing::info!(organization = %request.organization, inserted, ?took, "badges seeded");
    Ok(format!("{inserted} badges issued to {} in {:.2} s", request.organization.trim(), took.as_secs_f64()))
}
