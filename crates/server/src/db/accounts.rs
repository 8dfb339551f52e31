//! Sign-in accounts of either platform and their bearer tokens (stored as
//! hashes only).

use sqlx::SqlitePool;

/// Which platform an account, a token or a sign-in belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    OpenBadge,
    BlendVision,
}

impl Dialect {
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::OpenBadge => "openbadge",
            Dialect::BlendVision => "blendvision",
        }
    }
}

/// The signed-in account behind a request.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub username: Option<String>,
    pub ob_organization_id: Option<String>,
    pub bv_organization_id: Option<String>,
    pub email_verified_at: Option<String>,
}

/// What a sign-in checks its password against.
#[derive(Debug, sqlx::FromRow)]
pub struct StoredPassword {
    pub id: String,
    pub password_hash: String,
}

/// The activated account of `dialect` with this e-mail (any case).
pub async fn password_of(db: &SqlitePool, dialect: Dialect, email: &str) -> Result<Option<StoredPassword>, sqlx::Error> {
    sqlx::query_as("SELECT id, password_hash FROM accounts WHERE dialect = ? AND email = ? AND status = 'ACCOUNT_STATUS_ACTIVATED'")
        .bind(dialect.as_str())
        .bind(email)
        .fetch_optional(db)
        .await
}

pub async fn insert_token(db: &SqlitePool, dialect: Dialect, hash: &str, account_id: &str, expires_at: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO tokens (hash, account_id, dialect, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(hash)
        .bind(account_id)
        .bind(dialect.as_str())
        .bind(expires_at)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// The activated account behind a live, unrevoked token hash of `dialect`.
pub async fn account_for_token(db: &SqlitePool, dialect: Dialect, hash: &str, now: i64) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.email, a.username, a.ob_organization_id, a.bv_organization_id, a.email_verified_at
         FROM tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.hash = ? AND t.dialect = ? AND t.revoked = 0 AND t.expires_at > ? AND a.status = 'ACCOUNT_STATUS_ACTIVATED'",
    )
    .bind(hash)
    .bind(dialect.as_str())
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn revoke_token(db: &SqlitePool, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tokens SET revoked = 1 WHERE hash = ?").bind(hash).execute(db).await?;
    Ok(())
}
