//! `orgdesk-precompress DIR`: writes `.br` and `.gz` beside every static asset
//! in DIR (recursively), at the best compression, so the server (tower-http's
//! `ServeDir`) can send them without compressing per request. HTML is left
//! alone: the server fills in a nonce per response and compresses it then.

use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy)]
enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    fn extension(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gz",
        }
    }

    fn compress(self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Coding::Brotli => {
                let mut out = Vec::new();
                {
                    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
                    writer.write_all(bytes)?;
                }
                Ok(out)
            }
            Coding::Gzip => {
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(bytes)?;
                encoder.finish()
            }
        }
    }
}

fn walk(dir: &Path, count: &mut usize) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, count)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
        if !matches!(ext, "js" | "wasm" | "css" | "svg" | "json" | "txt" | "ico") {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        for coding in [Coding::Brotli, Coding::Gzip] {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(coding.extension());
            std::fs::write(name, coding.compress(&bytes)?)?;
        }
        *count += 1;
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: orgdesk-precompress DIR");
        return std::process::ExitCode::from(2);
    };
    let mut count = 0;
    match walk(Path::new(&dir), &mut count) {
        Ok(()) => {
            println!("precompressed {count} files in {dir} (brotli 11, gzip 9)");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("orgdesk-precompress: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_bytes_decode_to_the_original() {
        use std::io::Read;
        let original = b"orgdesk ".repeat(500);
        let mut back = Vec::new();
        brotli::Decompressor::new(&Coding::Brotli.compress(&original).unwrap()[..], 4096).read_to_end(&mut back).unwrap();
        assert_eq!(back, original);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&Coding::Gzip.compress(&original).unwrap()[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, original);
    }
}
