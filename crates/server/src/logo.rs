//! The organization logo: upload (sniffed, decoded under hard limits,
//! re-encoded without metadata into three sizes with content-hashed names),
//! removal, and serving the files with long immutable caching.

use crate::openbadge::{method_not_allowed, organization_from_row, public_base, signed_in, ApiError, ORG_SELECT};
use crate::State;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use orgdesk_model::media::{check_dimensions, sniff, ImageKind, LogoProblem, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
use orgdesk_model::openbadge::{Data, LaravelError, Organization};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path as FsPath, PathBuf};

/// Room for the multipart envelope around the file.
const BODY_LIMIT: usize = MAX_LOGO_BYTES as usize + 64 * 1024;
const URL_PREFIX: &str = "/media/logos/";

/// The three stored sizes: column, file suffix, longest side in pixels.
const VARIANTS: [(&str, &str, u32); 3] = [("logo_path", "logo", 512), ("logo_high_path", "high", 1024), ("logo_thumbnail_path", "thumb", 128)];

pub fn routes() -> Router<State> {
    Router::new()
        .route("/api/v1/issuers/organization/logo", post(upload).delete(remove).fallback(method_not_allowed).layer(DefaultBodyLimit::max(BODY_LIMIT)))
        .route("/media/logos/{file}", get(serve))
}

fn logo_error(problem: LogoProblem) -> ApiError {
    ApiError::Invalid(BTreeMap::from([("logo".to_string(), vec![problem.to_string()])]))
}

fn too_large() -> Response {
    (StatusCode::PAYLOAD_TOO_LARGE, Json(LaravelError::message(LogoProblem::TooBig.to_string()))).into_response()
}

pub fn logos_dir(state: &State) -> PathBuf {
    state.media.join("logos")
}

/// One re-encoded size, ready to be written.
pub struct Variant {
    pub column: &'static str,
    pub file: String,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Sniffs, decodes under limits, checks dimensions, and encodes the three sizes.
pub fn process(bytes: &[u8]) -> Result<Vec<Variant>, LogoProblem> {
    let kind = sniff(bytes).ok_or(LogoProblem::NotAnImage)?;
    let format = match kind {
        ImageKind::Png => ImageFormat::Png,
        ImageKind::Jpeg => ImageFormat::Jpeg,
        ImageKind::Webp => ImageFormat::WebP,
    };
    // Hard limits: a header claiming huge dimensions is refused before any
    // pixel buffer is allocated.
    let reader = || {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_LOGO_SIDE);
        limits.max_image_height = Some(MAX_LOGO_SIDE);
        limits.max_alloc = Some(256 * 1024 * 1024);
        reader.limits(limits);
        reader
    };
    // The header alone first, so an oversized image gets a message with its size.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().map_err(|_| LogoProblem::Unreadable)?;
    check_dimensions(bytes.len() as u64, width, height)?;
    let image = reader().decode().map_err(|_| LogoProblem::Unreadable)?;
    let hash = &hex::encode(Sha256::digest(bytes))[..16];
    // Photos stay JPEG; anything that may carry transparency becomes PNG.
    let (out_format, ext) = if kind == ImageKind::Jpeg { (ImageFormat::Jpeg, "jpg") } else { (ImageFormat::Png, "png") };
    VARIANTS
        .iter()
        .map(|(column, suffix, side)| {
            let sized = if image.width().max(image.height()) > *side { image.resize(*side, *side, image::imageops::FilterType::Lanczos3) } else { image.clone() };
            let sized = if out_format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(sized.to_rgb8()) } else { sized };
            let mut out = Vec::new();
            // Re-encoding from pixels drops every metadata chunk (EXIF, XMP, text).
            sized.write_to(&mut Cursor::new(&mut out), out_format).map_err(|_| LogoProblem::Unreadable)?;
            Ok(Variant { column, file: format!("{hash}-{suffix}.{ext}"), bytes: out, width: sized.width(), height: sized.height() })
        })
        .collect()
}

/// Reads the `logo` field; a body that grows past the limit (no or a false
/// Content-Length) is cut off with the same 413.
async fn read_logo_field(mut multipart: Multipart) -> Result<Vec<u8>, Response> {
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("logo") => {
                return match field.bytes().await {
                    Ok(bytes) if bytes.len() as u64 > MAX_LOGO_BYTES => Err(too_large()),
                    Ok(bytes) => Ok(bytes.to_vec()),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
                    Err(_) => Err(logo_error(LogoProblem::Unreadable).into_response()),
                };
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(ApiError::Invalid(BTreeMap::from([("logo".to_string(), vec!["Choose an image file to upload.".to_string()])])).into_response()),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(_) => return Err(logo_error(LogoProblem::Unreadable).into_response()),
        }
    }
}

