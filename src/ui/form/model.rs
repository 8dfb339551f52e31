//! The state behind every editing form: the loaded values, what the admin has
//! typed, which fields were visited, the server's messages, and the draft
//! kept in sessionStorage until a save succeeds. Written once, used by the
//! profile, billing and BlendVision forms alike, over the platform's own
//! field type ([`FormField`]).
//!
//! Rules run as the admin types, but a field only shows its message after it
//! was left once (blur) or a save was attempted. Only changed keys are sent.

use crate::core::error::ApiError;
use crate::i18n::{use_i18n, FieldMessage, Lang};
use crate::core::session::Dialect;
use crate::core::{json, storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use super::keyed::{KeyMap, KeySet};
use std::collections::BTreeMap;

/// A platform's form fields, as the form machinery sees them. Each console
/// implements it for its own field type (`features/openbadge/form.rs`,
/// `features/blendvision/fields.rs`), so the machinery is compiled once per
/// console, for that platform's fields only, and neither console carries the
/// other's rules.
pub trait FormField: Copy + Ord + std::hash::Hash + std::fmt::Debug + Send + Sync + 'static {
    /// The platform whose session token saves these fields.
    const DIALECT: Dialect;
    /// The stable name the server and the draft use.
    fn wire(self) -> &'static str;
    /// The id of the field's input (what the error summary links to).
    fn id(self) -> &'static str;
    /// The value as it will be stored.
    fn normalize(self, value: &str) -> String;
    /// The field's problem, given every field's normalized value: the same
    /// rules the server runs, from `orgdesk-model`.
    fn check(self, value_of: &dyn Fn(Self) -> String) -> Option<FieldMessage>;
    /// Fields whose rules look at this one, so changing it re-checks them.
    fn dependents(self) -> &'static [Self];
    /// Whether a form key or an error path names this field.
    fn named_by(self, wire: &str) -> bool;
    /// Words for a refusal's documented reason, for a refusal that names no
    /// field. Only BlendVision sends reasons.
    fn reason_text(_reason: &str, _lang: Lang) -> Option<&'static str> {
        None
    }
}

/// A record as form values, and the version they are from (an entity tag, or
/// where the server sends none an HTTP date).
pub type Snapshot<K> = (KeyMap<K, String>, Option<String>);

/// What a save sends: the changed keys with their values, and the version
/// the changes are based on.
pub type Changes = (Vec<(String, String)>, Option<String>);

/// Where the last save attempt stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved at this time (ms since the epoch).
    Saved(f64),
    /// The save failed for a reason the admin can retry.
    Failed(ApiError),
    /// Rate limited: retrying by itself in this many seconds.
    Waiting(u32),
    /// The server answered "saved" but did not keep these many of the
    /// changes; they stay typed in their fields, each with a message.
    NotKept(usize),
}

/// What is kept in sessionStorage while there are unsaved changes: the
/// version the admin started from, and for each changed field the value it
/// had then and the value typed.
#[derive(Serialize, Deserialize, Default)]
struct Draft {
    version: Option<String>,
    changes: BTreeMap<String, (String, String)>,
}

/// A field the server changed while the admin was editing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict<K> {
    pub key: K,
    pub mine: String,
    pub theirs: String,
}

#[derive(Clone, Copy)]
pub struct FormModel<K: FormField> {
    pub keys: &'static [K],
    values: RwSignal<KeyMap<K, String>>,
    base: RwSignal<KeyMap<K, String>>,
    /// The version (entity tag, else `updated_at` as an HTTP date) the edits are based on.
    version: RwSignal<Option<String>>,
    /// For a draft restored after a reload: what each changed field held when
    /// the admin started, to tell their edits from the server's.
    started_from: RwSignal<KeyMap<K, String>>,
    touched: RwSignal<KeySet<K>>,
    server: RwSignal<KeyMap<K, String>>,
    /// Fields whose saved value came back different from what was sent.
    not_kept: RwSignal<KeySet<K>>,
    /// A server message for no field in this form.
    pub general: RwSignal<Option<String>>,
    /// Bumped on every save attempt; the error summary refocuses each time.
    pub attempt: RwSignal<u32>,
    pub state: RwSignal<SaveState>,
    pub conflicts: RwSignal<Vec<Conflict<K>>>,
    changed: Memo<Vec<K>>,
    draft_key: StoredValue<String>,
}

