//! `/issuers/{id}`: the issuer's public profile, as a badge earner's employer
//! sees it. `PublicProfile` renders from data alone, so the admin preview
//! uses the very same component.

use crate::api::{self, ApiError};
use crate::core::fetch::Fetched;
use crate::ui::load::{LoadError, Loading};
use crate::ui::safe_html::SafeHtml;
use crate::i18n::*;
use leptos::prelude::*;
use crate::ui::head::{Meta, Title};
use orgdesk_model::openbadge::{BadgeTemplate, PublicOrganization};
use orgdesk_model::public::{hex_colour, monogram, plain_text, summary};

/// The profile the server inlined into the page for `id`, if it did:
/// `Some(None)` means the server already said "not available".
pub fn inlined(id: &str) -> Option<Option<PublicOrganization>> {
    #[derive(serde::Deserialize)]
    struct Inline {
        id: String,
        data: Option<PublicOrganization>,
    }
    let text = document().get_element_by_id("orgdesk-public-data")?.text_content()?;
    let inline: Inline = crate::core::json::from_str(&text).ok()?;
    (inline.id == id).then_some(inline.data)
}

#[component]
pub fn PublicIssuerPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let caps = crate::core::capabilities::use_capabilities();
    let org = Fetched::new(move || {
        let id = id.clone();
        let inline = inlined(&id);
        let served = caps.offers_untracked(crate::core::capabilities::Extension::ObPublic);
        async move {
            match inline {
                Some(Some(org)) => Ok(org),
                Some(None) => Err(ApiError::NotFound { message: String::new() }),
                None if !served => Err(ApiError::NotOffered),
                None => api::public::organization(id).await,
            }
        }
    });
    let on_retry = Callback::new(move |_| org.refetch());
    // The organization's language first, unless the visitor chose one.
    Effect::new(move |_| {
        let lang = match org.get() {
            Some(Ok(o)) => o.language.as_ref().and_then(|l| Lang::from_code(l.as_str())),
            _ => None,
        };
        if let Some(lang) = lang.filter(|_| !i18n.remembered()) {
            i18n.lang.set(lang);
        }
    });
    move || match org.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(o)) => view! { <PublicProfile org=o with_meta=true/> }.into_any(),
        Some(Err(ApiError::NotFound { .. })) => view! { <PublicUnavailable/> }.into_any(),
        Some(Err(ApiError::NotOffered)) => view! { <PublicUnavailable body=T::PublicPageNotServed/> }.into_any(),
        Some(Err(e)) => view! { <LoadError error=e on_retry/> }.into_any(),
    }
}

/// The same page for private, disabled and unknown organizations, so nobody
/// can tell which; with `body`, another reason no page can be shown (the
/// backend does not offer the public profile endpoint).
#[component]
pub fn PublicUnavailable(#[prop(optional)] body: Option<T>) -> impl IntoView {
    let i18n = use_i18n();
    let body = body.unwrap_or(T::PublicUnavailableBody);
    view! {
        <Title text=move || i18n.t(T::PublicUnavailableTitle)/>
        <Meta name="robots" content="noindex"/>
        <section class="message-page">
            <h1>{move || i18n.t(T::PublicUnavailableTitle)}</h1>
            <p>{move || i18n.t(body)}</p>
        </section>
    }
}

#[component]
pub fn PublicProfile(
    org: PublicOrganization,
    /// Set the document's title, description and JSON-LD (not in a preview).
    #[prop(optional)]
    with_meta: bool,
    /// Level of the name's heading; sections and cards go one and two deeper.
    #[prop(default = 1)]
    heading_level: u8,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = org.name.clone().unwrap_or_default();
    let description_html = org.description.clone().unwrap_or_default();
    let description_text = summary(&plain_text(&description_html), 160);
    let kind = {
        let (t, a) = (org.org_type.clone(), org.activity.clone());
        move || {
            let lang = i18n.lang.get();
            [t.as_ref().map(|v| org_type_label(v, lang)), a.as_ref().map(|v| activity_label(v, lang))].into_iter().flatten().collect::<Vec<_>>().join(" · ")
        }
    };
    let location = [org.city.clone(), org.region.clone(), org.country.clone()].into_iter().flatten().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(", ");
    let website = org.website.clone().filter(|w| w.starts_with("https://") || w.starts_with("http://"));
    let badges = org.badges_count;
    // Ids stay unique when the preview sits on a page with other content.
    let id_prefix = if heading_level == 1 { "" } else { "preview-" };
    // The issuer's JSON-LD is the server's alone: it is built with the
    // contact e-mail, which the public data the app gets does not carry.

    view! {
        {with_meta.then(|| view! {
            <Title text=name.clone()/>
            <Meta name="description" content=description_text.clone()/>
        })}
        <article class="public-profile">
            <header class="public-profile__header">
                <IssuerLogo org=org.clone()/>
                <div class="public-profile__heading">
                    <Heading level=heading_level>{name.clone()}</Heading>
                    <p class="public-profile__kind">{kind}</p>
                    <ul class="public-profile__meta">
                        {(!location.is_empty()).then(|| view! {
                            <li><span class="visually-hidden">{move || i18n.t(T::Location)}": "</span>{location.clone()}</li>
                        })}
                        {website.map(|url| view! {
                            <li><a href=url.clone() rel="noopener noreferrer">{url.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string()}</a></li>
                        })}
                        {badges.map(|n| view! {
                            <li><strong>{move || format_number(n, i18n.lang.get())}</strong>" "{move || i18n.t(T::BadgesIssuedCount)}</li>
                        })}
                    </ul>
                </div>
            </header>
            {(!description_html.trim().is_empty()).then(|| view! {
                <SafeHtml html=description_html.clone() class="rich-text public-profile__description"/>
            })}
            <PublicSections org=org.clone() heading_level id_prefix/>
        </article>
    }
}

