//! Widgets every feature builds from. Nothing here calls an API.

pub mod area_nav;
pub mod chart;
pub mod error_summary;
pub mod facts;
pub mod field;
pub mod form;
pub mod head;
pub mod lang_switch;
pub mod load;
pub mod safe_html;
pub mod shell;
pub mod switch;
