//! `/openbadge/public-profile`: the four public-profile switches, each saved
//! at once, beside a live preview rendered by the public page's own component.

use super::nav::IssuerNav;
use crate::api::{self, ApiError};
use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::loaded;
use crate::ui::switch::Switch;
use crate::i18n::{api_error_key, use_i18n, T};
use crate::features::public::issuer_page::PublicProfile;
use crate::core::session::{use_session, Dialect, SessionStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::head::Title;
use orgdesk_model::openbadge::{BadgeTemplate, Organization, Settings};
use orgdesk_model::public::{is_public, public_view};
use wasm_bindgen::JsCast;

#[component]
pub fn PublicSettingsPage() -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::OpenBadge>
            <IssuerNav/>
            <PublicSettingsLoader/>
        </RequireSession>
    }
}

#[component]
fn PublicSettingsLoader() -> impl IntoView {
    let data = authed_resource(Dialect::OpenBadge, |token: String| async move {
        let org = api::openbadge::organization(token.clone()).await?;
        let templates = api::openbadge::all_badge_templates(token).await?;
        Ok((org, templates))
    });
    loaded(data, |(org, templates)| view! { <PublicSettings org templates/> }.into_any(), None)
}

/// One of the four switches: its form key, its field in `Settings`, and words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Profile,
    BadgeTypes,
    LearningPaths,
    BadgeTemplates,
}

impl Key {
    fn form_key(self) -> &'static str {
        match self {
            Key::Profile => "settings[public_profile]",
            Key::BadgeTypes => "settings[public_badge_types]",
            Key::LearningPaths => "settings[public_learning_paths]",
            Key::BadgeTemplates => "settings[public_badge_templates]",
        }
    }

    fn get(self, s: &Settings) -> bool {
        match self {
            Key::Profile => s.public_profile,
            Key::BadgeTypes => s.public_badge_types,
            Key::LearningPaths => s.public_learning_paths,
            Key::BadgeTemplates => s.public_badge_templates,
        }
    }

    fn set(self, s: &mut Settings, on: bool) {
        match self {
            Key::Profile => s.public_profile = on,
            Key::BadgeTypes => s.public_badge_types = on,
            Key::LearningPaths => s.public_learning_paths = on,
            Key::BadgeTemplates => s.public_badge_templates = on,
        }
    }
}

/// What the last save said.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Saved,
    Failed(T),
    Conflict,
}

/// The page's state: the organization (which the preview follows), which
/// switch is saving, and what the last save said.
#[derive(Clone, Copy)]
struct PublicState {
    session: SessionStore,
    org: RwSignal<Organization>,
    saving: RwSignal<Option<Key>>,
    outcome: RwSignal<Option<Outcome>>,
    settings: Memo<Settings>,
}

impl PublicState {
    fn new(org: Organization) -> PublicState {
        let session = use_session();
        let org = RwSignal::new(org);
        let saving = RwSignal::new(None::<Key>);
        let outcome = RwSignal::new(None::<Outcome>);
        let settings = Memo::new(move |_| org.with(|o| o.settings.unwrap_or_default()));
        PublicState { session, org, saving, outcome, settings }
    }

    /// Saves one switch at once; a failure rolls the preview back.
    fn toggle(self, key: Key, on: bool) {
        let PublicState { org, saving, outcome, .. } = self;
        let Some(token) = self.session.token(Dialect::OpenBadge) else { return };
        let before = org.get_untracked();
        // The preview follows at once; the save confirms or rolls back.
        org.update(|o| key.set(o.settings.get_or_insert_with(Settings::default), on));
        saving.set(Some(key));
        outcome.set(None);
        spawn_local(async move {
            let result = save_switch(token, key, on, before.clone()).await;
            saving.set(None);
            match result {
                Ok(saved) => {
                    // Saved means kept: a server that dropped the key answers 200
                    // with the old value, which the switch then shows.
                    let kept = key.get(&saved.settings.unwrap_or_default()) == on;
                    org.set(saved);
                    outcome.set(Some(if kept { Outcome::Saved } else { Outcome::Failed(T::NotKeptSwitch) }));
                }
                Err(SwitchError::Conflict(fresh)) => {
                    org.set(fresh.unwrap_or(before));
                    outcome.set(Some(Outcome::Conflict));
                }
                Err(SwitchError::Api(e)) => {
                    org.set(before);
                    outcome.set(Some(Outcome::Failed(api_error_key(&e))));
                }
            }
        });
    }
}

/// Why a switch was not saved.
enum SwitchError {
    /// Someone else changed this very switch meanwhile: the record as it is now.
    Conflict(Option<Organization>),
    Api(ApiError),
}

/// Saves one switch on the record `before` it was flipped. A switch is a
/// change of its own: when the record changed meanwhile only elsewhere
/// (another field, the logo), the same change is sent again on the fresh
/// record; only a change to this switch itself is a conflict.
async fn save_switch(token: String, key: Key, on: bool, before: Organization) -> Result<Organization, SwitchError> {
    let changes = vec![(key.form_key().to_string(), if on { "1" } else { "0" }.to_string())];
    let was = key.get(&before.settings.unwrap_or_default());
    let mut version = api::openbadge::version_of(&before);
    for _ in 0..3 {
        match api::openbadge::update(token.clone(), changes.clone(), version.clone()).await {
            Err(ApiError::Conflict) => {}
            other => return other.map_err(SwitchError::Api),
        }
        let Ok(fresh) = api::openbadge::organization(token.clone()).await else { return Err(SwitchError::Conflict(None)) };
        if key.get(&fresh.settings.unwrap_or_default()) != was {
            return Err(SwitchError::Conflict(Some(fresh)));
        }
        version = api::openbadge::version_of(&fresh);
    }
    Err(SwitchError::Conflict(None))
}

