//! The state behind every editing form: the loaded values, what the admin has
//! typed, which fields were visited, the server's messages, and the draft
//! kept in sessionStorage until a save succeeds. Built once, used by the
//! profile, billing and BlendVision forms alike.
//!
//! Rules run as the admin types, but a field only shows its message after it
//! was left once (blur) or a save was attempted. Only changed keys are sent.

use crate::api::ApiError;
use crate::i18n::FieldMessage;
use crate::state::storage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

/// A form's field: a stable wire name (what the server and the draft use)
/// and the id of its input (what the error summary links to).
pub trait FormKey: Copy + Ord + std::hash::Hash + Debug + Send + Sync + 'static {
    fn wire(self) -> &'static str;
    fn id(self) -> &'static str;
    /// The field an error path or form key names.
    fn from_wire(wire: &str) -> Option<Self>;
}

impl FormKey for orgdesk_model::fields::Field {
    fn wire(self) -> &'static str {
        self.key()
    }
    fn id(self) -> &'static str {
        self.path()
    }
    fn from_wire(wire: &str) -> Option<Self> {
        Self::from_key(wire)
    }
}

/// A record as form values, and the version (HTTP date) they are from.
pub type Snapshot<K> = (BTreeMap<K, String>, Option<String>);

/// What a save sends: the changed keys with their values, and the version
/// the changes are based on.
pub type Changes = (Vec<(String, String)>, Option<String>);

/// The form's rules, supplied by the page.
pub struct Rules<K: 'static> {
    /// The value as it will be stored.
    pub normalize: fn(K, &str) -> String,
    /// The field's problem, given every field's normalized value.
    pub check: fn(K, &dyn Fn(K) -> String) -> Option<FieldMessage>,
    /// Fields whose rules look at this one, so changing it re-checks them.
    pub dependents: fn(K) -> &'static [K],
}

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

pub struct FormModel<K: FormKey> {
    pub keys: &'static [K],
    values: RwSignal<BTreeMap<K, String>>,
    base: RwSignal<BTreeMap<K, String>>,
    /// The version (`updated_at`, HTTP date) the edits are based on.
    version: RwSignal<Option<String>>,
    /// For a draft restored after a reload: what each changed field held when
    /// the admin started, to tell their edits from the server's.
    started_from: RwSignal<BTreeMap<K, String>>,
    touched: RwSignal<BTreeSet<K>>,
    server: RwSignal<BTreeMap<K, String>>,
    /// A server message for no field in this form.
    pub general: RwSignal<Option<String>>,
    /// Bumped on every save attempt; the error summary refocuses each time.
    pub attempt: RwSignal<u32>,
    pub state: RwSignal<SaveState>,
    pub conflicts: RwSignal<Vec<Conflict<K>>>,
    changed: Memo<Vec<K>>,
    draft_key: StoredValue<String>,
    normalize: fn(K, &str) -> String,
    check: fn(K, &dyn Fn(K) -> String) -> Option<FieldMessage>,
    dependents: fn(K) -> &'static [K],
}

impl<K: FormKey> Clone for FormModel<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: FormKey> Copy for FormModel<K> {}

