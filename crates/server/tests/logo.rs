//! Logo upload over real HTTP: accepted formats become three sizes; every
//! bad file is refused with nothing written; no file is ever orphaned.

mod common;

use common::*;
use image::{DynamicImage, ImageFormat, RgbaImage};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use std::io::Cursor;
use std::path::Path;

fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let pixels = RgbaImage::from_fn(width, height, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 120, 255]));
    let image = if format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(pixels).to_rgb8()) } else { DynamicImage::ImageRgba8(pixels) };
    let mut out = Vec::new();
    image.write_to(&mut Cursor::new(&mut out), format).unwrap();
    out
}

async fn upload(base: &str, token: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    let form = Form::new().part("logo", Part::bytes(bytes).file_name(name.to_string()));
    let res = Client::new().post(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(token).header("accept", "application/json").multipart(form).send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// Sends just the request head of an upload declaring `length` bytes, and
/// returns whatever the server answers.
async fn headers_only_upload(base: &str, token: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /api/v1/issuers/organization/logo HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: {length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut reply = vec![0u8; 8192];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut reply)).await.expect("answered without the body").unwrap();
    String::from_utf8_lossy(&reply[..n]).into_owned()
}

/// The logo files on disk (the seeded organizations' among them), as
/// `<organization>/<file>` (or a bare `<file>` in the old flat layout).
fn stored(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir.join("media/logos")).into_iter().flatten().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            files.extend(std::fs::read_dir(entry.path()).unwrap().filter_map(|e| e.ok()).map(|e| format!("{name}/{}", e.file_name().to_string_lossy())));
        } else {
            files.push(name);
        }
    }
    files.sort();
    files
}

async fn fetch_image(base: &str, url: &str) -> (DynamicImage, reqwest::header::HeaderMap) {
    let res = Client::new().get(format!("{base}{url}")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{url}");
    let headers = res.headers().clone();
    (image::load_from_memory(&res.bytes().await.unwrap()).unwrap(), headers)
}

#[tokio::test]
async fn each_format_becomes_three_sizes_never_upscaled() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let seeded = stored(&dir);
    for (format, name) in [(ImageFormat::Png, "logo.png"), (ImageFormat::Jpeg, "logo.jpg"), (ImageFormat::WebP, "logo.webp")] {
        let (status, body) = upload(&base, &token, name, encoded(1500, 1000, format)).await;
        assert_eq!(status, StatusCode::OK, "{name}: {body}");
        let org = &body["data"];
        let (logo, headers) = fetch_image(&base, org["logo_path"].as_str().unwrap()).await;
        assert_eq!((logo.width(), logo.height()), (512, 341), "{name}");
        assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
        let (high, _) = fetch_image(&base, org["logo_high_path"].as_str().unwrap()).await;
        assert_eq!((high.width(), high.height()), (1024, 683));
        let (thumb, _) = fetch_image(&base, org["logo_thumbnail_path"].as_str().unwrap()).await;
        assert_eq!((thumb.width(), thumb.height()), (128, 85));
        assert_eq!(stored(&dir).len(), seeded.len(), "the previous logo's three files are gone, the new three there");
        for url in [&org["logo_path"], &org["logo_high_path"], &org["logo_thumbnail_path"]] {
            assert!(stored(&dir).contains(&url.as_str().unwrap().trim_start_matches("/media/logos/").to_string()));
        }
    }
    // A small image is kept at its size for the two large variants.
    let (status, body) = upload(&base, &token, "small.png", encoded(300, 240, ImageFormat::Png)).await;
    assert_eq!(status, StatusCode::OK);
    let (logo, _) = fetch_image(&base, body["data"]["logo_path"].as_str().unwrap()).await;
    assert_eq!((logo.width(), logo.height()), (300, 240));
    let (high, _) = fetch_image(&base, body["data"]["logo_high_path"].as_str().unwrap()).await;
    assert_eq!((high.width(), high.height()), (300, 240));
}

