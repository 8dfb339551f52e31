//! One folder per area of the app; each screen owns its resources and renders.

pub mod auth;
pub mod blendvision;
pub mod not_found;
pub mod openbadge;
pub mod public;
