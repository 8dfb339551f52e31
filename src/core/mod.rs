//! What the app knows without showing anything: the API base URLs, the
//! session, browser storage and the shape of a failed request.

pub mod capabilities;
pub mod config;
pub mod error;
pub mod fetch;
pub mod json;
pub mod navigation;
pub mod session;
pub mod storage;
