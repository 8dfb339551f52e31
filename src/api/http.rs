//! Sends every request the app makes: base URL, bearer token, timeout,
//! and the mapping of each platform's errors onto one `ApiError`.

pub use crate::core::error::ApiError;
use crate::core::capabilities::{self, Extension};
use crate::core::config::Config;
use crate::core::json;
use crate::core::session::{self, Dialect};
use gloo_net::http::{Method, RequestBuilder, Response};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use orgdesk_model::blendvision::RpcStatus;
use orgdesk_model::openbadge::LaravelError;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

pub use crate::core::error::TIMEOUT_MS;

/// What to send.
pub enum Body {
    None,
    /// A JSON text, made by [`Body::json`].
    Json(String),
    /// `application/x-www-form-urlencoded`, keys as given (brackets included).
    Form(Vec<(String, String)>),
}

impl Body {
    /// `value` as a JSON body.
    pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Body, ApiError> {
        json::to_string(value).map(Body::Json).ok_or_else(|| ApiError::Decode(String::from("the request could not be written as JSON")))
    }
}

/// A platform as the request layer sees it: its dialect (base URL,
/// headers) and how it writes an error body. A type rather than a value, so
/// each console links only its own platform's error decoding (issue 17).
pub trait Platform: 'static {
    const DIALECT: Dialect;
    /// What an error body in this platform's shape says, if it is one.
    fn read_error(body: wasm_bindgen::JsValue) -> Option<ErrorBody>;
}

/// What an error body says: the message, and for a 400/409/422 the field
/// errors and the reason.
#[derive(Default)]
pub struct ErrorBody {
    message: String,
    fields: BTreeMap<String, Vec<String>>,
    reason: Option<String>,
}

/// The Open Badge issuer API: Laravel's `{"message", "errors"}`.
pub enum OpenBadge {}

impl Platform for OpenBadge {
    const DIALECT: Dialect = Dialect::OpenBadge;
    fn read_error(body: wasm_bindgen::JsValue) -> Option<ErrorBody> {
        let l = json::from_value::<LaravelError>(body).ok()?;
        Some(ErrorBody { message: l.message, fields: l.errors, reason: None })
    }
}

/// The BlendVision One organization service: a google.rpc.Status.
pub enum BlendVision {}

impl Platform for BlendVision {
    const DIALECT: Dialect = Dialect::BlendVision;
    fn read_error(body: wasm_bindgen::JsValue) -> Option<ErrorBody> {
        let r = json::from_value::<RpcStatus>(body).ok().filter(|r| r.code != 0)?;
        let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for v in r.field_violations() {
            fields.entry(v.field).or_default().push(v.description);
        }
        let reason = r.reason().map(str::to_string);
        Some(ErrorBody { message: r.message, fields, reason })
    }
}

/// One request to platform `P`.
pub struct Call<'a, P> {
    platform: std::marker::PhantomData<fn() -> P>,
    pub method: Method,
    pub path: &'a str,
    pub token: Option<String>,
    pub body: Body,
    /// Extra request headers, e.g. `If-Match`.
    pub headers: Vec<(&'static str, String)>,
    /// Ask the server every time (a cheap 304 when unchanged) instead of
    /// trusting a cached answer's max-age.
    pub revalidate: bool,
    /// The orgdesk extension this call needs: a 404 or 405 then means
    /// "not offered" (remembered for the tab), not an error.
    pub extension: Option<Extension>,
}

impl<'a, P: Platform> Call<'a, P> {
    pub fn new(method: Method, path: &'a str, token: Option<String>, body: Body) -> Self {
        Call { platform: std::marker::PhantomData, method, path, token, body, headers: Vec::new(), revalidate: false, extension: None }
    }

    /// This call needs `extension`.
    pub fn needs(mut self, extension: Extension) -> Self {
        self.extension = Some(extension);
        self
    }
}

fn form_encode(pairs: &[(String, String)]) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s)).replace("%20", "+");
    pairs.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

/// Sends `call` and decodes a 2xx body as `T`.
pub async fn send<P: Platform, T: DeserializeOwned>(call: Call<'_, P>) -> Result<T, ApiError> {
    send_reading(call, None).await.map(|(body, _)| body)
}

/// [`send`], also handing back the 2xx answer's response header `header`
/// (e.g. `ETag`), when asked and present.
pub async fn send_reading<P: Platform, T: DeserializeOwned>(call: Call<'_, P>, header: Option<&str>) -> Result<(T, Option<String>), ApiError> {
    let answer = exchange(call, header).await?;
    if (200..300).contains(&answer.status) {
        Ok((decode(&answer.text)?, answer.header))
    } else {
        Err(error_from::<P>(answer.status, &answer.text, answer.retry_after))
    }
}

