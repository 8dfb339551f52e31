//! The business-settings form's rules in the browser: the same functions the
//! server runs (`orgdesk_model::bv_rules`), fed from the form's text.

use super::sub_org::BvField;
use crate::i18n::FieldMessage;
use orgdesk_model::bv_rules::{self, BvProblem};

pub fn check(field: BvField, value_of: &dyn Fn(BvField) -> String) -> Option<FieldMessage> {
    let value = value_of(field);
    let whole = |v: &str, problem: BvProblem| v.parse::<i64>().map_err(|_| problem);
    let verdict = match field {
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
        BvField::Length | BvField::ContractStart => {
            // A length needs a start to count from.
            let length = value_of(BvField::Length);
            if field == BvField::ContractStart && value.is_empty() && length.parse::<i64>().is_ok_and(|n| n > 0) {
                Err(BvProblem::StartRequired)
            } else {
                Ok(())
            }
        }
        _ => Ok(()),
    };
    verdict.err().map(FieldMessage::Bv)
}
