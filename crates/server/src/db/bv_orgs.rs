//! BlendVision One organizations: a tree by `parent_id`. The rows, the wire
//! organization built from them, the tree queries (what lies below an
//! organization) and the console's writes.

use orgdesk_model::blendvision::*;
use orgdesk_model::Timestamp;
use sqlx::SqlitePool;

/// Organizations with their parent's name, owner and computed `has_sub_orgs`;
/// callers add the `WHERE`.
const ORG_QUERY: &str = "SELECT o.*, p.name AS parent_name,
        EXISTS (SELECT 1 FROM bv_organizations c WHERE c.parent_id = o.id) AS has_sub_orgs,
        a.id AS owner_id, a.email AS owner_email, a.status AS owner_status, a.role_type AS owner_role,
        a.created_at AS owner_created_at, a.first_name AS owner_first_name, a.last_name AS owner_last_name
     FROM bv_organizations o
     LEFT JOIN bv_organizations p ON p.id = o.parent_id
     LEFT JOIN accounts a ON a.id = o.owner_account_id";

/// Descendants of the first bound organization, however deep: `below`
/// (`id`). A `parent_id` cycle cannot make it run forever: `UNION` keeps each
/// organization once, so the walk ends when no new one turns up, and an
/// organization inside a cycle is never below itself. (Plain `?`
/// placeholders only: sqlx numbers anonymous ones from 1 whatever `?N` says.)
const BELOW: &str = "WITH RECURSIVE walk(id, root) AS (
        SELECT id, parent_id FROM bv_organizations WHERE parent_id = ?
        UNION SELECT o.id, w.root FROM bv_organizations o JOIN walk w ON o.parent_id = w.id),
    below(id) AS (SELECT id FROM walk WHERE id <> root)";

/// One row of [`ORG_QUERY`].
#[derive(Debug, sqlx::FromRow)]
struct OrganizationRow {
    id: String,
    name: String,
    parent_id: Option<String>,
    parent_name: Option<String>,
    #[sqlx(rename = "type")]
    org_type: String,
    status: String,
    description: String,
    billing_cycle: Option<i64>,
    contract_valid_start_time: Option<String>,
    contract_months: Option<i64>,
    contract_days: Option<i64>,
    contract_valid_end_time: Option<String>,
    next_start_time: Option<String>,
    next_months: Option<i64>,
    next_days: Option<i64>,
    next_end_time: Option<String>,
    next_parent_id: Option<String>,
    next_plan_id: Option<String>,
    license_key: String,
    time_zone: String,
    plan_type: Option<String>,
    category: Option<String>,
    tax_id: Option<String>,
    enable_create_site: Option<i64>,
    site_limit: Option<i64>,
    enable_custom_domain: Option<i64>,
    marketplace_url: Option<String>,
    created_at: String,
    updated_at: String,
    has_sub_orgs: i64,
    owner_id: Option<String>,
    owner_email: Option<String>,
    owner_status: Option<String>,
    owner_role: Option<String>,
    owner_created_at: Option<String>,
    owner_first_name: Option<String>,
    owner_last_name: Option<String>,
}

fn ts(value: &Option<String>) -> Option<Timestamp> {
    value.as_deref().and_then(Timestamp::parse)
}

impl OrganizationRow {
    fn next_contract(&self) -> Option<NextContract> {
        self.next_start_time.as_ref().map(|_| NextContract {
            start_time: ts(&self.next_start_time),
            months: self.next_months,
            days: self.next_days,
            end_time: ts(&self.next_end_time),
            parent_id: self.next_parent_id.clone(),
            plan_id: self.next_plan_id.clone(),
        })
    }

    fn owner(&self) -> Option<Owner> {
        self.owner_id.as_ref().map(|id| Owner {
            id: Some(id.clone()),
            email: self.owner_email.clone(),
            status: self.owner_status.as_deref().map(AccountStatus::from_wire),
            role_type: self.owner_role.as_deref().map(RoleType::from_wire),
            created_at: ts(&self.owner_created_at),
            first_name: self.owner_first_name.clone(),
            last_name: self.owner_last_name.clone(),
        })
    }

