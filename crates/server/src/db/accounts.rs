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
    /// BlendVision's `ROLE_TYPE_...` in the organization; none on Open Badge.
    pub role_type: Option<String>,
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
        "SELECT a.id, a.email, a.username, a.ob_organization_id, a.bv_organization_id, a.email_verified_at, a.role_type
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

/// The id of the activated account of `dialect` with this e-mail (any case).
pub async fn id_by_email(db: &SqlitePool, dialect: Dialect, email: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM accounts WHERE dialect = ? AND email = ? AND status = 'ACCOUNT_STATUS_ACTIVATED'")
        .bind(dialect.as_str())
        .bind(email.trim())
        .fetch_optional(db)
        .await
}

/// A refresh token hash, issued with the access token `access_hash`.
pub async fn insert_refresh_token(db: &SqlitePool, dialect: Dialect, hash: &str, account_id: &str, access_hash: &str, expires_at: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO refresh_tokens (hash, account_id, dialect, access_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(hash)
        .bind(account_id)
        .bind(dialect.as_str())
        .bind(access_hash)
        .bind(expires_at)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Uses up a live refresh token hash of `dialect`: marks it used and returns
/// its activated account's id, in one statement (two refreshes with the same
/// token cannot both win). `None` for an unknown, used or expired one.
pub async fn use_refresh_token(db: &SqlitePool, dialect: Dialect, hash: &str, now: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE refresh_tokens SET used = 1
         WHERE hash = ? AND dialect = ? AND used = 0 AND expires_at > ?
           AND account_id IN (SELECT id FROM accounts WHERE status = 'ACCOUNT_STATUS_ACTIVATED')
         RETURNING account_id",
    )
    .bind(hash)
    .bind(dialect.as_str())
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Revokes the refresh tokens issued with the access token `access_hash`.
pub async fn revoke_refresh_tokens_of(db: &SqlitePool, access_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE refresh_tokens SET used = 1 WHERE access_hash = ?").bind(access_hash).execute(db).await?;
    Ok(())
}

/// Deletes refresh tokens that expired or were used.
pub async fn purge_refresh_tokens(db: &SqlitePool, now: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM refresh_tokens WHERE expires_at <= ? OR used <> 0").bind(now).execute(db).await?.rows_affected())
}
