//! BlendVision's form fields (the rename, business settings and contract
//! forms) in the form machinery, with the rules the server runs
//! (`orgdesk_model::bv_form`).

use crate::core::session::Dialect;
use crate::i18n::{bv_problem, rpc_reason_text, FieldMessage, Lang};
use crate::ui::form::model::FormField;
use orgdesk_model::bv_form::BvField;

impl FormField for BvField {
    const DIALECT: Dialect = Dialect::BlendVision;

    fn wire(self) -> &'static str {
        BvField::wire(self)
    }

    fn id(self) -> &'static str {
        BvField::id(self)
    }

    fn normalize(self, value: &str) -> String {
        BvField::normalize(self, value)
    }

    fn check(self, value_of: &dyn Fn(BvField) -> String) -> Option<FieldMessage> {
        BvField::check(self, value_of).err().map(bv_problem)
    }

    fn dependents(self) -> &'static [BvField] {
        BvField::dependents(self)
    }

    fn named_by(self, wire: &str) -> bool {
        BvField::from_wire(wire) == Some(self)
    }

    /// The organization service's google.rpc ErrorInfo reasons.
    fn reason_text(reason: &str, lang: Lang) -> Option<&'static str> {
        rpc_reason_text(reason, lang)
    }
}
