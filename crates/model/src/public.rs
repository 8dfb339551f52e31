//! What both the app and the server derive from a public profile: its plain
//! text summary and its Open Badges issuer Profile (JSON-LD), so the page a
//! crawler reads from the server and the page the app renders agree.

use crate::openbadge::PublicOrganization;
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

#[cfg(test)]
mod tests {
    use super::*;

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
