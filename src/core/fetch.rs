//! Data a page fetches: fetched when the page appears, again when what the
//! fetch read changes (the session, a filter) or on `refetch`, with the last
//! answer kept until the next one is in. A fetch outrun by a newer one, or
//! whose page is gone, is aborted (`api/http.rs` ties each request to the
//! owner it starts under) and its answer dropped. Instead of Leptos's
//! LocalResource, whose async machinery weighed about 38 KB of each
//! console's code for what these pages need (issue 17).

use super::error::ApiError;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// An answer that comes (and comes again) from a fetch. `Copy`, like a signal.
pub struct Fetched<T: 'static> {
    answer: RwSignal<Option<Result<T, ApiError>>>,
    again: RwSignal<u32>,
    /// A fetch is on its way (the first, or one whose answer will replace the last).
    pending: RwSignal<bool>,
}

impl<T> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fetched<T> {}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Runs `fetch` now, and again whenever a signal it read (before its
    /// future started) changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let answer = RwSignal::new(None);
        let again = RwSignal::new(0u32);
        let pending = RwSignal::new(true);
        Effect::new(move |_| {
            again.track();
            let future = fetch();
            pending.set(true);
            // This run's owner: cleaned up when the effect runs again or the
            // page goes, which aborts the request and silences its answer.
            let Some(owner) = Owner::current() else { return };
            let live = Arc::new(AtomicBool::new(true));
            let alive = Arc::clone(&live);
            on_cleanup(move || alive.store(false, Ordering::Relaxed));
            leptos::task::spawn_local(async move {
                let result = Scoped { owner, future: Box::pin(future) }.await;
                if live.load(Ordering::Relaxed) {
                    let _ = answer.try_set(Some(result));
                    let _ = pending.try_set(false);
                }
            });
        });
        Fetched { answer, again, pending }
    }

    /// The last answer (tracked); `None` until the first is in.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.answer.get()
    }

    /// Whether a fetch is on its way (tracked): the first, or one whose
    /// answer will replace the one shown.
    pub fn loading(&self) -> bool {
        self.pending.get()
    }

    /// Fetches again; the last answer stays until the new one is in.
    pub fn refetch(&self) {
        self.again.update(|n| *n = n.wrapping_add(1));
    }
}

/// `future`, polled with `owner` as the current owner, so what it starts
/// (a request's abort on cleanup) belongs to the run that started it.
struct Scoped<F> {
    owner: Owner,
    future: Pin<Box<F>>,
}

impl<F: Future> Future for Scoped<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.get_mut();
        this.owner.with(|| this.future.as_mut().poll(cx))
    }
}
