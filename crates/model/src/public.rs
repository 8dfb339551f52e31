//! What both the app and the server derive from a public profile: its plain
//! text summary and its Open Badges issuer Profile (JSON-LD), so the page a
//! crawler reads from the server and the page the app renders agree.

use crate::openbadge::{BadgeTemplate, BadgeTypeCount, OrgStatus, Organization, PublicOrganization, TemplateStatus};
use serde::Serialize;

/// The text of an HTML fragment: tags dropped, common entities decoded,
/// whitespace collapsed. For meta descriptions, not for display.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '<' => {
                in_tag = true;
                // Block boundaries become spaces so words don't run together.
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                let entities = [("amp;", '&'), ("lt;", '<'), ("gt;", '>'), ("quot;", '"'), ("#39;", '\''), ("apos;", '\''), ("nbsp;", ' ')];
                match entities.iter().find(|(name, _)| rest.starts_with(name)) {
                    Some((name, ch)) => {
                        out.push(*ch);
                        rest = &rest[name.len()..];
                    }
                    None => out.push('&'),
                }
            }
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn summary(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':', '.']);
    format!("{cut}…")
}

/// An Open Badges 2.0 issuer Profile. The e-mail is deliberately left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IssuerProfileLd {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl IssuerProfileLd {
    /// `page_url` is the profile page's absolute URL, used as the id when the
    /// organization has no `public_url`.
    pub fn from_public(org: &PublicOrganization, page_url: &str) -> IssuerProfileLd {
        let non_empty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        IssuerProfileLd {
            context: "https://w3id.org/openbadges/v2",
            kind: "Profile",
            id: non_empty(&org.public_url).unwrap_or_else(|| page_url.to_string()),
            name: org.name.clone().unwrap_or_default(),
            url: non_empty(&org.website),
            image: non_empty(&org.logo_high_path).or_else(|| non_empty(&org.logo_path)),
            description: org.description.as_deref().map(plain_text).filter(|d| !d.is_empty()),
        }
    }
}

/// Whether visitors may see the organization at all: enabled and switched on.
pub fn is_public(org: &Organization) -> bool {
    org.settings.is_some_and(|s| s.public_profile) && org.status == Some(OrgStatus::Enabled)
}

/// What a visitor sees of `org`, given all its badge templates. Only published,
/// active templates count; each section is present only while its switch is on.
/// The server answers the public endpoint with this, and the admin's preview
/// renders it, so the two cannot drift apart.
pub fn public_view(org: &Organization, templates: &[BadgeTemplate]) -> PublicOrganization {
    let settings = org.settings.unwrap_or_default();
    let mut published: Vec<BadgeTemplate> = templates
        .iter()
        .filter(|t| t.is_published == Some(true) && t.status != Some(TemplateStatus::Inactive))
        .cloned()
        .collect();
    published.sort_by(|a, b| a.title.cmp(&b.title));
    let badge_types = settings.public_badge_types.then(|| {
        let mut counts: Vec<BadgeTypeCount> = Vec::new();
        for kind in published.iter().filter_map(|t| t.badge_type.clone()) {
            match counts.iter_mut().find(|c| c.badge_type == kind) {
                Some(c) => c.count = Some(c.count.unwrap_or(0) + 1),
                None => counts.push(BadgeTypeCount { badge_type: kind, count: Some(1) }),
            }
        }
        counts.sort_by(|a, b| a.badge_type.as_str().cmp(b.badge_type.as_str()));
        counts
    });
    let (paths, singles): (Vec<_>, Vec<_>) = published.into_iter().partition(|t| t.is_learning_path == Some(true));
    let address = org.address_info.clone().unwrap_or_default();
    PublicOrganization {
        id: org.id.clone(),
        name: org.name.clone(),
        org_type: org.org_type.clone(),
        activity: org.activity.clone(),
        description: org.description.clone(),
        website: org.website.clone(),
        language: org.language.clone(),
        city: address.city,
        region: address.region,
        country: address.country,
        logo_path: org.logo_path.clone(),
        logo_high_path: org.logo_high_path.clone(),
        logo_thumbnail_path: org.logo_thumbnail_path.clone(),
        public_url: org.public_url.clone(),
        badges_count: org.badges_count,
        badge_templates: settings.public_badge_templates.then_some(singles),
        badge_types,
        learning_paths: settings.public_learning_paths.then_some(paths),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openbadge::{BadgeType, Settings};

    fn template(title: &str, kind: BadgeType, path: bool, published: bool) -> BadgeTemplate {
        BadgeTemplate { title: Some(title.into()), badge_type: Some(kind), is_learning_path: Some(path), is_published: Some(published), ..Default::default() }
    }

    #[test]
    fn public_view_follows_each_switch_and_shows_only_published_templates() {
        let mut org = Organization {
            status: Some(OrgStatus::Enabled),
            settings: Some(Settings { public_profile: true, public_badge_types: true, public_learning_paths: false, public_badge_templates: true }),
            ..Default::default()
        };
        let templates = [
            template("B", BadgeType::Skills, false, true),
            template("A", BadgeType::Skills, false, true),
            template("Path", BadgeType::Knowledge, true, true),
            template("Draft", BadgeType::Participation, false, false),
        ];
        let view = public_view(&org, &templates);
        let titles: Vec<_> = view.badge_templates.unwrap().into_iter().map(|t| t.title.unwrap()).collect();
        assert_eq!(titles, ["A", "B"], "sorted, no learning paths, no drafts");
        assert_eq!(view.learning_paths, None);
        let types = view.badge_types.unwrap();
        assert_eq!(types.len(), 2, "drafts do not count");
        assert_eq!(types.iter().find(|t| t.badge_type == BadgeType::Skills).unwrap().count, Some(2));
        assert!(is_public(&org));

        org.settings = Some(Settings { public_profile: true, public_learning_paths: true, ..Default::default() });
        let view = public_view(&org, &templates);
        assert_eq!(view.badge_templates, None);
        assert_eq!(view.badge_types, None);
        assert_eq!(view.learning_paths.unwrap().len(), 1);
        org.status = Some(OrgStatus::Disabled);
        assert!(!is_public(&org), "a disabled organization is never public");
    }

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(plain_text("<p>Tom &amp; Jerry</p><ul><li>one</li><li>two</li></ul>"), "Tom & Jerry one two");
        assert_eq!(plain_text("a <script>x</script> b"), "a x b");
        assert_eq!(plain_text("5 &lt; 6 &unknown;"), "5 < 6 &unknown;");
    }

    #[test]
    fn summary_cuts_at_a_word_with_ellipsis() {
        assert_eq!(summary("short", 10), "short");
        assert_eq!(summary("The quick brown fox jumps", 12), "The quick…");
    }

    #[test]
    fn json_ld_profile_omits_email_and_prefers_the_high_resolution_logo() {
        let org = PublicOrganization {
            name: Some("Ateneo".into()),
            website: Some("https://a.example".into()),
            logo_path: Some("/l.png".into()),
            logo_high_path: Some("/h.png".into()),
            description: Some("<p>Hi</p>".into()),
            ..Default::default()
        };
        let ld = IssuerProfileLd::from_public(&org, "https://x.example/issuers/1");
        assert_eq!(ld.id, "https://x.example/issuers/1");
        assert_eq!(ld.image.as_deref(), Some("/h.png"));
        assert_eq!(ld.description.as_deref(), Some("Hi"));
        assert_eq!(ld.kind, "Profile");
    }
}
