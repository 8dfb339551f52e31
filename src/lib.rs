//! orgdesk: the organization console for Open Badge issuers and BlendVision
//! One customers.
//!
//! Arrows go one way: `app` → `features` → `ui` → `i18n` → `core` → the
//! model crate; `features` → `api` → `core`.

pub mod api;
pub mod app;
pub mod core;
pub mod features;
pub mod i18n;
pub mod ui;

pub use app::provide_app_contexts;