#[component]
pub fn PublicSettings(org: Organization, templates: Vec<BadgeTemplate>) -> impl IntoView {
    let i18n = use_i18n();
    let state = PublicState::new(org);
    let templates = StoredValue::new(templates);

    view! {
        <Title text=move || i18n.t(T::PublicProfile)/>
        <div class="public-settings">
            <section class="card public-settings__switches" aria-labelledby="public-settings-title">
                <h1 id="public-settings-title">{move || i18n.t(T::PublicProfile)}</h1>
                <p>{move || i18n.t(T::PublicProfileLead)}</p>
                <SaveStatus outcome=state.outcome/>
                <PublicSwitches state/>
                <p class="muted">{move || i18n.t(T::PublicContactEmailNote)}</p>
                <PublicLink state/>
            </section>
            <PublicPreview org=state.org templates/>
        </div>
    }
}

/// What the last save said.
#[component]
fn SaveStatus(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="save-status">
            {move || match outcome.get() {
                Some(Outcome::Saved) => view! { <p class="notice notice--success" role="status">{i18n.t(T::Saved)}</p> }.into_any(),
                Some(Outcome::Failed(reason)) => view! {
                    <div class="notice notice--error" role="alert">
                        <p>{i18n.t(reason)}</p>
                        <p>{i18n.t(T::SaveFailedRolledBack)}</p>
                    </div>
                }.into_any(),
                Some(Outcome::Conflict) => view! { <p class="notice notice--warning" role="alert">{i18n.t(T::ReloadedAfterConflict)}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

/// The four switches; the sections need the profile itself to be public.
#[component]
fn PublicSwitches(state: PublicState) -> impl IntoView {
    let i18n = use_i18n();
    let settings = state.settings;
    view! {
        <fieldset class="switches">
            <legend class="visually-hidden">{move || i18n.t(T::PublicProfile)}</legend>
            <SettingSwitch state key=Key::Profile id="switch-public-profile" label=T::PublicProfile description=T::PublicProfileHelp/>
            {move || (!settings.get().public_profile).then(|| view! { <p class="switches__note">{i18n.t(T::SectionsNeedProfile)}</p> })}
            <SettingSwitch state key=Key::BadgeTypes id="switch-badge-types" label=T::ShowBadgeTypes description=T::BadgeTypesHelp/>
            <SettingSwitch state key=Key::LearningPaths id="switch-learning-paths" label=T::ShowLearningPaths description=T::LearningPathsHelp/>
            <SettingSwitch state key=Key::BadgeTemplates id="switch-badge-templates" label=T::ShowBadgeTemplates description=T::BadgeTemplatesHelp/>
        </fieldset>
    }
}

#[component]
fn SettingSwitch(state: PublicState, key: Key, id: &'static str, label: T, description: T) -> impl IntoView {
    let PublicState { settings, saving, .. } = state;
    let is_section = key != Key::Profile;
    view! {
        <Switch
            id
            label
            description
            checked=Signal::derive(move || key.get(&settings.get()))
            disabled=Signal::derive(move || is_section && !settings.get().public_profile)
            busy=Signal::derive(move || saving.get() == Some(key))
            on_toggle=Callback::new(move |on| state.toggle(key, on))
        />
    }
}

/// The public page's address, to open or copy, while the profile is public.
#[component]
fn PublicLink(state: PublicState) -> impl IntoView {
    let i18n = use_i18n();
    let PublicState { org, settings, .. } = state;
    let public_url = Memo::new(move |_| org.with(|o| o.public_url.clone().filter(|u| !u.is_empty() && settings.get().public_profile)));
    let copied = RwSignal::new(None::<bool>);
    move || public_url.get().map(|url| {
        let copy_url = url.clone();
        view! {
            <div class="public-link">
                <a href=url.clone() target="_blank" rel="noopener">{i18n.t(T::OpenPublicPage)}</a>
                <code class="public-link__url">{url.clone()}</code>
                <button type="button" class="button button--secondary" on:click=move |_| copy(copy_url.clone(), copied)>
                    {move || i18n.t(T::CopyLink)}
                </button>
                <span role="status" class="public-link__copied">
                    {move || copied.get().map(|ok| i18n.t(if ok { T::LinkCopied } else { T::CopyFailed }))}
                </span>
            </div>
        }
    })
}

/// The public page as visitors would see it now.
#[component]
fn PublicPreview(org: RwSignal<Organization>, templates: StoredValue<Vec<BadgeTemplate>>) -> impl IntoView {
    let i18n = use_i18n();
    let preview = Memo::new(move |_| org.with(|o| is_public(o).then(|| templates.with_value(|t| public_view(o, t)))));
    view! {
        <section class="public-settings__preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move || i18n.t(T::Preview)}</h2>
            <p class="muted">{move || i18n.t(T::PreviewLead)}</p>
            <div class="preview-frame">
                {move || match preview.get() {
                    Some(view_model) => view! { <PublicProfile org=view_model heading_level=2/> }.into_any(),
                    None => view! { <p class="preview-frame__off">{i18n.t(T::PreviewUnavailable)}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Copies `text` with the asynchronous Clipboard API and reports the outcome.
fn copy(text: String, copied: RwSignal<Option<bool>>) {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let promise = clipboard.and_then(|c| {
        let write = js_sys::Reflect::get(&c, &"writeText".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        write.call1(&c, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    spawn_local(async move {
        let ok = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        };
        copied.set(Some(ok));
    });
}