impl<K: FormField> FormModel<K> {
    pub fn new(keys: &'static [K], draft_key: String) -> Self {
        let values = RwSignal::new(KeyMap::<K, String>::new());
        let base = RwSignal::new(KeyMap::<K, String>::new());
        let changed = Memo::new(move |_| {
            values.with(|values| {
                base.with(|base| {
                    keys.iter()
                        .copied()
                        .filter(|k| {
                            let now = values.get(k).map(String::as_str).unwrap_or("");
                            let was = base.get(k).map(String::as_str).unwrap_or("");
                            now != was && k.normalize(now) != k.normalize(was)
                        })
                        .collect()
                })
            })
        });
        FormModel {
            keys,
            values,
            base,
            changed,
            version: RwSignal::new(None),
            started_from: RwSignal::new(KeyMap::new()),
            touched: RwSignal::new(KeySet::new()),
            server: RwSignal::new(KeyMap::new()),
            not_kept: RwSignal::new(KeySet::new()),
            general: RwSignal::new(None),
            attempt: RwSignal::new(0),
            state: RwSignal::new(SaveState::Idle),
            conflicts: RwSignal::new(Vec::new()),
            draft_key: StoredValue::new(draft_key),
        }
    }

    /// Takes the server's values; a draft left from before (a reload, an
    /// expired session) is laid over them.
    pub fn load(&self, base: KeyMap<K, String>, version: Option<String>) {
        let draft = storage::session_get(&self.draft_key.get_value()).and_then(|s| json::from_str::<Draft>(&s).ok());
        let mut values = base.clone();
        let mut started = KeyMap::new();
        let mut version = version;
        if let Some(draft) = draft {
            for (wire, (was, mine)) in draft.changes {
                if let Some(k) = self.key_named(&wire) {
                    values.insert(k, mine);
                    started.insert(k, was);
                }
            }
            if !started.is_empty() {
                version = draft.version;
            }
        }
        self.base.set(base);
        self.values.set(values);
        self.started_from.set(started);
        self.version.set(version);
        self.touched.set(KeySet::new());
        self.server.set(KeyMap::new());
        self.not_kept.set(KeySet::new());
        self.general.set(None);
        self.conflicts.set(Vec::new());
    }

    /// This form's field that `wire` (a form key or an error path) names.
    fn key_named(&self, wire: &str) -> Option<K> {
        self.keys.iter().copied().find(|k| k.named_by(wire))
    }

    /// Every field's current value, as typed.
    pub fn values_untracked(&self) -> KeyMap<K, String> {
        self.values.get_untracked()
    }

    /// Whether the form holds a draft restored from an earlier visit.
    pub fn restored(&self) -> bool {
        self.started_from.with(|s| !s.is_empty())
    }

    /// The typed value (reactive).
    pub fn value(&self, k: K) -> String {
        self.values.with(|v| v.get(&k).cloned().unwrap_or_default())
    }

    pub fn set(&self, k: K, value: String) {
        self.values.update(|v| {
            v.insert(k, value);
        });
        self.server.update(|s| {
            s.remove(&k);
        });
        if self.not_kept.with_untracked(|n| n.contains(&k)) {
            self.not_kept.update(|n| {
                n.remove(&k);
            });
        }
        self.persist();
    }

