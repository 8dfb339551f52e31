//! Open Badge issuer screens.

pub mod nav;
pub mod overview;
pub mod public_settings;
pub mod statistics;
