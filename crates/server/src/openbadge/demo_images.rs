//! Pictures for the demo data: a logo for each seeded organization but one
//! (Istituto Borgo Alto keeps none, so the page without a logo stays in
//! sight) and an image for every badge template. Drawn here, then stored by
//! the very code an upload goes through: three sizes, content-hashed names,
//! each organization's logo in its own folder.

use super::images::{process, Variant};
use super::logo::{variant_urls, write_variants};
use crate::db::ob_orgs::{self, LogoSize};
use crate::db::seed::{COSTA_EST, PONTE_VERDE, VALMARINA};
use crate::media::Kind;
use image::{ImageFormat, Rgba, RgbaImage};
use orgdesk_model::public::{hex_colour, monogram, MONOGRAM_COLOURS};
use sqlx::SqlitePool;
use std::io::Cursor;
use std::path::Path;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// The organizations that get a logo.
const WITH_LOGO: [&str; 3] = [VALMARINA, COSTA_EST, PONTE_VERDE];

/// Draws and stores the demo pictures; run once, right after the demo seed.
pub async fn seed(db: &SqlitePool, media: &Path) -> Result<(), Error> {
    for id in WITH_LOGO {
        let Some(name) = sqlx::query_scalar::<_, String>("SELECT name FROM ob_organizations WHERE id = ?").bind(id).fetch_optional(db).await? else { continue };
        let mark = monogram(&name, id);
        let initials = mark.initials.to_uppercase();
        let variants = drawn(move || logo(&initials, MONOGRAM_COLOURS[mark.tone])).await?;
        write_variants(&Kind::Logo.dir_of(media, id), &variants).await?;
        ob_orgs::set_logo(db, id, &variant_urls(Kind::Logo, id, &variants)).await?;
    }
    let templates: Vec<(String, String, Option<String>)> = sqlx::query_as("SELECT id, title, color_primary FROM badge_templates").fetch_all(db).await?;
    for (id, title, colour) in templates {
        let colour = colour.as_deref().and_then(hex_colour).unwrap_or(MONOGRAM_COLOURS[0]).to_string();
        let initials = monogram(&title, &id).initials.to_uppercase();
        let variants = drawn(move || badge(&initials, &colour)).await?;
        write_variants(&Kind::Badge.dir_of(media, &id), &variants).await?;
        let urls = variant_urls(Kind::Badge, &id, &variants);
        let url = |size| urls.iter().find(|(s, _)| *s == size).map(|(_, u)| u.clone()).unwrap_or_default();
        ob_orgs::set_template_image(db, &id, &url(LogoSize::Standard), &url(LogoSize::Thumbnail)).await?;
    }
    Ok(())
}

/// Draws on the blocking pool, encodes as PNG and processes it as an upload.
async fn drawn(draw: impl FnOnce() -> RgbaImage + Send + 'static) -> Result<Vec<Variant>, Error> {
    tokio::task::spawn_blocking(move || {
        let mut png = Vec::new();
        draw().write_to(&mut Cursor::new(&mut png), ImageFormat::Png)?;
        process(&png).map_err(|problem| problem.to_string().into())
    })
    .await?
}

const SIDE: u32 = 1024;

fn rgb(hex: &str) -> [u8; 3] {
    let digits = hex.trim_start_matches('#');
    let digits: String = if digits.len() == 3 { digits.chars().flat_map(|c| [c, c]).collect() } else { digits.to_string() };
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    [channel(0), channel(2), channel(4)]
}

/// Paints `colour` where `coverage` (0–1, for smooth edges) says.
fn fill(image: &mut RgbaImage, colour: [u8; 3], coverage: impl Fn(f32, f32) -> f32) {
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let a = coverage(x as f32 + 0.5, y as f32 + 0.5).clamp(0.0, 1.0);
        if a > 0.0 {
            let under = pixel.0;
            let alpha = a + f32::from(under[3]) / 255.0 * (1.0 - a);
            let mix = |i: usize| ((f32::from(colour[i]) * a + f32::from(under[i]) * f32::from(under[3]) / 255.0 * (1.0 - a)) / alpha.max(1e-6)).round() as u8;
            *pixel = Rgba([mix(0), mix(1), mix(2), (alpha * 255.0).round() as u8]);
        }
    }
}

