//! The BlendVision One business-setting and contract rules
//! (`orgdesk_model::bv_rules`, shared by the browser and the server), plan
//! by plan, each with values accepted and refused.

use orgdesk_model::blendvision::BusinessPlanType;
use orgdesk_model::bv_rules::*;

const BVONE: Option<&BusinessPlanType> = Some(&BusinessPlanType::Bvone);
const CXM: Option<&BusinessPlanType> = Some(&BusinessPlanType::Cxm);
const CPM: Option<&BusinessPlanType> = Some(&BusinessPlanType::Cpm);

#[test]
fn each_plan_has_exactly_its_settings() {
    let future = BusinessPlanType::from_wire("BUSINESS_PLAN_TYPE_FUTURE");
    // (setting, BVOne, CXM, CPM)
    let table = [
        (PlanSetting::CreateSite, true, false, false),
        (PlanSetting::SiteLimit, true, false, false),
        (PlanSetting::CustomDomain, true, false, false),
        (PlanSetting::MarketplaceUrl, false, true, false),
    ];
    for (setting, bvone, cxm, cpm) in table {
        assert_eq!(setting.applies(BVONE), bvone, "{setting:?} on BVOne");
        assert_eq!(setting.applies(CXM), cxm, "{setting:?} on CXM");
        assert_eq!(setting.applies(CPM), cpm, "{setting:?} on CPM");
        assert!(!setting.applies(None), "{setting:?} without a plan");
        assert!(!setting.applies(Some(&future)), "{setting:?} on a plan the app does not know");
    }
}

#[test]
fn category_and_tax_id_count_characters_not_bytes() {
    assert_eq!(category(""), Ok(()));
    assert_eq!(category(&"é".repeat(CATEGORY_MAX)), Ok(()));
    assert_eq!(category(&"é".repeat(CATEGORY_MAX + 1)), Err(BvProblem::TooLong(40)));
    assert_eq!(tax_id(""), Ok(()));
    assert_eq!(tax_id("12345678"), Ok(()));
    assert_eq!(tax_id("AB-12345"), Ok(()), "letters and dashes are the service's business");
    assert_eq!(tax_id("123456789"), Err(BvProblem::TooLong(8)));
}

#[test]
fn site_limit_is_zero_to_fifty() {
    for ok in [0, 1, 25, 50] {
        assert_eq!(site_limit(ok), Ok(()), "{ok}");
    }
    for bad in [-1, 51, 1000, i64::MIN, i64::MAX] {
        assert_eq!(site_limit(bad), Err(BvProblem::SiteLimitRange), "{bad}");
    }
}

#[test]
fn marketplace_url_is_an_absolute_web_address_of_at_most_2000() {
    for ok in [
        "",
        "https://market.example.com",
        "http://market.example.com/shop?x=1#top",
        "HTTPS://Market.Example.com/Shop",
        "https://market.example.com:8443/shop",
    ] {
        assert_eq!(marketplace_url(ok), Ok(()), "{ok}");
    }
    let longest = format!("https://m.example.com/{}", "a".repeat(MARKETPLACE_URL_MAX - "https://m.example.com/".len()));
    assert_eq!(longest.chars().count(), 2000);
    assert_eq!(marketplace_url(&longest), Ok(()));
    assert_eq!(marketplace_url(&format!("{longest}a")), Err(BvProblem::TooLong(2000)));
    for bad in [
        "market.example.com",
        "ftp://market.example.com",
        "javascript:alert(1)",
        "https://",
        "https://localhost/shop",
        "https://market example.com",
        "https://market.example.com/<script>",
        "//market.example.com",
    ] {
        assert_eq!(marketplace_url(bad), Err(BvProblem::UrlFormat), "{bad}");
    }
}

#[test]
fn contract_lengths_months_win() {
    assert_eq!(contract_months(0), Ok(()));
    assert_eq!(contract_months(MONTHS_MAX), Ok(()));
    assert_eq!(contract_months(-1), Err(BvProblem::MonthsRange));
    assert_eq!(contract_months(MONTHS_MAX + 1), Err(BvProblem::MonthsRange));
    assert_eq!(contract_days(1), Ok(()));
    assert_eq!(contract_days(DAYS_MAX), Ok(()));
    assert_eq!(contract_days(-1), Err(BvProblem::DaysRange));
    assert_eq!(contract_days(DAYS_MAX + 1), Err(BvProblem::DaysRange));
    // (months, days) sent → (months, days) kept
    for (months, days, kept) in [
        (Some(12), None, (12, 0)),
        (None, Some(45), (0, 45)),
        (Some(3), Some(45), (3, 0)),
        (Some(0), Some(45), (0, 45)),
        (Some(0), Some(0), (0, 0)),
        (None, None, (0, 0)),
    ] {
        assert_eq!(contract_length(months, days), kept, "{months:?} {days:?}");
    }
}

#[test]
fn the_organization_name() {
    assert_eq!(name("Studio Lumen"), Ok(()));
    assert_eq!(name(&"n".repeat(NAME_MAX)), Ok(()));
    assert_eq!(name(&format!("  {}  ", "n".repeat(NAME_MAX))), Ok(()), "surrounding spaces do not count");
    assert_eq!(name(""), Err(BvProblem::Required));
    assert_eq!(name(" \t "), Err(BvProblem::Required));
    assert_eq!(name(&"ü".repeat(NAME_MAX + 1)), Err(BvProblem::TooLong(100)));
}

#[test]
fn every_problem_says_what_to_type_in_english() {
    let all = [
        BvProblem::Required,
        BvProblem::TooLong(40),
        BvProblem::SiteLimitRange,
        BvProblem::UrlFormat,
        BvProblem::NotForPlan,
        BvProblem::NotBusiness,
        BvProblem::MonthsRange,
        BvProblem::DaysRange,
        BvProblem::StartRequired,
        BvProblem::DateFormat,
        BvProblem::WrongType,
        BvProblem::UnknownField,
    ];
    let texts: Vec<String> = all.iter().map(ToString::to_string).collect();
    for t in &texts {
        assert!(t.ends_with('.') && t.chars().next().is_some_and(char::is_uppercase), "{t}");
    }
    let mut unique = texts.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), texts.len(), "no two problems read the same");
    assert!(BvProblem::TooLong(40).to_string().contains("40"));
    assert!(BvProblem::SiteLimitRange.to_string().contains("50"));
}
