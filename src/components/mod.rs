//! Reusable pieces every page builds from.

pub mod chart;
pub mod error_summary;
pub mod facts;
pub mod field;
pub mod form;
pub mod form_fields;
pub mod rich_text;
pub mod guard;
pub mod lang_switch;
pub mod safe_html;
pub mod shell;
pub mod switch;
pub mod unsaved;
