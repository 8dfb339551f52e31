//! Open Badge issuer screens.

pub mod billing;
pub mod form;
pub mod logo;
pub mod nav;
pub mod profile;
pub mod public_settings;
pub mod statistics;