async fn current(state: &State, id: &str, headers: &HeaderMap) -> Result<Organization, ApiError> {
    let row = sqlx::query(ORG_SELECT).bind(id).fetch_optional(&state.db).await?.ok_or(ApiError::NotFound)?;
    Ok(organization_from_row(&row, &public_base(headers)))
}

/// Files of `org`'s current logo that are not among `keep`.
fn stale_files(org: &Organization, keep: &[String]) -> Vec<String> {
    [&org.logo_path, &org.logo_high_path, &org.logo_thumbnail_path]
        .into_iter()
        .flatten()
        .filter_map(|url| url.strip_prefix(URL_PREFIX).map(str::to_string))
        .filter(|f| !keep.contains(f))
        .collect()
}

async fn remove_files(dir: &FsPath, files: &[String]) {
    for f in files {
        let _ = tokio::fs::remove_file(dir.join(f)).await;
    }
}

async fn upload(Extract(state): Extract<State>, request: Request) -> Response {
    let headers = request.headers().clone();
    // Refuse a declared oversize body before reading any of it.
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        return too_large();
    }
    let account = match signed_in(&state, &headers).await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let Some(id) = account.ob_organization_id else { return ApiError::NotFound.into_response() };
    let multipart = match Multipart::from_request(request, &state).await {
        Ok(m) => m,
        Err(_) => return logo_error(LogoProblem::Unreadable).into_response(),
    };
    let bytes = match read_logo_field(multipart).await {
        Ok(b) => b,
        Err(response) => return response,
    };
    let variants = match tokio::task::spawn_blocking(move || process(&bytes)).await {
        Ok(Ok(v)) => v,
        Ok(Err(problem)) => return logo_error(problem).into_response(),
        Err(_) => return ApiError::Internal.into_response(),
    };
    match store(&state, &id, &headers, variants).await {
        Ok(org) => Json(Data { data: org }).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn store(state: &State, id: &str, headers: &HeaderMap, variants: Vec<Variant>) -> Result<Organization, ApiError> {
    let before = current(state, id, headers).await?;
    let dir = logos_dir(state);
    tokio::fs::create_dir_all(&dir).await.map_err(|_| ApiError::Internal)?;
    for v in &variants {
        tokio::fs::write(dir.join(&v.file), &v.bytes).await.map_err(|_| ApiError::Internal)?;
    }
    let mut tx = state.db.begin().await?;
    for v in &variants {
        // Column names come from VARIANTS, never from the request.
        sqlx::query(&format!("UPDATE ob_organizations SET {} = ? WHERE id = ?", v.column)).bind(format!("{URL_PREFIX}{}", v.file)).bind(id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE ob_organizations SET updated_at = ? WHERE id = ?").bind(crate::db::now()).bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    let keep: Vec<String> = variants.into_iter().map(|v| v.file).collect();
    remove_files(&dir, &stale_files(&before, &keep)).await;
    current(state, id, headers).await
}

async fn remove(Extract(state): Extract<State>, headers: HeaderMap) -> Result<Json<Data<Organization>>, ApiError> {
    let account = signed_in(&state, &headers).await?;
    let id = account.ob_organization_id.ok_or(ApiError::NotFound)?;
    let before = current(&state, &id, &headers).await?;
    sqlx::query("UPDATE ob_organizations SET logo_path = NULL, logo_high_path = NULL, logo_thumbnail_path = NULL, updated_at = ? WHERE id = ?")
        .bind(crate::db::now())
        .bind(&id)
        .execute(&state.db)
        .await?;
    remove_files(&logos_dir(&state), &stale_files(&before, &[])).await;
    Ok(Json(Data { data: current(&state, &id, &headers).await? }))
}

/// Logo files never change under a name: cache them for a year.
async fn serve(Extract(state): Extract<State>, Path(file): Path<String>) -> Response {
    let valid = file.len() < 64 && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') && !file.starts_with('.');
    let content_type = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if !valid {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(logos_dir(&state).join(&file)).await {
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
