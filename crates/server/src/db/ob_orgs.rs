//! Open Badge organizations, their badge templates and issued badges: the
//! rows, the wire types built from them, and the writes of the profile PUT
//! and the logo.

use orgdesk_model::fields::Field;
use orgdesk_model::openbadge::*;
use orgdesk_model::{public, Timestamp};
use sqlx::SqlitePool;

/// An organization row; its counts are kept on it (migration 0004).
#[derive(Debug, sqlx::FromRow)]
pub struct OrganizationRow {
    pub id: String,
    #[sqlx(rename = "type")]
    pub org_type: Option<String>,
    pub activity: Option<String>,
    pub name: String,
    pub description: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub billing_legal_name: Option<String>,
    pub billing_vat: Option<String>,
    pub billing_fiscal_code: Option<String>,
    pub billing_code_dest: Option<String>,
    pub billing_email: Option<String>,
    pub billing_certified_email: Option<String>,
    pub language: Option<String>,
    pub website: Option<String>,
    pub status: String,
    pub contact_name: Option<String>,
    pub contact_last_name: Option<String>,
    pub contact_mobile: Option<String>,
    pub contact_email: Option<String>,
    pub contact_tech_email: Option<String>,
    pub contact_legal_email: Option<String>,
    pub public_profile: i64,
    pub public_badge_types: i64,
    pub public_learning_paths: i64,
    pub public_badge_templates: i64,
    pub logo_path: Option<String>,
    pub logo_high_path: Option<String>,
    pub logo_thumbnail_path: Option<String>,
    pub credits_left: i64,
    pub max_users: Option<i64>,
    pub imp_legacy_id: Option<String>,
    pub stripe_customer_id: Option<String>,
    pub subscription_id: Option<String>,
    pub subscription_status: Option<String>,
    pub current_period_start: Option<String>,
    pub current_period_end: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Moved by every write to the row: the strong validator (`ETag`).
    pub version: i64,
    pub badges_count: i64,
    pub badge_templates_count: i64,
}

/// The public-profile switches: each is a column and, inside `settings[...]`,
/// the form key that sets it.
pub const SWITCHES: [&str; 4] = ["public_profile", "public_badge_types", "public_learning_paths", "public_badge_templates"];

fn ts(value: &Option<String>) -> Option<Timestamp> {
    value.as_deref().and_then(Timestamp::parse)
}

impl OrganizationRow {
    /// The stored value of one of [`SWITCHES`].
    pub fn switch(&self, column: &str) -> i64 {
        match column {
            "public_profile" => self.public_profile,
            "public_badge_types" => self.public_badge_types,
            "public_learning_paths" => self.public_learning_paths,
            "public_badge_templates" => self.public_badge_templates,
            _ => 0,
        }
    }

    fn settings(&self) -> Settings {
        Settings {
            public_profile: self.public_profile != 0,
            public_badge_types: self.public_badge_types != 0,
            public_learning_paths: self.public_learning_paths != 0,
            public_badge_templates: self.public_badge_templates != 0,
        }
    }

    /// The wire organization; `base` (`scheme://host`) makes `public_url`.
    pub fn to_organization(&self, base: &str) -> Organization {
        let settings = self.settings();
        let r = self;
        Organization {
            public_url: settings.public_profile.then(|| format!("{base}/issuers/{}", r.id)),
            id: Some(r.id.clone()),
            org_type: r.org_type.as_deref().map(OrgType::from_wire),
            activity: r.activity.as_deref().map(Activity::from_wire),
            name: Some(r.name.clone()),
            description: r.description.clone(),
            address_info: Some(AddressInfo {
                street: r.street.clone(),
                postcode: r.postcode.clone(),
                city: r.city.clone(),
                region: r.region.clone(),
                state: r.state.clone(),
                country: r.country.clone(),
            }),
            billing_info: Some(BillingInfo {
                legal_name: r.billing_legal_name.clone(),
                vat: r.billing_vat.clone(),
                fiscal_code: r.billing_fiscal_code.clone(),
                code_dest: r.billing_code_dest.clone(),
                email: r.billing_email.clone(),
                certified_email: r.billing_certified_email.clone(),
            }),
            language: r.language.as_deref().map(Language::from_wire),
            website: r.website.clone(),
            status: Some(OrgStatus::from_wire(&r.status)),
            contact_info: Some(ContactInfo {
                name: r.contact_name.clone(),
                last_name: r.contact_last_name.clone(),
                mobile: r.contact_mobile.clone(),
                email: r.contact_email.clone(),
                tech_email: r.contact_tech_email.clone(),
                legal_email: r.contact_legal_email.clone(),
            }),
            settings: Some(settings),
            logo_path: r.logo_path.clone(),
            logo_high_path: r.logo_high_path.clone(),
            logo_thumbnail_path: r.logo_thumbnail_path.clone(),
            credits_left: Some(r.credits_left),
            badge_templates_count: Some(r.badge_templates_count),
            badges_count: Some(r.badges_count),
            created_at: Timestamp::parse(&r.created_at),
            updated_at: Timestamp::parse(&r.updated_at),
            imp_legacy_id: r.imp_legacy_id.clone(),
            stripe_customer_id: r.stripe_customer_id.clone(),
            subscription_id: r.subscription_id.clone(),
            subscription_status: r.subscription_status.as_deref().map(SubscriptionStatus::from_wire),
            current_period_start: ts(&r.current_period_start),
            current_period_end: ts(&r.current_period_end),
            max_users: r.max_users,
            etag: Some(format!("\"{}\"", r.version)),
        }
    }
}

