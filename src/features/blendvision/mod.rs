//! BlendVision One screens.

pub mod fields;
pub mod nav;
pub mod organization;
pub mod sub_org;
pub mod sub_orgs;
