//! BlendVision One screens.

pub mod nav;
pub mod organization;
pub mod rules;
pub mod sub_org;
pub mod sub_orgs;
