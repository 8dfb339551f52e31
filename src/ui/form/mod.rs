//! The one form machinery: the model (values, rules, drafts, conflicts), the
//! save loop, the inputs and the pieces around a form, the rich-text editor
//! and the unsaved-changes guard.

pub mod inputs;
pub mod keyed;
pub mod model;
pub mod rich_text;
pub mod unsaved;