    /// The admin left the field: its message may show from now on. Browsers
    /// also send a blur when the focused field is taken off the page, after
    /// the form is gone (a sign-out with the cursor in a field): then nothing.
    pub fn blur(&self, k: K) {
        if self.touched.try_with_untracked(|t| t.contains(&k)) == Some(false) {
            self.touched.update(|t| {
                t.insert(k);
            });
        }
    }

    fn normalized(&self, k: K) -> String {
        k.normalize(&self.value(k))
    }

    /// The fields whose normalized value differs from the loaded one.
    pub fn changed(&self) -> Vec<K> {
        self.changed.get()
    }

    pub fn dirty(&self) -> bool {
        self.changed.with(|c| !c.is_empty())
    }

    /// Fields whose rules run: the changed ones, those depending on them,
    /// and any the admin visited.
    fn checked(&self) -> KeySet<K> {
        let mut set: KeySet<K> = self.touched.get();
        for k in self.changed() {
            set.insert(k);
            set.extend(k.dependents().iter().copied());
        }
        // The record's other fields are known (rules look at them) but belong
        // to another form.
        set.retain(|k| self.keys.contains(k));
        set
    }

    fn rule_problem(&self, k: K) -> Option<FieldMessage> {
        let value_of = |f: K| self.normalized(f);
        k.check(&value_of)
    }

    /// The message to show on `k`, if any (reactive).
    pub fn error(&self, k: K) -> Option<FieldMessage> {
        if let Some(msg) = self.server.with(|s| s.get(&k).cloned()) {
            return Some(FieldMessage::Server(msg));
        }
        if self.not_kept.with(|n| n.contains(&k)) {
            return Some(FieldMessage::Key(crate::i18n::T::NotKept));
        }
        let visible = self.attempt.get() > 0 || self.touched.with(|t| t.contains(&k));
        if !visible || !self.checked().contains(&k) {
            return None;
        }
        self.rule_problem(k)
    }

    /// Every message on screen, in form order, for the summary.
    pub fn problems(&self) -> Vec<(K, FieldMessage)> {
        self.keys.iter().filter_map(|&k| self.error(k).map(|m| (k, m))).collect()
    }

    /// Starts a save: the changed keys with their stored form, or `None` when
    /// a rule fails (the summary then lists why) or nothing changed.
    pub fn begin_save(&self) -> Option<Changes> {
        self.attempt.update(|a| *a += 1);
        self.general.set(None);
        let checked = self.checked();
        let failing = checked.iter().any(|&k| self.server.with_untracked(|s| s.contains_key(&k)) || self.rule_problem(k).is_some());
        let changed = self.changed();
        if failing || changed.is_empty() {
            return None;
        }
        self.state.set(SaveState::Saving);
        let pairs = changed.into_iter().map(|k| (k.wire().to_string(), self.normalized(k))).collect();
        Some((pairs, self.version.get_untracked()))
    }

    /// The save went through: the server's answer is the new starting point.
    pub fn saved(&self, base: KeyMap<K, String>, version: Option<String>) {
        storage::session_remove(&self.draft_key.get_value());
        self.values.set(base.clone());
        self.base.set(base);
        self.version.set(version);
        self.started_from.set(KeyMap::new());
        self.touched.set(KeySet::new());
        self.server.set(KeyMap::new());
        self.not_kept.set(KeySet::new());
        self.conflicts.set(Vec::new());
        self.attempt.set(0);
        self.state.set(SaveState::Saved(js_sys::Date::now()));
    }

    /// After [`saved`](Self::saved): the fields in `sent` whose value came
    /// back different were not kept (a server that drops keys it has no rule
    /// for still answers 200). They get the typed value back, a message, and
    /// stay in the draft; the save is not reported as done.
    fn check_kept(&self, sent: &[(String, String)], typed: &KeyMap<K, String>) {
        let base = self.base.get_untracked();
        let lost: KeySet<K> = sent
            .iter()
            .filter_map(|(wire, value)| {
                let k = self.key_named(wire)?;
                let now = base.get(&k).map(|v| k.normalize(v)).unwrap_or_default();
                (now != *value).then_some(k)
            })
            .collect();
        if lost.is_empty() {
            return;
        }
        self.values.update(|values| {
            for k in &lost {
                if let Some(mine) = typed.get(k) {
                    values.insert(*k, mine.clone());
                }
            }
        });
        self.state.set(SaveState::NotKept(lost.len()));
        self.not_kept.set(lost);
        self.attempt.update(|a| *a += 1);
        self.persist();
    }

