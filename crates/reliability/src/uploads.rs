//! Eight concurrent uploads of the largest image the server accepts keep the
//! server's memory bounded; a pixel bomb is refused quickly.

use crate::server::Server;
use crate::{ob_token, Report, Setup, VALMARINA_ADMIN};
use reqwest::multipart::{Form, Part};
use std::time::{Duration, Instant};

/// 16 Mpx, the most the server decodes.
const LARGEST: u32 = 4000;

/// A PNG of `side`×`side` in colour blocks (compressible: 16 Mpx in well
/// under the byte limit; a pixel bomb of 64 Mpx in a few hundred KB).
pub fn png(side: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(side, side, |x, y| image::Rgb([(x / 256 * 16) as u8, (y / 256 * 16) as u8, 128]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("encode png");
    out.into_inner()
}

/// `POST /api/v1/issuers/organization/logo` with `bytes`: the status, and how long it took.
pub async fn upload(base: &str, token: &str, bytes: Vec<u8>) -> (u16, Duration) {
    let started = Instant::now();
    let form = Form::new().part("logo", Part::bytes(bytes).file_name("logo.png").mime_str("image/png").unwrap());
    let res = reqwest::Client::new().post(format!("{base}/api/v1/issuers/organization/logo")).bearer_auth(token).header("accept", "application/json").multipart(form).send().await;
    (res.map(|r| r.status().as_u16()).unwrap_or(0), started.elapsed())
}

pub async fn run(setup: &Setup, report: &mut Report) {
    let server = Server::start(&setup.bin, &setup.dist, "uploads");
    let token = ob_token(&server.base, VALMARINA_ADMIN).await;
    let (rss_before, _) = server.rss_mib();
    let largest = png(LARGEST);
    report.figure("largest accepted image", format!("{LARGEST}×{LARGEST} px, {} KB", largest.len() / 1024));
    let started = Instant::now();
    let jobs: Vec<_> = (0..8).map(|_| tokio::spawn({
        let (base, token, bytes) = (server.base.clone(), token.clone(), largest.clone());
        async move { upload(&base, &token, bytes).await }
    })).collect();
    let mut statuses = Vec::new();
    for j in jobs {
        statuses.push(j.await.unwrap().0);
    }
    let (_, peak) = server.rss_mib();
    report.figure("8 concurrent uploads: statuses", format!("{statuses:?} in {:.1} s", started.elapsed().as_secs_f64()));
    report.figure("server RSS before / peak (MiB)", format!("{rss_before} / {peak}"));
    report.check(peak <= 512, "server RSS stays <= 512 MB");
    report.check(statuses.iter().all(|s| *s == 200 || *s == 503), "each upload is stored (200) or told to retry (503), never a 500");
    report.check(statuses.contains(&200), "at least one upload is stored");

    let bomb = png(8000);
    let (status, took) = upload(&server.base, &token, bomb.clone()).await;
    report.figure("pixel bomb", format!("8000×8000 px, {} KB: {status} in {} ms", bomb.len() / 1024, took.as_millis()));
    report.check(status == 413 || status == 422, "a pixel bomb gets 413/422");
    report.check(took < Duration::from_secs(1), "... within 1 s");
}
