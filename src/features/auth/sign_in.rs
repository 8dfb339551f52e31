//! Sign-in for both platforms: e-mail and password, or (Open Badge) a pasted
//! API token. Validation starts when a field is left and then follows the
//! typing; a failed submit shows the error summary.

use crate::api::{self, ApiError};
use crate::ui::error_summary::{ErrorSummary, Problem};
use crate::ui::field::TextField;
use crate::i18n::{api_error_key, use_i18n, T};
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

#[component]
pub fn SignInForm(dialect: Dialect, on_signed_in: Callback<Session>) -> impl IntoView {
    let i18n = use_i18n();
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
    let failure = RwSignal::new(None::<T>);

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

    let problems = Signal::derive(move || {
        if !submitted.get() {
            return Vec::new();
        }
        let lang = i18n.lang.get();
        let mut list: Vec<Problem> = Vec::new();
        match method.get() {
            Method::Password => {
                if let Some(e) = email_error.get() {
                    list.push(("email", e.text(lang).to_string()));
                }
                if let Some(e) = password_error.get() {
                    list.push(("password", e.text(lang).to_string()));
                }
            }
            Method::ApiToken => {
                if let Some(e) = token_error.get() {
                    list.push(("api-token", e.text(lang).to_string()));
                }
            }
        }
        list
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        submitted.set(true);
        failure.set(None);
        attempt.update(|n| *n += 1);
        if !problems.get_untracked().is_empty() {
            return;
        }
        pending.set(true);
        let chosen = method.get_untracked();
        let (email, password, token) = (email.get_untracked(), password.get_untracked(), token.get_untracked());
        spawn_local(async move {
            let outcome = match (dialect, chosen) {
                (Dialect::OpenBadge, Method::ApiToken) => {
                    let token = token.trim().to_string();
                    api::openbadge::current_user(token.clone())
                        .await
                        .map(|_| Session { dialect, token, expires_at: None })
                        .map_err(|e| match e {
                            ApiError::Unauthenticated { .. } => T::TokenRejected,
                            other => api_error_key(&other),
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
            };
            pending.set(false);
            match outcome {
                Ok(session) => on_signed_in.run(session),
                Err(key) => failure.set(Some(key)),
            }
        });
    };

    let field_error = move |memo: Memo<Option<T>>| Signal::derive(move || memo.get().map(|k| k.text(i18n.lang.get())));

    view! {
        <form class="form sign-in__form" novalidate on:submit=submit aria-busy=move || pending.get().then_some("true")>
            <ErrorSummary problems attempt/>
            {move || failure.get().map(|key| view! {
                <div class="notice notice--error" role="alert">{i18n.t(key)}</div>
            })}
            <Show
                when=move || method.get() == Method::Password
                fallback=move || view! {
                    <TextField
                        id="api-token"
                        label=T::ApiToken
                        hint=T::ApiTokenHint
                        value=token
                        error=field_error(token_error)
                        autocomplete="off"
                        disabled=pending
                        on_blur=move || token_left.set(true)
                    />
                }
            >
                <TextField
                    id="email"
                    label=T::Email
                    value=email
                    input_type="email"
                    autocomplete="username"
                    error=field_error(email_error)
                    disabled=pending
                    on_blur=move || email_left.set(true)
                />
                <TextField
                    id="password"
                    label=T::Password
                    value=password
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(password_error)
                    disabled=pending
                    on_blur=move || password_left.set(true)
                />
            </Show>
            <div class="form__actions">
                <button type="submit" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if pending.get() { T::SigningIn } else { T::SignIn })}
                </button>
                {(dialect == Dialect::OpenBadge).then(|| view! {
                    <button
                        type="button"
                        class="button button--link"
                        disabled=move || pending.get()
                        on:click=move |_| {
                            method.update(|m| *m = if *m == Method::Password { Method::ApiToken } else { Method::Password });
                            submitted.set(false);
                            failure.set(None);
                        }
                    >
                        {move || i18n.t(if method.get() == Method::Password { T::UseApiToken } else { T::UsePassword })}
                    </button>
                })}
            </div>
        </form>
    }
}

/// At sign-in, 401 and 422 both mean the credentials were not accepted.
fn credentials_error(e: ApiError) -> T {
    match e {
        ApiError::Unauthenticated { .. } | ApiError::Invalid { .. } => T::WrongCredentials,
        other => api_error_key(&other),
    }
}
