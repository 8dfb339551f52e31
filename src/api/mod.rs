//! Typed calls to the two platforms. `http` is the one place that sends
//! requests and turns responses into [`ApiError`].

pub mod blendvision;
pub mod http;
pub mod openbadge;
pub mod public;

pub use http::ApiError;
