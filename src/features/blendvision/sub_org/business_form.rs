//! A business organization's settings and contract: only the plan's fields
//! are shown or sent, through the one form machinery.

use crate::api::blendvision as bv_api;
use crate::i18n::*;
use crate::ui::form::inputs::{FormInput, FormSelect, FormSummary, SaveBar};
use crate::ui::form::model::{self, FormModel};
use crate::ui::form::unsaved::guard_unsaved;
use leptos::prelude::*;
use orgdesk_model::blendvision::{BusinessPlanType, Organization};
use orgdesk_model::bv_form::{self, business_values, BvField};
use crate::ui::form::keyed::KeyMap;

/// The form's values keyed for the form machinery.
fn keyed(values: Vec<(BvField, String)>) -> KeyMap<BvField, String> {
    values.into_iter().collect()
}

fn keys_for(plan: Option<&BusinessPlanType>) -> &'static [BvField] {
    match plan {
        Some(BusinessPlanType::Bvone) => bv_form::BVONE,
        Some(BusinessPlanType::Cxm) => bv_form::CXM,
        _ => bv_form::OTHER,
    }
}

/// The changed fields with their normalized values.
fn changes(form: &FormModel<BvField>) -> Vec<(BvField, String)> {
    untrack(|| form.changed())
        .into_iter()
        .map(|f| (f, f.normalize(&untrack(|| form.value(f)))))
        .collect()
}

#[component]
pub fn BusinessForm(acting: String, org: Organization, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let plan = org.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
    let updated_at = org.updated_at;
    let keys = keys_for(plan.as_ref());
    let id = org.id.clone().unwrap_or_default();
    let form = FormModel::new(keys, format!("orgdesk.draft.bv.sub-org.{id}"));
    form.load(keyed(business_values(&org)), None);
    guard_unsaved(move || form.dirty());
    let has = move |f: BvField| keys.contains(&f);
    let units = Signal::derive(move || vec![("months".to_string(), i18n.t(T::Months).to_string()), ("days".to_string(), i18n.t(T::Days).to_string())]);
    let yes_no = Signal::derive(move || vec![("true".to_string(), i18n.t(T::Yes).to_string()), ("false".to_string(), i18n.t(T::No).to_string())]);
    let (acting, target) = (StoredValue::new(acting), StoredValue::new(id));

    let submit = Callback::new(move |_| {
        model::save(
            form,
            move |token, _pairs, _version| {
                let (changes, acting, target) = (changes(&form), acting.get_value(), target.get_value());
                async move {
                    // Read, change, send the whole business_setting back; then
                    // read again, so the form shows (and checks) what was kept.
                    let current = bv_api::sub_org(token.clone(), target.clone()).await?.organization;
                    bv_api::update_sub_org(token.clone(), acting, target.clone(), bv_form::patch_body(&current, &changes)).await?;
                    let after = bv_api::sub_org(token, target).await?.organization;
                    Ok((keyed(business_values(&after)), None))
                }
            },
            move |token| {
                let target = target.get_value();
                async move { bv_api::sub_org(token, target).await.map(|d| (keyed(business_values(&d.organization)), None)) }
            },
            Clone::clone,
            move |_| on_saved.run(()),
        )
    });

    view! {
        <section class="card card--wide" id="business" aria-labelledby="business-title">
            <h2 id="business-title">{move || i18n.t(T::BusinessSettingsAndContract)}</h2>
            <p class="field__hint">{move || i18n.t(T::BusinessFormLead)}" "{move || plan.as_ref().map(|p| plan_label(p, i18n.lang.get())).unwrap_or_default()}</p>
            <FormSummary form/>
            <form class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit.run(());
            }>
                <fieldset class="form__group">
                    <legend>{move || i18n.t(T::BusinessSettings)}</legend>
                    <FormInput form key=BvField::Category label=T::Category hint=T::CategoryHint optional=true/>
                    <FormInput form key=BvField::TaxId label=T::TaxId hint=T::TaxIdHint optional=true width="short"/>
                    {has(BvField::CreateSite).then(|| view! {
                        <FormSelect form key=BvField::CreateSite label=T::CreateSite options=yes_no/>
                        <FormInput form key=BvField::SiteLimit label=T::SiteLimit hint=T::SiteLimitHint input_type="number" inputmode="numeric" width="short" optional=true/>
                        <FormSelect form key=BvField::CustomDomain label=T::CustomDomain options=yes_no/>
                    })}
                    {has(BvField::MarketplaceUrl).then(|| view! {
                        <FormInput form key=BvField::MarketplaceUrl label=T::MarketplaceUrl hint=T::MarketplaceUrlHint input_type="url" optional=true/>
                    })}
                </fieldset>
                <fieldset class="form__group">
                    <legend>{move || i18n.t(T::Contract)}</legend>
                    <FormInput form key=BvField::ContractStart label=T::ContractStart input_type="date" optional=true width="medium"/>
                    <div class="form__row">
                        <FormInput form key=BvField::Length label=T::Length hint=T::LengthHint input_type="number" inputmode="numeric" optional=true width="short"/>
                        <FormSelect form key=BvField::LengthUnit label=T::LengthUnit options=units/>
                    </div>
                </fieldset>
                <SaveBar form updated_at=Signal::derive(move || updated_at) on_save=submit/>
            </form>
        </section>
    }
}
