//! Where stored images live: logos and badge images, each kind in its own
//! folder under the media directory and served under its own URL prefix.
//! Files are named by their content's hash, so a name never changes meaning.

use std::path::{Path, PathBuf};

/// A kind of stored image: its folder and its URL prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Logo,
    Badge,
}

impl Kind {
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Logo => "logos",
            Kind::Badge => "badges",
        }
    }

    /// `/media/logos/` or `/media/badges/`.
    pub fn url_prefix(self) -> &'static str {
        match self {
            Kind::Logo => "/media/logos/",
            Kind::Badge => "/media/badges/",
        }
    }

    pub fn dir(self, media: &Path) -> PathBuf {
        media.join(self.folder())
    }

    pub fn url(self, file: &str) -> String {
        format!("{}{file}", self.url_prefix())
    }

    /// The stored file a URL of this kind points at, if it is one.
    pub fn file_of(self, media: &Path, url: &str) -> Option<PathBuf> {
        let file = url.strip_prefix(self.url_prefix())?;
        valid_name(file).then(|| self.dir(media).join(file))
    }
}

/// A stored file's name: short, plain characters, no path.
pub fn valid_name(file: &str) -> bool {
    !file.is_empty() && file.len() < 64 && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') && !file.starts_with('.')
}
