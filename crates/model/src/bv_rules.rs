//! BlendVision One business-setting and contract rules, shared by the browser
//! (as the admin types) and the reference server (before it stores).

use crate::blendvision::BusinessPlanType;
use std::fmt;

pub const CATEGORY_MAX: usize = 40;
pub const TAX_ID_MAX: usize = 8;
pub const SITE_LIMIT_MAX: i64 = 50;
pub const MARKETPLACE_URL_MAX: usize = 2000;
pub const NAME_MAX: usize = 100;
pub const MONTHS_MAX: i64 = 120;
pub const DAYS_MAX: i64 = 3650;

/// What is wrong with one value; the browser words each in the viewer's
/// language, the server sends the English `Display`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BvProblem {
    Required,
    TooLong(usize),
    /// `site_limit` is a whole number from 0 to 50.
    SiteLimitRange,
    /// Not an absolute http(s) address.
    UrlFormat,
    /// The setting belongs to another plan than the organization's.
    NotForPlan,
    /// Only business organizations have business settings.
    NotBusiness,
    /// Contract months: a whole number from 0 to 120.
    MonthsRange,
    /// Contract days: a whole number from 0 to 3650.
    DaysRange,
    /// A contract length needs a start.
    StartRequired,
    /// Not a date-time the service reads (RFC 3339).
    DateFormat,
    /// The wrong kind of value (e.g. text for a number).
    WrongType,
    /// A key the service does not know.
    UnknownField,
}

impl fmt::Display for BvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BvProblem::Required => f.write_str("This field is required."),
            BvProblem::TooLong(n) => write!(f, "Use at most {n} characters."),
            BvProblem::SiteLimitRange => f.write_str("Enter a whole number from 0 to 50."),
            BvProblem::UrlFormat => f.write_str("Enter a full web address starting with https:// or http://."),
            BvProblem::NotForPlan => f.write_str("This setting does not belong to the organization's plan."),
            BvProblem::NotBusiness => f.write_str("Only business organizations have business settings."),
            BvProblem::MonthsRange => f.write_str("Enter a whole number of months from 0 to 120."),
            BvProblem::DaysRange => f.write_str("Enter a whole number of days from 0 to 3650."),
            BvProblem::StartRequired => f.write_str("Enter the contract start first."),
            BvProblem::DateFormat => f.write_str("Enter a date and time like 2026-01-01T00:00:00Z."),
            BvProblem::WrongType => f.write_str("This value has the wrong type."),
            BvProblem::UnknownField => f.write_str("This field cannot be changed."),
        }
    }
}

/// The plan-specific settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanSetting {
    CreateSite,
    SiteLimit,
    CustomDomain,
    MarketplaceUrl,
}

impl PlanSetting {
    /// Whether the setting exists on `plan`: site settings on BVOne, the
    /// marketplace on CXM.
    pub fn applies(self, plan: Option<&BusinessPlanType>) -> bool {
        match self {
            PlanSetting::CreateSite | PlanSetting::SiteLimit | PlanSetting::CustomDomain => plan == Some(&BusinessPlanType::Bvone),
            PlanSetting::MarketplaceUrl => plan == Some(&BusinessPlanType::Cxm),
        }
    }
}

fn at_most(value: &str, max: usize) -> Result<(), BvProblem> {
    if value.chars().count() > max {
        Err(BvProblem::TooLong(max))
    } else {
        Ok(())
    }
}

/// The organization's new name.
pub fn name(value: &str) -> Result<(), BvProblem> {
    if value.trim().is_empty() {
        return Err(BvProblem::Required);
    }
    at_most(value.trim(), NAME_MAX)
}

pub fn category(value: &str) -> Result<(), BvProblem> {
    at_most(value, CATEGORY_MAX)
}

pub fn tax_id(value: &str) -> Result<(), BvProblem> {
    at_most(value, TAX_ID_MAX)
}

pub fn site_limit(value: i64) -> Result<(), BvProblem> {
    if (0..=SITE_LIMIT_MAX).contains(&value) {
        Ok(())
    } else {
        Err(BvProblem::SiteLimitRange)
    }
}

/// Optional: empty clears it.
pub fn marketplace_url(value: &str) -> Result<(), BvProblem> {
    if value.is_empty() {
        return Ok(());
    }
    at_most(value, MARKETPLACE_URL_MAX)?;
    crate::validate::web_url(value).map_err(|_| BvProblem::UrlFormat)
}

pub fn contract_months(value: i64) -> Result<(), BvProblem> {
    if (0..=MONTHS_MAX).contains(&value) {
        Ok(())
    } else {
        Err(BvProblem::MonthsRange)
    }
}

pub fn contract_days(value: i64) -> Result<(), BvProblem> {
    if (0..=DAYS_MAX).contains(&value) {
        Ok(())
    } else {
        Err(BvProblem::DaysRange)
    }
}

/// Which length counts when both are sent: months win.
pub fn contract_length(months: Option<i64>, days: Option<i64>) -> (i64, i64) {
    match (months.filter(|m| *m > 0), days.filter(|d| *d > 0)) {
        (Some(m), _) => (m, 0),
        (None, Some(d)) => (0, d),
        (None, None) => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_belong_to_their_plans() {
        let (bvone, cxm, cpm) = (Some(&BusinessPlanType::Bvone), Some(&BusinessPlanType::Cxm), Some(&BusinessPlanType::Cpm));
        for s in [PlanSetting::CreateSite, PlanSetting::SiteLimit, PlanSetting::CustomDomain] {
            assert!(s.applies(bvone) && !s.applies(cxm) && !s.applies(cpm) && !s.applies(None));
        }
        assert!(PlanSetting::MarketplaceUrl.applies(cxm) && !PlanSetting::MarketplaceUrl.applies(bvone) && !PlanSetting::MarketplaceUrl.applies(cpm));
    }

    #[test]
    fn limits() {
        assert_eq!(category(&"c".repeat(40)), Ok(()));
        assert_eq!(category(&"c".repeat(41)), Err(BvProblem::TooLong(40)));
        assert_eq!(tax_id("24681357"), Ok(()));
        assert_eq!(tax_id("246813579"), Err(BvProblem::TooLong(8)));
        assert_eq!(site_limit(0), Ok(()));
        assert_eq!(site_limit(50), Ok(()));
        assert_eq!(site_limit(51), Err(BvProblem::SiteLimitRange));
        assert_eq!(site_limit(-1), Err(BvProblem::SiteLimitRange));
        assert_eq!(marketplace_url("https://market.example.com/shop"), Ok(()));
        assert_eq!(marketplace_url(""), Ok(()));
        assert_eq!(marketplace_url("market.example.com"), Err(BvProblem::UrlFormat));
        assert_eq!(marketplace_url("ftp://market.example.com"), Err(BvProblem::UrlFormat));
        assert_eq!(marketplace_url(&format!("https://m.example.com/{}", "a".repeat(2000))), Err(BvProblem::TooLong(2000)));
        assert_eq!(name("  "), Err(BvProblem::Required));
        assert_eq!(name(&"n".repeat(101)), Err(BvProblem::TooLong(100)));
    }

    #[test]
    fn months_win_over_days() {
        assert_eq!(contract_length(Some(12), Some(30)), (12, 0));
        assert_eq!(contract_length(Some(0), Some(30)), (0, 30));
        assert_eq!(contract_length(None, None), (0, 0));
        assert_eq!(contract_months(121), Err(BvProblem::MonthsRange));
        assert_eq!(contract_days(3651), Err(BvProblem::DaysRange));
    }
}
