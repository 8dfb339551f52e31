//! The BlendVision One forms' schema, shared by the browser and the server:
//! the fields an admin edits (the organization's name; a business's
//! settings and contract), which plan shows which, their values in a loaded
//! organization, and each field's rule.

use crate::blendvision::Organization;
use crate::bv_rules::{self, BvProblem};

/// A field of a BlendVision form. `wire` is the error path the API uses for
/// it, `id` the id of its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BvField {
    /// The organization's own name (the rename form).
    Name,
    Category,
    TaxId,
    CreateSite,
    SiteLimit,
    CustomDomain,
    MarketplaceUrl,
    ContractStart,
    LengthUnit,
    Length,
}

/// The rename form.
pub const RENAME: &[BvField] = &[BvField::Name];

const BUSINESS: &[BvField] = &[
    BvField::Category,
    BvField::TaxId,
    BvField::CreateSite,
    BvField::SiteLimit,
    BvField::CustomDomain,
    BvField::MarketplaceUrl,
    BvField::ContractStart,
    BvField::LengthUnit,
    BvField::Length,
];
/// The business-settings and contract fields of each plan: site settings on
/// BVOne, the marketplace on CXM, neither on the others.
pub const BVONE: &[BvField] = &[
    BvField::Category,
    BvField::TaxId,
    BvField::CreateSite,
    BvField::SiteLimit,
    BvField::CustomDomain,
    BvField::ContractStart,
    BvField::LengthUnit,
    BvField::Length,
];
pub const CXM: &[BvField] = &[BvField::Category, BvField::TaxId, BvField::MarketplaceUrl, BvField::ContractStart, BvField::LengthUnit, BvField::Length];
pub const OTHER: &[BvField] = &[BvField::Category, BvField::TaxId, BvField::ContractStart, BvField::LengthUnit, BvField::Length];

impl BvField {
    pub fn wire(self) -> &'static str {
        match self {
            BvField::Name => "name",
            BvField::Category => "business_setting.category",
            BvField::TaxId => "business_setting.tax_id",
            BvField::CreateSite => "business_setting.enable_create_site",
            BvField::SiteLimit => "business_setting.site_limit",
            BvField::CustomDomain => "business_setting.enable_custom_domain",
            BvField::MarketplaceUrl => "business_setting.marketplace_url",
            BvField::ContractStart => "contract_valid_start_time",
            BvField::LengthUnit => "contract_length_unit",
            BvField::Length => "contract_length",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            BvField::Name => "org-name",
            BvField::Category => "bs-category",
            BvField::TaxId => "bs-tax-id",
            BvField::CreateSite => "bs-create-site",
            BvField::SiteLimit => "bs-site-limit",
            BvField::CustomDomain => "bs-custom-domain",
            BvField::MarketplaceUrl => "bs-marketplace-url",
            BvField::ContractStart => "contract-start",
            BvField::LengthUnit => "contract-unit",
            BvField::Length => "contract-length",
        }
    }

    /// The field an error path names.
    pub fn from_wire(wire: &str) -> Option<BvField> {
        match wire {
            // The server names the length by the unit it was sent in.
            "contract_months" | "contract_days" => Some(BvField::Length),
            w => RENAME.iter().chain(BUSINESS).copied().find(|f| f.wire() == w),
        }
    }

    /// The value as it will be sent: the name with its spaces collapsed,
    /// everything else trimmed.
    pub fn normalize(self, value: &str) -> String {
        match self {
            BvField::Name => value.split_whitespace().collect::<Vec<_>>().join(" "),
            _ => value.trim().to_string(),
        }
    }

    /// Fields whose rules look at this one.
    pub fn dependents(self) -> &'static [BvField] {
        match self {
            BvField::LengthUnit => &[BvField::Length],
            BvField::Length => &[BvField::ContractStart],
            _ => &[],
        }
    }

    /// The field's rule, given every field's value as the form holds it.
    pub fn check(self, value_of: &dyn Fn(BvField) -> String) -> Result<(), BvProblem> {
        let value = value_of(self);
        let whole = |v: &str, problem: BvProblem| v.parse::<i64>().map_err(|_| problem);
        match self {
            BvField::Name => bv_rules::name(&value),
            BvField::Category => bv_rules::category(&value),
            BvField::TaxId => bv_rules::tax_id(&value),
            BvField::SiteLimit if !value.is_empty() => whole(&value, BvProblem::SiteLimitRange).and_then(bv_rules::site_limit),
            BvField::MarketplaceUrl => bv_rules::marketplace_url(&value),
            BvField::Length if !value.is_empty() => {
                if value_of(BvField::LengthUnit) == "days" {
                    whole(&value, BvProblem::DaysRange).and_then(bv_rules::contract_days)
                } else {
                    whole(&value, BvProblem::MonthsRange).and_then(bv_rules::contract_months)
                }
            }
            BvField::ContractStart => contract_start(&value, &value_of(BvField::Length)),
            _ => Ok(()),
        }
    }
}

