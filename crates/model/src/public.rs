//! What both the app and the server derive from a public profile: its plain
//! text summary and its Open Badges issuer Profile (JSON-LD), so the page a
//! crawler reads from the server and the page the app renders agree.

use crate::openbadge::{BadgeTemplate, BadgeTypeCount, OrgStatus, Organization, PublicOrganization, TemplateStatus};
use serde::Serialize;

/// Elements that start a new line of text when rendered: their tags become
/// word boundaries. Inline elements (`<strong>`, `<a>`…) join their text to
/// what surrounds it, so "catalogue</a>." stays "catalogue.".
const BLOCK_TAGS: [&str; 26] = [
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "ol", "p", "pre", "section", "table", "ul",
];

/// Whether `tag` (what lies between `<` and `>`) opens or closes a block element.
fn is_block(tag: &str) -> bool {
    let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    BLOCK_TAGS.contains(&name.as_str()) || matches!(name.as_str(), "td" | "th" | "tr" | "main" | "nav" | "aside")
}

/// The text of an HTML fragment as a reader would say it: tags dropped
/// (block elements and `<br>` become word boundaries, inline ones none),
/// common entities decoded, whitespace collapsed, and no space left before
/// punctuation. For meta descriptions and JSON-LD, not for display.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '<' => {
                let end = rest.find('>').unwrap_or(rest.len());
                if is_block(&rest[..end]) {
                    out.push(' ');
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
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
    let mut text = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        // A word that is only closing punctuation belongs to the one before it.
        let glued = word.starts_with(['.', ',', ';', ':', '!', '?', ')', ']', '»', '…']);
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
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

/// The Open Badges 2.0 Issuer Profile of a public organization: what
/// `/issuers/{id}` answers a verifier asking for JSON, and the JSON-LD in the
/// page's `<head>` (the very same object). `email` is the organization's
/// general contact address, published on purpose: an Issuer needs one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IssuerProfileLd {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `path` as an absolute URL on `base` (`scheme://host`); absolute URLs stay.
pub fn absolute_url(base: &str, path: &str) -> String {
    if path.starts_with("https://") || path.starts_with("http://") {
        path.to_string()
    } else {
        format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
    }
}

impl IssuerProfileLd {
    /// `page_url` is the profile page's absolute URL (`{base}/issuers/{id}`):
    /// the issuer's id, and its `url` when it has no website of its own.
    pub fn from_public(org: &PublicOrganization, base: &str, page_url: &str, email: Option<&str>) -> IssuerProfileLd {
        let non_empty = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let website = non_empty(&org.website).filter(|w| w.starts_with("https://") || w.starts_with("http://"));
        IssuerProfileLd {
            context: "https://w3id.org/openbadges/v2",
            kind: "Issuer",
            id: page_url.to_string(),
            name: org.name.clone().unwrap_or_default(),
            url: website.unwrap_or_else(|| page_url.to_string()),
            email: email.map(str::trim).filter(|e| e.contains('@')).map(str::to_string),
            image: non_empty(&org.logo_high_path).or_else(|| non_empty(&org.logo_path)).map(|p| absolute_url(base, &p)),
            description: org.description.as_deref().map(plain_text).filter(|d| !d.is_empty()),
        }
    }
}

/// Background colours of a monogram, each with at least 4.5:1 contrast
/// against white text (WCAG AA).
pub const MONOGRAM_COLOURS: [&str; 6] = ["#1F4E79", "#8A3B12", "#2E6B30", "#6B2D83", "#A3213A", "#0F5E63"];

/// What stands in for a missing logo: the organization's initials on one of
/// [`MONOGRAM_COLOURS`] (`tone` is its index), the same on every visit.
/// Initials are as written, ASCII letters capitalised: the page's CSS
/// capitalises the rest (`text-transform`), since Unicode's case tables would
/// be some 20 KB of the public page's wasm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Monogram {
    pub initials: String,
    pub tone: usize,
}

/// Short words a monogram skips ("Ateneo di Valmarina" → "AV").
const MINOR_WORDS: [&str; 16] = ["di", "del", "della", "dei", "degli", "delle", "e", "ed", "da", "of", "the", "and", "for", "a", "&", "—"];

/// The monogram of `name`; `key` (the organization's id) picks the colour, so
/// a rename keeps it.
pub fn monogram(name: &str, key: &str) -> Monogram {
    let words: Vec<&str> = name.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphanumeric)).collect();
    let major: Vec<&str> = words.iter().copied().filter(|w| !MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w))).collect();
    let chosen = if major.is_empty() { &words } else { &major };
    let initials: String = chosen.iter().take(2).filter_map(|w| w.chars().next()).map(|c| c.to_ascii_uppercase()).collect();
    // FNV-1a: stable across runs, platforms and builds (unlike std's hasher).
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    Monogram { initials: if initials.is_empty() { "?".to_string() } else { initials }, tone: (hash % MONOGRAM_COLOURS.len() as u64) as usize }
}

