//! The public profile answer as kept (`crate::kept`): made once per change.

use axum::body::Bytes;

/// A made public answer.
pub struct Answer {
    pub body: Bytes,
    pub etag: String,
}
