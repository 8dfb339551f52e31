//! The organization logo: upload (processed by [`super::images`]), removal,
//! and serving the files with long immutable caching.

use super::images::{process, Variant};
use super::organization::{answer, current};
use super::{ObAdmin, OpenBadgeError};
use crate::db::ob_orgs;
use crate::state::State;
use axum::extract::{FromRequest, Multipart, Path, Request, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use orgdesk_model::media::{LogoProblem, MAX_LOGO_BYTES};
use orgdesk_model::openbadge::Organization;
use crate::media::{valid_name, Kind};
use std::path::Path as FsPath;

/// Room for the multipart envelope around the file.
pub const BODY_LIMIT: usize = MAX_LOGO_BYTES as usize + 64 * 1024;

fn refused(problem: LogoProblem) -> OpenBadgeError {
    OpenBadgeError::field("logo", problem.to_string())
}

fn too_large() -> OpenBadgeError {
    OpenBadgeError::TooLarge(LogoProblem::TooBig.to_string())
}

/// Writes processed images of `kind` where they are served from; their URLs by size.
pub async fn write_variants(media: &FsPath, kind: Kind, variants: &[Variant]) -> std::io::Result<Vec<(ob_orgs::LogoSize, String)>> {
    let dir = kind.dir(media);
    tokio::fs::create_dir_all(&dir).await?;
    for v in variants {
        tokio::fs::write(dir.join(&v.file), &v.bytes).await?;
    }
    Ok(variants.iter().map(|v| (v.size, kind.url(&v.file))).collect())
}

/// Reads the `logo` field; a body that grows past the limit (no or a false
/// Content-Length) is cut off with the same 413.
async fn read_logo_field(mut multipart: Multipart) -> Result<Vec<u8>, OpenBadgeError> {
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("logo") => {
                return match field.bytes().await {
                    Ok(bytes) if bytes.len() as u64 > MAX_LOGO_BYTES => Err(too_large()),
                    Ok(bytes) => Ok(bytes.to_vec()),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
                    Err(_) => Err(refused(LogoProblem::Unreadable)),
                };
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(OpenBadgeError::field("logo", "Choose an image file to upload.")),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(_) => return Err(refused(LogoProblem::Unreadable)),
        }
    }
}

/// Files of `org`'s current logo that are not among `keep`.
fn stale_files(org: &Organization, keep: &[String]) -> Vec<String> {
    [&org.logo_path, &org.logo_high_path, &org.logo_thumbnail_path]
        .into_iter()
        .flatten()
        .filter_map(|url| url.strip_prefix(Kind::Logo.url_prefix()).map(str::to_string))
        .filter(|f| !keep.contains(f))
        .collect()
}

async fn remove_files(dir: &FsPath, files: &[String]) {
    for f in files {
        let _ = tokio::fs::remove_file(dir.join(f)).await;
    }
}

pub async fn upload(admin: ObAdmin, Extract(state): Extract<State>, request: Request) -> Result<Response, OpenBadgeError> {
    let headers = request.headers().clone();
    // Refuse a declared oversize body before reading any of it.
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        return Err(too_large());
    }
    let multipart = Multipart::from_request(request, &state).await.map_err(|_| refused(LogoProblem::Unreadable))?;
    let bytes = read_logo_field(multipart).await?;
    let variants = match tokio::task::spawn_blocking(move || process(&bytes)).await {
        Ok(processed) => processed.map_err(refused)?,
        Err(_) => return Err(OpenBadgeError::Internal),
    };
    store(&state, &admin, &headers, variants).await
}

async fn store(state: &State, admin: &ObAdmin, headers: &HeaderMap, variants: Vec<Variant>) -> Result<Response, OpenBadgeError> {
    let before = current(state, admin, headers).await?;
    let urls = write_variants(&state.media, Kind::Logo, &variants).await.map_err(|_| OpenBadgeError::Internal)?;
    ob_orgs::set_logo(&state.db, &admin.organization_id, &urls).await?;
    let keep: Vec<String> = variants.into_iter().map(|v| v.file).collect();
    remove_files(&Kind::Logo.dir(&state.media), &stale_files(&before, &keep)).await;
    answer(state, admin, headers).await
}

pub async fn remove(admin: ObAdmin, Extract(state): Extract<State>, headers: HeaderMap) -> Result<Response, OpenBadgeError> {
    let before = current(&state, &admin, &headers).await?;
    ob_orgs::clear_logo(&state.db, &admin.organization_id).await?;
    remove_files(&Kind::Logo.dir(&state.media), &stale_files(&before, &[])).await;
    answer(&state, &admin, &headers).await
}

/// Logo files never change under a name: cache them for a year.
pub async fn serve(Extract(state): Extract<State>, Path(file): Path<String>) -> Response {
    serve_file(&state, Kind::Logo, &file).await
}

/// Badge images, likewise.
pub async fn serve_badge(Extract(state): Extract<State>, Path(file): Path<String>) -> Response {
    serve_file(&state, Kind::Badge, &file).await
}

async fn serve_file(state: &State, kind: Kind, file: &str) -> Response {
    let content_type = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if !valid_name(file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(kind.dir(&state.media).join(file)).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let h = response.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
            h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            response
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