#[tokio::test]
async fn metadata_is_stripped() {
    let (base, _dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    // A PNG with a text chunk carrying a secret.
    let mut png = encoded(400, 400, ImageFormat::Png);
    let chunk_data = b"Comment\0secret-gps-location";
    let mut chunk = Vec::new();
    chunk.extend_from_slice(&(chunk_data.len() as u32).to_be_bytes());
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(chunk_data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(b"tEXt");
    crc.update(chunk_data);
    chunk.extend_from_slice(&crc.finalize().to_be_bytes());
    png.splice(33..33, chunk);
    let (status, body) = upload(&base, &token, "meta.png", png).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = Client::new().get(format!("{base}{}", body["data"]["logo_path"].as_str().unwrap())).send().await.unwrap();
    let bytes = res.bytes().await.unwrap();
    assert!(!bytes.windows(6).any(|w| w == b"secret"), "metadata survived");
}

/// A valid PNG header claiming 20000 × 20000 pixels: a decompression bomb's shape.
fn bomb() -> Vec<u8> {
    let mut png = encoded(1, 1, ImageFormat::Png);
    png[16..20].copy_from_slice(&20000u32.to_be_bytes());
    png[20..24].copy_from_slice(&20000u32.to_be_bytes());
    let crc = crc32fast::hash(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

#[tokio::test]
async fn bad_files_are_refused_and_nothing_is_written() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let seeded = stored(&dir);
    let (_, before) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    let truncated = {
        let png = encoded(600, 600, ImageFormat::Png);
        png[..png.len() / 2].to_vec()
    };
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500"><script>alert(1)</script></svg>"#.to_vec();
    for (name, bytes, message) in [
        ("notes.png", b"just some text, renamed".to_vec(), "Upload a PNG, JPEG or WebP image."),
        ("logo.svg", svg, "Upload a PNG, JPEG or WebP image."),
        ("truncated.png", truncated, "The image could not be read"),
        ("tiny.png", encoded(120, 300, ImageFormat::Png), "at least 200 × 200"),
        ("bomb.png", bomb(), "20000 × 20000"),
    ] {
        let (status, body) = upload(&base, &token, name, bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
        assert!(body["errors"]["logo"][0].as_str().unwrap().contains(message), "{name}: {body}");
    }
    // Only the headers of a 6 MB upload are sent: the answer comes without the body.
    let reply = headers_only_upload(&base, &token, 6 * 1024 * 1024).await;
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(reply.contains("at most 5 MB"), "{reply}");
    assert_eq!(stored(&dir), seeded, "nothing written");
    let (_, org) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    assert_eq!(org["data"]["logo_path"], before["data"]["logo_path"], "the logo is unchanged");
}

#[tokio::test]
async fn removing_the_logo_clears_it_and_its_files() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let (_, seeded_org) = get(format!("{base}/api/v1/issuers/organization"), Some(&token)).await;
    let seeded_logo: Vec<String> = ["logo_path", "logo_high_path", "logo_thumbnail_path"].iter().map(|k| seeded_org["data"][k].as_str().unwrap().trim_start_matches("/media/logos/").to_string()).collect();
    let others: Vec<String> = stored(&dir).into_iter().filter(|f| !seeded_logo.contains(f)).collect();
    let (status, body) = upload(&base, &token, "logo.png", encoded(800, 800, ImageFormat::Png)).await;
    assert_eq!(status, StatusCode::OK);
    let url = body["data"]["logo_thumbnail_path"].as_str().unwrap().to_string();
    let (_, public) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    assert_eq!(public["data"]["logo_thumbnail_path"], url.as_str(), "the public page shows it");
    let res = Client::new().delete(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"]["logo_path"], Value::Null);
    assert_eq!(stored(&dir), others, "this organization's files are gone, no one else's");
    assert_eq!(Client::new().get(format!("{base}{url}")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let res = Client::new().delete(format!("{base}/api/v1/issuers/organization/logo")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "a token is required");
}

#[tokio::test]
async fn seeded_logos_and_badge_images_are_stored_like_uploads() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let org = ob_organization(&base, &token).await;
    for (key, side) in [("logo_path", 512), ("logo_high_path", 1024), ("logo_thumbnail_path", 128)] {
        let url = org[key].as_str().unwrap();
        assert!(url.starts_with(&format!("/media/logos/{VALMARINA}/")) && url.ends_with(".png"), "each organization's files in its own folder: {url}");
        let (image, headers) = fetch_image(&base, url).await;
        assert_eq!((image.width(), image.height()), (side, side), "{key}");
        assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
    }
    assert_eq!(stored(&dir).len(), 9, "three organizations with a logo, one without");
    let borgo = ob_organization(&base, &ob_login(&base, "admin@borgoalto.example.org").await).await;
    assert_eq!(borgo["logo_path"], Value::Null, "one organization keeps none");
    let (_, templates) = get(format!("{base}/api/v1/issuers/organization/badge_templates"), Some(&token)).await;
    let templates = templates["data"].as_array().unwrap();
    assert!(!templates.is_empty());
    for t in templates {
        let (image, _) = fetch_image(&base, t["image_path"].as_str().unwrap()).await;
        assert_eq!(image.width(), 512, "{t}");
        let (thumb, _) = fetch_image(&base, t["image_thumbnail_path"].as_str().unwrap()).await;
        assert_eq!(thumb.width(), 128, "{t}");
        assert!(t["image_path"].as_str().unwrap().starts_with("/media/badges/"));
    }
}

const LOGO_KEYS: [&str; 3] = ["logo_path", "logo_high_path", "logo_thumbnail_path"];

#[tokio::test]
async fn the_same_image_uploaded_by_two_organizations_stays_with_each() {
    let (base, _dir) = start_in(3600);
    let valmarina = ob_login(&base, "admin@valmarina.example.org").await;
    let costa = ob_login(&base, "admin@costaest.example.net").await;
    let shared = encoded(600, 400, ImageFormat::Png);
    let (status, kept) = upload(&base, &valmarina, "same.png", shared.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = upload(&base, &costa, "same.png", shared).await;
    assert_eq!(status, StatusCode::OK);
    // Costa Est replaces its logo, then removes it altogether.
    let (status, _) = upload(&base, &costa, "other.png", encoded(700, 700, ImageFormat::Png)).await;
    assert_eq!(status, StatusCode::OK);
    let res = Client::new().delete(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(&costa).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, public) = get(format!("{base}/api/v1/public/organizations/{VALMARINA}"), None).await;
    for key in LOGO_KEYS {
        let url = kept["data"][key].as_str().unwrap();
        assert_eq!(public["data"][key], url, "Valmarina's public page still names it: {key}");
        assert!(url.starts_with(&format!("/media/logos/{VALMARINA}/")), "{url}");
        let res = Client::new().get(format!("{base}{url}")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "Valmarina's {key} survives Costa Est's changes: {url}");
    }
}

/// A GET of `path` exactly as written (an HTTP client would resolve the dot
/// segments first): the status and the body.
async fn raw_get(base: &str, path: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes()).await.unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.unwrap();
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let status = reply.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, reply)
}

#[tokio::test]
async fn media_urls_with_path_tricks_are_not_found() {
    let (base, dir) = start_in(3600);
    std::fs::write(dir.join("secret.png"), b"not for you").unwrap();
    std::fs::write(dir.join("media/secret.png"), b"not for you").unwrap();
    std::fs::write(dir.join("media/logos/secret.png"), b"not for you").unwrap_or(());
    let token = ob_login(&base, "admin@valmarina.example.org").await;
    let org = ob_organization(&base, &token).await;
    let good = org["logo_path"].as_str().unwrap().to_string();
    assert_eq!(raw_get(&base, &good).await.0, 200, "{good}");
    let file = good.rsplit('/').next().unwrap();
    for path in [
        "/media/logos/../secret.png".to_string(),
        "/media/logos/../../secret.png".to_string(),
        "/media/logos/..%2F..%2Fsecret.png".to_string(),
        "/media/logos/..%2Fsecret.png".to_string(),
        "/media/logos/%2E%2E/secret.png".to_string(),
        "/media/logos/%2E%2E/%2E%2E%2Fsecret.png".to_string(),
        "/media/logos/.%2E/..%2Fsecret.png".to_string(),
        "/media/logos/x/../../secret.png".to_string(),
        format!("/media/logos/{VALMARINA}/../secret.png"),
        format!("/media/logos/{VALMARINA}/..%2F..%2Fsecret.png"),
        format!("/media/logos/{VALMARINA}/%2E%2E%2F{VALMARINA}%2F{file}"),
        format!("/media/logos/{VALMARINA}%2F..%2F{VALMARINA}/{file}"),
        format!("/media/logos/{VALMARINA}%00/{file}"),
        format!("/media/logos/..%5C{VALMARINA}/{file}"),
        format!("/media/logos/{VALMARINA}/{file}%00.png"),
        format!("/media/logos/{VALMARINA}/.{file}"),
        format!("/media/logos/{VALMARINA}/{file}/x.png"),
        format!("/media/logos/{VALMARINA}/x/../{file}"),
    ] {
        let (status, reply) = raw_get(&base, &path).await;
        assert!(!reply.contains("not for you"), "{path}");
        assert_eq!(status, 404, "{path}: {reply}");
    }
}

/// Stored logo files under temporary names: what a failed or killed upload
/// could leave behind.
fn temp_files(dir: &Path) -> Vec<String> {
    stored(dir).into_iter().filter(|f| f.contains("/.") || f.ends_with(".tmp")).collect()
}

#[tokio::test]
async fn a_failed_commit_leaves_no_file_behind() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let seeded = stored(&dir);
    let before = ob_organization(&base, &token).await;
    // The database refuses the change, as a full disk or a lost lock would.
    let db = orgdesk_server::db::open(&dir.join("test.db")).await.unwrap();
    sqlx::query("CREATE TRIGGER refuse_logo BEFORE UPDATE OF logo_path ON ob_organizations BEGIN SELECT RAISE(ABORT, 'refused'); END").execute(&db).await.unwrap();
    let (status, body) = upload(&base, &token, "logo.png", encoded(900, 600, ImageFormat::Png)).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert_eq!(stored(&dir), seeded, "no orphan: the new files went when the commit failed");
    let after = ob_organization(&base, &token).await;
    for key in LOGO_KEYS {
        assert_eq!(after[key], before[key], "{key}");
        let res = Client::new().get(format!("{base}{}", after[key].as_str().unwrap())).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "the old logo still served: {key}");
    }
}

#[tokio::test]
async fn files_a_killed_upload_left_are_swept_at_start() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let (status, _) = upload(&base, &token, "logo.png", encoded(900, 600, ImageFormat::Png)).await;
    assert_eq!(status, StatusCode::OK);
    let kept = stored(&dir);
    // What a request killed between writing and committing leaves.
    let org_dir = dir.join("media/logos").join(COSTA_EST);
    std::fs::write(org_dir.join("0123456789abcdef-logo.png"), b"renamed, never committed").unwrap();
    std::fs::write(org_dir.join(".0123456789abcdef-high.png.1234.tmp"), b"half a fi").unwrap();
    assert_eq!(temp_files(&dir).len(), 1);
    let config = orgdesk_server::Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        db: dir.join("test.db"),
        seed: orgdesk_server::Seed::None,
        dist: dir.join("dist"),
        token_ttl_secs: 3600,
        api: orgdesk_server::ApiMode::Reference,
        upstreams: Default::default(),
        public_url: None,
        limits: Default::default(),
    };
    orgdesk_server::prepare(&config).await.unwrap();
    assert_eq!(stored(&dir), kept, "unreferenced files swept, referenced ones kept");
}

