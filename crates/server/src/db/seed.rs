//! `--seed demo`: the organizations of the shared fixtures (same ids and
//! names), a BlendVision hierarchy, and one account per organization, all
//! with the password `orgdesk-demo`. Running it again changes nothing.

use sqlx::SqlitePool;

pub const DEMO_PASSWORD: &str = "orgdesk-demo";

pub const VALMARINA: &str = "3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10";
pub const COSTA_EST: &str = "b1d7e0c4-5a2f-4e61-8c3d-7f90a1b2c3d4";
/// Edited by the browser tests (profile; billing). The one organization
/// without a logo, so its public page shows the fallback.
pub const BORGO_ALTO: &str = "c2e8f1d5-6b3a-4f72-9d4e-8a01b2c3d4e5";
pub const PONTE_VERDE: &str = "d3f9a2e6-7c4b-4a83-8e5f-9b12c3d4e5f6";
pub const BV_ROOT: &str = "44c0ffee-0000-4000-8000-000000000001";
pub const BV_RESELLER: &str = "44c0ffee-0000-4000-8000-000000000002";
pub const BV_DISTRIBUTOR: &str = "44c0ffee-0000-4000-8000-000000000003";
pub const BV_RESELLER_SOUTH: &str = "44c0ffee-0000-4000-8000-000000000004";
pub const LUMEN: &str = "9d1e6b0a-2f3c-4a5b-8c7d-1e2f3a4b5c6d";

type Error = Box<dyn std::error::Error>;

/// Seeds an empty database; `password_hash` is the hash of [`DEMO_PASSWORD`]
/// (made by the caller, which owns password hashing), shared by every demo
/// account. `true` when it seeded (the caller then adds the pictures),
/// `false` when the database already had data.
pub async fn demo(db: &SqlitePool, password_hash: &str) -> Result<bool, Error> {
    let seeded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts").fetch_one(db).await?;
    if seeded > 0 {
        return Ok(false);
    }
    let mut tx = db.begin().await?;
    open_badge(&mut tx).await?;
    blendvision(&mut tx).await?;
    sqlx::query("UPDATE accounts SET password_hash = ?").bind(password_hash).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(true)
}

type Tx<'a> = sqlx::Transaction<'a, sqlx::Sqlite>;

/// One seeded badge template.
struct TemplateSeed {
    id: String,
    title: &'static str,
    code: String,
    kind: &'static str,
    text: &'static str,
    path: bool,
    published: bool,
    status: &'static str,
}

/// One demo sign-in; the platform follows from which organization it has.
struct DemoAccount<'a> {
    email: &'a str,
    first: &'a str,
    last: &'a str,
    role: Option<&'a str>,
    ob_org: Option<&'a str>,
    bv_org: Option<&'a str>,
    blendvision: bool,
}

