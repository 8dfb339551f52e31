//! Every file in tests/fixtures decodes, and the values are the ones the file holds.

use orgdesk_model::blendvision as bv;
use orgdesk_model::openbadge as ob;

macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/", $path))
    };
}

#[test]
fn full_openbadge_organization_decodes_every_group() {
    let org: ob::Data<ob::Organization> = serde_json::from_str(fixture!("openbadge/organization.json")).unwrap();
    let o = org.data;
    assert_eq!(o.id.as_deref(), Some("3f6c2a1e-8d4b-4c1a-9e77-2b5d0c9a4f10"));
    assert_eq!(o.org_type, Some(ob::OrgType::PublicLocalNational));
    assert_eq!(o.activity, Some(ob::Activity::University));
    assert_eq!(o.language, Some(ob::Language::It));
    assert_eq!(o.status, Some(ob::OrgStatus::Enabled));
    let addr = o.address_info.unwrap();
    assert_eq!(addr.postcode.as_deref(), Some("16100"));
    assert_eq!(addr.region.as_deref(), Some("Liguria"));
    let billing = o.billing_info.unwrap();
    assert_eq!(billing.vat.as_deref(), Some("IT01234567897"));
    assert_eq!(billing.code_dest.as_deref(), Some("UF1234"));
    assert_eq!(o.contact_info.unwrap().mobile.as_deref(), Some("+39 333 123 4567"));
    let s = o.settings.unwrap();
    assert!(s.public_profile && s.public_badge_types && s.public_badge_templates);
    assert!(!s.public_learning_paths);
    assert_eq!(o.credits_left, Some(420));
    assert_eq!(o.badges_count, Some(3187));
    assert_eq!(o.max_users, Some(25));
    assert_eq!(o.subscription_status, Some(ob::SubscriptionStatus::Active));
    assert_eq!(o.created_at.unwrap().utc.to_rfc3339(), "2024-03-04T09:15:02+00:00");
    // "YYYY-MM-DD HH:MM:SS" is UTC per the vendor's table.
    assert_eq!(o.current_period_end.unwrap().utc.to_rfc3339(), "2026-08-31T23:59:59+00:00");
    assert_eq!(o.imp_legacy_id, None);
    assert_eq!(o.stripe_customer_id.as_deref(), Some("cus_Qx81bZfT2mLk0a"));
}

#[test]
fn sparse_organization_decodes_nulls_and_string_booleans() {
    let o = serde_json::from_str::<ob::Data<ob::Organization>>(fixture!("openbadge/organization-sparse.json")).unwrap().data;
    assert_eq!(o.name.as_deref(), Some("Rete Volontari Costa Est"));
    assert_eq!(o.description, None);
    assert_eq!(o.billing_info, None);
    assert_eq!(o.status, Some(ob::OrgStatus::Disabled));
    let s = o.settings.unwrap();
    assert!(s.public_profile, "\"1\" is true");
    assert!(!s.public_badge_types, "0 is false");
    assert!(!s.public_learning_paths, "\"0\" is false");
    assert!(s.public_badge_templates, "1 is true");
    let c = o.contact_info.unwrap();
    assert_eq!(c.name.as_deref(), Some("Marco"));
    assert_eq!(c.last_name, None);
    assert_eq!(o.address_info.unwrap().street, None);
    let start = o.current_period_start.unwrap();
    assert!(start.date_only);
    assert_eq!(start.to_wire(), "2024-01-20");
    assert_eq!(o.subscription_status, Some(ob::SubscriptionStatus::Cancelled));
    assert_eq!(o.max_users, None);
    assert_eq!(o.public_url, None);
}

#[test]
fn unknown_enum_values_are_kept_raw() {
    let o = serde_json::from_str::<ob::Data<ob::Organization>>(fixture!("openbadge/organization-unknown-values.json")).unwrap().data;
    assert_eq!(o.org_type, Some(ob::OrgType::Unknown("public_agency".into())));
    assert_eq!(o.activity.as_ref().map(|a| a.as_str()), Some("museum"));
    assert_eq!(o.language, Some(ob::Language::Unknown("de".into())));
    assert_eq!(o.status, Some(ob::OrgStatus::Unknown("suspended".into())));
    assert_eq!(o.subscription_status, Some(ob::SubscriptionStatus::Unknown("past_due".into())));
    assert!(o.address_info.is_none() && o.settings.is_none());
    assert_eq!(o.updated_at.unwrap().utc.timestamp_subsec_millis(), 123);
}

