//! The organization logo: upload (processed by [`super::images`] in a
//! bounded [`crate::cpu::Pool`]), removal, serving the files with long
//! immutable caching, and sweeping what a killed upload left behind.
//!
//! Each organization's files live in its own folder ([`crate::media`]). A
//! change writes the new files under temporary names, renames them into
//! place, commits, and only then removes the old ones; a failed commit
//! removes the new ones again. Changes run one at a time, so none removes
//! a file another has just made current.

use super::images::{self, process, Variant};
use super::organization::{answer, current};
use super::{ObAdmin, OpenBadgeError};
use crate::cpu::{NotDone, Pool};
use crate::db::ob_orgs;
use crate::media::{valid_name, valid_owner, Kind};
use crate::state::State;
use axum::extract::{FromRequest, Multipart, Path, Request, State as Extract};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use orgdesk_model::media::{LogoProblem, MAX_LOGO_BYTES};
use orgdesk_model::openbadge::Organization;
use sqlx::SqlitePool;
use std::path::{Path as FsPath, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::sync::Mutex;

/// Room for the multipart envelope around the file.
pub const BODY_LIMIT: usize = MAX_LOGO_BYTES as usize + 64 * 1024;

/// How many uploads may wait for a core, per core (each holds its file, up to 5 MB).
const IMAGE_QUEUE_PER_CORE: usize = 2;
/// The longest an upload waits for a core before it is told "busy".
const IMAGE_MAX_WAIT: Duration = Duration::from_secs(2);
/// What a "busy" answer tells the client to wait (the `Retry-After` seconds).
const IMAGE_BUSY_RETRY_AFTER_SECS: u64 = 5;

/// Image processing: all cores but one, a few waiting (decoding a 16
/// megapixel image takes 64 MB or more, so this also bounds memory).
fn image_pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool::for_cores(IMAGE_QUEUE_PER_CORE, IMAGE_MAX_WAIT))
}

fn busy() -> OpenBadgeError {
    tracing::warn!("logo upload refused: image processing busy");
    OpenBadgeError::Busy { retry_after_secs: IMAGE_BUSY_RETRY_AFTER_SECS }
}

/// Logo changes, one at a time (each is a few file operations and a commit).
fn changes() -> &'static Mutex<()> {
    static CHANGES: OnceLock<Mutex<()>> = OnceLock::new();
    CHANGES.get_or_init(|| Mutex::new(()))
}

fn refused(problem: LogoProblem) -> OpenBadgeError {
    OpenBadgeError::field("logo", problem.to_string())
}

fn too_large() -> OpenBadgeError {
    OpenBadgeError::TooLarge(LogoProblem::TooBig.to_string())
}

/// The URLs `owner`'s processed images of `kind` are served at, by size.
pub fn variant_urls(kind: Kind, owner: &str, variants: &[Variant]) -> Vec<(ob_orgs::LogoSize, String)> {
    variants.iter().map(|v| (v.size, kind.url_of(owner, &v.file))).collect()
}

/// Writes processed images into `dir`: every file under a temporary name
/// first (a name that is never served), then each renamed into place, so a
/// served name never holds half a file. On an error before the renames
/// nothing is left; after, the caller removes what it put in place.
pub async fn write_variants(dir: &FsPath, variants: &[Variant]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let mut staged = Vec::new();
    for v in variants {
        let temp = dir.join(format!(".{}.{}.tmp", v.file, uuid::Uuid::new_v4().simple()));
        staged.push((temp.clone(), dir.join(&v.file)));
        if let Err(e) = write_synced(&temp, &v.bytes).await {
            remove_paths(staged.iter().map(|(temp, _)| temp)).await;
            return Err(e);
        }
    }
    for (temp, path) in &staged {
        if let Err(e) = tokio::fs::rename(temp, path).await {
            remove_paths(staged.iter().map(|(temp, _)| temp)).await;
            return Err(e);
        }
    }
    Ok(())
}

async fn write_synced(path: &FsPath, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = tokio::fs::File::create(path).await?;
    file.write_all(bytes).await?;
    file.sync_all().await
}

async fn remove_paths<'a>(paths: impl Iterator<Item = &'a PathBuf>) {
    for p in paths {
        let _ = tokio::fs::remove_file(p).await;
    }
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

/// The URLs `org`'s logo columns name.
fn logo_urls(org: &Organization) -> Vec<String> {
    [&org.logo_path, &org.logo_high_path, &org.logo_thumbnail_path].into_iter().flatten().cloned().collect()
}

/// Removes the stored files of `urls` that no organization names any more
/// (a logo stored before the per-organization folders may be shared).
async fn remove_unreferenced(state: &State, urls: &[String]) {
    for url in urls {
        let Some(file) = Kind::Logo.file_of(&state.media, url) else { continue };
        if matches!(ob_orgs::logo_referenced(&state.db, url).await, Ok(false)) {
            let _ = tokio::fs::remove_file(file).await;
        }
    }
}

pub async fn upload(admin: ObAdmin, Extract(state): Extract<State>, request: Request) -> Result<Response, OpenBadgeError> {
    let headers = request.headers().clone();
    // Refuse a declared oversize body before reading any of it.
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT) {
        return Err(too_large());
    }
    if image_pool().busy() {
        return Err(busy());
    }
    let multipart = Multipart::from_request(request, &state).await.map_err(|_| refused(LogoProblem::Unreadable))?;
    let bytes = read_logo_field(multipart).await?;
    // The header alone, at once: a pixel bomb never waits for (or takes) a core.
    images::check(&bytes).map_err(refused)?;
    let variants = match image_pool().run(move || process(&bytes)).await {
        Ok(processed) => processed.map_err(refused)?,
        Err(NotDone::Busy) => return Err(busy()),
        Err(NotDone::Failed) => return Err(OpenBadgeError::Internal),
    };
    store(&state, &admin, &headers, variants).await
}