async fn account(tx: &mut Tx<'_>, a: DemoAccount<'_>) -> Result<String, Error> {
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO accounts (id, dialect, email, username, password_hash, first_name, last_name, role_type, ob_organization_id, bv_organization_id, email_verified_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(if a.blendvision { "blendvision" } else { "openbadge" })
    .bind(a.email)
    .bind(a.email.split('@').next())
    .bind("") // set for every account at the end of `demo`
    .bind(a.first)
    .bind(a.last)
    .bind(a.role)
    .bind(a.ob_org)
    .bind(a.bv_org)
    .bind("2024-03-04T09:20:11Z")
    .bind("2023-05-09T08:00:00Z")
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

const DESCRIPTION: &str = "<p>The <strong>Ateneo di Valmarina</strong> issues digital badges for its <em>lifelong learning</em> courses.</p><ul><li>Languages</li><li>Data literacy</li></ul><p>See <a href=\"https://valmarina.example.org/badges\">our badge catalogue</a>.</p>";

/// The academic-year subscription period that contains today, so the demo
/// shows a live subscription whenever it is run.
fn current_period() -> (String, String) {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    let year = if today.month() >= 9 { today.year() } else { today.year() - 1 };
    (format!("{year}-09-01T00:00:00Z"), format!("{}-08-31T23:59:59Z", year + 1))
}

/// `total` issue dates spread over the seeded span, each month weighted by
/// how busy an academic year is then (quiet in August, busy in June).
fn issue_dates(total: usize) -> Vec<chrono::NaiveDate> {
    use chrono::Datelike;
    const WEIGHT: [u32; 12] = [8, 9, 10, 9, 12, 14, 6, 1, 10, 12, 11, 7];
    let start = chrono::NaiveDate::from_ymd_opt(2024, 3, 10).expect("valid date");
    let end = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("valid date");
    let days: Vec<chrono::NaiveDate> = start.iter_days().take_while(|d| *d <= end).collect();
    let mut cumulative = Vec::with_capacity(days.len());
    let mut sum = 0u64;
    for d in &days {
        sum += u64::from(WEIGHT[d.month0() as usize]);
        cumulative.push(sum);
    }
    (0..total as u64)
        .map(|i| {
            let target = (2 * i + 1) * sum / (2 * total as u64);
            days[cumulative.partition_point(|&c| c <= target)]
        })
        .collect()
}

async fn open_badge(tx: &mut Tx<'_>) -> Result<(), Error> {
    let (period_start, period_end) = current_period();
    sqlx::query(
        "INSERT INTO ob_organizations (id, type, activity, name, description, street, postcode, city, region, state, country,
            billing_legal_name, billing_vat, billing_fiscal_code, billing_code_dest, billing_email, billing_certified_email,
            language, website, status, contact_name, contact_last_name, contact_mobile, contact_email, contact_tech_email, contact_legal_email,
            public_profile, public_badge_types, public_learning_paths, public_badge_templates,
            credits_left, max_users, stripe_customer_id, subscription_id, subscription_status, current_period_start, current_period_end,
            created_at, updated_at)
         VALUES (?, 'public_local_national', 'university', 'Ateneo di Valmarina', ?, 'Piazza dell''Università 1', '16100', 'Valmarina', 'Liguria', 'Italia', 'IT',
            'Ateneo di Valmarina', 'IT01234567897', '80012345676', 'UF1234', 'amministrazione@valmarina.example.org', 'protocollo@pec.valmarina.example.org',
            'it', 'https://valmarina.example.org', 'enabled', 'Giulia', 'Ferrandi', '+39 333 123 4567', 'badge@valmarina.example.org',
            'it-support@valmarina.example.org', 'legale@valmarina.example.org',
            1, 1, 0, 1,
            420, 25, 'cus_Qx81bZfT2mLk0a', 'sub_1PqR7sLkQ2', 'active', ?, ?,
            '2024-03-04T09:15:02Z', '2025-10-30T16:41:27Z')",
    )
    .bind(VALMARINA)
    .bind(DESCRIPTION)
    .bind(&period_start)
    .bind(&period_end)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO ob_organizations (id, type, activity, name, city, country, language, website, status, contact_name, contact_email,
            public_profile, public_badge_types, public_learning_paths, public_badge_templates,
            credits_left, subscription_status, current_period_start, current_period_end, created_at, updated_at)
         VALUES (?, 'private_non_profit', 'volunteering', 'Rete Volontari Costa Est', 'Porto Selva', 'IT', 'en', '', 'enabled', 'Marco', 'info@costaest.example.net',
            0, 0, 0, 1, 0, 'cancelled', '2024-01-20', '2025-01-19', '2025-01-20T08:00:00Z', '2025-01-20T08:00:00Z')",
    )
    .bind(COSTA_EST)
    .execute(&mut **tx)
    .await?;

    // Two complete organizations the browser tests edit, one each, so their
    // saves never race the tests that read Valmarina.
    for (id, kind, activity, name, legal, (city, postcode, region, state), vat, sdi, public) in [
        (BORGO_ALTO, "private_profit", "professional_training", "Istituto Borgo Alto", "Istituto Borgo Alto S.r.l.", ("Bergamo", "24121", "Lombardia", "BG"), "02345678904", "M5UXCR1", 1),
        (PONTE_VERDE, "private_non_profit", "civil_society", "Cooperativa Ponte Verde", "Cooperativa Ponte Verde Soc. Coop.", ("Torino", "10121", "Piemonte", "TO"), "03456789019", "0000000", 0),
    ] {
        let domain = name.split_whitespace().skip(1).collect::<String>().to_lowercase();
        sqlx::query(
            "INSERT INTO ob_organizations (id, type, activity, name, description, street, postcode, city, region, state, country,
                billing_legal_name, billing_vat, billing_fiscal_code, billing_code_dest, billing_email, billing_certified_email,
                language, website, status, contact_name, contact_last_name, contact_mobile, contact_email, contact_tech_email, contact_legal_email,
                public_profile, public_badge_types, public_learning_paths, public_badge_templates,
                credits_left, max_users, subscription_status, current_period_start, current_period_end, created_at, updated_at)
             VALUES (?, ?, ?, ?, '<p>Courses and badges since 2019.</p>', 'Via Roma 10', ?, ?, ?, ?, 'IT',
                ?, ?, ?, ?, ?, ?,
                'it', ?, 'enabled', 'Anna', 'Conti', '+39 345 678 9012', ?, ?, ?,
                ?, 1, 0, 0, 150, 10, 'active', ?, ?, '2024-05-02T08:30:00Z', '2025-09-01T10:00:00Z')",
        )
        .bind(id)
        .bind(kind)
        .bind(activity)
        .bind(name)
        .bind(postcode)
        .bind(city)
        .bind(region)
        .bind(state)
        .bind(legal)
        .bind(format!("IT{vat}"))
        .bind(vat)
        .bind(sdi)
        .bind(format!("fatture@{domain}.example.org"))
        .bind(format!("{domain}@pec.example.org"))
        .bind(format!("https://{domain}.example.org"))
        .bind(format!("info@{domain}.example.org"))
        .bind(format!("it@{domain}.example.org"))
        .bind(format!("legal@{domain}.example.org"))
        .bind(public)
        .bind(&period_start)
        .bind(&period_end)
        .execute(&mut **tx)
        .await?;
    }

    // The fixture's three templates, then nine more so the counts are realistic.
    let t = |id: String, title, code: String, kind, text, path, published, status| TemplateSeed { id, title, code, kind, text, path, published, status };
    let mut templates: Vec<TemplateSeed> = vec![
        t("5e0a9c1b-1111-4a2b-8c3d-000000000001".into(), "English B2 — Speaking", "ENG-B2-S".into(), "skills", "Sustains a conversation on familiar topics.", false, true, "active"),
        t("5e0a9c1b-1111-4a2b-8c3d-000000000002".into(), "Data Literacy Path", "DATA-LP".into(), "knowledge", "Three courses on reading and questioning data.", true, true, "active"),
        t("5e0a9c1b-1111-4a2b-8c3d-000000000003".into(), "Open Day Volunteer", "OD-VOL".into(), "participation", "Helped at the spring open day.", false, false, "inactive"),
    ];
    let more = [
        ("Academic Writing", "skills", "Writes structured, well-sourced academic texts.", false),
        ("Statistics Fundamentals", "knowledge", "Descriptive statistics and probability basics.", false),
        ("Teamwork in Labs", "skills", "Collaborates effectively in laboratory work.", false),
        ("Summer School Participant", "participation", "Attended the Valmarina summer school.", false),
        ("Digital Tutor", "qualification", "Qualified to tutor students in online courses.", false),
        ("Research Methods Path", "knowledge", "Four modules from question to publication.", true),
        ("Public Speaking", "skills", "Presents ideas clearly to an audience.", false),
        ("Italian for Foreigners A2", "skills", "Understands everyday Italian expressions.", false),
        ("Sustainability Path", "knowledge", "Three courses on sustainable development goals.", true),
    ];
    for (i, (title, kind, text, path)) in more.into_iter().enumerate() {
        templates.push(t(format!("5e0a9c1b-1111-4a2b-8c3d-0000000001{i:02}"), title, format!("VAL-{:03}", i + 10), kind, text, path, true, "active"));
    }
    for TemplateSeed { id, title, code, kind, text, path, published, status } in &templates {
        // One colour per type, as an issuer's design system would have.
        let colour = match *kind {
            "skills" => "#1F4E79",
            "knowledge" => "#2E6B30",
            "participation" => "#8A3B12",
            _ => "#6B2D83",
        };
        sqlx::query(
            "INSERT INTO badge_templates (id, organization_id, title, code, type, description, color_primary, language, is_learning_path, is_published, status, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'it', ?, ?, ?, '2024-03-10T10:00:00Z')",
        )
        .bind(id)
        .bind(VALMARINA)
        .bind(title)
        .bind(code)
        .bind(kind)
        .bind(text)
        .bind(colour)
        .bind(path)
        .bind(published)
        .bind(status)
        .execute(&mut **tx)
        .await?;
    }

    // 3187 badges from March 2024 to October 2026, busier in term time.
    for (i, date) in issue_dates(3187).into_iter().enumerate() {
        let template = &templates[(i * 7) % templates.len()].id;
        sqlx::query("INSERT INTO issued_badges (organization_id, template_id, earner_email, issued_at) VALUES (?, ?, ?, ?)")
            .bind(VALMARINA)
            .bind(template)
            .bind(format!("earner{}@example.net", i % 1900))
            .bind(format!("{}T{:02}:{:02}:00Z", date.format("%Y-%m-%d"), 8 + i % 10, (i * 13) % 60))
            .execute(&mut **tx)
            .await?;
    }

    let issuer = |email, first, last, org| DemoAccount { email, first, last, role: None, ob_org: Some(org), bv_org: None, blendvision: false };
    account(tx, issuer("admin@valmarina.example.org", "Giulia", "Ferrandi", VALMARINA)).await?;
    account(tx, issuer("admin@costaest.example.net", "Marco", "", COSTA_EST)).await?;
    account(tx, issuer("admin@borgoalto.example.org", "Anna", "Conti", BORGO_ALTO)).await?;
    account(tx, issuer("admin@ponteverde.example.org", "Anna", "Conti", PONTE_VERDE)).await?;
    Ok(())
}

