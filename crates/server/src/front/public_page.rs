//! `/issuers/{id}` on the web front: the reference server's page, rendered
//! from the Open Badge upstream's public profile as [`super::profiles`]
//! keeps it.

use super::profiles::{lookup, valid_id, Lookup};
use super::state::FrontState;
use crate::origin::public_base;
use crate::web::issuer_page::{self, Issuer};
use crate::web::security::Nonce;
use axum::extract::{Extension, Path, State as Extract};
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn show(Extract(front): Extract<FrontState>, Extension(nonce): Extension<Nonce>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lookup = match front.openbadge.as_ref().filter(|_| valid_id(&id)) {
        Some(upstream) => lookup(&front, upstream, &id).await,
        None => Lookup::NotFound,
    };
    match lookup {
        Lookup::Found(found) => {
            let base = public_base(&headers);
            let wants_html = issuer_page::wants_html(&headers);
            if let Some(page) = found.page(&base).filter(|_| wants_html) {
                return page.answer(&nonce);
            }
            let mut profile = found.profile.clone();
            // The upstream wrote its own address; the page lives here.
            profile.public_url = Some(format!("{base}/issuers/{id}"));
            let issuer = Issuer { profile, email: None, logo_size: None };
            // Rendered once per profile and address, then only the nonce changes.
            let prepared = if wants_html { issuer_page::prepare(&front.dist, &id, &issuer, &base).await } else { None };
            match prepared {
                Some(page) => {
                    let response = page.answer(&nonce);
                    found.keep_page(base, std::sync::Arc::new(page));
                    response
                }
                None => issuer_page::respond(&front.dist, &id, Some(&issuer), &headers, &nonce).await,
            }
        }
        Lookup::NotFound => issuer_page::respond(&front.dist, &id, None, &headers, &nonce).await,
        Lookup::Unavailable => issuer_page::unavailable(&front.dist, &headers, &nonce).await,
    }
}