/// A disc of radius `r` around the centre, or a ring between `inner` and `r`.
fn ring(r: f32, inner: f32) -> impl Fn(f32, f32) -> f32 {
    let c = SIDE as f32 / 2.0;
    move |x, y| {
        let d = ((x - c).powi(2) + (y - c).powi(2)).sqrt();
        (r - d + 0.5).min(if inner > 0.0 { d - inner + 0.5 } else { 1.0 })
    }
}

/// A logo: a rounded square in the organization's colour with its initials.
fn logo(initials: &str, colour: &str) -> RgbaImage {
    let mut image = RgbaImage::new(SIDE, SIDE);
    let (half, radius) = (SIDE as f32 / 2.0, 160.0);
    fill(&mut image, rgb(colour), |x, y| {
        let (dx, dy) = (((x - half).abs() - (half - radius)).max(0.0), ((y - half).abs() - (half - radius)).max(0.0));
        radius - (dx * dx + dy * dy).sqrt() + 0.5
    });
    letters(&mut image, initials, 48);
    image
}

/// A badge: a disc in the template's colour, a white ring, its initials.
fn badge(initials: &str, colour: &str) -> RgbaImage {
    let mut image = RgbaImage::new(SIDE, SIDE);
    fill(&mut image, rgb(colour), ring(500.0, 0.0));
    fill(&mut image, [255, 255, 255], ring(440.0, 412.0));
    letters(&mut image, initials, 40);
    image
}

/// Up to two capital letters in white, `scale` pixels per font dot, centred.
fn letters(image: &mut RgbaImage, text: &str, scale: u32) {
    let glyphs: Vec<[u8; 7]> = text.chars().filter_map(glyph).take(2).collect();
    let width = (glyphs.len() as u32 * 6).saturating_sub(1) * scale;
    let (left, top) = ((SIDE - width) / 2, (SIDE - 7 * scale) / 2);
    for (i, rows) in glyphs.iter().enumerate() {
        for (row, bits) in rows.iter().enumerate() {
            for col in 0..5u32 {
                if bits & (0b10000 >> col) != 0 {
                    let (x0, y0) = (left + (i as u32 * 6 + col) * scale, top + row as u32 * scale);
                    for y in y0..y0 + scale {
                        for x in x0..x0 + scale {
                            image.put_pixel(x, y, Rgba([255, 255, 255, 255]));
                        }
                    }
                }
            }
        }
    }
}

/// A 5 × 7 capital letter, one row per byte (bit 4 is the left column).
fn glyph(c: char) -> Option<[u8; 7]> {
    const FONT: [[u8; 7]; 26] = [
        [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11], // A
        [0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E], // B
        [0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E], // C
        [0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E], // D
        [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F], // E
        [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10], // F
        [0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F], // G
        [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11], // H
        [0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E], // I
        [0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C], // J
        [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11], // K
        [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F], // L
        [0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11], // M
        [0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11], // N
        [0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E], // O
        [0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10], // P
        [0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D], // Q
        [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11], // R
        [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E], // S
        [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04], // T
        [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E], // U
        [0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04], // V
        [0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A], // W
        [0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11], // X
        [0x11, 0x11, 0x0A, 0x04, 0x04, 0x04, 0x04], // Y
        [0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F], // Z
    ];
    let c = c.to_ascii_uppercase();
    c.is_ascii_uppercase().then(|| FONT[(c as u8 - b'A') as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_pictures_pass_the_upload_checks_in_three_sizes() {
        let mut png = Vec::new();
        badge("EB", "#1F4E79").write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
        let variants = process(&png).unwrap();
        let sides: Vec<u32> = variants.iter().map(|v| v.width).collect();
        assert_eq!(sides, [512, 1024, 128]);
        let image = logo("AV", "#8A3B12");
        assert_eq!(image.get_pixel(4, 4).0[3], 0, "rounded corners are transparent");
        assert_eq!(image.get_pixel(512, 200).0, [0x8A, 0x3B, 0x12, 255]);
    }
}
