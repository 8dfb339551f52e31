//! `/openbadge/logo`: choose or drop an image, see it where it will appear,
//! upload it with real progress (cancel, retry), see the three stored sizes,
//! and remove the logo after confirming.

use super::nav::OrganizationPage;
use crate::api::http::{upload_file, OpenBadge, UploadHandle};
use crate::api::{self, ApiError};
use crate::i18n::{api_error_key, format_number, use_i18n, T};
use crate::core::capabilities::{use_capabilities, Extension};
use crate::core::session::{use_session, Dialect, SessionStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::head::Title;
use orgdesk_model::media::{check_dimensions, sniff, LogoProblem};
use orgdesk_model::openbadge::{Data, Organization};

#[component]
pub fn LogoPage() -> impl IntoView {
    view! { <OrganizationPage page=|org| view! { <LogoManager org/> }.into_any()/> }
}

/// A chosen file that passed the checks, with an object URL for previews.
#[derive(Clone)]
struct Chosen {
    file: web_sys::File,
    preview_url: String,
}

pub fn problem_key(problem: LogoProblem) -> T {
    match problem {
        LogoProblem::NotAnImage => T::LogoNotAnImage,
        LogoProblem::TooBig => T::LogoTooBig,
        LogoProblem::TooSmall { .. } => T::LogoTooSmall,
        LogoProblem::TooManyPixels { .. } => T::LogoTooManyPixels,
        LogoProblem::Unreadable => T::LogoUnreadable,
    }
}

/// The browser-side checks, before any upload: type by the first bytes,
/// size, and dimensions as the browser decodes them.
pub async fn inspect(file: &web_sys::File) -> Result<(u32, u32), LogoProblem> {
    let head = wasm_bindgen_futures::JsFuture::from(file.slice_with_i32_and_i32(0, 16).map_err(|_| LogoProblem::Unreadable)?.array_buffer())
        .await
        .map_err(|_| LogoProblem::Unreadable)?;
    sniff(&js_sys::Uint8Array::new(&head).to_vec()).ok_or(LogoProblem::NotAnImage)?;
    if file.size() as u64 > orgdesk_model::media::MAX_LOGO_BYTES {
        return Err(LogoProblem::TooBig);
    }
    let (width, height) = decoded_size(file).await.ok_or(LogoProblem::Unreadable)?;
    check_dimensions(file.size() as u64, width, height)?;
    Ok((width, height))
}

/// Natural size of an image file, by letting the browser decode it.
async fn decoded_size(file: &web_sys::File) -> Option<(u32, u32)> {
    let url = web_sys::Url::create_object_url_with_blob(file).ok()?;
    let img = web_sys::HtmlImageElement::new().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&url);
    let ok = wasm_bindgen_futures::JsFuture::from(loaded).await.is_ok();
    let _ = web_sys::Url::revoke_object_url(&url);
    ok.then(|| (img.natural_width(), img.natural_height()))
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Uploading,
    Saved,
    Removed,
    Failed(T),
}

/// The page's state, shared by its parts.
#[derive(Clone, Copy)]
struct LogoState {
    session: SessionStore,
    org: RwSignal<Organization>,
    chosen: RwSignal<Option<Chosen>, LocalStorage>,
    problem: RwSignal<Option<T>>,
    progress: RwSignal<Option<(f64, f64)>>,
    status: RwSignal<Status>,
    handle: StoredValue<Option<UploadHandle>, LocalStorage>,
    confirming: RwSignal<bool>,
    dragging: RwSignal<bool>,
}

impl LogoState {
    fn new(org: Organization) -> LogoState {
        LogoState {
            session: use_session(),
            org: RwSignal::new(org),
            chosen: RwSignal::new_local(None::<Chosen>),
            problem: RwSignal::new(None::<T>),
            progress: RwSignal::new(None::<(f64, f64)>),
            status: RwSignal::new(Status::Idle),
            handle: StoredValue::new_local(None::<UploadHandle>),
            confirming: RwSignal::new(false),
            dragging: RwSignal::new(false),
        }
    }

    /// Checks a chosen or dropped file and, if it passes, previews it.
    fn choose(self, file: web_sys::File) {
        let LogoState { chosen, problem, .. } = self;
        self.status.set(Status::Idle);
        spawn_local(async move {
            match inspect(&file).await {
                Ok(_) => {
                    if let Some(old) = chosen.get_untracked() {
                        let _ = web_sys::Url::revoke_object_url(&old.preview_url);
                    }
                    problem.set(None);
                    let preview_url = web_sys::Url::create_object_url_with_blob(&file).unwrap_or_default();
                    chosen.set(Some(Chosen { file, preview_url }));
                }
                Err(p) => {
                    chosen.set(None);
                    problem.set(Some(problem_key(p)));
                }
            }
        });
    }

