//! One sub-organization: details, owner and invitation, contract and next
//! contract on a small timeline, and for a business organization the form
//! that changes its business settings and contract.

mod business_form;
mod timeline;

use super::nav::BvNav;
use super::sub_orgs::PATH as LIST_PATH;
use business_form::BusinessForm;
use timeline::ContractTimeline;
use crate::api::blendvision as bv_api;
use orgdesk_model::blendvision::SubOrgDetail;
use crate::ui::facts::{labelled, text, when, Fact, Section};
use crate::features::auth::guard::{authed_resource, RequireSession};
use crate::ui::load::loaded;
use crate::i18n::*;
use crate::core::session::Dialect;
use leptos::prelude::*;
use crate::ui::head::Title;
use orgdesk_model::blendvision::OrganizationType;

#[component]
pub fn SubOrgPage(id: String) -> impl IntoView {
    view! {
        <RequireSession dialect=Dialect::BlendVision>
            <BvNav/>
            <SubOrgLoader id=id.clone()/>
        </RequireSession>
    }
}

#[component]
fn SubOrgLoader(id: String) -> impl IntoView {
    // Both: the sub-organization, and the admin's own organization, on whose
    // behalf changes are sent (`x-bv-org-id`).
    let detail = authed_resource(Dialect::BlendVision, move |token| {
        let id = id.clone();
        async move {
            let own = bv_api::organization(token.clone()).await?;
            let detail = bv_api::sub_org(token, id).await?;
            Ok((own.id.unwrap_or_default(), detail))
        }
    });
    // A save refetches; the page stays as it was until the answer is in.
    let on_saved = Callback::new(move |_| detail.refetch());
    loaded(detail, move |(acting, d)| view! { <SubOrgView acting detail=d on_saved/> }.into_any(), Some(|| view! { <SubOrgNotFound/> }.into_any()))
}

#[component]
fn SubOrgNotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t(T::SubOrgNotFoundTitle)/>
        <section class="message-page">
            <h1>{move || i18n.t(T::SubOrgNotFoundTitle)}</h1>
            <p>{move || i18n.t(T::SubOrgNotFoundBody)}</p>
            <p><a href=LIST_PATH>{move || i18n.t(T::BackToSubOrgs)}</a></p>
        </section>
    }
}

#[component]
fn SubOrgView(acting: String, detail: SubOrgDetail, on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let org = detail.organization.clone();
    let name = org.name.clone().unwrap_or_default();
    let status_help = org.status.clone();
    let owner = detail.owner_info.clone().unwrap_or_default();
    let owner_email = owner.email.clone().or(org.owner_email.clone());
    let invite = owner.invite_status.clone();
    let has_settings = org.business_setting.is_some();
    let (org_type, status, parent, description, created) =
        (org.org_type.clone(), org.status.clone(), org.parent_name.clone().or(org.parent_id.clone()), org.description.clone(), org.created_at);
    let (for_timeline, for_form) = (org.clone(), org.clone());
    let is_business = org.org_type == Some(OrganizationType::Business);
    let plan = org.business_setting.as_ref().and_then(|b| b.business_plan_type.clone());
    let headline = {
        let (t, s) = (org.org_type.clone(), org.status.clone());
        move || {
            let lang = i18n.lang.get();
            [t.as_ref().map(|v| bv_type_label(v, lang)), s.as_ref().map(|v| bv_status_label(v, lang))].into_iter().flatten().collect::<Vec<_>>().join(" · ")
        }
    };
    view! {
        <Title text=name.clone()/>
        <p class="breadcrumb"><a href=LIST_PATH>{move || i18n.t(T::BackToSubOrgs)}</a></p>
        <article class="overview">
            <header class="overview__header">
                <h1>{name.clone()}</h1>
                <p class="overview__subtitle">{headline}</p>
            </header>
            <Section id="details" title=T::Details>
                <dl class="facts">
                    <Fact label=T::Type value=labelled(org_type, bv_type_label)/>
                    <Fact
                        label=T::Status
                        value=labelled(status, bv_status_label)
                        help=Signal::derive(move || status_help.as_ref().and_then(|s| bv_status_help(s, i18n.lang.get())))
                    />
                    <Fact label=T::ParentOrganization value=text(parent)/>
                    <Fact label=T::Plan value=labelled(plan.clone(), plan_label)/>
                    <Fact label=T::Description value=text(description)/>
                    <Fact label=T::CreatedAt value=when(created)/>
                </dl>
            </Section>
            <Section id="owner" title=T::OwnerAndInvitation>
                <dl class="facts">
                    <Fact label=T::OwnerEmail value=text(owner_email)/>
                    <Fact label=T::Invitation value=Signal::derive(move || invite.clone().map(|s| invite_status_label(&s, i18n.lang.get())))/>
                </dl>
            </Section>
            <Section id="contract" title=T::Contract>
                <ContractTimeline org=for_timeline/>
            </Section>
            {if is_business && has_settings {
                view! { <BusinessForm acting org=for_form on_saved/> }.into_any()
            } else {
                view! {
                    <Section id="business" title=T::BusinessSettings>
                        <p class="muted">{move || i18n.t(T::NoBusinessSettingsHere)}</p>
                    </Section>
                }.into_any()
            }}
        </article>
    }
}
