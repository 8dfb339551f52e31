//! The Open Badge issuer API ("openbadge" dialect): `{"data": ...}` bodies,
//! Laravel pagination and Laravel error bodies.

use crate::lenient::{flex_bool, flex_i32, flex_i64, flex_i64_list, lenient_list, opt_flex_bool, opt_flex_i64, opt_object, opt_string, opt_timestamp, Timestamp};
use crate::wire_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

wire_enum!(
    /// `type` of an organization.
    OrgType {
        PublicLocalNational = "public_local_national",
        PrivateNonProfit = "private_non_profit",
        PrivateProfit = "private_profit",
        PrivateOther = "private_other",
    }
);

wire_enum!(
    /// `activity` of an organization.
    Activity {
        School = "school",
        University = "university",
        ProfessionalTraining = "professional_training",
        Volunteering = "volunteering",
        CivilSociety = "civil_society",
        Orientation = "orientation",
        Other = "other",
    }
);

wire_enum!(
    Language {
        It = "it",
        En = "en",
    }
);

wire_enum!(
    /// Set by platform administrators only.
    OrgStatus {
        Enabled = "enabled",
        Disabled = "disabled",
    }
);

wire_enum!(
    SubscriptionStatus {
        Active = "active",
        Cancelled = "cancelled",
    }
);

wire_enum!(
    BadgeType {
        Skills = "skills",
        Participation = "participation",
        Knowledge = "knowledge",
        Qualification = "qualification",
    }
);

wire_enum!(
    TemplateStatus {
        Active = "active",
        Inactive = "inactive",
    }
);

/// `{"data": T}`, the envelope of every successful Open Badge body but `/auth/user`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Data<T> {
    pub data: T,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressInfo {
    #[serde(default, deserialize_with = "opt_string")]
    pub street: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub postcode: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub city: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub state: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default, deserialize_with = "opt_string")]
    pub country: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BillingInfo {
    #[serde(default, deserialize_with = "opt_string")]
    pub legal_name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub vat: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub fiscal_code: Option<String>,
    /// SDI destination code for Italian e-invoices.
    #[serde(default, deserialize_with = "opt_string")]
    pub code_dest: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub email: Option<String>,
    /// PEC address.
    #[serde(default, deserialize_with = "opt_string")]
    pub certified_email: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactInfo {
    /// First name.
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub last_name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub mobile: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub tech_email: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub legal_email: Option<String>,
}

/// The public-profile switches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, deserialize_with = "flex_bool")]
    pub public_profile: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub public_badge_types: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub public_learning_paths: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub public_badge_templates: bool,
}

