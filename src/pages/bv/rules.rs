//! The business-settings form's rules, in the browser.

use super::sub_org::BvField;
use crate::i18n::{FieldMessage, T};
use orgdesk_model::validate::{self, Problem};

pub fn check(field: BvField, value_of: &dyn Fn(BvField) -> String) -> Option<FieldMessage> {
    let value = value_of(field);
    let whole = |v: &str| v.parse::<i64>().ok();
    match field {
        BvField::Category if value.chars().count() > 40 => Some(FieldMessage::Rule(Problem::TooLong(40))),
        BvField::TaxId if value.chars().count() > 8 => Some(FieldMessage::Rule(Problem::TooLong(8))),
        BvField::SiteLimit if !value.is_empty() => match whole(&value) {
            Some(n) if (0..=50).contains(&n) => None,
            _ => Some(FieldMessage::Key(T::ErrSiteLimit)),
        },
        BvField::MarketplaceUrl if !value.is_empty() => {
            if value.chars().count() > 2000 {
                Some(FieldMessage::Rule(Problem::TooLong(2000)))
            } else {
                validate::web_url(&value).err().map(FieldMessage::Rule)
            }
        }
        BvField::Length if !value.is_empty() => {
            let max = if value_of(BvField::LengthUnit) == "days" { 3650 } else { 120 };
            match whole(&value) {
                Some(n) if (1..=max).contains(&n) => None,
                _ => Some(FieldMessage::Key(if max == 120 { T::ErrMonths } else { T::ErrDays })),
            }
        }
        _ => None,
    }
}
