//! Wire types of the two APIs orgdesk speaks, with lenient decoding and the
//! validation rules shared by the browser app and the reference server.
//!
//! Nothing here depends on the web or on the server: the crate compiles to
//! wasm32 and to native code alike.

pub mod blendvision;
pub mod bv_form;
pub mod bv_rules;
pub mod countries;
pub mod fields;
pub mod html;
pub mod italy;
pub mod lang;
pub mod lenient;
pub mod media;
pub mod openbadge;
pub mod public;
pub mod validate;
pub mod words;

pub use lang::Lang;
pub use lenient::Timestamp;
