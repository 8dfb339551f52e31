//! `GET /issuers/organization/badge_templates`, Laravel-paginated.

use super::{ObAdmin, OpenBadgeError};
use crate::db::ob_orgs;
use crate::state::State;
use axum::extract::{Query, State as Extract};
use axum::Json;
use orgdesk_model::openbadge::{BadgeTemplate, PageLinks, PageMeta, Paginated};
use std::collections::BTreeMap;

const PER_PAGE: usize = 15;
const PATH: &str = "/api/v1/issuers/organization/badge_templates";

pub async fn list(admin: ObAdmin, Extract(state): Extract<State>, Query(query): Query<BTreeMap<String, String>>) -> Result<Json<Paginated<BadgeTemplate>>, OpenBadgeError> {
    let all = ob_orgs::templates(&state.db, &admin.organization_id).await?;
    let total = all.len();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let page = query.get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, last_page);
    let data: Vec<BadgeTemplate> = all.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
    let link = |p: usize| Some(format!("{PATH}?page={p}"));
    let from = (page - 1) * PER_PAGE + 1;
    Ok(Json(Paginated {
        links: Some(PageLinks { first: link(1), last: link(last_page), prev: (page > 1).then(|| link(page - 1)).flatten(), next: (page < last_page).then(|| link(page + 1)).flatten() }),
        meta: Some(PageMeta {
            current_page: Some(page as i64),
            from: (!data.is_empty()).then_some(from as i64),
            last_page: Some(last_page as i64),
            path: Some(PATH.to_string()),
            per_page: Some(PER_PAGE as i64),
            to: (!data.is_empty()).then_some((from + data.len() - 1) as i64),
            total: Some(total as i64),
        }),
        data,
    }))
}
