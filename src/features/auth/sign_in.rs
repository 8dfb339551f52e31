//! Sign-in for both platforms: e-mail and password, or (Open Badge) a pasted
//! API token. Validation starts when a field is left and then follows the
//! typing; a failed submit shows the error summary.

use crate::api::{self, ApiError};
use crate::ui::error_summary::{ErrorSummary, Problem};
use crate::ui::field::TextField;
use crate::i18n::{api_error_key, msg, use_i18n, I18n, T};
use crate::core::capabilities::{use_capabilities, Extension};
use crate::core::session::{use_session, Dialect, Session, SignedOutReason};
use leptos::prelude::*;
use leptos::task::spawn_local;
use crate::ui::head::Title;
use crate::core::navigation::{use_location, Go};
use orgdesk_model::validate::{self, Problem as Rule};
use std::future::Future;
use std::pin::Pin;

#[component]
pub fn SignIn(platform: Platform) -> impl IntoView {
    let dialect = platform.dialect;
    let i18n = use_i18n();
    let session = use_session();
    let location = use_location();
    let title = match dialect {
        Dialect::OpenBadge => T::SignInOpenBadge,
        Dialect::BlendVision => T::SignInBlendVision,
    };
    let on_signed_in = Callback::new(move |s: Session| {
        session.start(s);
        // Only paths inside this platform's area: never an open redirect.
        // Back to where the admin was: a page of this platform, never the sign-in page itself.
        let next = location
            .query_untracked("next")
            .filter(|n| n == dialect.home() || n.starts_with(&format!("{}/", dialect.home())))
            .filter(|n| !n.starts_with(dialect.sign_in_path()));
        location.go(&next.unwrap_or_else(|| dialect.home().to_string()), Go::PAGE);
    });
    view! {
        <Title text=move || i18n.t(title)/>
        <section class="sign-in">
            <h1>{move || i18n.t(title)}</h1>
            {move || match session.ended.get() {
                Some(SignedOutReason::Expired) => Some(view! {
                    <p class="notice notice--warning" role="alert">{i18n.t(T::SessionEnded)}</p>
                }.into_any()),
                Some(SignedOutReason::Idle) => Some(view! {
                    <p class="notice notice--warning" role="alert">{i18n.t(T::SignedOutIdle)}</p>
                }.into_any()),
                Some(SignedOutReason::SignedOut) => Some(view! {
                    <p class="notice notice--info" role="status">{i18n.t(T::SignedOut)}</p>
                }.into_any()),
                None => None,
            }}
            <SignInForm platform on_signed_in/>
            <p class="sign-in__other"><a href="/" rel="external">{move || i18n.t(T::OtherPlatform)}</a></p>
        </section>
    }
}

/// Why a sign-in failed, as shown above the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    Text(T),
    /// 429: too many failed attempts; try again after this many seconds, if said.
    Locked(Option<u32>),
}