pub async fn organization_row(db: &SqlitePool, id: &str) -> Result<Option<OrganizationRow>, sqlx::Error> {
    sqlx::query_as(
        // The counts are columns, kept by triggers (migration 0004): a
        // request costs the same whatever the number of badges.
        "SELECT o.* FROM ob_organizations o WHERE o.id = ?",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The wire organization, or `None` for an unknown id.
pub async fn organization(db: &SqlitePool, id: &str, base: &str) -> Result<Option<Organization>, sqlx::Error> {
    Ok(organization_row(db, id).await?.map(|row| row.to_organization(base)))
}

/// The id and name of an organization, for the signed-in user.
pub async fn reference(db: &SqlitePool, id: &str) -> Result<Option<OrganizationRef>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Named {
        id: String,
        name: String,
    }
    let named: Option<Named> = sqlx::query_as("SELECT id, name FROM ob_organizations WHERE id = ?").bind(id).fetch_optional(db).await?;
    Ok(named.map(|n| OrganizationRef { id: Some(n.id), name: Some(n.name) }))
}

#[derive(Debug, sqlx::FromRow)]
struct TemplateRow {
    id: String,
    title: String,
    code: Option<String>,
    #[sqlx(rename = "type")]
    badge_type: String,
    description: Option<String>,
    image_path: Option<String>,
    image_thumbnail_path: Option<String>,
    color_primary: Option<String>,
    language: Option<String>,
    is_learning_path: i64,
    is_published: i64,
    status: String,
}

impl From<TemplateRow> for BadgeTemplate {
    fn from(r: TemplateRow) -> BadgeTemplate {
        BadgeTemplate {
            id: Some(r.id),
            title: Some(r.title),
            code: r.code,
            badge_type: Some(BadgeType::from_wire(&r.badge_type)),
            // Templates are written straight into the database, never
            // through a save that cleans them: never serve one raw.
            description: r.description.as_deref().map(crate::sanitize::description_cached),
            image_path: r.image_path,
            image_thumbnail_path: r.image_thumbnail_path,
            color_primary: r.color_primary,
            language: r.language.as_deref().map(Language::from_wire),
            is_learning_path: Some(r.is_learning_path != 0),
            is_published: Some(r.is_published != 0),
            status: Some(TemplateStatus::from_wire(&r.status)),
        }
    }
}

/// All badge templates of an organization, by title.
pub async fn templates(db: &SqlitePool, id: &str) -> Result<Vec<BadgeTemplate>, sqlx::Error> {
    let rows: Vec<TemplateRow> = sqlx::query_as("SELECT * FROM badge_templates WHERE organization_id = ? ORDER BY title, id").bind(id).fetch_all(db).await?;
    Ok(rows.into_iter().map(BadgeTemplate::from).collect())
}

/// The public profile, or `None` for an unknown, disabled or private
/// organization: callers answer the same 404 for all three. Both the public
/// API and the issuer page read it from here.
pub async fn public_profile(db: &SqlitePool, id: &str, base: &str) -> Result<Option<PublicOrganization>, sqlx::Error> {
    Ok(public_issuer(db, id, base).await?.map(|issuer| issuer.profile))
}

/// A public organization as an Open Badges issuer: its public profile and the
/// general contact e-mail it publishes as issuer (never in the public API).
pub struct PublicIssuer {
    pub profile: PublicOrganization,
    pub email: Option<String>,
}

/// [`public_profile`] with the issuer's contact e-mail; `None` likewise.
pub async fn public_issuer(db: &SqlitePool, id: &str, base: &str) -> Result<Option<PublicIssuer>, sqlx::Error> {
    let Some(org) = organization(db, id, base).await? else { return Ok(None) };
    if !public::is_public(&org) {
        return Ok(None);
    }
    let mut view = public::public_view(&org, &templates(db, id).await?);
    // Stored descriptions predate the sanitizer on save; never serve one raw.
    view.description = view.description.as_deref().map(crate::sanitize::description_cached);
    let email = org.contact_info.and_then(|c| c.email).filter(|e| !e.trim().is_empty());
    Ok(Some(PublicIssuer { profile: view, email }))
}

#[derive(Debug, sqlx::FromRow)]
pub struct StatisticsRow {
    pub credits_left: i64,
    pub badges_count: i64,
    pub earners_count: i64,
    pub badge_templates_count: i64,
}

pub async fn statistics(db: &SqlitePool, id: &str) -> Result<Option<StatisticsRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.credits_left,
            o.badges_count,
            (SELECT COUNT(DISTINCT earner_email) FROM issued_badges b WHERE b.organization_id = o.id) AS earners_count,
            o.badge_templates_count
         FROM ob_organizations o WHERE o.id = ?",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Issues `count` made-up badges for organization `id` in one statement (a
/// recursive CTE, one transaction): earners `seed<n>@example.net`, dates
/// spread evenly over the last three years (in order, so the date index only
/// grows at its end), templates taken in turn from the organization's own
/// (none if it has none). The count trigger is paused for the organization
/// and the counter moved once. `None` for an unknown organization;
/// otherwise how many rows were inserted.
pub async fn seed_badges(db: &SqlitePool, id: &str, count: i64) -> Result<Option<u64>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM ob_organizations WHERE id = ?").bind(id).fetch_optional(&mut *tx).await?;
    if exists.is_none() {
        return Ok(None);
    }
    let templates: Vec<String> = sqlx::query_scalar("SELECT id FROM badge_templates WHERE organization_id = ? ORDER BY id").bind(id).fetch_all(&mut *tx).await?;
    sqlx::query("INSERT INTO counters_paused (organization_id) VALUES (?)").bind(id).execute(&mut *tx).await?;
    let inserted = sqlx::query(
        "WITH RECURSIVE seq(i) AS (SELECT 0 WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1),
             n(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM n WHERE d < 1095),
             days(d, day) AS MATERIALIZED (SELECT d, date('now', '-' || (1095 - d) || ' days') FROM n),
             t(k, id) AS MATERIALIZED (SELECT key, value FROM json_each(?2))
         INSERT INTO issued_badges (organization_id, template_id, earner_email, issued_at)
         SELECT ?3, t.id, 'seed' || (i % 50000) || '@example.net', days.day || 'T' || (10 + i % 10) || ':' || (10 + i % 50) || ':00Z'
         FROM seq JOIN days ON days.d = i * 1096 / ?1 LEFT JOIN t ON t.k = i % max(json_array_length(?2), 1)",
    )
    .bind(count)
    .bind(serde_json::to_string(&templates).unwrap_or_else(|_| "[]".into()))
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("UPDATE ob_organizations SET badges_count = badges_count + ? WHERE id = ?").bind(inserted as i64).bind(id).execute(&mut *tx).await?;
    sqlx::query("DELETE FROM counters_paused WHERE organization_id = ?").bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Some(inserted))
}

