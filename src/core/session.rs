//! The signed-in session: which platform, and its bearer token. Kept in
//! sessionStorage (this tab, until it closes) so a reload keeps the admin
//! signed in; in localStorage only when the admin chose to stay signed in
//! on this device.

use super::{json, storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const KEY: &str = "orgdesk.session";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    OpenBadge,
    BlendVision,
}

impl Dialect {
    /// The app's route prefix for this platform.
    pub fn home(self) -> &'static str {
        match self {
            Dialect::OpenBadge => "/openbadge",
            Dialect::BlendVision => "/blendvision",
        }
    }

    pub fn sign_in_path(self) -> &'static str {
        match self {
            Dialect::OpenBadge => "/openbadge/sign-in",
            Dialect::BlendVision => "/blendvision/sign-in",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub dialect: Dialect,
    pub token: String,
    /// Milliseconds since the epoch, when the server told us.
    #[serde(default)]
    pub expires_at: Option<i64>,
    /// BlendVision: renews the access token before `expires_at` (where the
    /// backend offers renewal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// BlendVision: the organization every call acts for (`x-bv-org-id`),
    /// given at an API-token sign-in or learned from the first answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<String>,
    /// "Keep me signed in on this device": stored for every tab and past
    /// closing the browser, and never signed out for inactivity.
    #[serde(default)]
    pub keep: bool,
}

impl Session {
    /// A session with a token and nothing else known yet.
    pub fn new(dialect: Dialect, token: String, expires_at: Option<i64>) -> Session {
        Session { dialect, token, expires_at, refresh_token: None, org_id: None, keep: false }
    }
}

/// Why the admin is looking at the sign-in page again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedOutReason {
    SignedOut,
    Expired,
    /// Signed out after a time without activity (the console's idle watch).
    Idle,
}

/// The session signal plus the reason the last one ended, shared through context.
#[derive(Clone, Copy)]
pub struct SessionStore {
    pub current: RwSignal<Option<Session>>,
    pub ended: RwSignal<Option<SignedOutReason>>,
}

impl SessionStore {
    /// The stored session, if it has not expired; it is also the one
    /// [`token_rejected`] ends.
    pub fn load() -> SessionStore {
        let store = Self::from_storage();
        ACTIVE.with(|active| active.set(Some(store)));
        store
    }

    fn from_storage() -> SessionStore {
        let stored = storage::session_get(KEY).or_else(|| storage::get(KEY)).and_then(|s| json::from_str::<Session>(&s).ok());
        let now = js_sys::Date::now() as i64;
        match stored {
            // A session that can be renewed is renewed (`features/auth/renew.rs`).
            Some(s) if s.expires_at.is_some_and(|at| at <= now) && s.refresh_token.is_none() => {
                forget();
                SessionStore { current: RwSignal::new(None), ended: RwSignal::new(Some(SignedOutReason::Expired)) }
            }
            current => SessionStore { current: RwSignal::new(current), ended: RwSignal::new(None) },
        }
    }

    pub fn start(&self, session: Session) {
        persist(&session);
        self.ended.set(None);
        self.current.set(Some(session));
    }

    pub fn end(&self, reason: SignedOutReason) {
        forget();
        self.ended.set(Some(reason));
        self.current.set(None);
    }

    /// Changes the current session in place (a renewed token, the
    /// organization learned), keeping it stored.
    pub fn amend(&self, change: impl FnOnce(&mut Session)) {
        let Some(mut session) = self.current.get_untracked() else { return };
        change(&mut session);
        if self.current.with_untracked(|c| c.as_ref() == Some(&session)) {
            return;
        }
        persist(&session);
        self.current.set(Some(session));
    }

    /// The token for `dialect`, if the session belongs to it.
    pub fn token(&self, dialect: Dialect) -> Option<String> {
        self.current.with_untracked(|s| s.as_ref().filter(|s| s.dialect == dialect).map(|s| s.token.clone()))
    }
}

thread_local! {
    /// The app's session store, for the request layer, which answers outside
    /// any component.
    static ACTIVE: std::cell::Cell<Option<SessionStore>> = const { std::cell::Cell::new(None) };
}

/// The server refused `token`: if it is still the current session's, that
/// session has ended ("your session has ended", back to sign-in).
pub fn token_rejected(token: &str) {
    if let Some(store) = ACTIVE.with(std::cell::Cell::get) {
        if store.current.with_untracked(|s| s.as_ref().is_some_and(|s| s.token == token)) {
            store.end(SignedOutReason::Expired);
        }
    }
}

thread_local! {
    /// The organization learned from the first answer, for sessions that did
    /// not name one at sign-in. Kept beside the session signal, not in it:
    /// it is learned inside a loading resource, where changing the session
    /// (which every signed-in resource follows) would start them all again.
    static LEARNED_ORG: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// The BlendVision organization the current session acts for, if known:
/// sent as `x-bv-org-id` on every BlendVision call.
pub fn bv_org_id() -> Option<String> {
    let store = ACTIVE.with(std::cell::Cell::get)?;
    let (token, given) = store.current.with_untracked(|s| {
        s.as_ref().filter(|s| s.dialect == Dialect::BlendVision).map(|s| (s.token.clone(), s.org_id.clone()))
    })?;
    given.or_else(|| LEARNED_ORG.with(|l| l.borrow().as_ref().filter(|(t, _)| *t == token).map(|(_, id)| id.clone())))
}

/// Remembers the BlendVision organization the session acts for (also in
/// storage, so a reload keeps it).
pub fn remember_bv_org(id: &str) {
    let Some(store) = ACTIVE.with(std::cell::Cell::get) else { return };
    let Some(mut session) = store.current.get_untracked().filter(|s| s.dialect == Dialect::BlendVision && s.org_id.is_none()) else { return };
    if id.is_empty() {
        return;
    }
    LEARNED_ORG.with(|l| *l.borrow_mut() = Some((session.token.clone(), id.to_string())));
    session.org_id = Some(id.to_string());
    persist(&session);
}

/// Writes the session where its choice says: this tab only, or this device.
fn persist(session: &Session) {
    let Some(json) = json::to_string(session) else { return };
    if session.keep {
        storage::session_remove(KEY);
        storage::set(KEY, &json);
    } else {
        storage::remove(KEY);
        storage::session_set(KEY, &json);
    }
}

/// Removes the session from both places.
fn forget() {
    storage::session_remove(KEY);
    storage::remove(KEY);
}

pub fn use_session() -> SessionStore {
    expect_context::<SessionStore>()
}