/// A contract length needs a start to count from.
pub fn contract_start(start: &str, length: &str) -> Result<(), BvProblem> {
    if start.trim().is_empty() && length.trim().parse::<i64>().is_ok_and(|n| n > 0) {
        Err(BvProblem::StartRequired)
    } else {
        Ok(())
    }
}

/// A business organization's settings and contract as the form shows them,
/// one pair per field (a list, not a map: the browser's copy is smaller).
pub fn business_values(org: &Organization) -> Vec<(BvField, String)> {
    let s = org.business_setting.clone().unwrap_or_default();
    let flag = |b: Option<bool>| if b.unwrap_or(false) { "true" } else { "false" }.to_string();
    let (unit, length) = match (org.contract_months.filter(|m| *m > 0), org.contract_days.filter(|d| *d > 0)) {
        (Some(m), _) => ("months", m.to_string()),
        (None, Some(d)) => ("days", d.to_string()),
        (None, None) => ("months", String::new()),
    };
    let start = org.contract_valid_start_time.map(|t| t.to_date()).unwrap_or_default();
    Vec::from([
        (BvField::Category, s.category.unwrap_or_default()),
        (BvField::TaxId, s.tax_id.unwrap_or_default()),
        (BvField::CreateSite, flag(s.enable_create_site)),
        (BvField::SiteLimit, s.site_limit.map(|n| n.to_string()).unwrap_or_default()),
        (BvField::CustomDomain, flag(s.enable_custom_domain)),
        (BvField::MarketplaceUrl, s.marketplace_url.unwrap_or_default()),
        (BvField::ContractStart, start),
        (BvField::LengthUnit, unit.to_string()),
        (BvField::Length, length),
    ])
}

