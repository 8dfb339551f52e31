//! An issuer page rendered once and answered many times (kept by the
//! reference server per organization and base, and by the web front per
//! cached profile): the HTML cut where each response's nonce goes.

use super::page;
use super::security::Nonce;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;

#[derive(Debug)]
pub struct Prepared {
    status: StatusCode,
    parts: Vec<String>,
}

impl Prepared {
    /// `html` rendered with `marker` where each response's nonce goes.
    pub fn cut(status: StatusCode, html: &str, marker: &str) -> Prepared {
        Prepared { status, parts: html.split(marker).map(str::to_string).collect() }
    }

    /// The page with this response's nonce.
    pub fn answer(&self, nonce: &Nonce) -> Response {
        let mut response = page::html(self.status, self.parts.join(nonce.0.as_str()));
        response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept, Accept-Encoding"));
        response
    }
}
