//! BlendVision One screens.

pub mod organization;
