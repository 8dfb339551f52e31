-- A version counter per Open Badge organization: every write to the row moves
-- it in the same transaction; it is the strong validator (`ETag: "<version>"`)
-- a PUT's `If-Match` claims, finer than `updated_at` seen through
-- `If-Unmodified-Since` (whole seconds).
ALTER TABLE ob_organizations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
