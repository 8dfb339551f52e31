//! The state behind every editing form: the loaded values, what the admin has
//! typed, which fields were visited, the server's messages, and the draft
//! kept in sessionStorage until a save succeeds. Built once, used by the
//! profile, billing and BlendVision forms alike.
//!
//! Rules run as the admin types, but a field only shows its message after it
//! was left once (blur) or a save was attempted. Only changed keys are sent.

use crate::core::error::ApiError;
use crate::i18n::{rpc_reason_text, use_i18n, FieldMessage, Lang};
use crate::core::{json, storage};
use orgdesk_model::bv_form::BvField;
use crate::ui::safe_html::sanitize_to_string;
use orgdesk_model::fields::{self, Field};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use super::keyed::{KeyMap, KeySet};
use std::collections::BTreeMap;

/// A field of any form: one small `Copy` key, so the form machinery and its
/// views are compiled once for every form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKey {
    /// An Open Badge organization field (profile, billing).
    Ob(Field),
    /// A BlendVision field (rename, business settings, contract).
    Bv(BvField),
}

impl FormKey {
    /// The stable name the server and the draft use.
    pub fn wire(self) -> &'static str {
        match self {
            FormKey::Ob(f) => f.key(),
            FormKey::Bv(f) => f.wire(),
        }
    }

    /// The id of the field's input (what the error summary links to).
    pub fn id(self) -> &'static str {
        match self {
            FormKey::Ob(f) => f.path(),
            FormKey::Bv(f) => f.id(),
        }
    }

    /// The value as it will be stored.
    pub fn normalize(self, value: &str) -> String {
        match self {
            // What the editor produces is compared as the sanitizer leaves it.
            FormKey::Ob(Field::Description) => sanitize_to_string(value),
            FormKey::Ob(f) => fields::normalize(f, value),
            FormKey::Bv(f) => f.normalize(value),
        }
    }

    /// The field's problem, given every field's normalized value: the same
    /// rules the server runs, from `orgdesk-model`.
    pub fn check(self, value_of: &dyn Fn(FormKey) -> String) -> Option<FieldMessage> {
        match self {
            FormKey::Ob(f) => fields::check(f, &|other| value_of(FormKey::Ob(other))).err().map(FieldMessage::Rule),
            FormKey::Bv(f) => f.check(&|other| value_of(FormKey::Bv(other))).err().map(FieldMessage::Bv),
        }
    }

    /// Fields whose rules look at this one, so changing it re-checks them.
    pub fn dependents(self) -> Vec<FormKey> {
        match self {
            FormKey::Ob(f) => fields::dependents(f).iter().map(|&d| FormKey::Ob(d)).collect(),
            FormKey::Bv(f) => f.dependents().iter().map(|&d| FormKey::Bv(d)).collect(),
        }
    }

    /// Whether a form key or an error path names this field.
    pub fn named_by(self, wire: &str) -> bool {
        match self {
            FormKey::Ob(f) => f.key() == wire || f.path() == wire,
            FormKey::Bv(f) => BvField::from_wire(wire) == Some(f),
        }
    }
}

impl From<Field> for FormKey {
    fn from(f: Field) -> Self {
        FormKey::Ob(f)
    }
}

impl From<BvField> for FormKey {
    fn from(f: BvField) -> Self {
        FormKey::Bv(f)
    }
}

/// BlendVision `fields` as form keys, for a form's `&'static` key list.
pub const fn bv_keys<const N: usize>(fields: &[BvField]) -> [FormKey; N] {
    let mut keys = [FormKey::Bv(BvField::Name); N];
    let mut i = 0;
    while i < N {
        keys[i] = FormKey::Bv(fields[i]);
        i += 1;
    }
    keys
}

/// Open Badge `fields` as form keys, for a form's `&'static` key list.
pub const fn ob_keys<const N: usize>(fields: &[Field]) -> [FormKey; N] {
    let mut keys = [FormKey::Ob(Field::Name); N];
    let mut i = 0;
    while i < N {
        keys[i] = FormKey::Ob(fields[i]);
        i += 1;
    }
    keys
}

/// A record as form values, and the version they are from (an entity tag, or
/// where the server sends none an HTTP date).
pub type Snapshot = (KeyMap<FormKey, String>, Option<String>);

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
pub struct Conflict {
    pub key: FormKey,
    pub mine: String,
    pub theirs: String,
}

