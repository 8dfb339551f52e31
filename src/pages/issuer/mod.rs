//! Open Badge issuer screens.

pub mod overview;
