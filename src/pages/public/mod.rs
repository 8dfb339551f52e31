//! Pages anyone can open without signing in.

pub mod issuer_page;