    /// A failed save: field messages land on their fields, the rest is kept
    /// for the page to show. Nothing typed is touched.
    pub fn failed(&self, error: ApiError) {
        if let ApiError::Invalid { fields, message, .. } = &error {
            let mut on_fields = KeyMap::new();
            let mut elsewhere = Vec::new();
            for (path, messages) in fields {
                let text = messages.join(" ");
                match self.key_named(path) {
                    Some(k) => {
                        on_fields.insert(k, text);
                    }
                    None => elsewhere.push(text),
                }
            }
            if on_fields.is_empty() && elsewhere.is_empty() && !message.is_empty() {
                elsewhere.push(message.clone());
            }
            self.server.set(on_fields);
            self.general.set((!elsewhere.is_empty()).then(|| elsewhere.join(" ")));
            self.state.set(SaveState::Idle);
            self.attempt.update(|a| *a += 1);
            return;
        }
        self.state.set(SaveState::Failed(error));
    }

    /// The record changed on the server since the admin started: list the
    /// fields both sides changed, and move the starting point to the server's
    /// version so the next save is checked against it.
    pub fn conflict(&self, current: KeyMap<K, String>, version: Option<String>) {
        let base = self.base.get_untracked();
        let started = self.started_from.get_untracked();
        let mut list = Vec::new();
        for k in self.changed_untracked() {
            let was = started.get(&k).or_else(|| base.get(&k)).cloned().unwrap_or_default();
            let theirs = current.get(&k).cloned().unwrap_or_default();
            if k.normalize(&theirs) != k.normalize(&was) {
                list.push(Conflict { key: k, mine: self.value_untracked(k), theirs });
            }
        }
        // Fields only the server changed simply take the server's value.
        self.values.update(|values| {
            for (k, theirs) in &current {
                let mine_changed = values.get(k).map(|v| k.normalize(v)) != base.get(k).map(|v| k.normalize(v));
                if !mine_changed {
                    values.insert(*k, theirs.clone());
                }
            }
        });
        self.base.set(current);
        self.version.set(version);
        self.started_from.set(KeyMap::new());
        self.state.set(SaveState::Idle);
        self.conflicts.set(list);
        self.persist();
    }

    /// Resolves one conflict with the server's value.
    pub fn take_theirs(&self, k: K) {
        let theirs = self.base.with_untracked(|b| b.get(&k).cloned().unwrap_or_default());
        self.set(k, theirs);
        self.conflicts.update(|c| c.retain(|x| x.key != k));
    }

    /// Resolves one conflict keeping the admin's value (saved with the next save).
    pub fn keep_mine(&self, k: K) {
        self.conflicts.update(|c| c.retain(|x| x.key != k));
    }

    /// Throws away every unsaved change.
    pub fn discard(&self) {
        storage::session_remove(&self.draft_key.get_value());
        self.values.set(self.base.get_untracked());
        self.started_from.set(KeyMap::new());
        self.touched.set(KeySet::new());
        self.server.set(KeyMap::new());
        self.not_kept.set(KeySet::new());
        self.general.set(None);
        self.conflicts.set(Vec::new());
        self.attempt.set(0);
        self.state.set(SaveState::Idle);
    }

    fn changed_untracked(&self) -> Vec<K> {
        untrack(|| self.changed())
    }

    fn value_untracked(&self, k: K) -> String {
        untrack(|| self.value(k))
    }