/// A real PNG of `side` × `side` transparent pixels: tiny on disk, `side`² × 4 bytes decoded.
fn pixel_bomb(side: u32) -> Vec<u8> {
    use std::io::Write;
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32fast::hash(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let row = vec![0u8; 1 + side as usize * 4];
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..side {
        z.write_all(&row).unwrap();
    }
    let idat = z.finish().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &idat);
    chunk(&mut png, b"IEND", &[]);
    png
}

#[tokio::test]
async fn a_pixel_bomb_is_refused_from_its_header_at_once() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let seeded = stored(&dir);
    let bomb = pixel_bomb(8000);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    assert_eq!(image::ImageReader::new(Cursor::new(&bomb)).with_guessed_format().unwrap().into_dimensions().unwrap(), (8000, 8000));
    let started = std::time::Instant::now();
    let (status, body) = upload(&base, &token, "bomb.png", bomb).await;
    let took = started.elapsed();
    eprintln!("8000 × 8000 PNG ({} KB) refused in {took:?}", pixel_bomb_len());
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["errors"]["logo"][0].as_str().unwrap();
    assert!(message.contains("8000 × 8000") && message.contains("16 megapixels"), "{message}");
    assert!(took < std::time::Duration::from_millis(500), "{took:?}");
    assert_eq!(stored(&dir), seeded, "nothing written");
}

