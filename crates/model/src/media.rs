//! Logo files: what the browser checks before uploading and the server
//! checks again after, with the same limits and the same words.

use std::fmt;

/// At most this many bytes per file.
pub const MAX_LOGO_BYTES: u64 = 5 * 1024 * 1024;
/// Both sides at least this many pixels.
pub const MIN_LOGO_SIDE: u32 = 200;
/// Neither side more than this many pixels.
pub const MAX_LOGO_SIDE: u32 = 8000;
/// At most this many pixels in all (4000 × 4000), read from the header before
/// anything is decoded: a decompression bomb stops here (an 8000 × 8000 PNG
/// of 250 KB would decode to 256 MB).
pub const MAX_LOGO_PIXELS: u64 = 16_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Webp,
}

/// The image type by the file's first bytes, never by its name.
pub fn sniff(head: &[u8]) -> Option<ImageKind> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageKind::Jpeg)
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(ImageKind::Webp)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoProblem {
    NotAnImage,
    TooBig,
    TooSmall { width: u32, height: u32 },
    TooManyPixels { width: u32, height: u32 },
    Unreadable,
}

impl fmt::Display for LogoProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogoProblem::NotAnImage => f.write_str("Upload a PNG, JPEG or WebP image."),
            LogoProblem::TooBig => f.write_str("The file is too large: upload an image of at most 5 MB."),
            LogoProblem::TooSmall { width, height } => {
                write!(f, "The image is {width} × {height} pixels: upload one at least {MIN_LOGO_SIDE} × {MIN_LOGO_SIDE} pixels.")
            }
            LogoProblem::TooManyPixels { width, height } => write!(
                f,
                "The image is {width} × {height} pixels: upload one of at most {} megapixels (such as 4000 × 4000) and at most {MAX_LOGO_SIDE} pixels a side.",
                MAX_LOGO_PIXELS / 1_000_000
            ),
            LogoProblem::Unreadable => f.write_str("The image could not be read: it may be damaged. Save it again and upload the new file."),
        }
    }
}

/// Checks the size in bytes and the dimensions of a sniffed image.
pub fn check_dimensions(bytes: u64, width: u32, height: u32) -> Result<(), LogoProblem> {
    if bytes > MAX_LOGO_BYTES {
        return Err(LogoProblem::TooBig);
    }
    if width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE || u64::from(width) * u64::from(height) > MAX_LOGO_PIXELS {
        return Err(LogoProblem::TooManyPixels { width, height });
    }
    if width < MIN_LOGO_SIDE || height < MIN_LOGO_SIDE {
        return Err(LogoProblem::TooSmall { width, height });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_their_bytes_only() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(ImageKind::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ImageKind::Jpeg));
        assert_eq!(sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 "), Some(ImageKind::Webp));
        assert_eq!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'>"), None);
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"hello, I am logo.png"), None);
    }

    #[test]
    fn size_and_dimension_limits() {
        assert_eq!(check_dimensions(1000, 200, 200), Ok(()));
        assert_eq!(check_dimensions(MAX_LOGO_BYTES + 1, 500, 500), Err(LogoProblem::TooBig));
        assert_eq!(check_dimensions(1000, 199, 800), Err(LogoProblem::TooSmall { width: 199, height: 800 }));
        assert_eq!(check_dimensions(1000, 8001, 300), Err(LogoProblem::TooManyPixels { width: 8001, height: 300 }));
        assert_eq!(check_dimensions(1000, 4000, 4000), Ok(()));
        assert_eq!(check_dimensions(1000, 8000, 2000), Ok(()));
        assert_eq!(check_dimensions(1000, 4001, 4000), Err(LogoProblem::TooManyPixels { width: 4001, height: 4000 }));
        assert!(LogoProblem::TooManyPixels { width: 8000, height: 8000 }.to_string().contains("8000 × 8000 pixels: upload one of at most 16 megapixels"));
        assert!(LogoProblem::TooSmall { width: 10, height: 20 }.to_string().contains("10 × 20"));
    }
}
