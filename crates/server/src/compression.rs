//! Content negotiation and compression: precompressed files made at build
//! time for static assets, and on-the-fly compression for the small HTML
//! pages (which change with every response's nonce).

use axum::http::{header, HeaderMap};
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    pub fn header(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gz",
        }
    }
}

/// Whether `Accept-Encoding` allows `coding` (a `;q=0` refuses it).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|p| p.replace(' ', "").starts_with("q=0") && !p.replace(' ', "").starts_with("q=0."));
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

/// The best coding the client accepts, brotli first.
pub fn preferred(headers: &HeaderMap) -> Option<Coding> {
    if accepts(headers, "br") {
        Some(Coding::Brotli)
    } else if accepts(headers, "gzip") {
        Some(Coding::Gzip)
    } else {
        None
    }
}

pub fn compress(bytes: &[u8], coding: Coding, best: bool) -> Vec<u8> {
    match coding {
        Coding::Brotli => {
            let mut out = Vec::new();
            let quality = if best { 11 } else { 5 };
            {
                let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
                let _ = writer.write_all(bytes);
            }
            out
        }
        Coding::Gzip => {
            let level = if best { flate2::Compression::best() } else { flate2::Compression::fast() };
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
            let _ = encoder.write_all(bytes);
            encoder.finish().unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, value.parse().unwrap());
        h
    }

    #[test]
    fn brotli_is_preferred_and_q_zero_refuses() {
        assert_eq!(preferred(&with("gzip, deflate, br")), Some(Coding::Brotli));
        assert_eq!(preferred(&with("gzip")), Some(Coding::Gzip));
        assert_eq!(preferred(&with("br;q=0, gzip;q=0.5")), Some(Coding::Gzip));
        assert_eq!(preferred(&with("identity")), None);
        assert_eq!(preferred(&HeaderMap::new()), None);
    }

    #[test]
    fn compressed_bytes_decode_to_the_original() {
        use std::io::Read;
        let original = b"orgdesk ".repeat(500);
        let mut back = Vec::new();
        brotli::Decompressor::new(&compress(&original, Coding::Brotli, true)[..], 4096).read_to_end(&mut back).unwrap();
        assert_eq!(back, original);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&compress(&original, Coding::Gzip, false)[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, original);
    }
}
