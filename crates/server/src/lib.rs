//! orgdesk-server: the Open Badge issuer API and the BlendVision One
//! organization service on SQLite, plus hosting of the built app.
//!
//! Arrows go one way: `app` → {`openbadge`, `blendvision`, `web`} →
//! {`auth`, `db`, `media`, `sanitize`, `origin`} → `orgdesk_model`; `auth`
//! and `openbadge` → `cpu` (bounded CPU-heavy work). The three surfaces never
//! import each other. `issue_token` (the `issue-token` command) → {`auth`,
//! `db`, `cli`}; `seed_badges` (the `seed-badges` command) → {`db`, `cli`}.
//! `front` (the web front: no database, the platforms upstream) → {`web`, `origin`, `sanitize`}; `app::run` starts one or the other.

pub mod app;
pub mod auth;
pub mod blendvision;
pub mod cli;
pub mod cpu;
pub mod db;
pub mod front;
pub mod issue_token;
pub mod kept;
pub mod media;
pub mod openbadge;
pub mod origin;
pub mod rejections;
pub mod sanitize;
pub mod seed_badges;
pub mod serve;
pub mod state;
pub mod web;

pub use app::{prepare, router, run};
pub use state::{ApiMode, AppState, Config, Limits, Seed, State, Upstreams};
