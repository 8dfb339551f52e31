//! Logo images: sniffed, decoded under hard limits, and re-encoded without
//! metadata into three sizes with content-hashed names.

use crate::db::ob_orgs::LogoSize;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use orgdesk_model::media::{check_dimensions, sniff, ImageKind, LogoProblem, MAX_LOGO_SIDE};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The three stored sizes: which, file suffix, longest side in pixels.
const VARIANTS: [(LogoSize, &str, u32); 3] = [(LogoSize::Standard, "logo", 512), (LogoSize::High, "high", 1024), (LogoSize::Thumbnail, "thumb", 128)];

/// One re-encoded size, ready to be written.
pub struct Variant {
    pub size: LogoSize,
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
    // The header alone first, so an oversized image gets a message with its size.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().map_err(|_| LogoProblem::Unreadable)?;
    check_dimensions(bytes.len() as u64, width, height)?;
    // Hard limits: a header claiming huge dimensions is refused before any
    // pixel buffer is allocated.
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_LOGO_SIDE);
    limits.max_image_height = Some(MAX_LOGO_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| LogoProblem::Unreadable)?;
    let hash = &hex::encode(Sha256::digest(bytes))[..16];
    // Photos stay JPEG; anything that may carry transparency becomes PNG.
    let (out_format, ext) = if kind == ImageKind::Jpeg { (ImageFormat::Jpeg, "jpg") } else { (ImageFormat::Png, "png") };
    VARIANTS
        .iter()
        .map(|&(size, suffix, side)| {
            let sized = if image.width().max(image.height()) > side { image.resize(side, side, image::imageops::FilterType::Lanczos3) } else { image.clone() };
            let sized = if out_format == ImageFormat::Jpeg { DynamicImage::ImageRgb8(sized.to_rgb8()) } else { sized };
            let mut out = Vec::new();
            // Re-encoding from pixels drops every metadata chunk (EXIF, XMP, text).
            sized.write_to(&mut Cursor::new(&mut out), out_format).map_err(|_| LogoProblem::Unreadable)?;
            Ok(Variant { size, file: format!("{hash}-{suffix}.{ext}"), bytes: out, width: sized.width(), height: sized.height() })
        })
        .collect()
}
