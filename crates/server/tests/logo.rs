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

/// The logo files on disk (the seeded organizations' among them).
fn stored(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir.join("media/logos")).map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect()).unwrap_or_default();
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
        assert!(url.starts_with("/media/logos/") && url.ends_with(".png"), "{url}");
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