#[test]
fn auth_user_is_not_wrapped_and_keeps_role_and_organization() {
    let u: ob::AuthUser = serde_json::from_str(fixture!("openbadge/auth-user.json")).unwrap();
    assert_eq!(u.username.as_deref(), Some("giulia.ferrandi"));
    assert_eq!(u.role.unwrap().slug.as_deref(), Some("issuer"));
    assert_eq!(u.organization.unwrap().name.as_deref(), Some("Ateneo di Valmarina"));
    assert_eq!(u.email_verified_at.unwrap().utc.to_rfc3339(), "2024-03-04T09:20:11+00:00");
}

#[test]
fn badge_templates_page_decodes_mixed_booleans_and_meta() {
    let p: ob::Paginated<ob::BadgeTemplate> = serde_json::from_str(fixture!("openbadge/badge-templates.json")).unwrap();
    assert_eq!(p.data.len(), 3);
    assert_eq!(p.data[0].badge_type, Some(ob::BadgeType::Skills));
    assert_eq!(p.data[1].is_learning_path, Some(true));
    assert_eq!(p.data[2].is_published, Some(false), "\"0\" decodes to false");
    assert_eq!(p.data[2].image_path, None);
    assert_eq!(p.data[2].status, Some(ob::TemplateStatus::Inactive));
    let meta = p.meta.unwrap();
    assert_eq!((meta.total, meta.per_page, meta.last_page), (Some(3), Some(15), Some(1)));
    assert_eq!(p.links.unwrap().next, None);
}

#[test]
fn laravel_errors_decode_and_map_to_bracketed_keys() {
    let e: ob::LaravelError = serde_json::from_str(fixture!("openbadge/validation-error.json")).unwrap();
    assert_eq!(e.message, "The given data was invalid.");
    assert_eq!(e.errors.len(), 3);
    assert_eq!(e.errors["name"], vec!["The name field is required.".to_string()]);
    let keys: Vec<String> = e.errors.keys().map(|k| ob::LaravelError::bracketed(k)).collect();
    assert!(keys.contains(&"address_info[postcode]".to_string()));
    assert!(keys.contains(&"billing_info[certified_email]".to_string()));
    let u: ob::LaravelError = serde_json::from_str(fixture!("openbadge/unauthenticated.json")).unwrap();
    assert_eq!(u.message, "Unauthenticated.");
    assert!(u.errors.is_empty());
}

#[test]
fn blendvision_business_organization_decodes_contracts_owner_and_settings() {
    let env: bv::OrganizationEnvelope = serde_json::from_str(fixture!("blendvision/organization-business-bvone.json")).unwrap();
    let o = env.organization;
    assert_eq!(o.org_type, Some(bv::OrganizationType::Business));
    assert_eq!(o.status, Some(bv::OrganizationStatus::Activated));
    assert_eq!(o.contract_months, Some(12));
    assert_eq!(o.contract_valid_end_time.unwrap().utc.to_rfc3339(), "2025-12-31T23:59:59+00:00");
    let next = o.next_contract.unwrap();
    assert_eq!(next.plan_id.as_deref(), Some("plan-bvone-pro"));
    assert_eq!(next.start_time.unwrap().utc.to_rfc3339(), "2026-01-01T00:00:00+00:00");
    let owner = o.owner.unwrap();
    assert_eq!(owner.role_type, Some(bv::RoleType::Owner));
    assert_eq!(owner.created_at.unwrap().utc.timestamp_subsec_millis(), 482);
    let bs = o.business_setting.unwrap();
    assert_eq!(bs.business_plan_type, Some(bv::BusinessPlanType::Bvone));
    assert_eq!(bs.site_limit, Some(5));
    assert_eq!(bs.enable_create_site, Some(true));
    assert_eq!(bs.enable_custom_domain, Some(false));
    assert_eq!(bs.marketplace_url, None);
    assert_eq!(o.has_sub_orgs, Some(false));
}