/// `#RGB` or `#RRGGBB`, or nothing: a stored colour is used only when it is one.
pub fn hex_colour(value: &str) -> Option<&str> {
    let v = value.trim();
    let digits = v.strip_prefix('#')?;
    (matches!(digits.len(), 3 | 6) && digits.bytes().all(|b| b.is_ascii_hexdigit())).then_some(v)
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
    fn plain_text_keeps_word_boundaries_and_punctuation_as_a_reader_expects() {
        let seeded = "<p>The <strong>Ateneo di Valmarina</strong> issues digital badges for its <em>lifelong learning</em> courses.</p><ul><li>Languages</li><li>Data literacy</li></ul><p>See <a href=\"https://valmarina.example.org/badges\">our badge catalogue</a>.</p>";
        assert_eq!(
            plain_text(seeded),
            "The Ateneo di Valmarina issues digital badges for its lifelong learning courses. Languages Data literacy See our badge catalogue."
        );
        assert_eq!(plain_text("<p>One<br>two<br/>three</p><p>Four</p>"), "One two three Four", "<br> and blocks separate words");
        assert_eq!(plain_text("un<strong>believ</strong>able, <em>really</em> !"), "unbelievable, really!", "inline tags join, no space before punctuation");
        assert_eq!(plain_text("<h2>Title</h2>\n\n  <div>Body   text</div>"), "Title Body text");
        assert_eq!(plain_text("<p>Item</p><p>, then more</p>"), "Item, then more");
        assert_eq!(plain_text(""), "");
    }

    #[test]
    fn summary_cuts_at_a_word_with_ellipsis() {
        assert_eq!(summary("short", 10), "short");
        assert_eq!(summary("The quick brown fox jumps", 12), "The quick…");
    }

    #[test]
    fn issuer_profile_is_an_open_badges_issuer_with_absolute_urls() {
        let org = PublicOrganization {
            name: Some("Ateneo".into()),
            website: Some("https://a.example".into()),
            logo_path: Some("/l.png".into()),
            logo_high_path: Some("/h.png".into()),
            description: Some("<p>Hi</p>".into()),
            ..Default::default()
        };
        let ld = IssuerProfileLd::from_public(&org, "https://x.example", "https://x.example/issuers/1", Some("badge@a.example"));
        assert_eq!(ld.kind, "Issuer");
        assert_eq!(ld.id, "https://x.example/issuers/1");
        assert_eq!(ld.url, "https://a.example");
        assert_eq!(ld.email.as_deref(), Some("badge@a.example"));
        assert_eq!(ld.image.as_deref(), Some("https://x.example/h.png"), "the high-resolution logo, absolute");
        assert_eq!(ld.description.as_deref(), Some("Hi"));
        let bare = IssuerProfileLd::from_public(&PublicOrganization { website: Some("".into()), ..Default::default() }, "https://x.example", "https://x.example/issuers/2", None);
        assert_eq!(bare.url, "https://x.example/issuers/2", "without a website the page is the issuer's url");
        let json = serde_json::to_value(&bare).unwrap();
        assert_eq!(json["@context"], "https://w3id.org/openbadges/v2");
        assert!(json.get("image").is_none() && json.get("email").is_none());
    }

    /// WCAG relative luminance of `#RRGGBB`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn monograms_are_stable_initials_on_colours_white_text_reads_on() {
        for colour in MONOGRAM_COLOURS {
            let ratio = 1.05 / (luminance(colour) + 0.05);
            assert!(ratio >= 4.5, "{colour}: {ratio:.2}:1");
        }
        assert_eq!(monogram("Ateneo di Valmarina", "x").initials, "AV");
        assert_eq!(monogram("Istituto Borgo Alto", "x").initials, "IB");
        assert_eq!(monogram("école of arts", "x").initials, "éA", "non-ASCII letters are left to CSS");
        assert_eq!(monogram("università DELLA costa", "x").initials, "UC");
        assert_eq!(monogram("  ", "x").initials, "?");
        assert_eq!(monogram("Della", "x").initials, "D", "a name of minor words still has initials");
        assert_eq!(monogram("A", "id-1"), monogram("A", "id-1"));
        let tones: std::collections::BTreeSet<usize> = (0..40).map(|i| monogram("A", &format!("org-{i}")).tone).collect();
        assert!(tones.len() > 3, "ids spread over the colours: {tones:?}");
    }

    #[test]
    fn only_hex_colours_are_used() {
        assert_eq!(hex_colour("#1F4E79"), Some("#1F4E79"));
        assert_eq!(hex_colour(" #abc "), Some("#abc"));
        assert_eq!(hex_colour("red"), None);
        assert_eq!(hex_colour("#12345g"), None);
        assert_eq!(hex_colour("#fff;background:url(x)"), None);
    }
}