    /// Uploads the chosen file, following its progress.
    fn upload(self) {
        let LogoState { org, chosen, problem, progress, status, handle, .. } = self;
        let (Some(c), Some(token)) = (chosen.get_untracked(), self.session.token(Dialect::OpenBadge)) else { return };
        status.set(Status::Uploading);
        progress.set(Some((0.0, c.file.size())));
        spawn_local(async move {
            let result: Result<Data<Organization>, ApiError> = upload_file::<OpenBadge, _>(
                "/api/v1/issuers/organization/logo",
                token,
                "logo",
                &c.file,
                move |sent, total| progress.set(Some((sent, total))),
                move |h| handle.set_value(Some(h)),
            )
            .await;
            handle.set_value(None);
            progress.set(None);
            match result {
                Ok(saved) => {
                    org.set(saved.data);
                    let _ = web_sys::Url::revoke_object_url(&c.preview_url);
                    chosen.set(None);
                    status.set(Status::Saved);
                }
                Err(ApiError::Invalid { fields, .. }) => {
                    // The server's own check disagreed: show it on the field.
                    problem.set(Some(if fields.contains_key("logo") { T::LogoUnreadable } else { T::ErrInvalid }));
                    status.set(Status::Idle);
                }
                Err(e) => status.set(Status::Failed(api_error_key(&e))),
            }
        });
    }

    /// Removes the stored logo (after the admin confirmed).
    fn remove(self) {
        let LogoState { org, status, .. } = self;
        let Some(token) = self.session.token(Dialect::OpenBadge) else { return };
        self.confirming.set(false);
        spawn_local(async move {
            match api::openbadge::remove_logo(token).await {
                Ok(saved) => {
                    org.set(saved);
                    status.set(Status::Removed);
                }
                // The button gives way to a line saying why (see `RemoveLogo`).
                Err(ApiError::NotOffered) => status.set(Status::Idle),
                Err(e) => status.set(Status::Failed(api_error_key(&e))),
            }
        });
    }

    fn on_drop(self, ev: web_sys::DragEvent) {
        ev.prevent_default();
        self.dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            self.choose(file);
        }
    }

    fn uploading(self) -> bool {
        self.status.get() == Status::Uploading
    }

    fn percent(self) -> Option<i64> {
        self.progress.get().map(|(sent, total)| if total > 0.0 { (sent / total * 100.0).round() as i64 } else { 0 })
    }
}

#[component]
pub fn LogoManager(org: Organization) -> impl IntoView {
    let i18n = use_i18n();
    let state = LogoState::new(org);
    view! {
        <Title text=move || i18n.t(T::Logo)/>
        <h1>{move || i18n.t(T::Logo)}</h1>
        <p>{move || i18n.t(T::LogoLead)}</p>
        <LogoStatus state/>

        <div class="logo-layout">
            <CurrentLogo state/>
            <NewLogo state/>
        </div>
    }
}