/// The body of a sub-organization PATCH: `changes` (field, normalized
/// value) applied to `current`, the organization as just read back. A
/// gRPC-gateway PATCH without an update mask replaces a nested message with
/// what was sent, so `business_setting` goes whole (the plan's own settings
/// only); of the contract length only the unit in use is sent.
pub fn patch_body(current: &Organization, changes: &[(BvField, String)]) -> serde_json::Value {
    use crate::bv_rules::PlanSetting;
    use serde_json::{json, Map, Value};
    let mut root = Map::new();
    let changed = |f: BvField| changes.iter().find(|(k, _)| *k == f).map(|(_, v)| v.as_str());
    if current.business_setting.is_some() && changes.iter().any(|(f, _)| f.wire().starts_with("business_setting.")) {
        let mut s = current.business_setting.clone().unwrap_or_default();
        let plan = s.business_plan_type.clone();
        let text = |v: &str| Some(v.to_string());
        if let Some(v) = changed(BvField::Category) {
            s.category = text(v);
        }
        if let Some(v) = changed(BvField::TaxId) {
            s.tax_id = text(v);
        }
        if let Some(v) = changed(BvField::CreateSite) {
            s.enable_create_site = Some(v == "true");
        }
        if let Some(v) = changed(BvField::CustomDomain) {
            s.enable_custom_domain = Some(v == "true");
        }
        if let Some(v) = changed(BvField::SiteLimit) {
            s.site_limit = v.parse().ok();
        }
        if let Some(v) = changed(BvField::MarketplaceUrl) {
            s.marketplace_url = text(v);
        }
        // Settings of another plan are refused, not ignored: leave them out.
        if !PlanSetting::CreateSite.applies(plan.as_ref()) {
            (s.enable_create_site, s.site_limit, s.enable_custom_domain) = (None, None, None);
        }
        if !PlanSetting::MarketplaceUrl.applies(plan.as_ref()) {
            s.marketplace_url = None;
        }
        root.insert("business_setting".into(), serde_json::to_value(&s).unwrap_or(Value::Null));
    }
    if let Some(v) = changed(BvField::ContractStart) {
        root.insert("contract_valid_start_time".into(), if v.is_empty() { Value::Null } else { json!(format!("{v}T00:00:00Z")) });
    }
    if changed(BvField::Length).is_some() || changed(BvField::LengthUnit).is_some() {
        let value = |f: BvField| changed(f).map(str::to_string).unwrap_or_else(|| business_values(current).into_iter().find(|(k, _)| *k == f).map(|(_, v)| v).unwrap_or_default());
        let unit = if value(BvField::LengthUnit) == "days" { "contract_days" } else { "contract_months" };
        root.insert(unit.into(), value(BvField::Length).parse::<i64>().map(Value::from).unwrap_or(Value::Null));
    }
    Value::Object(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn business(plan: &str) -> Organization {
        serde_json::from_value(serde_json::json!({
            "id": "b1", "type": "ORGANIZATION_TYPE_BUSINESS", "contract_months": "12",
            "business_setting": {"business_plan_type": plan, "category": "Media", "tax_id": "12345678",
                "enable_create_site": true, "site_limit": "5", "enable_custom_domain": true, "marketplace_url": ""}
        }))
        .unwrap()
    }

    #[test]
    fn a_patch_sends_the_whole_business_setting_of_the_plan() {
        let body = patch_body(&business("BUSINESS_PLAN_TYPE_BVONE"), &[(BvField::Category, "News".into())]);
        assert_eq!(
            body,
            serde_json::json!({"business_setting": {"business_plan_type": "BUSINESS_PLAN_TYPE_BVONE", "category": "News",
                "tax_id": "12345678", "enable_create_site": true, "site_limit": 5, "enable_custom_domain": true}})
        );
        let body = patch_body(&business("BUSINESS_PLAN_TYPE_CXM"), &[(BvField::MarketplaceUrl, "https://m.example".into())]);
        assert_eq!(body["business_setting"]["marketplace_url"], "https://m.example");
        assert!(body["business_setting"].get("site_limit").is_none(), "another plan's settings are left out");
    }

    #[test]
    fn only_the_contract_unit_in_use_is_sent() {
        let org = business("BUSINESS_PLAN_TYPE_BVONE");
        let body = patch_body(&org, &[(BvField::LengthUnit, "days".into()), (BvField::Length, "30".into())]);
        assert_eq!(body, serde_json::json!({"contract_days": 30}));
        let body = patch_body(&org, &[(BvField::Length, "6".into())]);
        assert_eq!(body, serde_json::json!({"contract_months": 6}), "the stored unit, when only the length changed");
    }

    fn values<'a>(pairs: &'a [(BvField, &'a str)]) -> impl Fn(BvField) -> String + 'a {
        move |f| pairs.iter().find(|(k, _)| *k == f).map(|(_, v)| v.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_length_without_a_start_asks_for_the_start() {
        let v = [(BvField::Length, "12"), (BvField::LengthUnit, "months")];
        assert_eq!(BvField::ContractStart.check(&values(&v)), Err(BvProblem::StartRequired));
        let v = [(BvField::Length, "12"), (BvField::ContractStart, "2026-01-01")];
        assert_eq!(BvField::ContractStart.check(&values(&v)), Ok(()));
        assert_eq!(BvField::ContractStart.check(&values(&[(BvField::Length, "0")])), Ok(()));
    }

    #[test]
    fn the_length_is_checked_in_its_unit() {
        let days = [(BvField::Length, "400"), (BvField::LengthUnit, "days")];
        assert_eq!(BvField::Length.check(&values(&days)), Ok(()));
        let months = [(BvField::Length, "400"), (BvField::LengthUnit, "months")];
        assert_eq!(BvField::Length.check(&values(&months)), Err(BvProblem::MonthsRange));
    }

    #[test]
    fn error_paths_name_their_fields() {
        assert_eq!(BvField::from_wire("contract_days"), Some(BvField::Length));
        assert_eq!(BvField::from_wire("business_setting.tax_id"), Some(BvField::TaxId));
        assert_eq!(BvField::from_wire("name"), Some(BvField::Name));
        assert_eq!(BvField::from_wire("business_setting.id"), None);
    }
}
