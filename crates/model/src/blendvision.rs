//! The BlendVision One organization service ("blendvision" dialect):
//! plain JSON bodies and google.rpc.Status errors.

use crate::lenient::{opt_flex_bool, opt_flex_i64, opt_object, opt_string, opt_timestamp, Timestamp};
use crate::wire_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

wire_enum!(
    OrganizationType {
        Root = "ORGANIZATION_TYPE_ROOT",
        GeneralDistributor = "ORGANIZATION_TYPE_GENERAL_DISTRIBUTOR",
        Reseller = "ORGANIZATION_TYPE_RESELLER",
        Business = "ORGANIZATION_TYPE_BUSINESS",
    }
);

wire_enum!(
    OrganizationStatus {
        Activated = "ORGANIZATION_STATUS_ACTIVATED",
        Verifying = "ORGANIZATION_STATUS_VERIFYING",
        FailToVerify = "ORGANIZATION_STATUS_FAIL_TO_VERIFY",
        Deactivated = "ORGANIZATION_STATUS_DEACTIVATED",
        Deleting = "ORGANIZATION_STATUS_DELETING",
        Deleted = "ORGANIZATION_STATUS_DELETED",
        ActivationScheduled = "ORGANIZATION_STATUS_ACTIVATION_SCHEDULED",
    }
);

wire_enum!(
    AccountStatus {
        Activated = "ACCOUNT_STATUS_ACTIVATED",
        Deactivated = "ACCOUNT_STATUS_DEACTIVATED",
    }
);

wire_enum!(
    RoleType {
        Owner = "ROLE_TYPE_OWNER",
        Admin = "ROLE_TYPE_ADMIN",
        Staff = "ROLE_TYPE_STAFF",
        Developer = "ROLE_TYPE_DEVELOPER",
        ContentContributor = "ROLE_TYPE_CONTENT_CONTRIBUTOR",
        Custom = "ROLE_TYPE_CUSTOM",
        CxmAdmin = "ROLE_TYPE_CXM_ADMIN",
        CxmModerator = "ROLE_TYPE_CXM_MODERATOR",
        CxmContributor = "ROLE_TYPE_CXM_CONTRIBUTOR",
        CxmParticipant = "ROLE_TYPE_CXM_PARTICIPANT",
    }
);

wire_enum!(
    BusinessPlanType {
        Bvone = "BUSINESS_PLAN_TYPE_BVONE",
        Cxm = "BUSINESS_PLAN_TYPE_CXM",
        Cpm = "BUSINESS_PLAN_TYPE_CPM",
    }
);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NextContract {
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub start_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub months: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub days: Option<i64>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub end_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_string")]
    pub parent_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub plan_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Owner {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub email: Option<String>,
    #[serde(default)]
    pub status: Option<AccountStatus>,
    #[serde(default)]
    pub role_type: Option<RoleType>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_string")]
    pub first_name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub last_name: Option<String>,
}

/// Only on business organizations; which fields apply depends on the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BusinessSetting {
    #[serde(default)]
    pub business_plan_type: Option<BusinessPlanType>,
    #[serde(default, deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// BVOne only.
    #[serde(default, deserialize_with = "opt_flex_bool", skip_serializing_if = "Option::is_none")]
    pub enable_create_site: Option<bool>,
    /// BVOne only, 0..=50.
    #[serde(default, deserialize_with = "opt_flex_i64", skip_serializing_if = "Option::is_none")]
    pub site_limit: Option<i64>,
    /// BVOne only.
    #[serde(default, deserialize_with = "opt_flex_bool", skip_serializing_if = "Option::is_none")]
    pub enable_custom_domain: Option<bool>,
    /// CXM only.
    #[serde(default, deserialize_with = "opt_string", skip_serializing_if = "Option::is_none")]
    pub marketplace_url: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub parent_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub parent_name: Option<String>,
    #[serde(rename = "type", default)]
    pub org_type: Option<OrganizationType>,
    #[serde(default)]
    pub status: Option<OrganizationStatus>,
    #[serde(default, deserialize_with = "opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub owner_email: Option<String>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub billing_cycle: Option<i64>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub contract_valid_start_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub contract_months: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub contract_days: Option<i64>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub contract_valid_end_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_object")]
    pub next_contract: Option<NextContract>,
    #[serde(default, deserialize_with = "opt_flex_bool")]
    pub has_sub_orgs: Option<bool>,
    #[serde(default, deserialize_with = "opt_string")]
    pub license_key: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub time_zone: Option<String>,
    #[serde(default, deserialize_with = "opt_object")]
    pub owner: Option<Owner>,
    #[serde(default, deserialize_with = "opt_object", skip_serializing_if = "Option::is_none")]
    pub business_setting: Option<BusinessSetting>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub updated_at: Option<Timestamp>,
}

