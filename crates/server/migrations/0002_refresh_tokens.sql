-- Refresh tokens (BlendVision sign-in): only the SHA-256 is stored; each is
-- used once, and names the access token issued with it, so a sign-out
-- revokes both.
CREATE TABLE refresh_tokens (
    hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    dialect TEXT NOT NULL,
    access_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX refresh_tokens_by_access ON refresh_tokens(access_hash);
