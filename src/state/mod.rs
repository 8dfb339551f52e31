//! App-wide state: who is signed in, and the one-off notices shown after a redirect.

pub mod session;
pub mod storage;