    /// Only the settings of the organization's plan.
    fn business_setting(&self) -> BusinessSetting {
        let plan = self.plan_type.as_deref().map(BusinessPlanType::from_wire);
        let bvone = plan == Some(BusinessPlanType::Bvone);
        let cxm = plan == Some(BusinessPlanType::Cxm);
        BusinessSetting {
            business_plan_type: plan,
            category: self.category.clone(),
            tax_id: self.tax_id.clone(),
            enable_create_site: self.enable_create_site.filter(|_| bvone).map(|v| v != 0),
            site_limit: self.site_limit.filter(|_| bvone),
            enable_custom_domain: self.enable_custom_domain.filter(|_| bvone).map(|v| v != 0),
            marketplace_url: self.marketplace_url.clone().filter(|_| cxm),
        }
    }

    fn into_organization(self) -> Organization {
        let org_type = OrganizationType::from_wire(&self.org_type);
        Organization {
            next_contract: self.next_contract(),
            owner: self.owner(),
            business_setting: (org_type == OrganizationType::Business).then(|| self.business_setting()),
            parent_name: self.parent_name,
            org_type: Some(org_type),
            status: Some(OrganizationStatus::from_wire(&self.status)),
            owner_email: self.owner_email,
            billing_cycle: self.billing_cycle,
            contract_valid_start_time: ts(&self.contract_valid_start_time),
            contract_months: self.contract_months,
            contract_days: self.contract_days,
            contract_valid_end_time: ts(&self.contract_valid_end_time),
            has_sub_orgs: Some(self.has_sub_orgs != 0),
            license_key: Some(self.license_key),
            time_zone: Some(self.time_zone),
            created_at: Timestamp::parse(&self.created_at),
            updated_at: Timestamp::parse(&self.updated_at),
            id: Some(self.id),
            name: Some(self.name),
            parent_id: self.parent_id,
            description: Some(self.description),
        }
    }
}

/// One organization with its parent's name, owner and `has_sub_orgs`.
pub async fn organization(db: &SqlitePool, id: &str) -> Result<Option<Organization>, sqlx::Error> {
    let row: Option<OrganizationRow> = sqlx::query_as(&format!("{ORG_QUERY} WHERE o.id = ?")).bind(id).fetch_optional(db).await?;
    Ok(row.map(OrganizationRow::into_organization))
}

/// Whether `id` is strictly below `org`.
pub async fn is_below(db: &SqlitePool, org: &str, id: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(&format!("{BELOW} SELECT 1 FROM below WHERE id = ?")).bind(org).bind(id).fetch_optional(db).await?;
    Ok(found.is_some())
}

/// Which organizations below the caller's a list shows.
#[derive(Debug, Default)]
pub struct SubOrgFilter {
    /// Contained in the name, any case; empty for any name.
    pub name: String,
    /// Wire types, any of them; empty for every type.
    pub types: Vec<String>,
    /// Wire statuses, any of them; empty for every status.
    pub statuses: Vec<String>,
}

impl SubOrgFilter {
    /// The `WHERE` clause and its values, in order.
    fn clause(&self) -> (String, Vec<&String>) {
        let placeholders = |n: usize| vec!["?"; n].join(", ");
        let mut sql = String::from(" WHERE o.id IN (SELECT id FROM below)");
        if !self.name.is_empty() {
            sql.push_str(" AND instr(lower(o.name), lower(?)) > 0");
        }
        if !self.types.is_empty() {
            sql.push_str(&format!(" AND o.type IN ({})", placeholders(self.types.len())));
        }
        if !self.statuses.is_empty() {
            sql.push_str(&format!(" AND o.status IN ({})", placeholders(self.statuses.len())));
        }
        let binds = (!self.name.is_empty()).then_some(&self.name).into_iter().chain(self.types.iter()).chain(self.statuses.iter()).collect();
        (sql, binds)
    }
}

/// One page (from 1) of the organizations below `org` that pass `filter`,
/// by name, and how many pass in all.
pub async fn sub_orgs(db: &SqlitePool, org: &str, filter: &SubOrgFilter, page: i64, per_page: i64) -> Result<(Vec<Organization>, i64), sqlx::Error> {
    let (clause, binds) = filter.clause();
    let count_sql = format!("{BELOW} SELECT COUNT(*) FROM bv_organizations o{clause}");
    let mut count = sqlx::query_scalar(&count_sql).bind(org);
    for b in &binds {
        count = count.bind(*b);
    }
    let total: i64 = count.fetch_one(db).await?;

    let list_sql = format!("{BELOW} {ORG_QUERY}{clause} ORDER BY o.name COLLATE NOCASE, o.id LIMIT ? OFFSET ?");
    let mut list = sqlx::query_as::<_, OrganizationRow>(&list_sql).bind(org);
    for b in &binds {
        list = list.bind(*b);
    }
    let rows = list.bind(per_page).bind((page - 1) * per_page).fetch_all(db).await?;
    Ok((rows.into_iter().map(OrganizationRow::into_organization).collect(), total))
}