/// [`send`] for a call whose failures the page tells apart by status alone
/// (the public page shows no server message): no error body is decoded, so
/// a build that makes only such calls carries neither platform's error
/// decoders (issue 17).
pub async fn send_status_only<P: Platform, T: DeserializeOwned>(call: Call<'_, P>) -> Result<T, ApiError> {
    let answer = exchange(call, None).await?;
    if (200..300).contains(&answer.status) {
        decode(&answer.text)
    } else {
        Err(status_error(answer.status, answer.retry_after, String::new(), || (BTreeMap::new(), None)))
    }
}

/// A 2xx body as `T`; an empty body reads as `null`.
fn decode<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let body = if text.trim().is_empty() { "null" } else { text };
    json::from_str(body).map_err(ApiError::Decode)
}

/// Sends `call` and ignores the body of a 2xx answer (204, `{}`).
pub async fn send_no_content<P: Platform>(call: Call<'_, P>) -> Result<(), ApiError> {
    let answer = exchange(call, None).await?;
    if (200..300).contains(&answer.status) {
        Ok(())
    } else {
        Err(error_from::<P>(answer.status, &answer.text, answer.retry_after))
    }
}

/// An answer as read: status, body, `Retry-After`, and the one header asked for.
struct Answer {
    status: u16,
    text: String,
    retry_after: Option<u32>,
    header: Option<String>,
}

async fn exchange<P: Platform>(call: Call<'_, P>, read_header: Option<&str>) -> Result<Answer, ApiError> {
    let config = use_context::<Config>().unwrap_or_else(Config::from_document);
    let url = format!("{}{}", config.base(P::DIALECT), call.path);
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let signal = controller.signal();
    let cancelled = abort_on_cleanup(&controller);
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };

    let mut builder = RequestBuilder::new(&url)
        .method(call.method)
        .header("Accept", "application/json")
        .abort_signal(Some(&signal));
    if let Some(token) = &call.token {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    if call.revalidate {
        builder = builder.cache(web_sys::RequestCache::NoCache);
    }
    for (name, value) in &call.headers {
        builder = builder.header(name, value);
    }
    // BlendVision: every call says which organization it acts for.
    if P::DIALECT == Dialect::BlendVision && call.token.is_some() && !call.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("x-bv-org-id")) {
        if let Some(org) = session::bv_org_id() {
            builder = builder.header("x-bv-org-id", &org);
        }
    }
    let request = match call.body {
        Body::None => builder.build(),
        Body::Json(text) => builder.header("Content-Type", "application/json").body(text),
        Body::Form(pairs) => builder.header("Content-Type", "application/x-www-form-urlencoded").body(form_encode(&pairs)),
    }
    .map_err(|_| ApiError::Network)?;

    let outcome = request.send().await;
    drop(timer);
    let response: Response = match outcome {
        Ok(r) => r,
        Err(_) if cancelled.get() => return Err(ApiError::Cancelled),
        Err(_) if timed_out.get() => return Err(ApiError::Timeout),
        Err(_) => return Err(ApiError::Network),
    };
    let status = response.status();
    ended_if_rejected(status, call.token.as_deref());
    if let Some(ext) = call.extension.filter(|ext| not_offered(*ext, status)) {
        capabilities::active().lacks(ext);
        return Err(ApiError::NotOffered);
    }
    let retry_after = response.headers().get("Retry-After").and_then(|v| v.trim().parse().ok());
    let header = read_header.and_then(|name| response.headers().get(name));
    let text = response.text().await.map_err(|_| if timed_out.get() { ApiError::Timeout } else { ApiError::Network })?;
    Ok(Answer { status, text, retry_after, header })
}

/// Aborts the request when the reactive owner that started it is cleaned
/// up: the page unmounted, or a newer load of the same resource replaced it.
/// Requests started outside any owner (a save) run to the end. The flag
/// tells an abort from a network failure.
fn abort_on_cleanup(controller: &web_sys::AbortController) -> std::rc::Rc<std::cell::Cell<bool>> {
    let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
    if Owner::current().is_some() {
        let handle = SendWrapper::new((controller.clone(), cancelled.clone()));
        on_cleanup(move || {
            let (controller, cancelled) = &*handle;
            cancelled.set(true);
            controller.abort();
        });
    }
    cancelled
}