/// Badges issued in each month (1–12) of `year`; months without badges are
/// missing. Uses the (organization, issued_at) index.
pub async fn badges_per_month(db: &SqlitePool, id: &str, year: i32) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct MonthCount {
        month: i64,
        n: i64,
    }
    let rows: Vec<MonthCount> = sqlx::query_as(
        "SELECT CAST(substr(issued_at, 6, 2) AS INTEGER) AS month, COUNT(*) AS n FROM issued_badges
         WHERE organization_id = ? AND issued_at >= ? AND issued_at < ? GROUP BY month",
    )
    .bind(id)
    .bind(format!("{year:04}-01-01"))
    .bind(format!("{:04}-01-01", year + 1))
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.month, r.n)).collect())
}

/// The column behind each editable field. Column names only ever come from
/// here and [`SWITCHES`], never from a request.
pub fn column(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::OrgType => "type",
        Field::Activity => "activity",
        Field::Description => "description",
        Field::Website => "website",
        Field::Language => "language",
        Field::Street => "street",
        Field::Postcode => "postcode",
        Field::City => "city",
        Field::Region => "region",
        Field::State => "state",
        Field::Country => "country",
        Field::ContactName => "contact_name",
        Field::ContactLastName => "contact_last_name",
        Field::Mobile => "contact_mobile",
        Field::ContactEmail => "contact_email",
        Field::TechEmail => "contact_tech_email",
        Field::LegalEmail => "contact_legal_email",
        Field::LegalName => "billing_legal_name",
        Field::Vat => "billing_vat",
        Field::FiscalCode => "billing_fiscal_code",
        Field::CodeDest => "billing_code_dest",
        Field::BillingEmail => "billing_email",
        Field::CertifiedEmail => "billing_certified_email",
    }
}