pub async fn rename(db: &SqlitePool, id: &str, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE bv_organizations SET name = ?, updated_at = ? WHERE id = ?").bind(name).bind(super::now()).bind(id).execute(db).await?;
    Ok(())
}

/// A contract as stored: start, length, and the end that follows from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    pub start: Option<Timestamp>,
    pub months: i64,
    pub days: i64,
    pub end: Option<Timestamp>,
}

/// A business setting's new value.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    /// Empty text clears the setting.
    Text(String),
    Number(i64),
    Flag(bool),
}

/// A business setting the console may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Category,
    TaxId,
    EnableCreateSite,
    SiteLimit,
    EnableCustomDomain,
    MarketplaceUrl,
}

impl Setting {
    fn column(self) -> &'static str {
        match self {
            Setting::Category => "category",
            Setting::TaxId => "tax_id",
            Setting::EnableCreateSite => "enable_create_site",
            Setting::SiteLimit => "site_limit",
            Setting::EnableCustomDomain => "enable_custom_domain",
            Setting::MarketplaceUrl => "marketplace_url",
        }
    }
}

/// What a sub-organization PATCH changes; `None` leaves a value as it is.
#[derive(Debug, Default)]
pub struct SubOrgChange {
    pub description: Option<String>,
    pub billing_cycle: Option<i64>,
    pub contract: Option<Contract>,
    pub settings: Vec<(Setting, SettingValue)>,
    /// `Some(plan type)` when `settings` replace the stored business setting
    /// whole (vendor mode): the plan type is stored as given (`None` unsets
    /// it) and every setting not in `settings` becomes its zero value.
    pub replace_settings: Option<Option<String>>,
}

/// Writes `change` in one transaction and moves `updated_at`.
pub async fn update_sub_org(db: &SqlitePool, id: &str, change: &SubOrgChange) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    if let Some(d) = &change.description {
        sqlx::query("UPDATE bv_organizations SET description = ? WHERE id = ?").bind(d).bind(id).execute(&mut *tx).await?;
    }
    if let Some(c) = change.billing_cycle {
        sqlx::query("UPDATE bv_organizations SET billing_cycle = ? WHERE id = ?").bind(c).bind(id).execute(&mut *tx).await?;
    }
    if let Some(c) = &change.contract {
        sqlx::query("UPDATE bv_organizations SET contract_valid_start_time = ?, contract_months = ?, contract_days = ?, contract_valid_end_time = ? WHERE id = ?")
            .bind(c.start.as_ref().map(Timestamp::to_wire))
            .bind(c.months)
            .bind(c.days)
            .bind(c.end.as_ref().map(Timestamp::to_wire))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    if let Some(plan) = &change.replace_settings {
        sqlx::query(
            "UPDATE bv_organizations SET plan_type = ?, category = NULL, tax_id = NULL, enable_create_site = 0, site_limit = 0,
                enable_custom_domain = 0, marketplace_url = NULL WHERE id = ?",
        )
        .bind(plan)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    for (setting, value) in &change.settings {
        // Column names come from `Setting`, never from the request.
        let sql = format!("UPDATE bv_organizations SET {} = ? WHERE id = ?", setting.column());
        let q = sqlx::query(&sql);
        let q = match value {
            SettingValue::Text(s) => q.bind((!s.is_empty()).then(|| s.clone())),
            SettingValue::Number(n) => q.bind(*n),
            SettingValue::Flag(b) => q.bind(i64::from(*b)),
        };
        q.bind(id).execute(&mut *tx).await?;
    }
    sqlx::query("UPDATE bv_organizations SET updated_at = ? WHERE id = ?").bind(super::now()).bind(id).execute(&mut *tx).await?;
    tx.commit().await
}
