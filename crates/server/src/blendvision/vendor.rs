//! Organizations as the vendor's grpc-gateway writes them (`--api vendor`,
//! API.md §3): int64 fields as JSON strings, zero values omitted.

use crate::state::ApiMode;
use axum::Json;
use serde::Serialize;
use serde_json::{Map, Value};

/// int64 fields of an organization.
const INT64_FIELDS: [&str; 3] = ["billing_cycle", "contract_months", "contract_days"];

/// `body` as JSON; in vendor mode its `organization` and each of its
/// `organizations` written the vendor's way.
pub fn body<T: Serialize>(api: ApiMode, body: &T) -> Json<Value> {
    let mut value = serde_json::to_value(body).unwrap_or(Value::Null);
    if api.is_vendor() {
        if let Some(Value::Object(org)) = value.get_mut("organization") {
            protojson(org);
        }
        if let Some(Value::Array(orgs)) = value.get_mut("organizations") {
            orgs.iter_mut().filter_map(Value::as_object_mut).for_each(protojson);
        }
    }
    Json(value)
}

fn protojson(org: &mut Map<String, Value>) {
    for key in INT64_FIELDS {
        int64(org, key);
    }
    if let Some(Value::Object(next)) = org.get_mut("next_contract") {
        int64(next, "months");
        int64(next, "days");
    }
    if let Some(Value::Object(setting)) = org.get_mut("business_setting") {
        int64(setting, "site_limit");
        setting.retain(|_, v| !is_zero(v));
    }
}

/// A number at `key` as a string; zero (or null) omitted.
fn int64(map: &mut Map<String, Value>, key: &str) {
    match map.get(key).map(|v| (v.is_null(), v.as_i64())) {
        Some((true, _)) | Some((_, Some(0))) => {
            map.remove(key);
        }
        Some((_, Some(n))) => {
            map.insert(key.to_string(), Value::String(n.to_string()));
        }
        _ => {}
    }
}

fn is_zero(v: &Value) -> bool {
    matches!(v, Value::Null | Value::Bool(false)) || v.as_str().is_some_and(str::is_empty) || v.as_i64() == Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn int64s_become_strings_and_zeros_go() {
        let org = json!({"organization": {"billing_cycle": 3, "contract_months": 0, "contract_days": null, "name": "x",
            "business_setting": {"site_limit": 5, "enable_create_site": false, "category": "", "tax_id": "T1"}}});
        let Json(v) = body(ApiMode::Vendor, &org);
        assert_eq!(v, json!({"organization": {"billing_cycle": "3", "name": "x", "business_setting": {"site_limit": "5", "tax_id": "T1"}}}));
        let Json(same) = body(ApiMode::Reference, &org);
        assert_eq!(same, org);
    }
}
