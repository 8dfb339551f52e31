//! Totals and badges per month, computed from the stored records; in vendor
//! mode, bodies that are not ours (the vendor's are undocumented).

use super::vendor::{statistics_body, year_statistics_body};
use super::{ObAdmin, OpenBadgeError};
use crate::db::ob_orgs;
use crate::state::State;
use axum::extract::{Query, State as Extract};
use axum::response::{IntoResponse, Response};
use axum::Json;
use orgdesk_model::openbadge::{Data, Statistics, YearStatistics};
use std::collections::BTreeMap;

pub async fn totals(admin: ObAdmin, Extract(state): Extract<State>) -> Result<Response, OpenBadgeError> {
    let row = ob_orgs::statistics(&state.db, &admin.organization_id).await?.ok_or(OpenBadgeError::NotFound)?;
    if state.api.is_vendor() {
        return Ok(statistics_body(row.badges_count).into_response());
    }
    Ok(Json(Data {
        data: Statistics {
            badges_count: Some(row.badges_count),
            badge_templates_count: Some(row.badge_templates_count),
            earners_count: Some(row.earners_count),
            credits_left: Some(row.credits_left),
        },
    })
    .into_response())
}

/// Badges issued per month of `?year=` (default: this year); twelve zeros
/// for a year without badges.
pub async fn year(admin: ObAdmin, Extract(state): Extract<State>, Query(query): Query<BTreeMap<String, String>>) -> Result<Response, OpenBadgeError> {
    use chrono::Datelike;
    if state.api.is_vendor() {
        return Ok(year_statistics_body().into_response());
    }
    let year = match query.get("year") {
        None => chrono::Utc::now().year(),
        Some(y) => y
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1970..=9999).contains(y))
            .ok_or_else(|| OpenBadgeError::field("year", "Enter a year between 1970 and 9999."))?,
    };
    let mut months = [0i64; 12];
    for (month, n) in ob_orgs::badges_per_month(&state.db, &admin.organization_id, year).await? {
        if let Some(slot) = usize::try_from(month - 1).ok().and_then(|m| months.get_mut(m)) {
            *slot = n;
        }
    }
    Ok(Json(Data { data: YearStatistics { year, total: months.iter().sum(), months: months.to_vec() } }).into_response())
}