    /// Writes the draft, or removes it once nothing differs.
    fn persist(&self) {
        let key = self.draft_key.get_value();
        let changed = self.changed_untracked();
        if changed.is_empty() {
            storage::session_remove(&key);
            return;
        }
        let (base, started) = (self.base.get_untracked(), self.started_from.get_untracked());
        let changes = changed
            .into_iter()
            .map(|k| {
                let was = started.get(&k).or_else(|| base.get(&k)).cloned().unwrap_or_default();
                (k.wire().to_string(), (was, self.value_untracked(k)))
            })
            .collect();
        let draft = Draft { version: self.version.get_untracked(), changes };
        if let Some(json) = json::to_string(&draft) {
            storage::session_set(&key, &json);
        }
    }
}

/// Sends the form's changes and handles every answer: the saved record, field
/// messages, a conflict (fetches the current record to compare), an ended
/// session (the draft waits for the admin to sign in again), rate limiting
/// (waits `Retry-After`, then tries again by itself), and failures the admin
/// can retry. `send` gets the token, the changed pairs and the version.
/// Every form saves through here.
pub fn save<K, R, Send, SendFut, Reload, ReloadFut>(
    form: FormModel<K>,
    send: Send,
    reload: Reload,
    to_values: fn(&R) -> Snapshot<K>,
    on_saved: impl Fn(R) + 'static,
) where
    K: FormField,
    R: 'static,
    Send: Fn(String, Vec<(String, String)>, Option<String>) -> SendFut + 'static,
    SendFut: std::future::Future<Output = Result<R, ApiError>> + 'static,
    Reload: Fn(String) -> ReloadFut + 'static,
    ReloadFut: std::future::Future<Output = Result<R, ApiError>> + 'static,
{
    use crate::core::session::use_session;
    if form.state.get_untracked() == SaveState::Saving {
        return;
    }
    let Some((pairs, version)) = form.begin_save() else { return };
    let session = use_session();
    let lang = use_i18n().lang;
    let Some(token) = session.token(K::DIALECT) else {
        session.end(crate::core::session::SignedOutReason::Expired);
        return;
    };
    leptos::task::spawn_local(async move {
        let mut attempts = 0;
        let result = loop {
            attempts += 1;
            match send(token.clone(), pairs.clone(), version.clone()).await {
                Err(ApiError::RateLimited { retry_after_secs }) if attempts < 4 => {
                    let mut left = retry_after_secs.unwrap_or(5).clamp(1, 120);
                    while left > 0 {
                        form.state.set(SaveState::Waiting(left));
                        gloo_timers::future::TimeoutFuture::new(1_000).await;
                        left -= 1;
                    }
                    form.state.set(SaveState::Saving);
                }
                other => break other,
            }
        };
        match result {
            Ok(record) => {
                let (values, version) = to_values(&record);
                let typed = form.values_untracked();
                form.saved(values, version);
                form.check_kept(&pairs, &typed);
                on_saved(record);
            }
            Err(ApiError::Conflict) => match reload(token).await {
                Ok(record) => {
                    let (values, version) = to_values(&record);
                    form.conflict(values, version);
                }
                Err(e) => form.failed(e),
            },
            // `api/http.rs` has ended the session; the draft waits for the next sign-in.
            Err(ApiError::Unauthenticated { .. }) => form.state.set(SaveState::Idle),
            Err(e) => form.failed(in_words::<K>(e, lang.get_untracked())),
        }
    });
}

/// A refusal that names no field but gives a documented reason is shown in
/// the reason's words.
fn in_words<K: FormField>(error: ApiError, lang: Lang) -> ApiError {
    match error {
        ApiError::Invalid { fields, reason: Some(reason), message } if fields.is_empty() => {
            let message = K::reason_text(&reason, lang).map(str::to_string).unwrap_or(message);
            ApiError::Invalid { fields, reason: Some(reason), message }
        }
        other => other,
    }
}