async fn store(state: &State, admin: &ObAdmin, headers: &HeaderMap, variants: Vec<Variant>) -> Result<Response, OpenBadgeError> {
    let owner = &admin.organization_id;
    if !valid_owner(owner) {
        return Err(OpenBadgeError::Internal);
    }
    let dir = Kind::Logo.dir_of(&state.media, owner);
    let urls = variant_urls(Kind::Logo, owner, &variants);
    let one_at_a_time = changes().lock().await;
    let previous = logo_urls(&current(state, admin, headers).await?);
    // Files this change adds (the same picture again keeps its names).
    let fresh: Vec<PathBuf> = variants.iter().filter(|v| !previous.contains(&Kind::Logo.url_of(owner, &v.file))).map(|v| dir.join(&v.file)).collect();
    let committed = match write_variants(&dir, &variants).await {
        Ok(()) => ob_orgs::set_logo(&state.db, owner, &urls).await.map_err(OpenBadgeError::from),
        Err(e) => {
            tracing::error!(error = %e, "logo files not written");
            Err(OpenBadgeError::Internal)
        }
    };
    if let Err(e) = committed {
        remove_paths(fresh.iter()).await;
        return Err(e);
    }
    tracing::info!(organization = %owner, account = %admin.account.id, "logo replaced");
    state.changed_public(owner);
    let kept: Vec<String> = urls.into_iter().map(|(_, url)| url).collect();
    remove_unreferenced(state, &previous.into_iter().filter(|u| !kept.contains(u)).collect::<Vec<_>>()).await;
    drop(one_at_a_time);
    answer(state, admin, headers).await
}

pub async fn remove(admin: ObAdmin, Extract(state): Extract<State>, headers: HeaderMap) -> Result<Response, OpenBadgeError> {
    let one_at_a_time = changes().lock().await;
    let previous = logo_urls(&current(&state, &admin, &headers).await?);
    ob_orgs::clear_logo(&state.db, &admin.organization_id).await?;
    tracing::info!(organization = %admin.organization_id, account = %admin.account.id, "logo removed");
    state.changed_public(&admin.organization_id);
    remove_unreferenced(&state, &previous).await;
    drop(one_at_a_time);
    answer(&state, &admin, &headers).await
}

/// Removes the files in the organizations' logo folders that no
/// organization names: what an upload killed between putting its files in
/// place and committing left, and temporary files. Run at start-up, before
/// any request.
pub async fn sweep(db: &SqlitePool, media: &FsPath) -> Result<usize, Box<dyn std::error::Error>> {
    let referenced = ob_orgs::logo_urls(db).await?;
    let mut removed = 0;
    let Ok(mut folders) = tokio::fs::read_dir(Kind::Logo.dir(media)).await else { return Ok(0) };
    while let Some(folder) = folders.next_entry().await? {
        let owner = folder.file_name().to_string_lossy().into_owned();
        if !valid_owner(&owner) || !folder.file_type().await?.is_dir() {
            continue;
        }
        let mut files = tokio::fs::read_dir(folder.path()).await?;
        while let Some(file) = files.next_entry().await? {
            let url = Kind::Logo.url_of(&owner, &file.file_name().to_string_lossy());
            if !referenced.contains(&url) && file.file_type().await?.is_file() {
                tokio::fs::remove_file(file.path()).await?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

/// Logo files never change under a name: cache them for a year.
pub async fn serve(Extract(state): Extract<State>, Path((owner, file)): Path<(String, String)>) -> Response {
    if !valid_owner(&owner) {
        return StatusCode::NOT_FOUND.into_response();
    }
    serve_file(Kind::Logo.dir_of(&state.media, &owner), &file).await
}

/// Logos stored before the per-organization folders.
pub async fn serve_flat(Extract(state): Extract<State>, Path(file): Path<String>) -> Response {
    serve_file(Kind::Logo.dir(&state.media), &file).await
}

/// Badge images, likewise.
pub async fn serve_badge(Extract(state): Extract<State>, Path(file): Path<String>) -> Response {
    serve_file(Kind::Badge.dir(&state.media), &file).await
}

/// Any other path under `/media/`.
pub async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

async fn serve_file(dir: PathBuf, file: &str) -> Response {
    let content_type = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if !valid_name(file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(dir.join(file)).await {
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
