-- Open Badge issuer organizations: one row, every field of the vendor's table.
CREATE TABLE ob_organizations (
    id TEXT PRIMARY KEY NOT NULL,
    type TEXT,
    activity TEXT,
    name TEXT NOT NULL,
    description TEXT,
    street TEXT, postcode TEXT, city TEXT, region TEXT, state TEXT, country TEXT,
    billing_legal_name TEXT, billing_vat TEXT, billing_fiscal_code TEXT, billing_code_dest TEXT,
    billing_email TEXT, billing_certified_email TEXT,
    language TEXT,
    website TEXT,
    status TEXT NOT NULL DEFAULT 'enabled',
    contact_name TEXT, contact_last_name TEXT, contact_mobile TEXT, contact_email TEXT,
    contact_tech_email TEXT, contact_legal_email TEXT,
    public_profile INTEGER NOT NULL DEFAULT 0,
    public_badge_types INTEGER NOT NULL DEFAULT 0,
    public_learning_paths INTEGER NOT NULL DEFAULT 0,
    public_badge_templates INTEGER NOT NULL DEFAULT 0,
    logo_path TEXT, logo_high_path TEXT, logo_thumbnail_path TEXT,
    credits_left INTEGER NOT NULL DEFAULT 0,
    max_users INTEGER,
    imp_legacy_id TEXT, stripe_customer_id TEXT, subscription_id TEXT,
    subscription_status TEXT, current_period_start TEXT, current_period_end TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE badge_templates (
    id TEXT PRIMARY KEY NOT NULL,
    organization_id TEXT NOT NULL REFERENCES ob_organizations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    code TEXT,
    type TEXT NOT NULL,
    description TEXT,
    image_path TEXT, image_thumbnail_path TEXT,
    color_primary TEXT,
    language TEXT,
    is_learning_path INTEGER NOT NULL DEFAULT 0,
    is_published INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL
);
CREATE INDEX badge_templates_by_org ON badge_templates(organization_id);

-- Every badge issued; counts and statistics are computed from these rows.
CREATE TABLE issued_badges (
    id INTEGER PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES ob_organizations(id) ON DELETE CASCADE,
    template_id TEXT REFERENCES badge_templates(id) ON DELETE SET NULL,
    earner_email TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX issued_badges_by_org_date ON issued_badges(organization_id, issued_at);

-- BlendVision One organizations: a tree by parent_id.
CREATE TABLE bv_organizations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES bv_organizations(id),
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner_account_id TEXT,
    billing_cycle INTEGER,
    contract_valid_start_time TEXT, contract_months INTEGER, contract_days INTEGER, contract_valid_end_time TEXT,
    next_start_time TEXT, next_months INTEGER, next_days INTEGER, next_end_time TEXT, next_parent_id TEXT, next_plan_id TEXT,
    license_key TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    -- business_setting, only for ORGANIZATION_TYPE_BUSINESS
    plan_type TEXT, category TEXT, tax_id TEXT,
    enable_create_site INTEGER, site_limit INTEGER, enable_custom_domain INTEGER, marketplace_url TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bv_organizations_by_parent ON bv_organizations(parent_id);

-- Sign-in accounts of either platform.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    dialect TEXT NOT NULL CHECK (dialect IN ('openbadge', 'blendvision')),
    email TEXT NOT NULL COLLATE NOCASE,
    username TEXT,
    password_hash TEXT NOT NULL,
    first_name TEXT, last_name TEXT,
    role_type TEXT,
    status TEXT NOT NULL DEFAULT 'ACCOUNT_STATUS_ACTIVATED',
    ob_organization_id TEXT REFERENCES ob_organizations(id),
    bv_organization_id TEXT REFERENCES bv_organizations(id),
    email_verified_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (dialect, email)
);

-- Bearer tokens: only the SHA-256 of the token is stored.
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    dialect TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX tokens_by_account ON tokens(account_id);
