//! Signing in and the signed-in areas.

pub mod guard;
pub mod idle;
pub mod renew;
pub mod sign_in;
pub mod sign_out;