/// One BlendVision organization row.
struct BvOrg<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<&'a str>,
    kind: &'a str,
    status: &'a str,
    plan: Option<&'a str>,
    owner_email: &'a str,
}

async fn bv_org(tx: &mut Tx<'_>, org: &BvOrg<'_>, index: usize) -> Result<(), Error> {
    let status = format!("ORGANIZATION_STATUS_{}", org.status);
    let is_business = org.kind == "BUSINESS";
    let (start, end) = match org.status {
        "ACTIVATION_SCHEDULED" => (Some("2026-12-01T00:00:00Z"), Some("2027-11-30T23:59:59Z")),
        "DEACTIVATED" => (Some("2024-01-01T00:00:00Z"), Some("2024-12-31T23:59:59Z")),
        _ if is_business => (Some("2026-01-01T00:00:00Z"), Some("2026-12-31T23:59:59Z")),
        _ => (None, None),
    };
    let plan = org.plan.map(|p| format!("BUSINESS_PLAN_TYPE_{p}"));
    let categories = ["Media", "Retail", "Health", "Education", "Sports", "Travel", "Finance"];
    sqlx::query(
        "INSERT INTO bv_organizations (id, name, parent_id, type, status, description, billing_cycle,
            contract_valid_start_time, contract_months, contract_days, contract_valid_end_time,
            license_key, time_zone, plan_type, category, tax_id, enable_create_site, site_limit, enable_custom_domain, marketplace_url,
            created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 0, ?, ?, 'Europe/Rome', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(org.id)
    .bind(org.name)
    .bind(org.parent)
    .bind(format!("ORGANIZATION_TYPE_{}", org.kind))
    .bind(&status)
    .bind(if is_business { 1 } else { 3 })
    .bind(start)
    .bind(start.map(|_| 12))
    .bind(end)
    .bind(if is_business { format!("NW-{:04}-{}", 1000 + index, &org.id[..4].to_uppercase()) } else { String::new() })
    .bind(&plan)
    .bind(is_business.then(|| categories[index % categories.len()]))
    .bind(is_business.then(|| format!("{:08}", 24_000_000 + index * 1357)))
    .bind((org.plan == Some("BVONE")).then_some(index.is_multiple_of(2)))
    .bind((org.plan == Some("BVONE")).then_some((index % 10) as i64))
    .bind((org.plan == Some("BVONE")).then_some(index.is_multiple_of(3)))
    .bind((org.plan == Some("CXM")).then(|| format!("https://market{index}.example.com/shop")))
    .bind(format!("2024-{:02}-15T03:20:11Z", 1 + index % 12))
    .bind("2025-07-02T10:05:00Z")
    .execute(&mut **tx)
    .await?;
    let (first, last) = org.owner_email.split('@').next().map(|n| (n.to_string(), String::new())).unwrap_or_default();
    let role = if is_business { "ROLE_TYPE_OWNER" } else { "ROLE_TYPE_ADMIN" };
    let owner = DemoAccount { email: org.owner_email, first: &first, last: &last, role: Some(role), ob_org: None, bv_org: Some(org.id), blendvision: true };
    let account_id = account(tx, owner).await?;
    sqlx::query("UPDATE bv_organizations SET owner_account_id = ? WHERE id = ?").bind(account_id).bind(org.id).execute(&mut **tx).await?;
    Ok(())
}

async fn blendvision(tx: &mut Tx<'_>) -> Result<(), Error> {
    let fixed = [
        BvOrg { id: BV_ROOT, name: "Northwind Media Group", parent: None, kind: "ROOT", status: "ACTIVATED", plan: None, owner_email: "root@northwind.example.com" },
        BvOrg { id: BV_DISTRIBUTOR, name: "Northwind Distribution", parent: Some(BV_ROOT), kind: "GENERAL_DISTRIBUTOR", status: "ACTIVATED", plan: None, owner_email: "gd@northwind.example.com" },
        BvOrg { id: BV_RESELLER, name: "Northwind Media Reseller", parent: Some(BV_DISTRIBUTOR), kind: "RESELLER", status: "ACTIVATED", plan: None, owner_email: "ops@northwind.example.com" },
        BvOrg { id: BV_RESELLER_SOUTH, name: "Southbay Resellers", parent: Some(BV_DISTRIBUTOR), kind: "RESELLER", status: "ACTIVATED", plan: None, owner_email: "ops@southbay.example.com" },
        BvOrg { id: LUMEN, name: "Studio Lumen", parent: Some(BV_RESELLER), kind: "BUSINESS", status: "ACTIVATED", plan: Some("BVONE"), owner_email: "owner@lumen.example.com" },
        BvOrg { id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", name: "Harbor Arts Market", parent: Some(BV_RESELLER), kind: "BUSINESS", status: "ACTIVATION_SCHEDULED", plan: Some("CXM"), owner_email: "hello@harborarts.example.com" },
        BvOrg { id: "7f7f7f7f-1234-4abc-9def-001122334455", name: "Quiet Hill Clinic", parent: Some(BV_RESELLER), kind: "BUSINESS", status: "FAIL_TO_VERIFY", plan: Some("CPM"), owner_email: "admin@quiethill.example.com" },
    ];
    for (i, org) in fixed.iter().enumerate() {
        bv_org(tx, org, i).await?;
    }
    // Studio Lumen exactly as in the fixture.
    sqlx::query(
        "UPDATE bv_organizations SET description = 'Video production studio', billing_cycle = 1,
            contract_valid_start_time = '2025-01-01T00:00:00Z', contract_months = 12, contract_days = 0, contract_valid_end_time = '2025-12-31T23:59:59Z',
            next_start_time = '2026-01-01T00:00:00Z', next_months = 12, next_days = 0, next_end_time = '2026-12-31T23:59:59Z',
            next_parent_id = ?, next_plan_id = 'plan-bvone-pro', license_key = 'LUMEN-7Q2K-91XZ', time_zone = 'Asia/Taipei',
            category = 'Media', tax_id = '24681357', enable_create_site = 1, site_limit = 5, enable_custom_domain = 0,
            created_at = '2024-12-15T03:20:11.482Z', updated_at = '2025-07-02T10:05:00Z'
         WHERE id = ?",
    )
    .bind(BV_RESELLER)
    .bind(LUMEN)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE accounts SET first_name = 'Mei', last_name = 'Lin', created_at = '2024-12-15T03:20:11.482Z' WHERE email = 'owner@lumen.example.com'")
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE accounts SET first_name = 'Luca', last_name = 'Bassi' WHERE email = 'ops@northwind.example.com'").execute(&mut **tx).await?;

    // More business customers, so lists have pages to turn.
    let names = [
        "Aurora Fitness", "Blue Lantern Books", "Cedar Valley Farms", "Delta Dance Academy", "Ember Coffee Roasters",
        "Fjord Travel", "Granite Legal", "Helix Biotech", "Iris Optics", "Juniper Kids Club", "Kestrel Cycling",
        "Lumos Planetarium", "Maple Street Theatre", "Nimbus Weather Co", "Orchid Spa", "Pioneer Robotics", "Quarry Climbing",
        "Riverbend Choir", "Sable Fashion House", "Tidewater Sailing", "Umbra Photo Lab", "Vesper Jazz Club", "Willow Dental",
        "Xeno Game Studio", "Yarrow Tea House", "Zephyr Kites", "Atlas Language School", "Birch & Co Interiors", "Comet Courier",
        "Dune Surf Shop", "Echo Podcast Network", "Falcon Security", "Garnet Jewellers", "Harbor Lights Cinema", "Indigo Print Works",
        "Jasper Pet Care", "Koi Garden Restaurant", "Lark Music Academy", "Mosaic Art Gallery", "Nova Esports",
    ];
    let statuses = ["ACTIVATED", "ACTIVATED", "VERIFYING", "DEACTIVATED", "ACTIVATED", "ACTIVATION_SCHEDULED", "FAIL_TO_VERIFY", "DELETING"];
    let plans = ["BVONE", "CXM", "CPM"];
    for (i, name) in names.iter().enumerate() {
        let id = format!("5b0c0000-0000-4000-8000-{:012}", i + 1);
        let email = format!("owner@{}.example.com", name.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect::<String>());
        let parent = if i % 5 == 4 { BV_RESELLER_SOUTH } else { BV_RESELLER };
        let org = BvOrg { id: &id, name, parent: Some(parent), kind: "BUSINESS", status: statuses[i % statuses.len()], plan: Some(plans[i % plans.len()]), owner_email: &email };
        bv_org(tx, &org, fixed.len() + i).await?;
    }

    // An account whose organization is not set up yet: GET /organizations answers 404.
    let pending = DemoAccount { email: "pending@northwind.example.com", first: "Pat", last: "Pending", role: Some("ROLE_TYPE_OWNER"), ob_org: None, bv_org: None, blendvision: true };
    account(tx, pending).await?;
    Ok(())
}