#[test]
fn blendvision_reseller_decodes_null_contracts_and_no_business_setting() {
    let o = serde_json::from_str::<bv::OrganizationEnvelope>(fixture!("blendvision/organization-reseller.json")).unwrap().organization;
    assert_eq!(o.org_type, Some(bv::OrganizationType::Reseller));
    assert_eq!(o.contract_valid_start_time, None);
    assert_eq!(o.next_contract, None);
    assert_eq!(o.business_setting, None);
    assert_eq!(o.parent_name.as_deref(), Some("Northwind Distribution"));
    assert_eq!(o.updated_at.unwrap().utc.timestamp_subsec_millis(), 500, "one fractional digit is 500 ms");
    assert_eq!(o.owner.unwrap().role_type, Some(bv::RoleType::Admin));
}

#[test]
fn sub_orgs_page_decodes_plans_statuses_and_pagination() {
    let p: bv::SubOrgsPage = serde_json::from_str(fixture!("blendvision/sub-orgs-page.json")).unwrap();
    assert_eq!(p.organizations.len(), 3);
    assert_eq!(p.organizations[1].status, Some(bv::OrganizationStatus::ActivationScheduled));
    let cxm = p.organizations[1].business_setting.as_ref().unwrap();
    assert_eq!(cxm.business_plan_type, Some(bv::BusinessPlanType::Cxm));
    assert_eq!(cxm.marketplace_url.as_deref(), Some("https://market.harborarts.example.com/shop"));
    assert_eq!(p.organizations[2].status, Some(bv::OrganizationStatus::FailToVerify));
    assert_eq!(p.organizations[2].business_setting.as_ref().unwrap().business_plan_type, Some(bv::BusinessPlanType::Cpm));
    let pg = p.pagination.unwrap();
    assert_eq!((pg.total_items, pg.items_per_page, pg.current_page), (Some(23), Some(3), Some(1)));
}

#[test]
fn rpc_status_errors_decode_reason_and_field_violations() {
    let nf: bv::RpcStatus = serde_json::from_str(fixture!("blendvision/error-not-found.json")).unwrap();
    assert_eq!(nf.code, bv::code::NOT_FOUND);
    assert_eq!(nf.reason(), Some("ERROR_REASON_NOT_FOUND"));
    let bad: bv::RpcStatus = serde_json::from_str(fixture!("blendvision/error-invalid-argument.json")).unwrap();
    assert_eq!(bad.code, bv::code::INVALID_ARGUMENT);
    let v: Vec<_> = bad.field_violations();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].field, "business_setting.site_limit");
    assert_eq!(bad.reason(), None);
}

#[test]
fn unknown_blendvision_enums_do_not_break_decoding() {
    let json = r#"{"organization":{"id":"x","type":"ORGANIZATION_TYPE_PARTNER","status":"ORGANIZATION_STATUS_FROZEN","owner":{"role_type":"ROLE_TYPE_AUDITOR"}}}"#;
    let o = serde_json::from_str::<bv::OrganizationEnvelope>(json).unwrap().organization;
    assert_eq!(o.org_type.unwrap().as_str(), "ORGANIZATION_TYPE_PARTNER");
    assert!(!o.status.unwrap().is_known());
    assert_eq!(o.owner.unwrap().role_type, Some(bv::RoleType::Unknown("ROLE_TYPE_AUDITOR".into())));
}

#[test]
fn the_last_detail_gives_the_reason() {
    let json = r#"{"code":9,"message":"x","details":[
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERROR_REASON_GENERIC"},
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERROR_REASON_CONTRACT_LOCKED"}]}"#;
    let s: bv::RpcStatus = serde_json::from_str(json).unwrap();
    assert_eq!(s.reason(), Some("ERROR_REASON_CONTRACT_LOCKED"));
}

#[test]
fn fields_named_only_in_the_message_are_found() {
    let s: bv::RpcStatus = serde_json::from_str(
        r#"{"code":3,"message":"validation error, field 'business_setting.site_limit': value must be inside range [0, 50]; field 'business_setting.tax_id': value length must be at most 8 characters","details":[]}"#,
    )
    .unwrap();
    let v = s.field_violations();
    assert_eq!(v.len(), 2);
    assert_eq!((v[0].field.as_str(), v[0].description.as_str()), ("business_setting.site_limit", "value must be inside range [0, 50]"));
    assert_eq!(v[1].field, "business_setting.tax_id");
    let lines = bv::fields_in_message("validation error:\n - business_setting.category: value length must be at most 40 characters [string.max_len]");
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].field, "business_setting.category");
    assert!(bv::fields_in_message("organization not found").is_empty());
}
