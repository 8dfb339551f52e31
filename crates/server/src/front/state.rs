//! What every handler of the web front shares. Nothing here is written to
//! disk: the front can be stopped, started and multiplied at will.

use super::cache::{PageCache, CAPACITY};
use super::upstream::{client, Platform, Upstream};
use crate::state::Upstreams;
use crate::web::page::Dist;
use axum::extract::FromRef;
use std::path::PathBuf;
use std::sync::Arc;

pub struct Front {
    pub dist: PathBuf,
    pub client: reqwest::Client,
    /// `/api`, `/media` and the public profiles behind `/issuers/{id}`.
    pub openbadge: Option<Upstream>,
    /// `/bv`.
    pub blendvision: Option<Upstream>,
    pub pages: PageCache,
    /// `--public-url`, when given.
    pub public_url: Option<crate::origin::PublicUrl>,
}

pub type FrontState = Arc<Front>;

impl Front {
    /// Checks the upstream URLs; no I/O.
    pub fn new(dist: PathBuf, upstreams: &Upstreams, public_url: Option<crate::origin::PublicUrl>) -> Result<FrontState, String> {
        let parse = |platform, url: &Option<String>| url.as_deref().map(|u| Upstream::parse(platform, u)).transpose();
        Ok(Arc::new(Front {
            dist,
            client: client(),
            openbadge: parse(Platform::OpenBadge, &upstreams.openbadge)?,
            blendvision: parse(Platform::BlendVision, &upstreams.blendvision)?,
            pages: PageCache::new(CAPACITY),
            public_url,
        }))
    }
}

impl FromRef<FrontState> for Dist {
    fn from_ref(front: &FrontState) -> Dist {
        Dist(front.dist.clone())
    }
}
