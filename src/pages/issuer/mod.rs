//! Open Badge issuer screens.

pub mod logo;
pub mod nav;
pub mod overview;
pub mod public_settings;
pub mod statistics;
