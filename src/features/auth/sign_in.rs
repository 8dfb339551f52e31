//! Sign-in for both platforms: e-mail and password, or (Open Badge) a pasted
//! API token. Validation starts when a field is left and then follows the
//! typing; a failed submit shows the error summary.

use crate::api::{self, ApiError};
use crate::ui::error_summary::{ErrorSummary, Problem};
use crate::ui::field::TextField;
use crate::i18n::{api_error_key, msg, use_i18n, I18n, T};
use crate::core::session::{use_session, Dialect, Session, SignedOutReason};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use orgdesk_model::validate::{self, Problem as Rule};

#[component]
pub fn SignIn(dialect: Dialect) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let title = match dialect {
        Dialect::OpenBadge => T::SignInOpenBadge,
        Dialect::BlendVision => T::SignInBlendVision,
    };
    let query = use_query_map();
    let on_signed_in = Callback::new(move |s: Session| {
        session.start(s);
        // Only paths inside this platform's area: never an open redirect.
        // Back to where the admin was: a page of this platform, never the sign-in page itself.
        let next = query
            .with_untracked(|q| q.get("next"))
            .filter(|n| n == dialect.home() || n.starts_with(&format!("{}/", dialect.home())))
            .filter(|n| !n.starts_with(dialect.sign_in_path()));
        navigate(&next.unwrap_or_else(|| dialect.home().to_string()), Default::default());
    });
    view! {
        <Title text=move || i18n.t(title)/>
        <section class="sign-in">
            <h1>{move || i18n.t(title)}</h1>
            {move || match session.ended.get() {
                Some(SignedOutReason::Expired) => Some(view! {
                    <p class="notice notice--warning" role="alert">{i18n.t(T::SessionEnded)}</p>
                }.into_any()),
                Some(SignedOutReason::SignedOut) => Some(view! {
                    <p class="notice notice--info" role="status">{i18n.t(T::SignedOut)}</p>
                }.into_any()),
                None => None,
            }}
            <SignInForm dialect on_signed_in/>
            <p class="sign-in__other"><a href="/">{move || i18n.t(T::OtherPlatform)}</a></p>
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
    email_left: RwSignal<bool>,
    password_left: RwSignal<bool>,
    token_left: RwSignal<bool>,
    submitted: RwSignal<bool>,
    attempt: RwSignal<u32>,
    pending: RwSignal<bool>,
    failure: RwSignal<Option<Failure>>,
    email_error: Memo<Option<T>>,
    password_error: Memo<Option<T>>,
    token_error: Memo<Option<T>>,
}

impl SignInState {
    fn new() -> SignInState {
        let method = RwSignal::new(Method::Password);
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
        SignInState {
            method,
            email,
            password,
            token,
            email_left,
            password_left,
            token_left,
            submitted,
            attempt,
            pending,
            failure,
            email_error,
            password_error,
            token_error,
        }
    }

    /// The error summary's list, once a submit was tried.
    fn problems(self, i18n: I18n) -> Signal<Vec<Problem>> {
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
    fn submit(self, problems: Signal<Vec<Problem>>, dialect: Dialect, on_signed_in: Callback<Session>) {
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
        let (email, password, token) = (self.email.get_untracked(), self.password.get_untracked(), self.token.get_untracked());
        spawn_local(async move {
            let outcome = authenticate(dialect, chosen, email, password, token).await;
            self.pending.set(false);
            match outcome {
                Ok(session) => on_signed_in.run(session),
                Err(key) => self.failure.set(Some(key)),
            }
        });
    }
}

/// Asks the platform for a session with the given credentials.
async fn authenticate(dialect: Dialect, chosen: Method, email: String, password: String, token: String) -> Result<Session, Failure> {
    match (dialect, chosen) {
        (Dialect::OpenBadge, Method::ApiToken) => {
            let token = token.trim().to_string();
            api::openbadge::current_user(token.clone())
                .await
                .map(|_| Session { dialect, token, expires_at: None })
                .map_err(|e| match e {
                    ApiError::Unauthenticated { .. } => Failure::Text(T::TokenRejected),
                    e @ ApiError::Invalid { .. } => Failure::Text(api_error_key(&e)),
                    other => credentials_error(other),
                })
        }
        (Dialect::OpenBadge, Method::Password) => api::openbadge::login(&email, &password)
            .await
            .map(|t| Session { dialect, token: t.token, expires_at: t.expires_at.map(|at| at.millis()) })
            .map_err(credentials_error),
        (Dialect::BlendVision, _) => api::blendvision::login(&email, &password)
            .await
            .map(|r| Session {
                dialect,
                token: r.access_token,
                expires_at: r.expires_in.map(|s| js_sys::Date::now() as i64 + s * 1000),
            })
            .map_err(credentials_error),
    }
}

/// A field's error text, in the viewer's language.
fn field_error(i18n: I18n, memo: Memo<Option<T>>) -> Signal<Option<&'static str>> {
    Signal::derive(move || memo.get().map(|k| k.text(i18n.lang.get())))
}

#[component]
pub fn SignInForm(dialect: Dialect, on_signed_in: Callback<Session>) -> impl IntoView {
    let i18n = use_i18n();
    let state = SignInState::new();
    let problems = state.problems(i18n);
    let SignInState { method, pending, failure, attempt, .. } = state;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.submit(problems, dialect, on_signed_in);
    };

    view! {
        <form class="form sign-in__form" novalidate on:submit=submit aria-busy=move || pending.get().then_some("true")>
            <ErrorSummary problems attempt/>
            {move || failure.get().map(|key| view! {
                <div class="notice notice--error" role="alert">{move || key.text(i18n)}</div>
            })}
            <Show
                when=move || method.get() == Method::Password
                fallback=move || view! { <TokenField state/> }
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

/// The pasted API token (Open Badge only).
#[component]
fn TokenField(state: SignInState) -> impl IntoView {
    let i18n = use_i18n();
    let SignInState { token, token_left, pending, .. } = state;
    view! {
        <TextField
            id="api-token"
            label=T::ApiToken
            hint=T::ApiTokenHint
            value=token
            error=field_error(i18n, state.token_error)
            autocomplete="off"
            disabled=pending
            on_blur=move || token_left.set(true)
        />
    }
}

/// Submit, and (Open Badge) the switch between password and API token.
#[component]
fn SignInActions(state: SignInState, dialect: Dialect) -> impl IntoView {
    let i18n = use_i18n();
    let SignInState { method, pending, .. } = state;
    view! {
        <div class="form__actions">
            <button type="submit" class="button" disabled=move || pending.get()>
                {move || i18n.t(if pending.get() { T::SigningIn } else { T::SignIn })}
            </button>
            {(dialect == Dialect::OpenBadge).then(|| view! {
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
        other => Failure::Text(api_error_key(&other)),
    }
}