impl Failure {
    fn text(self, i18n: I18n) -> String {
        match self {
            Failure::Text(key) => i18n.t(key).to_string(),
            Failure::Locked(Some(secs)) => msg::sign_in_locked(i18n.lang.get(), secs.div_ceil(60).max(1)),
            Failure::Locked(None) => i18n.t(T::SignInLockedSoon).to_string(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Password,
    ApiToken,
}

fn email_key(rule: Rule) -> T {
    match rule {
        Rule::Required => T::ErrEmailRequired,
        Rule::EmailFormat => T::ErrEmailFormat,
        Rule::TooLong(_) => T::ErrTooLong,
        // Sign-in checks only presence, format and length.
        _ => T::ErrEmailFormat,
    }
}

/// What the form holds: the typed values, which fields were left (validation
/// starts there), and where the submit stands.
#[derive(Clone, Copy)]
struct SignInState {
    method: RwSignal<Method>,
    email: RwSignal<String>,
    password: RwSignal<String>,
    token: RwSignal<String>,
    /// BlendVision API tokens act for this organization (`x-bv-org-id`).
    org_id: RwSignal<String>,
    email_left: RwSignal<bool>,
    password_left: RwSignal<bool>,
    token_left: RwSignal<bool>,
    org_left: RwSignal<bool>,
    submitted: RwSignal<bool>,
    attempt: RwSignal<u32>,
    pending: RwSignal<bool>,
    failure: RwSignal<Option<Failure>>,
    /// "Keep me signed in on this device".
    keep: RwSignal<bool>,
    email_error: Memo<Option<T>>,
    password_error: Memo<Option<T>>,
    token_error: Memo<Option<T>>,
    org_error: Memo<Option<T>>,
}

impl SignInState {
    fn new(password_offered: bool) -> SignInState {
        let method = RwSignal::new(if password_offered { Method::Password } else { Method::ApiToken });
        let org_id = RwSignal::new(String::new());
        let org_left = RwSignal::new(false);
        let email = RwSignal::new(String::new());
        let password = RwSignal::new(String::new());
        let token = RwSignal::new(String::new());
        let email_left = RwSignal::new(false);
        let password_left = RwSignal::new(false);
        let token_left = RwSignal::new(false);
        let submitted = RwSignal::new(false);
        let attempt = RwSignal::new(0u32);
        let pending = RwSignal::new(false);
        let failure = RwSignal::new(None::<Failure>);

        let email_error = Memo::new(move |_| {
            if !(email_left.get() || submitted.get()) {
                return None;
            }
            validate::email(&email.get()).err().map(email_key)
        });
        let password_error = Memo::new(move |_| {
            if !(password_left.get() || submitted.get()) {
                return None;
            }
            validate::password(&password.get()).err().map(|rule| match rule {
                Rule::Required => T::ErrPasswordRequired,
                _ => T::ErrTooLong,
            })
        });
        let token_error = Memo::new(move |_| {
            ((token_left.get() || submitted.get()) && token.get().trim().is_empty()).then_some(T::ErrTokenRequired)
        });
        let org_error = Memo::new(move |_| {
            ((org_left.get() || submitted.get()) && org_id.get().trim().is_empty()).then_some(T::ErrOrgIdRequired)
        });
        SignInState {
            method,
            email,
            password,
            token,
            org_id,
            email_left,
            password_left,
            token_left,
            org_left,
            submitted,
            attempt,
            pending,
            failure,
            keep: RwSignal::new(false),
            email_error,
            password_error,
            token_error,
            org_error,
        }
    }

    /// The error summary's list, once a submit was tried.
    fn problems(self, i18n: I18n, dialect: Dialect) -> Signal<Vec<Problem>> {
        Signal::derive(move || {
            if !self.submitted.get() {
                return Vec::new();
            }
            let lang = i18n.lang.get();
            let mut list: Vec<Problem> = Vec::new();
            match self.method.get() {
                Method::Password => {
                    if let Some(e) = self.email_error.get() {
                        list.push(("email", e.text(lang).to_string()));
                    }
                    if let Some(e) = self.password_error.get() {
                        list.push(("password", e.text(lang).to_string()));
                    }
                }
                Method::ApiToken => {
                    if let Some(e) = self.token_error.get() {
                        list.push(("api-token", e.text(lang).to_string()));
                    }
                    if let Some(e) = self.org_error.get().filter(|_| dialect == Dialect::BlendVision) {
                        list.push(("org-id", e.text(lang).to_string()));
                    }
                }
            }
            list
        })
    }

    /// Password ⇄ API token; the new form starts without errors.
    fn switch_method(self) {
        self.method.update(|m| *m = if *m == Method::Password { Method::ApiToken } else { Method::Password });
        self.submitted.set(false);
        self.failure.set(None);
    }

    /// Validates, then signs in with the chosen method; a success goes to
    /// `on_signed_in`, a failure is shown above the form.
    fn submit(self, problems: Signal<Vec<Problem>>, authenticate: Authenticate, on_signed_in: Callback<Session>) {
        if self.pending.get_untracked() {
            return;
        }
        self.submitted.set(true);
        self.failure.set(None);
        self.attempt.update(|n| *n += 1);
        if !problems.get_untracked().is_empty() {
            return;
        }
        self.pending.set(true);
        let chosen = self.method.get_untracked();
        let credentials = Credentials {
            email: self.email.get_untracked(),
            password: self.password.get_untracked(),
            token: self.token.get_untracked().trim().to_string(),
            org_id: self.org_id.get_untracked().trim().to_string(),
        };
        spawn_local(async move {
            let outcome = authenticate(chosen, credentials).await;
            self.pending.set(false);
            match outcome {
                Ok(session) => {
                    // Left the page meanwhile: the sign-in goes with it.
                    if let Some(keep) = self.keep.try_get_untracked() {
                        let _ = on_signed_in.try_run(Session { keep, ..session });
                    }
                }
                Err(Failure::Text(T::PasswordNotOffered)) => {
                    // The backend has no password sign-in: the token form is the way in.
                    self.method.set(Method::ApiToken);
                    self.submitted.set(false);
                    self.failure.set(Some(Failure::Text(T::PasswordNotOffered)));
                }
                Err(key) => self.failure.set(Some(key)),
            }
        });
    }
}

/// What the admin typed.
struct Credentials {
    email: String,
    password: String,
    token: String,
    org_id: String,
}

/// Asks one platform for a session with the given credentials.
type Authenticate = fn(Method, Credentials) -> Pin<Box<dyn Future<Output = Result<Session, Failure>>>>;

/// The platform a sign-in form is for, with the one way of asking it for a
/// session. Each console passes its own, so it links only that platform's
/// sign-in calls and answers (issue 17), and the two cannot disagree.
#[derive(Clone, Copy)]
pub struct Platform {
    pub dialect: Dialect,
    authenticate: Authenticate,
}

pub const OPEN_BADGE: Platform = Platform { dialect: Dialect::OpenBadge, authenticate: open_badge };
pub const BLENDVISION: Platform = Platform { dialect: Dialect::BlendVision, authenticate: blendvision };

/// An API token the platform refused, in words.
fn token_refused(dialect: Dialect, e: ApiError) -> Failure {
    match e {
        ApiError::Unauthenticated { .. } => Failure::Text(T::TokenRejected),
        ApiError::Forbidden { .. } | ApiError::NotFound { .. } if dialect == Dialect::BlendVision => Failure::Text(T::TokenOrgRejected),
        e @ ApiError::Invalid { .. } => Failure::Text(api_error_key(&e)),
        other => credentials_error(other),
    }
}

/// [`OPEN_BADGE`]'s way in.
fn open_badge(chosen: Method, c: Credentials) -> Pin<Box<dyn Future<Output = Result<Session, Failure>>>> {
    let dialect = Dialect::OpenBadge;
    Box::pin(async move {
        match chosen {
            Method::ApiToken => api::openbadge::check_token(c.token.clone())
                .await
                .map(|_| Session::new(dialect, c.token, None))
                .map_err(|e| token_refused(dialect, e)),
            Method::Password => api::openbadge::login(&c.email, &c.password)
                .await
                .map(|t| Session::new(dialect, t.token, t.expires_at.map(|at| at.millis())))
                .map_err(credentials_error),
        }
    })
}

/// [`BLENDVISION`]'s way in.
fn blendvision(chosen: Method, c: Credentials) -> Pin<Box<dyn Future<Output = Result<Session, Failure>>>> {
    let dialect = Dialect::BlendVision;
    Box::pin(async move {
        match chosen {
            Method::ApiToken => api::blendvision::organization_as(c.token.clone(), c.org_id.clone())
                .await
                .map(|_| Session { org_id: Some(c.org_id), ..Session::new(dialect, c.token, None) })
                .map_err(|e| token_refused(dialect, e)),
            Method::Password => api::blendvision::login(&c.email, &c.password)
                .await
                .map(|r| Session {
                    refresh_token: Some(r.refresh_token).filter(|t| !t.is_empty()),
                    ..Session::new(dialect, r.access_token, r.expires_in.map(|s| js_sys::Date::now() as i64 + s * 1000))
                })
                .map_err(credentials_error),
        }
    })
}

/// A field's error text, in the viewer's language.
fn field_error(i18n: I18n, memo: Memo<Option<T>>) -> Signal<Option<&'static str>> {
    Signal::derive(move || memo.get().map(|k| k.text(i18n.lang.get())))
}

#[component]
pub fn SignInForm(platform: Platform, on_signed_in: Callback<Session>) -> impl IntoView {
    let Platform { dialect, authenticate } = platform;
    let i18n = use_i18n();
    let caps = use_capabilities();
    let password_offered = dialect == Dialect::BlendVision || caps.offers_untracked(Extension::ObPassword);
    let state = SignInState::new(password_offered);
    let problems = state.problems(i18n, dialect);
    let SignInState { method, pending, failure, attempt, .. } = state;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.submit(problems, authenticate, on_signed_in);
    };

    view! {
        <form class="form sign-in__form" novalidate on:submit=submit aria-busy=move || pending.get().then_some("true")>
            <ErrorSummary problems attempt/>
            {move || failure.get().map(|key| view! {
                <div class="notice notice--error" role="alert">{move || key.text(i18n)}</div>
            })}
            <Show
                when=move || method.get() == Method::Password
                fallback=move || view! { <TokenFields state dialect/> }
            >
                <PasswordFields state/>
            </Show>
            <SignInActions state dialect/>
        </form>
    }
}

/// E-mail and password.
#[component]
fn PasswordFields(state: SignInState) -> impl IntoView {
    let i18n = use_i18n();
    let SignInState { email, password, email_left, password_left, pending, .. } = state;
    view! {
        <TextField
            id="email"
            label=T::Email
            value=email
            input_type="email"
            autocomplete="username"
            error=field_error(i18n, state.email_error)
            disabled=pending
            on_blur=move || email_left.set(true)
        />
        <TextField
            id="password"
            label=T::Password
            value=password
            input_type="password"
            autocomplete="current-password"
            error=field_error(i18n, state.password_error)
            disabled=pending
            on_blur=move || password_left.set(true)
        />
    }
}

/// The pasted API token, and (BlendVision) the organization it acts for.
/// Where the backend has no password sign-in, a line says where tokens come from.
#[component]
fn TokenFields(state: SignInState, dialect: Dialect) -> impl IntoView {
    let i18n = use_i18n();
    let caps = use_capabilities();
    let SignInState { token, token_left, org_id, org_left, pending, .. } = state;
    let (hint, only_tokens) = match dialect {
        Dialect::OpenBadge => (T::ApiTokenHint, !caps.offers_untracked(Extension::ObPassword)),
        Dialect::BlendVision => (T::BvApiTokenHint, false),
    };
    view! {
        {only_tokens.then(|| view! { <p class="notice notice--info">{move || i18n.t(T::TokensOnly)}</p> })}
        <TextField
            id="api-token"
            label=T::ApiToken
            hint=hint
            value=token
            error=field_error(i18n, state.token_error)
            autocomplete="off"
            disabled=pending
            on_blur=move || token_left.set(true)
        />
        {(dialect == Dialect::BlendVision).then(|| view! {
            <TextField
                id="org-id"
                label=T::OrgIdLabel
                hint=T::OrgIdHint
                value=org_id
                error=field_error(i18n, state.org_error)
                autocomplete="off"
                disabled=pending
                on_blur=move || org_left.set(true)
            />
        })}
    }
}

/// Submit, and the switch between password and API token (where the
/// backend offers both).
#[component]
fn SignInActions(state: SignInState, dialect: Dialect) -> impl IntoView {
    let i18n = use_i18n();
    let caps = use_capabilities();
    let SignInState { method, pending, keep, .. } = state;
    view! {
        <div class="field field--check">
            <input type="checkbox" id="keep-signed-in" aria-describedby="keep-signed-in-hint"
                prop:checked=move || keep.get() on:change=move |ev| keep.set(event_target_checked(&ev))/>
            <label for="keep-signed-in">{move || i18n.t(T::KeepSignedIn)}</label>
            <p class="field__hint" id="keep-signed-in-hint">{move || i18n.t(T::KeepSignedInHint)}</p>
        </div>
        <div class="form__actions">
            <button type="submit" class="button" disabled=move || pending.get()>
                {move || i18n.t(if pending.get() { T::SigningIn } else { T::SignIn })}
            </button>
            // Once the backend is known to lack password sign-in, no way back to it.
            {move || (dialect == Dialect::BlendVision || caps.offers(Extension::ObPassword)).then(|| view! {
                <button
                    type="button"
                    class="button button--link"
                    disabled=move || pending.get()
                    on:click=move |_| state.switch_method()
                >
                    {move || i18n.t(if method.get() == Method::Password { T::UseApiToken } else { T::UsePassword })}
                </button>
            })}
        </div>
    }
}

/// At sign-in, 401 and 422 both mean the credentials were not accepted; 429
/// is a lock-out after repeated failures, 503 a server too busy to check.
fn credentials_error(e: ApiError) -> Failure {
    match e {
        ApiError::Unauthenticated { .. } | ApiError::Invalid { .. } => Failure::Text(T::WrongCredentials),
        ApiError::RateLimited { retry_after_secs } => Failure::Locked(retry_after_secs),
        ApiError::Server { status: 503, .. } => Failure::Text(T::SignInBusy),
        ApiError::NotOffered => Failure::Text(T::PasswordNotOffered),
        other => Failure::Text(api_error_key(&other)),
    }
}