/// `GET /bv/org/v1/organizations` → `{"organization": ...}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganizationEnvelope {
    pub organization: Organization,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoginResponse {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: String,
    /// Seconds.
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub expires_in: Option<i64>,
    #[serde(default)]
    pub token_type: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pagination {
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub total_items: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub items_per_page: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub current_page: Option<i64>,
}

/// `GET /bv/org/v1/sub-orgs`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubOrgsPage {
    #[serde(default, deserialize_with = "crate::lenient::lenient_list")]
    pub organizations: Vec<Organization>,
    #[serde(default, deserialize_with = "opt_object")]
    pub pagination: Option<Pagination>,
}

/// `owner_info` of `GET /sub-orgs/{id}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnerInfo {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub invite_status: Option<String>,
}

/// `GET /sub-orgs/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubOrgDetail {
    pub organization: Organization,
    #[serde(default)]
    pub owner_info: Option<OwnerInfo>,
}

/// One entry of `GET /organizations/{id}/plans`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub business_plan_type: Option<BusinessPlanType>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub start_time: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub end_time: Option<Timestamp>,
    #[serde(default)]
    pub current: Option<bool>,
}

/// `GET /organizations/{id}/plans`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlansResponse {
    #[serde(default, deserialize_with = "crate::lenient::lenient_list")]
    pub plans: Vec<Plan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldViolation {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub description: String,
}

/// One entry of `details`: ErrorInfo (`reason`, `domain`, `metadata`) or
/// BadRequest (`field_violations`); unknown kinds keep only their `@type`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusDetail {
    #[serde(rename = "@type", default)]
    pub type_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_violations: Vec<FieldViolation>,
}

/// google.rpc.Status.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RpcStatus {
    #[serde(default)]
    pub code: i32,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub details: Vec<StatusDetail>,
}

/// gRPC status codes used by the service.
pub mod code {
    pub const INVALID_ARGUMENT: i32 = 3;
    pub const NOT_FOUND: i32 = 5;
    pub const ALREADY_EXISTS: i32 = 6;
    pub const PERMISSION_DENIED: i32 = 7;
    pub const INTERNAL: i32 = 13;
    pub const UNAUTHENTICATED: i32 = 16;
}

pub const ERROR_INFO_TYPE: &str = "type.googleapis.com/google.rpc.ErrorInfo";
pub const BAD_REQUEST_TYPE: &str = "type.googleapis.com/google.rpc.BadRequest";

impl RpcStatus {
    /// A status carrying one ErrorInfo with `reason`.
    pub fn with_reason(code: i32, message: impl Into<String>, reason: &str) -> Self {
        RpcStatus {
            code,
            message: message.into(),
            details: vec![StatusDetail {
                type_url: ERROR_INFO_TYPE.to_string(),
                reason: Some(reason.to_string()),
                domain: Some("org".to_string()),
                metadata: Some(BTreeMap::new()),
                field_violations: Vec::new(),
            }],
        }
    }

    /// The reason to read: the platform documents the *last* detail's.
    pub fn reason(&self) -> Option<&str> {
        self.details.iter().rev().find_map(|d| d.reason.as_deref())
    }

    /// Every field the status names: BadRequest violations, or else those
    /// only written in `message` ([`fields_in_message`]).
    pub fn field_violations(&self) -> Vec<FieldViolation> {
        let listed: Vec<FieldViolation> = self.details.iter().flat_map(|d| d.field_violations.iter().cloned()).collect();
        if listed.is_empty() {
            fields_in_message(&self.message)
        } else {
            listed
        }
    }
}

/// Rule failures a gRPC service reports only as text, in the two shapes
/// seen: `validation error, field 'a.b': what is wrong` (several joined by
/// `;`), and protovalidate's lines ` - a.b: what is wrong`.
pub fn fields_in_message(message: &str) -> Vec<FieldViolation> {
    let mut found = Vec::new();
    let mut rest = message;
    while let Some(at) = rest.find("field '") {
        let after = &rest[at + 7..];
        let Some(end) = after.find('\'') else { break };
        let field = after[..end].trim().to_string();
        let tail = after[end + 1..].trim_start_matches(':').trim_start();
        let stop = tail.find("; ").or_else(|| tail.find(", field '")).unwrap_or(tail.len());
        found.push(FieldViolation { field, description: tail[..stop].trim().to_string() });
        rest = &tail[stop..];
    }
    if found.is_empty() {
        for line in message.lines() {
            let Some(item) = line.trim_start().strip_prefix("- ") else { continue };
            if let Some((field, what)) = item.split_once(": ") {
                let plain = !field.is_empty() && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '[' || c == ']');
                if plain {
                    found.push(FieldViolation { field: field.to_string(), description: what.trim().to_string() });
                }
            }
        }
    }
    found
}
