//! Logo images: sniffed, measured from the header alone, decoded under hard
//! limits, and re-encoded without metadata into three sizes with
//! content-hashed names.

use crate::db::ob_orgs::LogoSize;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use orgdesk_model::media::{check_dimensions, sniff, ImageKind, LogoProblem, MAX_LOGO_PIXELS, MAX_LOGO_SIDE};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The three stored sizes: which, file suffix, longest side in pixels.
const VARIANTS: [(LogoSize, &str, u32); 3] = [(LogoSize::Standard, "logo", 512), (LogoSize::High, "high", 1024), (LogoSize::Thumbnail, "thumb", 128)];
/// The largest size: made from the original, and the others from it.
const LARGEST_SIDE: u32 = 1024;

/// The most a decoder may allocate: the largest accepted image at 16 bits
/// per channel with alpha (128 MB).
const MAX_DECODE_BYTES: u64 = MAX_LOGO_PIXELS * 8;

/// One re-encoded size, ready to be written.
pub struct Variant {
    pub size: LogoSize,
    pub file: String,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_LOGO_SIDE);
    limits.max_image_height = Some(MAX_LOGO_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// A reader of `bytes` as `format`, under the limits.
fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    reader
}

/// Sniffs and reads the dimensions from the header alone (no pixel is
/// decoded), refusing a file of the wrong type, size or dimensions: cheap
/// enough to run before waiting for a turn at the CPU.
pub fn check(bytes: &[u8]) -> Result<ImageKind, LogoProblem> {
    let kind = sniff(bytes).ok_or(LogoProblem::NotAnImage)?;
    // Without the limits: a header claiming too many pixels gets a message with its size.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format_of(kind)).into_dimensions().map_err(|_| LogoProblem::Unreadable)?;
    check_dimensions(bytes.len() as u64, width, height)?;
    Ok(kind)
}

fn format_of(kind: ImageKind) -> ImageFormat {
    match kind {
        ImageKind::Png => ImageFormat::Png,
        ImageKind::Jpeg => ImageFormat::Jpeg,
        ImageKind::Webp => ImageFormat::WebP,
    }
}

/// `width` × `height` scaled to fit in `side` × `side`, never up.
fn fit(width: u32, height: u32, side: u32) -> (u32, u32) {
    if width.max(height) <= side {
        return (width, height);
    }
    let ratio = f64::min(f64::from(side) / f64::from(width), f64::from(side) / f64::from(height));
    let scale = |n: u32| ((f64::from(n) * ratio).round() as u32).max(1);
    (scale(width), scale(height))
}

/// Checks, decodes under limits, and encodes the three sizes: the largest
/// from the original, the smaller ones from the largest (the same sizes,
/// at a fraction of the cost). CPU-heavy: run it on the blocking pool.
pub fn process(bytes: &[u8]) -> Result<Vec<Variant>, LogoProblem> {
    let kind = check(bytes)?;
    let image = reader(bytes, format_of(kind)).decode().map_err(|_| LogoProblem::Unreadable)?;
    let hash = &hex::encode(Sha256::digest(bytes))[..16];
    // Photos stay JPEG; anything that may carry transparency becomes PNG.
    let (out_format, ext) = if kind == ImageKind::Jpeg { (ImageFormat::Jpeg, "jpg") } else { (ImageFormat::Png, "png") };
    let (width, height) = (image.width(), image.height());
    let (w, h) = fit(width, height, LARGEST_SIDE);
    let high = if (w, h) == (width, height) { image } else { image.resize_exact(w, h, FilterType::Lanczos3) };
    VARIANTS
        .iter()
        .map(|&(size, suffix, side)| {
            let (w, h) = fit(width, height, side);
            let sized = if (w, h) == (high.width(), high.height()) { high.clone() } else { high.resize_exact(w, h, FilterType::Lanczos3) };
            let sized = if out_format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(sized.to_rgb8()) } else { sized };
            let mut out = Vec::new();
            // Re-encoding from pixels drops every metadata chunk (EXIF, XMP, text).
            sized.write_to(&mut Cursor::new(&mut out), out_format).map_err(|_| LogoProblem::Unreadable)?;
            Ok(Variant { size, file: format!("{hash}-{suffix}.{ext}"), bytes: out, width: sized.width(), height: sized.height() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_fit_the_side_and_are_never_upscaled() {
        assert_eq!(fit(1500, 1000, 1024), (1024, 683));
        assert_eq!(fit(1500, 1000, 512), (512, 341));
        assert_eq!(fit(1500, 1000, 128), (128, 85));
        assert_eq!(fit(300, 240, 512), (300, 240));
        assert_eq!(fit(4000, 10, 128), (128, 1));
    }

    #[test]
    fn a_header_claiming_too_many_pixels_is_refused_with_its_size() {
        let mut png = Vec::new();
        DynamicImage::new_rgba8(1, 1).write_to(&mut Cursor::new(&mut png), ImageFormat::Png).unwrap();
        png[16..20].copy_from_slice(&8000u32.to_be_bytes());
        png[20..24].copy_from_slice(&8000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(check(&png).err(), Some(LogoProblem::TooManyPixels { width: 8000, height: 8000 }));
        assert_eq!(process(&png).err(), Some(LogoProblem::TooManyPixels { width: 8000, height: 8000 }));
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
