//! `orgdesk-server issue-token`: an API token for an account, issued the
//! way the platforms' consoles do, straight into the database (a running
//! server on the same file sees it at once).

use crate::auth::{tokens, Dialect};
use crate::cli::{Platform, TokenRequest};
use crate::db;

/// Why no token was issued.
#[derive(Debug)]
pub enum IssueError {
    /// The database file is not there (a typo would otherwise create an empty one).
    NoDatabase(std::path::PathBuf),
    /// No activated account of that platform has this e-mail.
    UnknownAccount { platform: &'static str, email: String },
    Database(String),
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IssueError::NoDatabase(path) => write!(f, "no database at {} (start the server on it first)", path.display()),
            IssueError::UnknownAccount { platform, email } => write!(f, "no activated {platform} account has the e-mail {email}"),
            IssueError::Database(e) => write!(f, "database: {e}"),
        }
    }
}

impl std::error::Error for IssueError {}

impl From<sqlx::Error> for IssueError {
    fn from(e: sqlx::Error) -> Self {
        IssueError::Database(e.to_string())
    }
}

fn dialect(platform: Platform) -> Dialect {
    match platform {
        Platform::Openbadge => Dialect::OpenBadge,
        Platform::Blendvision => Dialect::BlendVision,
    }
}

/// Issues the token (stored hashed, like a sign-in's) and returns it.
pub async fn issue_token(request: &TokenRequest) -> Result<String, IssueError> {
    if !request.db.is_file() {
        return Err(IssueError::NoDatabase(request.db.clone()));
    }
    let pool = db::open(&request.db).await.map_err(|e| IssueError::Database(e.to_string()))?;
    let dialect = dialect(request.platform);
    let account = db::accounts::id_by_email(&pool, dialect, &request.email).await?;
    let account = account.ok_or_else(|| IssueError::UnknownAccount { platform: dialect.as_str(), email: request.email.trim().to_string() })?;
    let (token, _) = tokens::issue(&pool, dialect, &account, request.days * 24 * 3600).await?;
    tracing::info!(dialect = dialect.as_str(), %account, days = request.days, "API token issued");
    pool.close().await;
    Ok(token)
}
