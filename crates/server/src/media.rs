//! Where stored images live: logos and badge images, each kind in its own
//! folder under the media directory and served under its own URL prefix.
//! Logos sit in a folder per organization (`logos/<organization>/<file>`,
//! served at `/media/logos/<organization>/<file>`), so two organizations
//! that upload the same picture never share a file and one's removal never
//! takes the other's away. Files are named by their content's hash, so a
//! name never changes meaning. Logos stored before the per-organization
//! folders (`/media/logos/<file>`) are still served.

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

    /// The folder of the whole kind.
    pub fn dir(self, media: &Path) -> PathBuf {
        media.join(self.folder())
    }

    /// The folder `owner`'s files of this kind go to: an organization's own
    /// for logos (`owner` must be a [`valid_owner`]), the shared one for
    /// badge images.
    pub fn dir_of(self, media: &Path, owner: &str) -> PathBuf {
        match self {
            Kind::Logo => self.dir(media).join(owner),
            Kind::Badge => self.dir(media),
        }
    }

    /// The URL of `owner`'s stored `file`.
    pub fn url_of(self, owner: &str, file: &str) -> String {
        match self {
            Kind::Logo => format!("{}{owner}/{file}", self.url_prefix()),
            Kind::Badge => format!("{}{file}", self.url_prefix()),
        }
    }

    /// The stored file a URL of this kind points at, if it is one: for logos
    /// `<organization>/<file>` or, stored before those folders, `<file>`.
    pub fn file_of(self, media: &Path, url: &str) -> Option<PathBuf> {
        let rest = url.strip_prefix(self.url_prefix())?;
        match rest.split_once('/') {
            Some((owner, file)) if self == Kind::Logo => (valid_owner(owner) && valid_name(file)).then(|| self.dir(media).join(owner).join(file)),
            Some(_) => None,
            None => valid_name(rest).then(|| self.dir(media).join(rest)),
        }
    }
}

/// A stored file's name: short, plain characters, no path.
pub fn valid_name(file: &str) -> bool {
    !file.is_empty() && file.len() < 64 && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') && !file.starts_with('.')
}

/// An owner's folder name (an organization id): letters, digits and dashes only.
pub fn valid_owner(owner: &str) -> bool {
    !owner.is_empty() && owner.len() <= 64 && owner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_files_inside_the_media_folder_only() {
        let media = Path::new("/m");
        assert_eq!(Kind::Logo.file_of(media, "/media/logos/org-1/abc-logo.png"), Some(PathBuf::from("/m/logos/org-1/abc-logo.png")));
        assert_eq!(Kind::Logo.file_of(media, "/media/logos/abc-logo.png"), Some(PathBuf::from("/m/logos/abc-logo.png")), "the old flat layout");
        assert_eq!(Kind::Logo.url_of("org-1", "a.png"), "/media/logos/org-1/a.png");
        assert_eq!(Kind::Badge.url_of("org-1", "a.png"), "/media/badges/a.png");
        for bad in ["/media/logos/../a.png", "/media/logos/../../a.png", "/media/logos/org/../a.png", "/media/logos/org/.a.png", "/media/logos/a/b/c.png", "/media/logos/", "/media/logos/org.x/a.png", "/media/badges/org/a.png"] {
            assert_eq!(Kind::Logo.file_of(media, bad).or(Kind::Badge.file_of(media, bad)), None, "{bad}");
        }
        assert!(!valid_owner("..") && !valid_owner("") && !valid_owner("a/b") && !valid_owner("a\\b") && valid_owner("3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10"));
    }
}