/// What a profile PUT changes: fields (an empty value clears the column) and
/// switches.
#[derive(Debug, Default)]
pub struct ProfileChange {
    pub fields: Vec<(Field, String)>,
    pub switches: Vec<(&'static str, i64)>,
}

impl ProfileChange {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.switches.is_empty()
    }
}

/// Why a guarded save did not happen.
#[derive(Debug, PartialEq, Eq)]
pub struct ChangedSince;

/// Moves the row's version and `updated_at` (every write to the row does, in
/// its transaction).
const TOUCH: &str = "UPDATE ob_organizations SET updated_at = ?, version = version + 1 WHERE id = ?";

/// Writes `change` in one transaction, claiming the version `read_version`
/// the change was made against (atomically: the claim is the first write).
/// Guarded, a save in between refuses the write ([`ChangedSince`]);
/// unguarded, the last save wins and still moves the version.
pub async fn save_profile(db: &SqlitePool, id: &str, change: &ProfileChange, read_version: i64, guarded: bool) -> Result<Result<(), ChangedSince>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let claimed = sqlx::query(&format!("{TOUCH} AND version = ?"))
        .bind(super::now())
        .bind(id)
        .bind(read_version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if claimed == 0 && guarded {
        tx.rollback().await?;
        return Ok(Err(ChangedSince));
    }
    for (field, value) in &change.fields {
        let value = (!value.is_empty()).then_some(value.as_str());
        sqlx::query(&format!("UPDATE ob_organizations SET {} = ? WHERE id = ?", column(*field))).bind(value).bind(id).execute(&mut *tx).await?;
    }
    for (col, value) in &change.switches {
        sqlx::query(&format!("UPDATE ob_organizations SET {col} = ? WHERE id = ?")).bind(value).bind(id).execute(&mut *tx).await?;
    }
    if claimed == 0 {
        sqlx::query(TOUCH).bind(super::now()).bind(id).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The three stored logo sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogoSize {
    Standard,
    High,
    Thumbnail,
}

impl LogoSize {
    fn column(self) -> &'static str {
        match self {
            LogoSize::Standard => "logo_path",
            LogoSize::High => "logo_high_path",
            LogoSize::Thumbnail => "logo_thumbnail_path",
        }
    }
}

/// Points the logo columns at new files (`(size, url)`), in one transaction.
pub async fn set_logo(db: &SqlitePool, id: &str, urls: &[(LogoSize, String)]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for (size, url) in urls {
        sqlx::query(&format!("UPDATE ob_organizations SET {} = ? WHERE id = ?", size.column())).bind(url).bind(id).execute(&mut *tx).await?;
    }
    sqlx::query(TOUCH).bind(super::now()).bind(id).execute(&mut *tx).await?;
    tx.commit().await
}

pub async fn clear_logo(db: &SqlitePool, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE ob_organizations SET logo_path = NULL, logo_high_path = NULL, logo_thumbnail_path = NULL, updated_at = ?, version = version + 1 WHERE id = ?")
        .bind(super::now())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Every logo URL some organization's columns name.
pub async fn logo_urls(db: &SqlitePool) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(Option<String>, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT logo_path, logo_high_path, logo_thumbnail_path FROM ob_organizations").fetch_all(db).await?;
    Ok(rows.into_iter().flat_map(|(a, b, c)| [a, b, c]).flatten().collect())
}

/// Whether any organization's logo columns name `url`.
pub async fn logo_referenced(db: &SqlitePool, url: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM ob_organizations WHERE logo_path = ?1 OR logo_high_path = ?1 OR logo_thumbnail_path = ?1")
        .bind(url)
        .fetch_one(db)
        .await
        .map(|n| n > 0)
}

/// Points a badge template's image columns at stored files.
pub async fn set_template_image(db: &SqlitePool, template_id: &str, image: &str, thumbnail: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE badge_templates SET image_path = ?, image_thumbnail_path = ? WHERE id = ?").bind(image).bind(thumbnail).bind(template_id).execute(db).await?;
    Ok(())
}