#[derive(Clone, Copy)]
pub struct FormModel {
    pub keys: &'static [FormKey],
    values: RwSignal<KeyMap<FormKey, String>>,
    base: RwSignal<KeyMap<FormKey, String>>,
    /// The version (entity tag, else `updated_at` as an HTTP date) the edits are based on.
    version: RwSignal<Option<String>>,
    /// For a draft restored after a reload: what each changed field held when
    /// the admin started, to tell their edits from the server's.
    started_from: RwSignal<KeyMap<FormKey, String>>,
    touched: RwSignal<KeySet<FormKey>>,
    server: RwSignal<KeyMap<FormKey, String>>,
    /// Fields whose saved value came back different from what was sent.
    not_kept: RwSignal<KeySet<FormKey>>,
    /// A server message for no field in this form.
    pub general: RwSignal<Option<String>>,
    /// Bumped on every save attempt; the error summary refocuses each time.
    pub attempt: RwSignal<u32>,
    pub state: RwSignal<SaveState>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    changed: Memo<Vec<FormKey>>,
    draft_key: StoredValue<String>,
}

impl FormModel {
    pub fn new(keys: &'static [FormKey], draft_key: String) -> Self {
        let values = RwSignal::new(KeyMap::<FormKey, String>::new());
        let base = RwSignal::new(KeyMap::<FormKey, String>::new());
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
    pub fn load(&self, base: KeyMap<FormKey, String>, version: Option<String>) {
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
    fn key_named(&self, wire: &str) -> Option<FormKey> {
        self.keys.iter().copied().find(|k| k.named_by(wire))
    }

    /// Every field's current value, as typed.
    pub fn values_untracked(&self) -> KeyMap<FormKey, String> {
        self.values.get_untracked()
    }

    /// Whether the form holds a draft restored from an earlier visit.
    pub fn restored(&self) -> bool {
        self.started_from.with(|s| !s.is_empty())
    }

    /// The typed value (reactive).
    pub fn value(&self, k: impl Into<FormKey>) -> String {
        let k = k.into();
        self.values.with(|v| v.get(&k).cloned().unwrap_or_default())
    }

    pub fn set(&self, k: FormKey, value: String) {
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
    pub fn blur(&self, k: FormKey) {
        if self.touched.try_with_untracked(|t| t.contains(&k)) == Some(false) {
            self.touched.update(|t| {
                t.insert(k);
            });
        }
    }

    fn normalized(&self, k: FormKey) -> String {
        k.normalize(&self.value(k))
    }

    /// The fields whose normalized value differs from the loaded one.
    pub fn changed(&self) -> Vec<FormKey> {
        self.changed.get()
    }

    pub fn dirty(&self) -> bool {
        self.changed.with(|c| !c.is_empty())
    }

    /// Fields whose rules run: the changed ones, those depending on them,
    /// and any the admin visited.
    fn checked(&self) -> KeySet<FormKey> {
        let mut set: KeySet<FormKey> = self.touched.get();
        for k in self.changed() {
            set.insert(k);
            set.extend(k.dependents());
        }
        // The record's other fields are known (rules look at them) but belong
        // to another form.
        set.retain(|k| self.keys.contains(k));
        set
    }

    fn rule_problem(&self, k: FormKey) -> Option<FieldMessage> {
        let value_of = |f: FormKey| self.normalized(f);
        k.check(&value_of)
    }

    /// The message to show on `k`, if any (reactive).
    pub fn error(&self, k: FormKey) -> Option<FieldMessage> {
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
    pub fn problems(&self) -> Vec<(FormKey, FieldMessage)> {
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
    pub fn saved(&self, base: KeyMap<FormKey, String>, version: Option<String>) {
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
    fn check_kept(&self, sent: &[(String, String)], typed: &KeyMap<FormKey, String>) {
        let base = self.base.get_untracked();
        let lost: KeySet<FormKey> = sent
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
    pub fn conflict(&self, current: KeyMap<FormKey, String>, version: Option<String>) {
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
    pub fn take_theirs(&self, k: FormKey) {
        let theirs = self.base.with_untracked(|b| b.get(&k).cloned().unwrap_or_default());
        self.set(k, theirs);
        self.conflicts.update(|c| c.retain(|x| x.key != k));
    }

    /// Resolves one conflict keeping the admin's value (saved with the next save).
    pub fn keep_mine(&self, k: FormKey) {
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

    fn changed_untracked(&self) -> Vec<FormKey> {
        untrack(|| self.changed())
    }

    fn value_untracked(&self, k: FormKey) -> String {
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
pub fn save<R, Send, SendFut, Reload, ReloadFut>(
    form: FormModel,
    dialect: crate::core::session::Dialect,
    send: Send,
    reload: Reload,
    to_values: fn(&R) -> Snapshot,
    on_saved: impl Fn(R) + 'static,
) where
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
    let Some(token) = session.token(dialect) else {
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
            Err(e) => form.failed(in_words(e, lang.get_untracked())),
        }
    });
}

/// A refusal that names no field but gives a documented reason is shown in
/// the reason's words.
fn in_words(error: ApiError, lang: Lang) -> ApiError {
    match error {
        ApiError::Invalid { fields, reason: Some(reason), message } if fields.is_empty() => {
            let message = rpc_reason_text(&reason, lang).map(str::to_string).unwrap_or(message);
            ApiError::Invalid { fields, reason: Some(reason), message }
        }
        other => other,
    }
}