/// Whether `status` from `ext`'s endpoint says the backend lacks it. The
/// public profile's 404 means "private or unknown", so only its 405 counts.
fn not_offered(ext: Extension, status: u16) -> bool {
    match ext {
        Extension::ObPublic => status == 405,
        _ => status == 404 || status == 405 || status == 501,
    }
}

/// A 401 to a request that carried the session's token ends the session.
/// This is the one place that happens.
fn ended_if_rejected(status: u16, token: Option<&str>) {
    if let (401, Some(token)) = (status, token) {
        session::token_rejected(token);
    }
}

/// The error for `status`, with the server's `message`; `invalid` gives the
/// field errors and reason of a 400/409/422, and is asked only then.
fn status_error(
    status: u16,
    retry_after: Option<u32>,
    message: String,
    invalid: impl FnOnce() -> (BTreeMap<String, Vec<String>>, Option<String>),
) -> ApiError {
    match status {
        401 => ApiError::Unauthenticated { message },
        403 => ApiError::Forbidden { message },
        404 => ApiError::NotFound { message },
        412 => ApiError::Conflict,
        413 => ApiError::TooLarge { message },
        429 => ApiError::RateLimited { retry_after_secs: retry_after },
        400 | 409 | 422 => {
            let (fields, reason) = invalid();
            ApiError::Invalid { message, fields, reason }
        }
        _ => ApiError::Server { status, message },
    }
}

/// Maps an error answer of platform `P`. A body in another shape (a proxy's
/// HTML page, say) leaves the status alone to go by.
pub fn error_from<P: Platform>(status: u16, body: &str, retry_after: Option<u32>) -> ApiError {
    let ErrorBody { message, fields, reason } = js_sys::JSON::parse(body).ok().and_then(P::read_error).unwrap_or_default();
    status_error(status, retry_after, message, || (fields, reason))
}

/// An upload in flight; `abort` cancels it.
#[derive(Clone)]
pub struct UploadHandle(web_sys::XmlHttpRequest);

impl UploadHandle {
    pub fn abort(&self) {
        let _ = self.0.abort();
    }
}

/// Sends `file` as the multipart field `field` with XMLHttpRequest, which
/// (unlike fetch) reports upload progress: `on_progress(sent, total)`.
/// `on_start` receives the handle that can cancel it.
pub async fn upload_file<P: Platform, T: DeserializeOwned>(
    path: &str,
    token: String,
    field: &str,
    file: &web_sys::File,
    on_progress: impl Fn(f64, f64) + 'static,
    on_start: impl FnOnce(UploadHandle),
) -> Result<T, ApiError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let config = use_context::<Config>().unwrap_or_else(Config::from_document);
    let url = format!("{}{}", config.base(P::DIALECT), path);
    let xhr = web_sys::XmlHttpRequest::new().map_err(|_| ApiError::Network)?;
    xhr.open_with_async("POST", &url, true).map_err(|_| ApiError::Network)?;
    xhr.set_request_header("Authorization", &format!("Bearer {token}")).map_err(|_| ApiError::Network)?;
    xhr.set_request_header("Accept", "application/json").map_err(|_| ApiError::Network)?;
    let form = web_sys::FormData::new().map_err(|_| ApiError::Network)?;
    form.append_with_blob_and_filename(field, file, &file.name()).map_err(|_| ApiError::Network)?;

    let progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        if e.length_computable() {
            on_progress(e.loaded(), e.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // Settles with "load", "error" or "abort"; the closures live until then.
    let mut settle_handlers: Vec<Closure<dyn FnMut()>> = Vec::new();
    let outcome = js_sys::Promise::new(&mut |resolve, _reject| {
        for kind in ["load", "error", "abort"] {
            let resolve = resolve.clone();
            let handler = Closure::<dyn FnMut()>::new(move || {
                let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &kind.into());
            });
            let _ = xhr.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
            settle_handlers.push(handler);
        }
    });
    xhr.send_with_opt_form_data(Some(&form)).map_err(|_| ApiError::Network)?;
    on_start(UploadHandle(xhr.clone()));
    let kind = wasm_bindgen_futures::JsFuture::from(outcome).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
    drop(settle_handlers);
    drop(progress);
    match kind.as_str() {
        "load" => {
            let status = xhr.status().unwrap_or(0);
            ended_if_rejected(status, Some(&token));
            let text = xhr.response_text().ok().flatten().unwrap_or_default();
            if (200..300).contains(&status) {
                decode(&text)
            } else {
                Err(error_from::<P>(status, &text, None))
            }
        }
        "abort" => Err(ApiError::Cancelled),
        _ => Err(ApiError::Network),
    }
}