/// What follows the profile's top: badge types, templates and learning paths,
/// each only when its switch is on.
#[component]
pub fn PublicSections(org: PublicOrganization, #[prop(default = 1)] heading_level: u8, #[prop(default = "")] id_prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
            {org.badge_types.clone().map(|types| view! {
            <section class="public-section" aria-labelledby=format!("{id_prefix}badge-types-title")>
                <Heading level=heading_level + 1 id=format!("{id_prefix}badge-types-title")>{move || i18n.t(T::BadgeTypes)}</Heading>
                <ul class="badge-types">
                    {types.into_iter().map(|t| {
                        let label = t.badge_type.clone();
                        view! {
                            <li>
                                <span>{move || badge_type_label(&label, i18n.lang.get())}</span>
                                <span class="badge-types__count">{move || t.count.map(|c| format_number(c, i18n.lang.get()))}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {org.badge_templates.clone().map(|list| view! {
            <TemplateSection id=format!("{id_prefix}badge-templates") level=heading_level + 1 title=T::BadgeTemplates empty=T::NoBadgeTemplates list/>
        })}
        {org.learning_paths.clone().map(|list| view! {
            <TemplateSection id=format!("{id_prefix}learning-paths") level=heading_level + 1 title=T::LearningPaths empty=T::NoLearningPaths list/>
        })}
    }
}

/// The logo at the size the screen wants, with its box reserved so nothing
/// jumps; without one, the organization's initials on its colour. The same
/// markup as the server's first paint.
#[component]
fn IssuerLogo(org: PublicOrganization) -> impl IntoView {
    let i18n = use_i18n();
    let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
    let (thumb, standard, high) = (non_empty(org.logo_thumbnail_path), non_empty(org.logo_path), non_empty(org.logo_high_path));
    let src = standard.clone().or(high.clone()).or(thumb.clone());
    let srcset = [(thumb, 128), (standard, 512), (high, 1024)]
        .into_iter()
        .filter_map(|(url, w)| url.map(|u| format!("{u} {w}w")))
        .collect::<Vec<_>>()
        .join(", ");
    let name = org.name.unwrap_or_default();
    match src {
        Some(src) => view! {
            <img
                class="public-profile__logo"
                src=src
                srcset=srcset
                sizes="(max-width: 30rem) 96px, 128px"
                width="128"
                height="128"
                alt=move || format!("{} – {}", i18n.t(T::Logo), name)
            />
        }
        .into_any(),
        None => {
            let mark = monogram(&name, org.id.as_deref().unwrap_or(&name));
            let class = format!("public-profile__logo public-profile__monogram public-profile__monogram--{}", mark.tone);
            view! { <span class=class aria-hidden="true">{mark.initials}</span> }.into_any()
        }
    }
}

#[component]
fn TemplateSection(id: String, level: u8, title: T, empty: T, list: Vec<BadgeTemplate>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section class="public-section" aria-labelledby=labelled_by>
            <Heading level id=heading>{move || i18n.t(title)}</Heading>
            {if list.is_empty() {
                view! { <p class="muted">{move || i18n.t(empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="badge-cards">
                        {list.into_iter().map(|t| view! { <BadgeCard template=t level=level + 1/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn BadgeCard(template: BadgeTemplate, level: u8) -> impl IntoView {
    let i18n = use_i18n();
    let title = template.title.clone().unwrap_or_default();
    let image = template.image_thumbnail_path.clone().or(template.image_path.clone()).filter(|s| !s.is_empty());
    // Without an image, the template's own colour (set through the CSSOM, which the page's CSP allows).
    let colour = template.color_primary.as_deref().and_then(hex_colour).map(str::to_string);
    let kind = template.badge_type.clone();
    let text = template.description.as_deref().map(|d| summary(&plain_text(d), 140)).unwrap_or_default();
    view! {
        <li class="badge-card">
            {match image {
                Some(src) => view! { <img class="badge-card__image" src=src width="96" height="96" alt="" loading="lazy"/> }.into_any(),
                None => view! { <span class="badge-card__image badge-card__image--empty" style:background-color=colour aria-hidden="true"></span> }.into_any(),
            }}
            <div>
                <Heading level class="badge-card__title">{title}</Heading>
                {kind.map(|k| view! { <p class="badge-card__type">{move || badge_type_label(&k, i18n.lang.get())}</p> })}
                {(!text.is_empty()).then(|| view! { <p class="badge-card__text">{text.clone()}</p> })}
            </div>
        </li>
    }
}

/// A heading whose level is chosen by the caller (h1..h6): one element
/// whose tag is picked at run time, rather than six views to choose from.
#[component]
fn Heading(level: u8, #[prop(optional, into)] id: Option<String>, #[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    use leptos::html::{custom, ElementChild};
    use leptos::tachys::html::attribute::global::GlobalAttributes;
    const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    let class = (!class.is_empty()).then_some(class);
    custom(TAGS[usize::from(level.clamp(1, 6) - 1)]).id(id).class(class).child(children())
}
