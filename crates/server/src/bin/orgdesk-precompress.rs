//! `orgdesk-precompress DIR`: writes `.br` and `.gz` beside every static asset
//! in DIR (recursively) so the server can send them without compressing per
//! request. HTML is left alone: the server rewrites it per response.

use orgdesk_server::compression::{compress, Coding};
use std::path::Path;

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
            std::fs::write(name, compress(&bytes, coding, true))?;
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
