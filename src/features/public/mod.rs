//! The public issuer page.

pub mod adopt;
pub mod issuer_page;