/// What the last upload or removal said.
#[component]
fn LogoStatus(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let LogoState { status, chosen, .. } = state;
    view! {
        <div class="logo-status" aria-live="polite">
            {move || match status.get() {
                Status::Saved => view! { <p class="notice notice--success" role="status">{i18n.t(T::LogoSaved)}</p> }.into_any(),
                Status::Removed => view! { <p class="notice notice--success" role="status">{i18n.t(T::LogoRemoved)}</p> }.into_any(),
                Status::Failed(key) => view! {
                    <div class="notice notice--error" role="alert">
                        <p>{i18n.t(key)}</p>
                        {chosen.get().is_some().then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| state.upload()>{i18n.t(T::Retry)}</button>
                        })}
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// The three stored sizes, and removing them.
#[component]
fn CurrentLogo(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let org = state.org;
    view! {
        <section class="card" aria-labelledby="current-logo-title">
            <h2 id="current-logo-title">{move || i18n.t(T::CurrentLogo)}</h2>
            {move || {
                let o = org.get();
                let sizes = [(T::LogoStandard, o.logo_path.clone()), (T::LogoHigh, o.logo_high_path.clone()), (T::LogoThumbnail, o.logo_thumbnail_path.clone())];
                if sizes.iter().all(|(_, u)| u.as_deref().unwrap_or_default().is_empty()) {
                    return view! { <p class="muted">{i18n.t(T::NoLogo)}</p> }.into_any();
                }
                view! {
                    <ul class="logo-sizes">
                        {sizes.into_iter().filter_map(|(label, url)| url.filter(|u| !u.is_empty()).map(|u| view! {
                            <li class="logo-sizes__item">
                                <img src=u alt=format!("{} – {}", i18n.t(T::Logo), i18n.t(label)) width="128" height="128" class="logo-sizes__image"/>
                                <span class="logo-sizes__label">{i18n.t(label)}</span>
                            </li>
                        })).collect_view()}
                    </ul>
                    <RemoveLogo state/>
                }.into_any()
            }}
        </section>
    }
}

/// "Remove logo", and the confirmation it asks for; where the backend
/// cannot remove a logo, a line saying a new one can replace it.
#[component]
fn RemoveLogo(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let caps = use_capabilities();
    let confirming = state.confirming;
    move || if !caps.offers(Extension::ObLogoRemoval) {
        view! { <p class="field__hint">{i18n.t(T::LogoRemovalNotOffered)}</p> }.into_any()
    } else if confirming.get() {
        view! {
            <div class="confirm" role="group" aria-labelledby="remove-confirm">
                <p id="remove-confirm">{i18n.t(T::RemoveLogoConfirm)}</p>
                <button type="button" class="button button--danger" on:click=move |_| state.remove()>{i18n.t(T::YesRemove)}</button>
                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{i18n.t(T::KeepLogo)}</button>
            </div>
        }.into_any()
    } else {
        view! {
            <button type="button" class="button button--secondary" disabled=move || state.uploading() on:click=move |_| confirming.set(true)>{i18n.t(T::RemoveLogo)}</button>
        }.into_any()
    }
}

/// Choosing a new image: drop zone, previews, progress and upload.
#[component]
fn NewLogo(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="new-logo-title">
            <h2 id="new-logo-title">{move || i18n.t(T::NewLogo)}</h2>
            <LogoDropZone state/>
            <ChosenPreview state/>
            <UploadProgress state/>
            <UploadActions state/>
        </section>
    }
}

/// The file input, which also takes a dropped file.
#[component]
fn LogoDropZone(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let LogoState { problem, dragging, .. } = state;
    view! {
        <div
            class="dropzone"
            class:dropzone--active=move || dragging.get()
            class:field--error=move || problem.get().is_some()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev| state.on_drop(ev)
        >
            <label class="field__label" for="logo-file">{move || i18n.t(T::ChooseImage)}</label>
            <p class="field__hint" id="logo-file-hint">{move || i18n.t(T::ChooseImageHint)}</p>
            {move || problem.get().map(|key| view! {
                <p class="field__error" id="logo-file-error"><span class="visually-hidden">{i18n.t(T::ErrorPrefix)}</span>{i18n.t(key)}</p>
            })}
            <input
                type="file"
                id="logo-file"
                name="logo"
                accept="image/png,image/jpeg,image/webp"
                aria-describedby=move || if problem.get().is_some() { "logo-file-hint logo-file-error" } else { "logo-file-hint" }
                aria-invalid=move || problem.get().is_some().then_some("true")
                disabled=move || state.uploading()
                on:change:target=move |ev| {
                    if let Some(file) = ev.target().files().and_then(|f| f.get(0)) {
                        state.choose(file);
                    }
                }
            />
        </div>
    }
}

/// The chosen image where it will appear, with its name and size.
#[component]
fn ChosenPreview(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = state.chosen;
    move || chosen.get().map(|c| {
        let url = c.preview_url.clone();
        view! {
            <ul class="logo-previews">
                <li><img src=url.clone() alt="" class="logo-preview logo-preview--header" width="128" height="128"/><span>{i18n.t(T::AsInHeader)}</span></li>
                <li><img src=url.clone() alt="" class="logo-preview logo-preview--card" width="72" height="72"/><span>{i18n.t(T::AsInBadgeCard)}</span></li>
                <li><img src=url alt="" class="logo-preview logo-preview--thumb" width="32" height="32"/><span>{i18n.t(T::AsThumbnail)}</span></li>
            </ul>
            <p class="logo-file-name">{c.file.name()}" · "{format_number((c.file.size() / 1024.0).ceil() as i64, i18n.lang.get())}" KB"</p>
        }
    })
}

#[component]
fn UploadProgress(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    move || state.percent().map(|p| view! {
        <div class="upload-progress">
            <label for="upload-progress">{i18n.t(T::Uploading)}" "{p}"%"</label>
            <progress id="upload-progress" max="100" value=p>{p}"%"</progress>
        </div>
    })
}

/// Upload, and cancel while uploading.
#[component]
fn UploadActions(state: LogoState) -> impl IntoView {
    let i18n = use_i18n();
    let LogoState { chosen, handle, .. } = state;
    let uploading = move || state.uploading();
    view! {
        <div class="form__actions">
            <button type="button" class="button" disabled=move || chosen.get().is_none() || uploading() on:click=move |_| state.upload()>
                {move || i18n.t(if uploading() { T::Uploading } else { T::Upload })}
            </button>
            <Show when=uploading>
                <button type="button" class="button button--secondary" on:click=move |_| handle.with_value(|h| if let Some(h) = h { h.abort() })>
                    {move || i18n.t(T::Cancel)}
                </button>
            </Show>
        </div>
    }
}