/// The issuer organization, every field of the vendor's table. Any of them
/// may be missing or null in a real response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(rename = "type", default)]
    pub org_type: Option<OrgType>,
    #[serde(default)]
    pub activity: Option<Activity>,
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
    /// HTML.
    #[serde(default, deserialize_with = "opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_object")]
    pub address_info: Option<AddressInfo>,
    #[serde(default, deserialize_with = "opt_object")]
    pub billing_info: Option<BillingInfo>,
    #[serde(default)]
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "opt_string")]
    pub website: Option<String>,
    #[serde(default)]
    pub status: Option<OrgStatus>,
    #[serde(default, deserialize_with = "opt_object")]
    pub contact_info: Option<ContactInfo>,
    #[serde(default, deserialize_with = "opt_object")]
    pub settings: Option<Settings>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_high_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_thumbnail_path: Option<String>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub credits_left: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub badge_templates_count: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub badges_count: Option<i64>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub updated_at: Option<Timestamp>,
    /// Set only while the public profile is on.
    #[serde(default, deserialize_with = "opt_string")]
    pub public_url: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub imp_legacy_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub stripe_customer_id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub subscription_id: Option<String>,
    #[serde(default)]
    pub subscription_status: Option<SubscriptionStatus>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub current_period_start: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub current_period_end: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub max_users: Option<i64>,
    /// Not in the body: the answer's `ETag` (the record's version, strong,
    /// quoted), kept with the record it came with so a write can send it back
    /// in `If-Match`. `None` when the server sent none (the vendor).
    #[serde(skip)]
    pub etag: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Role {
    #[serde(default, deserialize_with = "opt_string")]
    pub slug: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrganizationRef {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
}

/// `GET /api/v1/auth/user`: not wrapped in `data`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthUser {
    #[serde(default, deserialize_with = "opt_string")]
    pub uuid: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub username: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub email: Option<String>,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub email_verified_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "opt_object")]
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "opt_object")]
    pub organization: Option<OrganizationRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `POST /api/v1/auth/login` → `{"data": LoginToken}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoginToken {
    pub token: String,
    #[serde(default = "bearer")]
    pub token_type: String,
    #[serde(default, deserialize_with = "opt_timestamp")]
    pub expires_at: Option<Timestamp>,
}

fn bearer() -> String {
    "Bearer".to_string()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BadgeTemplate {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub code: Option<String>,
    #[serde(rename = "type", default)]
    pub badge_type: Option<BadgeType>,
    #[serde(default, deserialize_with = "opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub image_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub image_thumbnail_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub color_primary: Option<String>,
    #[serde(default)]
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "opt_flex_bool")]
    pub is_learning_path: Option<bool>,
    #[serde(default, deserialize_with = "opt_flex_bool")]
    pub is_published: Option<bool>,
    #[serde(default)]
    pub status: Option<TemplateStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageLinks {
    #[serde(default, deserialize_with = "opt_string")]
    pub first: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub last: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub prev: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub next: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageMeta {
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub current_page: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub from: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub last_page: Option<i64>,
    #[serde(default, deserialize_with = "opt_string")]
    pub path: Option<String>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub per_page: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub to: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub total: Option<i64>,
}

/// A Laravel-paginated list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: serde::de::DeserializeOwned"))]
pub struct Paginated<T> {
    #[serde(default = "Vec::new", deserialize_with = "lenient_list")]
    pub data: Vec<T>,
    #[serde(default, deserialize_with = "opt_object")]
    pub links: Option<PageLinks>,
    #[serde(default, deserialize_with = "opt_object")]
    pub meta: Option<PageMeta>,
}

/// Laravel's error body: 401/403/404 carry only `message`; 422 adds
/// `errors`, keyed by dot paths (`address_info.street`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LaravelError {
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

impl LaravelError {
    pub fn message(message: impl Into<String>) -> Self {
        LaravelError { message: message.into(), errors: BTreeMap::new() }
    }

    /// Turns a dot path from `errors` into the bracketed request key the form
    /// sent (`address_info.street` → `address_info[street]`).
    pub fn bracketed(path: &str) -> String {
        let mut parts = path.split('.');
        let mut out = parts.next().unwrap_or_default().to_string();
        for p in parts {
            out.push('[');
            out.push_str(p);
            out.push(']');
        }
        out
    }
}

/// `{type, count}`: how many published templates of one badge type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BadgeTypeCount {
    #[serde(rename = "type")]
    pub badge_type: BadgeType,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub count: Option<i64>,
}

/// `GET /api/v1/public/organizations/{id}` (ours): what a visitor may see.
/// Never billing, contacts, street, credits, subscription or ids of other systems.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicOrganization {
    #[serde(default, deserialize_with = "opt_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub name: Option<String>,
    #[serde(rename = "type", default)]
    pub org_type: Option<OrgType>,
    #[serde(default)]
    pub activity: Option<Activity>,
    /// Sanitized HTML.
    #[serde(default, deserialize_with = "opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub website: Option<String>,
    #[serde(default)]
    pub language: Option<Language>,
    #[serde(default, deserialize_with = "opt_string")]
    pub city: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub country: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_high_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub logo_thumbnail_path: Option<String>,
    #[serde(default, deserialize_with = "opt_string")]
    pub public_url: Option<String>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub badges_count: Option<i64>,
    /// Present only while `settings.public_badge_templates` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge_templates: Option<Vec<BadgeTemplate>>,
    /// Present only while `settings.public_badge_types` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge_types: Option<Vec<BadgeTypeCount>>,
    /// Present only while `settings.public_learning_paths` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_paths: Option<Vec<BadgeTemplate>>,
}

/// `GET /issuers/organization/statistics` (ours).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub badges_count: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub badge_templates_count: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub earners_count: Option<i64>,
    #[serde(default, deserialize_with = "opt_flex_i64")]
    pub credits_left: Option<i64>,
}

/// `GET /issuers/organization/year-statistics?year=` (ours): badges issued
/// per month, January first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct YearStatistics {
    #[serde(default, deserialize_with = "flex_i32")]
    pub year: i32,
    #[serde(default, deserialize_with = "flex_i64")]
    pub total: i64,
    #[serde(default, deserialize_with = "flex_i64_list")]
    pub months: Vec<i64>,
}

impl YearStatistics {
    /// Whether this reads as our body: twelve months for a year. Anything
    /// else (another server's body) means "not available", not "no badges".
    pub fn is_complete(&self) -> bool {
        self.year > 0 && self.months.len() == 12
    }
}

impl Statistics {
    /// Each figure the statistics answer lacks, taken from the organization
    /// record, which carries the same counts (earners it does not).
    pub fn or_record(self, org: &Organization) -> Statistics {
        Statistics {
            badges_count: self.badges_count.or(org.badges_count),
            badge_templates_count: self.badge_templates_count.or(org.badge_templates_count),
            earners_count: self.earners_count,
            credits_left: self.credits_left.or(org.credits_left),
        }
    }
}