fn pixel_bomb_len() -> usize {
    static LEN: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LEN.get_or_init(|| pixel_bomb(8000).len() / 1024)
}

/// The largest image accepted: 4000 × 4000 (16 megapixels), noisy enough to
/// cost real work, under the 5 MB limit.
fn largest_accepted() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let pixels = image::RgbImage::from_fn(4000, 4000, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // One pixel in 64 speckled: a few MB, and every one still to be decoded and resized.
        let speck = if state & 63 == 0 { (state >> 8) as u8 } else { 0 };
        image::Rgb([(x / 16) as u8, (y / 16) as u8, 96 ^ speck])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(pixels).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).unwrap();
    out
}

#[tokio::test]
async fn concurrent_large_uploads_are_done_or_told_to_retry() {
    let (base, dir) = start_in(3600);
    let token = ob_login(&base, "admin@costaest.example.net").await;
    let png = largest_accepted();
    assert!((png.len() as u64) < orgdesk_model::media::MAX_LOGO_BYTES, "{} bytes", png.len());
    let started = std::time::Instant::now();
    let uploads: Vec<_> = (0..8)
        .map(|_| {
            let (base, token, png) = (base.clone(), token.clone(), png.clone());
            tokio::spawn(async move {
                let form = Form::new().part("logo", Part::bytes(png).file_name("large.png"));
                let res = Client::new().post(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(&token).header("accept", "application/json").multipart(form).send().await.unwrap();
                let retry_after = res.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
                (res.status(), retry_after, res.json::<Value>().await.unwrap_or(Value::Null))
            })
        })
        .collect();
    let mut done = 0;
    for u in uploads {
        let (status, retry_after, body) = u.await.unwrap();
        match status {
            StatusCode::OK => done += 1,
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(retry_after.is_some_and(|s| s > 0), "503 without Retry-After: {body}");
                assert!(body["message"].as_str().is_some(), "the Open Badge error shape: {body}");
            }
            other => panic!("{other}: {body}"),
        }
    }
    eprintln!("8 uploads of a {} KB 4000 × 4000 PNG: {done} done, {} told to retry, in {:?}", png.len() / 1024, 8 - done, started.elapsed());
    assert!(done >= 1, "at least one upload went through");
    assert!(temp_files(&dir).is_empty(), "{:?}", temp_files(&dir));
    let org = ob_organization(&base, &token).await;
    let (high, _) = fetch_image(&base, org["logo_high_path"].as_str().unwrap()).await;
    assert_eq!((high.width(), high.height()), (1024, 1024));
}
