//! Which of orgdesk's extensions to the platforms' documented APIs the
//! backend offers (API.md §3). The build says so in `<meta>` tags (absent =
//! all, as the reference server offers them); an extension endpoint that
//! answers 404 or 405 is taken as "not offered" and remembered for the tab.
//! Without an extension the app degrades on purpose, never with "server error".

use super::storage;
use leptos::prelude::*;

/// One extension. The names are what the `<meta>` tags list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extension {
    /// `POST /api/v1/auth/login` and `/logout`.
    ObPassword,
    /// `DELETE /api/v1/issuers/organization/logo`.
    ObLogoRemoval,
    /// `GET /api/v1/public/organizations/{id}`.
    ObPublic,
    /// `If-Match` / `If-Unmodified-Since` → 412 on the organization PUT.
    ObConditional,
    /// Our bodies of `/statistics` and `/year-statistics`.
    ObStatistics,
    /// `POST /bv/account/v1/tokens/refresh`.
    BvRefresh,
    /// `POST /bv/account/v1/accounts/logout`.
    BvRevoke,
}

impl Extension {
    const ALL: [Extension; 7] = [
        Extension::ObPassword,
        Extension::ObLogoRemoval,
        Extension::ObPublic,
        Extension::ObConditional,
        Extension::ObStatistics,
        Extension::BvRefresh,
        Extension::BvRevoke,
    ];

    /// The tag that lists it, and its name there.
    fn tag_and_name(self) -> (&'static str, &'static str) {
        const OB: &str = "orgdesk-openbadge-extensions";
        const BV: &str = "orgdesk-blendvision-extensions";
        match self {
            Extension::ObPassword => (OB, "password"),
            Extension::ObLogoRemoval => (OB, "logo-removal"),
            Extension::ObPublic => (OB, "public-profile"),
            Extension::ObConditional => (OB, "conditional-writes"),
            Extension::ObStatistics => (OB, "statistics"),
            Extension::BvRefresh => (BV, "token-refresh"),
            Extension::BvRevoke => (BV, "revoke"),
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

const MISSING_KEY: &str = "orgdesk.extensions.missing";

/// The extensions this backend lacks, as a bit set (reactive).
#[derive(Clone, Copy)]
pub struct Capabilities {
    missing: RwSignal<u8>,
}

impl Capabilities {
    /// From the page's `<meta>` tags and what this tab already learned.
    pub fn from_document() -> Capabilities {
        let learned = storage::session_get(MISSING_KEY).and_then(|s| s.parse::<u8>().ok()).unwrap_or(0);
        let mut missing = learned;
        for ext in Extension::ALL {
            let (tag, name) = ext.tag_and_name();
            if let Some(listed) = super::config::meta_opt(tag) {
                if !listed.split([' ', ',']).any(|n| n.trim() == name) {
                    missing |= ext.bit();
                }
            }
        }
        Capabilities { missing: RwSignal::new(missing) }
    }

    /// Whether the backend offers `ext` (reactive).
    pub fn offers(&self, ext: Extension) -> bool {
        self.missing.get() & ext.bit() == 0
    }

    pub fn offers_untracked(&self, ext: Extension) -> bool {
        self.missing.get_untracked() & ext.bit() == 0
    }

    /// The backend answered an `ext` endpoint with 404/405: remember that for this tab.
    pub fn lacks(&self, ext: Extension) {
        if self.offers_untracked(ext) {
            self.missing.update(|m| *m |= ext.bit());
            storage::session_set(MISSING_KEY, &self.missing.get_untracked().to_string());
        }
    }
}

thread_local! {
    static ACTIVE: std::cell::Cell<Option<Capabilities>> = const { std::cell::Cell::new(None) };
}

/// The app's capabilities: made once, shared with the request layer (which
/// answers outside any component) and with components through [`use_capabilities`].
pub fn active() -> Capabilities {
    ACTIVE.with(|cell| match cell.get() {
        Some(c) => c,
        None => {
            let c = Capabilities::from_document();
            cell.set(Some(c));
            c
        }
    })
}

pub fn use_capabilities() -> Capabilities {
    use_context::<Capabilities>().unwrap_or_else(active)
}
