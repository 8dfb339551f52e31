//! One module per screen.

pub mod bv;
pub mod issuer;
pub mod landing;
pub mod not_found;
pub mod public;
pub mod sign_in;