impl<K: FormKey> FormModel<K> {
    pub fn new(keys: &'static [K], rules: Rules<K>, draft_key: String) -> Self {
        let values = RwSignal::new(BTreeMap::<K, String>::new());
        let base = RwSignal::new(BTreeMap::<K, String>::new());
        let normalize = rules.normalize;
        let changed = Memo::new(move |_| {
            values.with(|values| {
                base.with(|base| {
                    keys.iter()
                        .copied()
                        .filter(|k| {
                            let now = values.get(k).map(String::as_str).unwrap_or("");
                            let was = base.get(k).map(String::as_str).unwrap_or("");
                            now != was && normalize(*k, now) != normalize(*k, was)
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
            started_from: RwSignal::new(BTreeMap::new()),
            touched: RwSignal::new(BTreeSet::new()),
            server: RwSignal::new(BTreeMap::new()),
            general: RwSignal::new(None),
            attempt: RwSignal::new(0),
            state: RwSignal::new(SaveState::Idle),
            conflicts: RwSignal::new(Vec::new()),
            draft_key: StoredValue::new(draft_key),
            normalize: rules.normalize,
            check: rules.check,
            dependents: rules.dependents,
        }
    }

    /// Takes the server's values; a draft left from before (a reload, an
    /// expired session) is laid over them.
    pub fn load(&self, base: BTreeMap<K, String>, version: Option<String>) {
        let draft = storage::session_get(&self.draft_key.get_value()).and_then(|s| serde_json::from_str::<Draft>(&s).ok());
        let mut values = base.clone();
        let mut started = BTreeMap::new();
        let mut version = version;
        if let Some(draft) = draft {
            for (wire, (was, mine)) in draft.changes {
                if let Some(k) = K::from_wire(&wire) {
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
        self.touched.set(BTreeSet::new());
        self.server.set(BTreeMap::new());
        self.general.set(None);
        self.conflicts.set(Vec::new());
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
        self.persist();
    }

    /// The admin left the field: its message may show from now on.
    pub fn blur(&self, k: K) {
        if !self.touched.with_untracked(|t| t.contains(&k)) {
            self.touched.update(|t| {
                t.insert(k);
            });
        }
    }

    fn normalized(&self, k: K) -> String {
        (self.normalize)(k, &self.value(k))
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
    fn checked(&self) -> BTreeSet<K> {
        let mut set: BTreeSet<K> = self.touched.get();
        for k in self.changed() {
            set.insert(k);
            set.extend((self.dependents)(k).iter().copied());
        }
        // The record's other fields are known (rules look at them) but belong
        // to another form.
        set.retain(|k| self.keys.contains(k));
        set
    }

    fn rule_problem(&self, k: K) -> Option<FieldMessage> {
        let value_of = |f: K| self.normalized(f);
        (self.check)(k, &value_of)
    }

    /// The message to show on `k`, if any (reactive).
    pub fn error(&self, k: K) -> Option<FieldMessage> {
        if let Some(msg) = self.server.with(|s| s.get(&k).cloned()) {
            return Some(FieldMessage::Server(msg));
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
    pub fn saved(&self, base: BTreeMap<K, String>, version: Option<String>) {
        storage::session_remove(&self.draft_key.get_value());
        self.values.set(base.clone());
        self.base.set(base);
        self.version.set(version);
        self.started_from.set(BTreeMap::new());
        self.touched.set(BTreeSet::new());
        self.server.set(BTreeMap::new());
        self.conflicts.set(Vec::new());
        self.attempt.set(0);
        self.state.set(SaveState::Saved(js_sys::Date::now()));
    }

    /// A failed save: field messages land on their fields, the rest is kept
    /// for the page to show. Nothing typed is touched.
    pub fn failed(&self, error: ApiError) {
        if let ApiError::Invalid { fields, message, .. } = &error {
            let mut on_fields = BTreeMap::new();
            let mut elsewhere = Vec::new();
            for (path, messages) in fields {
                let text = messages.join(" ");
                match K::from_wire(path).filter(|k| self.keys.contains(k)) {
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
    pub fn conflict(&self, current: BTreeMap<K, String>, version: Option<String>) {
        let base = self.base.get_untracked();
        let started = self.started_from.get_untracked();
        let mut list = Vec::new();
        for k in self.changed_untracked() {
            let was = started.get(&k).or_else(|| base.get(&k)).cloned().unwrap_or_default();
            let theirs = current.get(&k).cloned().unwrap_or_default();
            if (self.normalize)(k, &theirs) != (self.normalize)(k, &was) {
                list.push(Conflict { key: k, mine: self.value_untracked(k), theirs });
            }
        }
        // Fields only the server changed simply take the server's value.
        self.values.update(|values| {
            for (k, theirs) in &current {
                let mine_changed = values.get(k).map(|v| (self.normalize)(*k, v)) != base.get(k).map(|v| (self.normalize)(*k, v));
                if !mine_changed {
                    values.insert(*k, theirs.clone());
                }
            }
        });
        self.base.set(current);
        self.version.set(version);
        self.started_from.set(BTreeMap::new());
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
        self.started_from.set(BTreeMap::new());
        self.touched.set(BTreeSet::new());
        self.server.set(BTreeMap::new());
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
        if let Ok(json) = serde_json::to_string(&draft) {
            storage::session_set(&key, &json);
        }
    }
}

/// Sends the form's changes and handles every answer: the saved record, field
/// messages, a conflict (fetches the current record to compare), an ended
/// session (the draft waits for the admin to sign in again), rate limiting
/// (waits `Retry-After`, then tries again by itself), and failures the admin
/// can retry. `send` gets the token, the changed pairs and the version.
pub fn save<K, R, Send, SendFut, Reload, ReloadFut>(
    form: FormModel<K>,
    dialect: crate::state::session::Dialect,
    send: Send,
    reload: Reload,
    to_values: fn(&R) -> Snapshot<K>,
    on_saved: impl Fn(R) + 'static,
) where
    K: FormKey,
    R: 'static,
    Send: Fn(String, Vec<(String, String)>, Option<String>) -> SendFut + 'static,
    SendFut: std::future::Future<Output = Result<R, ApiError>> + 'static,
    Reload: Fn(String) -> ReloadFut + 'static,
    ReloadFut: std::future::Future<Output = Result<R, ApiError>> + 'static,
{
    use crate::state::session::{use_session, SignedOutReason};
    if form.state.get_untracked() == SaveState::Saving {
        return;
    }
    let Some((pairs, version)) = form.begin_save() else { return };
    let session = use_session();
    let Some(token) = session.token(dialect) else {
        session.end(SignedOutReason::Expired);
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
                form.saved(values, version);
                on_saved(record);
            }
            Err(ApiError::Conflict) => match reload(token).await {
                Ok(record) => {
                    let (values, version) = to_values(&record);
                    form.conflict(values, version);
                }
                Err(e) => form.failed(e),
            },
            Err(ApiError::Unauthenticated { .. }) => {
                form.state.set(SaveState::Idle);
                session.end(SignedOutReason::Expired);
            }
            Err(e) => form.failed(e),
        }
    });
}
