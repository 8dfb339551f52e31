//! What the vendor's Laravel server answers where ours offers more
//! (`--api vendor`, API.md §3): counts as strings and switches as "1"/"0",
//! statistics bodies that are not ours, and a PUT that keeps only the keys
//! the vendor has rules for.

use crate::db::ob_orgs::SWITCHES;
use crate::state::ApiMode;
use axum::Json;
use orgdesk_model::fields::Field;
use orgdesk_model::openbadge::{Data, Organization};
use serde_json::{json, Value};

/// Keys the field table has but the vendor's key list omits: Laravel drops
/// them without a word.
pub const DROPPED_KEYS: [&str; 3] = ["billing_info[legal_name]", "settings[public_badge_types]", "settings[public_learning_paths]"];

/// Whether the vendor's PUT has a rule for `key` (only those are kept).
pub fn has_rule(key: &str) -> bool {
    let known = Field::ALL.iter().any(|f| f.key() == key) || SWITCHES.iter().any(|col| key == format!("settings[{col}]"));
    known && !DROPPED_KEYS.contains(&key)
}

/// `{"data": organization}` as the mode words it.
pub fn organization_body(api: ApiMode, org: Organization) -> Json<Value> {
    let mut body = serde_json::to_value(Data { data: org }).unwrap_or(Value::Null);
    if api.is_vendor() {
        stringify(&mut body["data"]);
    }
    Json(body)
}

/// Counts become strings ("42") and switches "1"/"0": quirks the docs allow.
fn stringify(org: &mut Value) {
    for key in ["credits_left", "badges_count", "badge_templates_count"] {
        if let Some(v) = org.get_mut(key) {
            if let Some(n) = v.as_i64() {
                *v = Value::String(n.to_string());
            }
        }
    }
    if let Some(Value::Object(settings)) = org.get_mut("settings") {
        for v in settings.values_mut() {
            if let Some(on) = v.as_bool() {
                *v = Value::String(if on { "1" } else { "0" }.to_string());
            }
        }
    }
}

/// The vendor's `/statistics` body is undocumented: something else than ours.
pub fn statistics_body(badges_count: i64) -> Json<Value> {
    Json(json!({"data": {"total_badges": badges_count.to_string(), "templates": null}}))
}

/// Likewise `/year-statistics`.
pub fn year_statistics_body() -> Json<Value> {
    Json(json!({"data": []}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_with_vendor_rules_are_kept() {
        assert!(has_rule("name") && has_rule("billing_info[vat]") && has_rule("settings[public_profile]"));
        assert!(!has_rule("billing_info[legal_name]") && !has_rule("settings[public_learning_paths]"));
        assert!(!has_rule("credits_left") && !has_rule("nonsense"));
    }
}
