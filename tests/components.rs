//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! each mounts one component with the app's contexts and drives the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use orgdesk::ui::safe_html::SafeHtml;
use orgdesk::i18n::{provide_i18n, I18n, Lang};
use orgdesk::features::blendvision::organization::BvOrganizationOverview;
use orgdesk::features::openbadge::billing::Billing;
use orgdesk::features::openbadge::profile::ProfileForm;
use orgdesk::features::auth::sign_in::{self, SignInForm};
use orgdesk::core::session::{Dialect, Session, SessionStore};
use orgdesk_model::{blendvision as bv, openbadge as ob};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `f` into a fresh container with English (or `lang`) and an empty session.
fn mount<F, N>(lang: Lang, f: F) -> (HtmlElement, I18n)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    let i18n = I18n { lang: RwSignal::new(lang) };
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_i18n(i18n);
        provide_context(SessionStore { current: RwSignal::new(None), ended: RwSignal::new(None) });
        f()
    });
    // The container lives for the rest of the test run.
    handle.forget();
    (container, i18n)
}

async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

fn input(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}")).unwrap().unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn leave(el: &HtmlInputElement) {
    el.dispatch_event(&web_sys::FocusEvent::new("blur").unwrap()).unwrap();
}

fn submit(root: &HtmlElement) {
    let button: HtmlElement = root.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into();
    button.click();
}

fn text(root: &HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn platform(dialect: Dialect) -> sign_in::Platform {
    match dialect {
        Dialect::OpenBadge => sign_in::OPEN_BADGE,
        Dialect::BlendVision => sign_in::BLENDVISION,
    }
}

fn sign_in_form(dialect: Dialect) -> HtmlElement {
    mount(Lang::En, move || view! { <SignInForm platform=platform(dialect) on_signed_in=Callback::new(|_: Session| ())/> }).0
}

#[wasm_bindgen_test]
async fn empty_sign_in_shows_summary_and_inline_errors_without_sending() {
    let root = sign_in_form(Dialect::OpenBadge);
    settle().await;
    assert!(!text(&root).contains("There is a problem"), "no errors before the first submit");
    submit(&root);
    settle().await;
    let summary = root.query_selector(".error-summary").unwrap().expect("summary shown");
    let summary_text = summary.text_content().unwrap();
    assert!(summary_text.contains("There is a problem"));
    assert!(summary_text.contains("Enter your e-mail address"));
    assert!(summary_text.contains("Enter your password"));
    let links: Vec<String> = (0..summary.query_selector_all("a").unwrap().length())
        .map(|i| summary.query_selector_all("a").unwrap().item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("href").unwrap())
        .collect();
    assert_eq!(links, vec!["#email", "#password"]);
    assert_eq!(input(&root, "email").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input(&root, "email").get_attribute("aria-describedby").as_deref(), Some("email-error"));
    assert!(!input(&root, "email").disabled(), "nothing was sent, so the form stays enabled");
}

#[wasm_bindgen_test]
async fn email_is_checked_after_leaving_the_field_and_then_as_typed() {
    let root = sign_in_form(Dialect::BlendVision);
    let email = input(&root, "email");
    type_into(&email, "owner@lumen");
    settle().await;
    assert!(!text(&root).contains("Enter an e-mail address in the format"), "not while first typing");
    leave(&email);
    settle().await;
    assert!(text(&root).contains("Enter an e-mail address in the format name@example.com"));
    type_into(&email, "owner@lumen.example.com");
    settle().await;
    assert!(!text(&root).contains("Enter an e-mail address in the format"), "fixed as typed");
    assert_eq!(email.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn both_platforms_offer_an_api_token_and_blendvision_asks_for_the_organization() {
    let ob_root = sign_in_form(Dialect::OpenBadge);
    settle().await;
    let toggle: HtmlElement = ob_root.query_selector("button[type=button]").unwrap().expect("token toggle").unchecked_into();
    assert_eq!(toggle.text_content().unwrap(), "Use an API token instead");
    toggle.click();
    settle().await;
    assert!(ob_root.query_selector("#api-token").unwrap().is_some());
    assert!(ob_root.query_selector("#password").unwrap().is_none());
    assert!(ob_root.query_selector("#org-id").unwrap().is_none(), "Open Badge tokens name their organization");
    submit(&ob_root);
    settle().await;
    assert!(text(&ob_root).contains("Paste your API token"));

    let bv_root = sign_in_form(Dialect::BlendVision);
    settle().await;
    let toggle: HtmlElement = bv_root.query_selector("button[type=button]").unwrap().expect("token toggle").unchecked_into();
    toggle.click();
    settle().await;
    assert!(bv_root.query_selector("#org-id").unwrap().is_some());
    submit(&bv_root);
    settle().await;
    assert!(text(&bv_root).contains("Paste your API token"));
    assert!(text(&bv_root).contains("Enter the organization ID"));
}

#[wasm_bindgen_test]
async fn without_password_sign_in_the_token_form_is_the_only_one() {
    use orgdesk::core::capabilities::{Capabilities, Extension};
    let meta = document().create_element("meta").unwrap();
    meta.set_attribute("name", "orgdesk-openbadge-extensions").unwrap();
    meta.set_attribute("content", "statistics public-profile").unwrap();
    document().head().unwrap().append_child(&meta).unwrap();
    let caps = Capabilities::from_document();
    meta.remove();
    assert!(!caps.offers_untracked(Extension::ObPassword));
    assert!(!caps.offers_untracked(Extension::ObLogoRemoval));
    assert!(caps.offers_untracked(Extension::ObStatistics));
    assert!(caps.offers_untracked(Extension::BvRefresh), "no BlendVision tag: every extension");

    let root = mount(Lang::It, move || {
        provide_context(caps);
        view! { <SignInForm platform=sign_in::OPEN_BADGE on_signed_in=Callback::new(|_: Session| ())/> }
    })
    .0;
    settle().await;
    assert!(root.query_selector("#api-token").unwrap().is_some());
    assert!(root.query_selector("#password").unwrap().is_none());
    assert!(root.query_selector("button[type=button]").unwrap().is_none(), "no way back to a password form that cannot work");
    assert!(text(&root).contains("Questo server accetta solo token API"), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn sign_in_errors_follow_the_language() {
    let (root, i18n) = mount(Lang::It, || view! { <SignInForm platform=sign_in::OPEN_BADGE on_signed_in=Callback::new(|_: Session| ())/> });
    submit(&root);
    settle().await;
    assert!(text(&root).contains("C'è un problema"));
    assert!(text(&root).contains("Inserisci la password"));
    i18n.lang.set(Lang::En);
    settle().await;
    assert!(text(&root).contains("Enter your password"));
}

fn fixture_org() -> ob::Organization {
    serde_json::from_str::<ob::Data<ob::Organization>>(include_str!("fixtures/openbadge/organization.json")).unwrap().data
}

fn select(root: &HtmlElement, id: &str) -> web_sys::HtmlSelectElement {
    root.query_selector(&format!("[id='{id}']")).unwrap().unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

fn field(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("[id='{id}']")).unwrap().unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

fn save_button(root: &HtmlElement) -> web_sys::HtmlButtonElement {
    root.query_selector("button[type=submit]").unwrap().unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn profile_form_holds_every_field_from_the_fixture() {
    let org = fixture_org();
    let draft = format!("orgdesk.draft.ob.profile.{}", org.id.clone().unwrap());
    web_sys::window().unwrap().session_storage().unwrap().unwrap().remove_item(&draft).unwrap();
    let (root, _) = mount(Lang::En, move || view! { <ProfileForm org/> });
    settle().await;
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Ateneo di Valmarina");
    for legend in ["Identity", "Description", "Address", "Contacts"] {
        assert!(text(&root).contains(legend), "missing group {legend}");
    }
    assert_eq!(field(&root, "name").value(), "Ateneo di Valmarina");
    assert_eq!(select(&root, "type").value(), "public_local_national");
    assert_eq!(select(&root, "type").selected_options().item(0).unwrap().text_content().unwrap(), "Public administration (local or national)");
    assert_eq!(select(&root, "activity").value(), "university");
    assert_eq!(field(&root, "address_info.postcode").value(), "16100");
    assert_eq!(select(&root, "address_info.country").value(), "IT");
    assert_eq!(field(&root, "contact_info.mobile").value(), "+39 333 123 4567");
    assert_eq!(field(&root, "contact_info.name").value(), "Giulia");
    // Countries are named by the browser in the viewer's language.
    assert_eq!(select(&root, "address_info.country").selected_options().item(0).unwrap().text_content().unwrap(), "Italy");
    // The description is rebuilt through the sanitizer into the editor and the preview.
    let editor = root.query_selector("[id='description']").unwrap().unwrap();
    assert_eq!(editor.get_attribute("contenteditable").as_deref(), Some("true"));
    assert_eq!(editor.query_selector_all("li").unwrap().length(), 2);
    let link = root.query_selector(".editor__preview a").unwrap().expect("preview link");
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    // Status is read-only, beside the form, with who sets it.
    assert!(text(&root).contains("Enabled"));
    assert!(text(&root).contains("March 4, 2024") || text(&root).contains("4 March 2024"), "created date");
    // Nothing changed yet: nothing to save.
    assert!(save_button(&root).disabled());
}

#[wasm_bindgen_test]
async fn profile_rules_show_after_leaving_a_field_and_the_draft_survives_a_remount() {
    let org = fixture_org();
    let draft = format!("orgdesk.draft.ob.profile.{}", org.id.clone().unwrap());
    let storage = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    storage.remove_item(&draft).unwrap();
    let first = org.clone();
    let (root, _) = mount(Lang::En, move || view! { <ProfileForm org=first/> });
    settle().await;
    let postcode = field(&root, "address_info.postcode");
    type_into(&postcode, "1610");
    settle().await;
    assert!(!text(&root).contains("Italian postcodes are 5 digits, like 00184."), "not while first typing");
    assert!(!save_button(&root).disabled(), "a change can be saved");
    leave(&postcode);
    settle().await;
    assert!(text(&root).contains("Italian postcodes are 5 digits, like 00184."));
    assert_eq!(postcode.get_attribute("aria-invalid").as_deref(), Some("true"));
    // Submitting lists the problem in the summary, linked to the field, and sends nothing.
    submit(&root);
    settle().await;
    let summary = root.query_selector(".error-summary").unwrap().expect("summary");
    assert_eq!(summary.query_selector("a").unwrap().unwrap().get_attribute("href").as_deref(), Some("#address_info.postcode"));
    // The typing is kept in sessionStorage...
    let stored = storage.get_item(&draft).unwrap().expect("draft kept");
    assert!(stored.contains("1610"), "{stored}");
    // ...and a fresh mount (a reload) restores it over the loaded values.
    let (again, _) = mount(Lang::En, move || view! { <ProfileForm org/> });
    settle().await;
    assert_eq!(field(&again, "address_info.postcode").value(), "1610");
    assert_eq!(field(&again, "name").value(), "Ateneo di Valmarina");
    assert!(text(&again).contains("Changes you had not saved yet were restored"));
    storage.remove_item(&draft).unwrap();
}

/// A sign-out (or an idle one) with the cursor in a field: the page goes as
/// a route does, its owner disposed before its nodes leave, the browser
/// blurs the field as it leaves, and nothing panics.
#[wasm_bindgen_test]
async fn taking_the_form_away_with_a_field_focused_is_quiet() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static PANICKED: AtomicBool = AtomicBool::new(false);
    // A panic in an event handler does not fail the test by itself: note it.
    let previous: std::sync::Arc<dyn Fn(&std::panic::PanicHookInfo) + Send + Sync> = std::panic::take_hook().into();
    let chained = previous.clone();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, Ordering::SeqCst);
        chained(info)
    }));
    let org = fixture_org();
    let shown = RwSignal::new(true);
    let (root, _) = mount(Lang::En, move || {
        view! {
            <Show when=move || shown.get()>
                <ProfileForm org=org.clone()/>
            </Show>
        }
    });
    settle().await;
    let city = field(&root, "address_info.city");
    city.focus().unwrap();
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("address_info.city"));
    let blurred = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = blurred.clone();
    let on_blur = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || seen.set(true));
    city.add_event_listener_with_callback("blur", on_blur.as_ref().unchecked_ref()).unwrap();
    shown.set(false);
    settle().await;
    assert!(blurred.get(), "the browser blurred the field as the form left the page");
    let _ = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| previous(info)));
    assert!(!PANICKED.load(Ordering::SeqCst), "no panic while the form left");
    assert!(root.query_selector("form").unwrap().is_none());
    drop(on_blur);
}

#[wasm_bindgen_test]
async fn billing_in_italian_with_sparse_data_and_low_credits() {
    let mut org = serde_json::from_str::<ob::Data<ob::Organization>>(include_str!("fixtures/openbadge/organization-sparse.json")).unwrap().data;
    org.credits_left = Some(5);
    let (root, _) = mount(Lang::It, move || view! { <Billing org/> });
    settle().await;
    let t = text(&root);
    for heading in ["Fatturazione", "Abbonamento e crediti", "Ragione sociale"] {
        assert!(t.contains(heading), "missing {heading}: {t}");
    }
    assert!(t.contains("Non indicato"), "missing values say so");
    assert!(t.contains("Restano meno di 20 crediti"));
    assert!(t.contains("Annullato"), "cancelled subscription");
    assert!(t.contains("20 gennaio 2024"), "date-only period start shown as the calendar date: {t}");
    assert!(!t.contains("cus_"), "no Stripe identifiers");
}

#[wasm_bindgen_test]
async fn billing_codes_are_checked_with_messages_that_say_what_to_type() {
    let org = fixture_org();
    let draft = format!("orgdesk.draft.ob.billing.{}", org.id.clone().unwrap());
    web_sys::window().unwrap().session_storage().unwrap().unwrap().remove_item(&draft).unwrap();
    let (root, _) = mount(Lang::En, move || view! { <Billing org/> });
    settle().await;
    assert_eq!(field(&root, "billing_info.vat").value(), "IT01234567897");
    // A public administration is told about the 6-character office code.
    assert!(text(&root).contains("6-character office code"));
    let sdi = field(&root, "billing_info.code_dest");
    type_into(&sdi, "ABC1234");
    leave(&sdi);
    settle().await;
    assert!(text(&root).contains("Public administrations use their 6-character office code"));
    type_into(&sdi, "uf 12 34");
    settle().await;
    assert!(!text(&root).contains("Public administrations use their 6-character office code"), "spaces and lower case are normalized");
    web_sys::window().unwrap().session_storage().unwrap().unwrap().remove_item(&draft).unwrap();
}

#[wasm_bindgen_test]
async fn unknown_enum_values_are_shown_raw() {
    let org = serde_json::from_str::<ob::Data<ob::Organization>>(include_str!("fixtures/openbadge/organization-unknown-values.json")).unwrap().data;
    let billing = org.clone();
    let first = org.clone();
    let (root, _) = mount(Lang::En, move || view! { <ProfileForm org=first/> });
    settle().await;
    assert_eq!(select(&root, "type").value(), "public_agency");
    assert_eq!(select(&root, "activity").value(), "museum");
    assert!(text(&root).contains("suspended"));
    let (root, i18n) = mount(Lang::En, move || view! { <ProfileForm org=org.clone()/> });
    settle().await;
    // Choosing a listed value drops the raw one; the choice survives the
    // options being rebuilt in the other language.
    let kind = select(&root, "type");
    kind.set_value("private_non_profit");
    kind.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let values = |s: &web_sys::HtmlSelectElement| (0..s.length()).filter_map(|i| s.item(i)).map(|o| o.unchecked_into::<web_sys::HtmlOptionElement>().value()).collect::<Vec<_>>();
    assert!(!values(&kind).contains(&"public_agency".to_string()), "{:?}", values(&kind));
    i18n.lang.set(Lang::It);
    settle().await;
    let kind = select(&root, "type");
    assert_eq!((kind.value(), kind.selected_options().item(0).unwrap().text_content().unwrap()), ("private_non_profit".to_string(), "Privato senza scopo di lucro".to_string()));
    assert_eq!(select(&root, "activity").value(), "museum", "the unlisted value stays, shown as sent");
    web_sys::window().unwrap().session_storage().unwrap().unwrap().clear().unwrap();
    let (root, _) = mount(Lang::En, move || view! { <Billing org=billing/> });
    settle().await;
    assert!(text(&root).contains("past_due"));
}

#[wasm_bindgen_test]
async fn blendvision_overview_renders_business_organization() {
    let org = serde_json::from_str::<bv::OrganizationEnvelope>(include_str!("fixtures/blendvision/organization-business-bvone.json")).unwrap().organization;
    let (root, _) = mount(Lang::En, move || view! { <BvOrganizationOverview org/> });
    settle().await;
    let t = text(&root);
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().unwrap(), "Studio Lumen");
    for value in ["Business", "Activated", "In use.", "Northwind Media Reseller", "12 months", "monthly", "plan-bvone-pro", "Mei Lin", "Owner", "BVOne", "Media", "24681357", "Site limit", "Custom domain", "Asia/Taipei", "LUMEN-7Q2K-91XZ"] {
        assert!(t.contains(value), "missing {value}: {t}");
    }
    assert!(!t.contains("Marketplace URL"), "CXM-only field hidden on a BVOne plan");
}

#[wasm_bindgen_test]
async fn blendvision_reseller_without_contract_or_business_settings() {
    let org = serde_json::from_str::<bv::OrganizationEnvelope>(include_str!("fixtures/blendvision/organization-reseller.json")).unwrap().organization;
    let (root, _) = mount(Lang::It, move || view! { <BvOrganizationOverview org/> });
    settle().await;
    let t = text(&root);
    assert!(t.contains("Rivenditore"));
    assert!(t.contains("Nessun contratto registrato."));
    assert!(t.contains("Nessun contratto successivo programmato."));
    assert!(t.contains("Le impostazioni business valgono solo per le organizzazioni business."));
    assert!(t.contains("Questa organizzazione ha sotto-organizzazioni."));
}

#[wasm_bindgen_test]
async fn safe_html_keeps_the_allowlist_and_drops_the_rest() {
    let html = r#"<p onclick="alert(1)">Hi <strong>there</strong><script>window.pwned=1</script></p><img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">bad</a><a href="https://ok.example">ok</a><iframe src="https://evil.example"></iframe><div><em>kept text</em></div>"#;
    let (root, _) = mount(Lang::En, move || view! { <SafeHtml html=html.to_string()/> });
    settle().await;
    let inner = root.inner_html();
    assert!(!inner.contains("onclick") && !inner.contains("script") && !inner.contains("img") && !inner.contains("iframe"), "{inner}");
    assert!(!inner.contains("javascript:"), "{inner}");
    assert!(inner.contains("<strong>there</strong>"));
    assert!(inner.contains(r#"<a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>"#), "{inner}");
    assert!(text(&root).contains("bad"), "text of a refused link survives as text");
    assert!(inner.contains("<em>kept text</em>"), "unknown wrappers vanish, content stays");
    assert!(js_sys::Reflect::get(&window(), &"pwned".into()).unwrap().is_undefined());
}

#[wasm_bindgen_test]
fn inline_styles_are_renamed_before_parsing_and_text_is_left_alone() {
    use orgdesk::ui::safe_html::{defuse_styles, sanitize_to_string};
    let out = defuse_styles(r#"<p STYLE="color:red" title='x'>a</p><p/style=x>b</p><Style>p{}</style ><p>the style = plain text, lifestyle=ok</p>"#);
    assert!(!out.to_ascii_lowercase().contains(" style=") && !out.contains("/style=") && !out.to_ascii_lowercase().contains("<style"), "{out}");
    assert!(out.contains("the style = plain text, lifestyle=ok"), "{out}");
    let clean = sanitize_to_string(&out);
    assert_eq!(clean, "<p>a</p><p>b</p><p>the style = plain text, lifestyle=ok</p>");
    assert_eq!(defuse_styles("<p>Caffè è già</p>"), "<p>Caffè è già</p>", "multi-byte text survives");
}

#[wasm_bindgen_test]
fn laravel_422_keeps_dot_paths_for_the_fields() {
    use orgdesk::api::http::{error_from, OpenBadge};
    use orgdesk::api::ApiError;
    let e = error_from::<OpenBadge>(422, include_str!("fixtures/openbadge/validation-error.json"), None);
    let ApiError::Invalid { fields, .. } = e else { panic!("{e:?}") };
    assert_eq!(fields["address_info.postcode"], vec!["The address info.postcode format is invalid.".to_string()]);
}

#[wasm_bindgen_test]
fn rpc_400_field_violations_become_field_errors() {
    use orgdesk::api::http::{error_from, BlendVision};
    use orgdesk::api::ApiError;
    let ApiError::Invalid { fields, .. } = error_from::<BlendVision>(400, include_str!("fixtures/blendvision/error-invalid-argument.json"), None) else { panic!() };
    assert_eq!(fields["business_setting.site_limit"], vec!["must be within [0, 50]".to_string()]);
    assert_eq!(error_from::<BlendVision>(404, include_str!("fixtures/blendvision/error-not-found.json"), None), ApiError::NotFound { message: "organization not found".into() });
}

#[wasm_bindgen_test]
fn rpc_fields_named_only_in_the_message_land_on_their_fields_and_the_last_reason_counts() {
    use orgdesk::api::http::{error_from, BlendVision};
    use orgdesk::api::ApiError;
    let body = r#"{"code":3,"message":"validation error, field 'business_setting.site_limit': value must be inside range [0, 50]","details":[
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERROR_REASON_GENERIC"},
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ERROR_REASON_INVALID_ARGUMENT"}]}"#;
    let ApiError::Invalid { fields, reason, .. } = error_from::<BlendVision>(400, body, None) else { panic!() };
    assert_eq!(fields["business_setting.site_limit"], vec!["value must be inside range [0, 50]".to_string()]);
    assert_eq!(reason.as_deref(), Some("ERROR_REASON_INVALID_ARGUMENT"));
}

#[wasm_bindgen_test]
fn an_html_error_page_is_a_server_error_not_a_crash() {
    use orgdesk::api::http::{error_from, BlendVision, OpenBadge};
    use orgdesk::api::ApiError;
    assert_eq!(error_from::<OpenBadge>(502, "<html>Bad gateway</html>", None), ApiError::Server { status: 502, message: String::new() });
    assert_eq!(error_from::<BlendVision>(502, "<html>Bad gateway</html>", None), ApiError::Server { status: 502, message: String::new() });
    assert_eq!(error_from::<OpenBadge>(429, "", Some(30)), ApiError::RateLimited { retry_after_secs: Some(30) });
    // Each platform reads its own shape: Laravel's field errors are no google.rpc.Status.
    let e = error_from::<BlendVision>(422, include_str!("fixtures/openbadge/validation-error.json"), None);
    assert_eq!(e, ApiError::Invalid { message: String::new(), fields: Default::default(), reason: None });
}

#[wasm_bindgen_test]
fn axis_maximum_is_a_round_number_at_or_above_the_data() {
    use orgdesk::ui::chart::nice_ceiling;
    assert_eq!(nice_ceiling(0), 4);
    assert_eq!(nice_ceiling(7), 8);
    assert_eq!(nice_ceiling(97), 100);
    assert_eq!(nice_ceiling(180), 200);
    assert_eq!(nice_ceiling(401), 800);
    assert!(nice_ceiling(12_345) >= 12_345);
}

#[wasm_bindgen_test]
async fn chart_bars_are_proportional_and_the_table_has_the_same_numbers() {
    use orgdesk::ui::chart::{MonthlyBarChart, MonthlyTable};
    let months = vec![0, 10, 20, 40, 5, 0, 0, 0, 80, 0, 0, 1000];
    let values = Signal::stored(months.clone());
    let (root, _) = mount(Lang::En, move || view! {
        <MonthlyBarChart values current=Signal::stored(Some(3usize)) summary=Signal::stored("summary".to_string())/>
        <MonthlyTable values caption=Signal::stored("Badges in 2025".to_string())/>
    });
    settle().await;
    let rects = root.query_selector_all("rect.chart__bar").unwrap();
    assert_eq!(rects.length(), 12);
    let height = |i: u32| rects.item(i).unwrap().unchecked_into::<web_sys::Element>().get_attribute("height").unwrap().parse::<f64>().unwrap();
    assert_eq!(height(0), 0.0);
    assert!((height(2) / height(1) - 2.0).abs() < 1e-9, "20 is twice as tall as 10");
    assert!((height(11) / height(8) - 12.5).abs() < 1e-9, "1000 vs 80");
    assert!(root.query_selector(".chart__month--current .chart__label").unwrap().unwrap().text_content().unwrap().starts_with("Apr"));
    let cells: Vec<String> = (0..12)
        .map(|i| root.query_selector_all("tbody td").unwrap().item(i).unwrap().text_content().unwrap())
        .collect();
    let expected: Vec<String> = ["0", "10", "20", "40", "5", "0", "0", "0", "80", "0", "0", "1,000"].iter().map(|s| s.to_string()).collect();
    assert_eq!(cells, expected);
    assert_eq!(root.query_selector("tfoot td").unwrap().unwrap().text_content().unwrap(), "1,155");
    assert_eq!(root.query_selector("svg").unwrap().unwrap().get_attribute("aria-label").as_deref(), Some("summary"));
}

/// A real PNG of the given size, drawn by the browser.
fn canvas_png(width: u32, height: u32) -> Vec<u8> {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let data_url = canvas.to_data_url().unwrap();
    let binary = window().atob(data_url.split_once(',').unwrap().1).unwrap();
    binary.chars().map(|c| c as u8).collect()
}

fn file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

#[wasm_bindgen_test]
async fn logo_checks_reject_each_bad_kind_before_uploading() {
    use orgdesk::i18n::T;
    use orgdesk::features::openbadge::logo::{inspect, problem_key};
    use orgdesk_model::media::LogoProblem;
    assert_eq!(inspect(&file("ok.png", &canvas_png(300, 240))).await, Ok((300, 240)));
    assert_eq!(inspect(&file("notes.png", b"plain text renamed to png")).await, Err(LogoProblem::NotAnImage));
    assert_eq!(inspect(&file("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")).await, Err(LogoProblem::NotAnImage));
    assert_eq!(inspect(&file("small.png", &canvas_png(150, 400))).await, Err(LogoProblem::TooSmall { width: 150, height: 400 }));
    let mut huge = canvas_png(300, 300);
    huge.resize(5 * 1024 * 1024 + 1, 0);
    assert_eq!(inspect(&file("huge.png", &huge)).await, Err(LogoProblem::TooBig));
    let broken = &canvas_png(300, 300)[..40];
    assert_eq!(inspect(&file("broken.png", broken)).await, Err(LogoProblem::Unreadable));
    assert_eq!(problem_key(LogoProblem::TooBig).text(Lang::It), "Il file supera i 5 MB: scegli un'immagine più piccola o esportala di nuovo con qualità inferiore.");
    assert_eq!(problem_key(LogoProblem::NotAnImage), T::LogoNotAnImage);
}

/// Every tag SafeHtml may produce, and the only attributes it may keep.
const SAFE_TAGS: &[&str] = &["P", "BR", "STRONG", "EM", "B", "I", "U", "UL", "OL", "LI", "A", "H2", "H3", "H4", "BLOCKQUOTE"];

#[wasm_bindgen_test]
async fn safe_html_runs_nothing_from_the_xss_corpus() {
    let corpus: Vec<&'static str> = include_str!("fixtures/xss-corpus.txt").lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(corpus.len() >= 40, "at least 40 vectors");
    for vector in corpus {
        let html = vector.to_string();
        let (root, _) = mount(Lang::En, move || view! { <SafeHtml html=html.clone()/> });
        settle().await;
        // Give anything that would fire (onerror, onload, autofocus) a chance to.
        gloo_timers::future::TimeoutFuture::new(20).await;
        let all = root.query_selector_all("*").unwrap();
        for i in 0..all.length() {
            let el: web_sys::Element = all.item(i).unwrap().unchecked_into();
            if el == *root.first_element_child().as_ref().unwrap() && el.tag_name() == "DIV" {
                continue; // SafeHtml's own container
            }
            assert!(SAFE_TAGS.contains(&el.tag_name().as_str()), "{vector}: kept <{}>", el.tag_name());
            for name in el.get_attribute_names().iter().filter_map(|n| n.as_string()) {
                assert!(el.tag_name() == "A" && (name == "href" || name == "rel"), "{vector}: kept attribute {name}");
            }
            if let Some(href) = el.get_attribute("href") {
                let h = href.to_ascii_lowercase();
                assert!(h.starts_with("https://") || h.starts_with("http://") || h.starts_with("mailto:"), "{vector}: href {href}");
            }
        }
        assert!(js_sys::Reflect::get(&window(), &"__xss".into()).unwrap().is_undefined(), "{vector}: script ran");
        root.remove();
    }
}

/// Decodes `text` as the app does in the browser (`JSON.parse` and
/// serde-wasm-bindgen) and as the server and model tests do (serde_json):
/// the two must agree on every fixture, quirks included.
fn decodes_alike<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(name: &str, text: &str) {
    let browser = orgdesk::core::json::from_str::<T>(text).unwrap_or_else(|e| panic!("{name} in the browser: {e}"));
    let native = serde_json::from_str::<T>(text).unwrap_or_else(|e| panic!("{name} with serde_json: {e}"));
    assert_eq!(browser, native, "{name}");
}

#[wasm_bindgen_test]
fn every_fixture_decodes_in_the_browser_as_serde_json_decodes_it() {
    decodes_alike::<ob::Data<ob::Organization>>("organization", include_str!("fixtures/openbadge/organization.json"));
    decodes_alike::<ob::Data<ob::Organization>>("organization-sparse", include_str!("fixtures/openbadge/organization-sparse.json"));
    decodes_alike::<ob::Data<ob::Organization>>("organization-unknown-values", include_str!("fixtures/openbadge/organization-unknown-values.json"));
    decodes_alike::<ob::Paginated<ob::BadgeTemplate>>("badge-templates", include_str!("fixtures/openbadge/badge-templates.json"));
    decodes_alike::<ob::AuthUser>("auth-user", include_str!("fixtures/openbadge/auth-user.json"));
    decodes_alike::<ob::LaravelError>("unauthenticated", include_str!("fixtures/openbadge/unauthenticated.json"));
    decodes_alike::<ob::LaravelError>("validation-error", include_str!("fixtures/openbadge/validation-error.json"));
    decodes_alike::<bv::OrganizationEnvelope>("organization-business-bvone", include_str!("fixtures/blendvision/organization-business-bvone.json"));
    decodes_alike::<bv::OrganizationEnvelope>("organization-reseller", include_str!("fixtures/blendvision/organization-reseller.json"));
    decodes_alike::<bv::SubOrgsPage>("sub-orgs-page", include_str!("fixtures/blendvision/sub-orgs-page.json"));
    decodes_alike::<bv::RpcStatus>("error-invalid-argument", include_str!("fixtures/blendvision/error-invalid-argument.json"));
    decodes_alike::<bv::RpcStatus>("error-not-found", include_str!("fixtures/blendvision/error-not-found.json"));
    // The lenient fields' quirks, each in the shape a platform sent it.
    let quirks = r#"{"data": {"id": 7, "name": "  Ente  ", "settings": {"public_profile": "1", "public_badge_types": 0,
        "public_learning_paths": "true", "public_badge_templates": null}, "website": "", "created_at": "2024-03-04 09:20:11",
        "updated_at": "2024-03-04T09:20:11.5+02:00", "current_period_end": "2025-01-31", "credits_left": "42", "badges_count": 12.0,
        "address_info": [], "contact_info": {"mobile": 3912345678, "email": null}, "billing_info": {"vat": 1234567890.5}}}"#;
    decodes_alike::<ob::Data<ob::Organization>>("quirks", quirks);
    // Lists: an element that does not decode is left out, the rest kept; a non-list is empty.
    let page = r#"{"organizations": [null, "x", 7, {"id": "a1", "name": "Kept"}, {"id": "b2", "name": "Also kept", "has_sub_orgs": "1"}], "total_size": "2"}"#;
    decodes_alike::<bv::SubOrgsPage>("sub-orgs with broken elements", page);
    let kept = orgdesk::core::json::from_str::<bv::SubOrgsPage>(page).unwrap();
    assert_eq!(kept.organizations.iter().map(|o| o.name.clone().unwrap_or_default()).collect::<Vec<_>>(), ["Kept", "Also kept"]);
    decodes_alike::<bv::SubOrgsPage>("sub-orgs as an object", r#"{"organizations": {"0": {"id": "a"}}}"#);
    decodes_alike::<bv::SubOrgsPage>("sub-orgs as null", r#"{"organizations": null}"#);
    decodes_alike::<ob::Paginated<ob::BadgeTemplate>>("templates with broken elements", r#"{"data": [{"id": "t1", "title": "Uno"}, false, {"id": "t2"}], "meta": []}"#);
    assert!(orgdesk::core::json::from_str::<ob::Data<ob::Organization>>("<html>502</html>").is_err(), "an HTML page is not JSON");
}

#[wasm_bindgen_test]
fn the_browser_decoder_reads_numbers_nulls_and_enums_as_serde_json_does() {
    use orgdesk::core::json;
    // Floats sent where text was expected keep the spelling Rust gives them
    // (the browser formats them: JavaScript's spelling, the same in this range).
    for (i, n) in ["0.5", "-2.25", "1234567890.5", "0.000001", "99999999999999.9", "3.0e5", "12.0", "-0"].iter().enumerate() {
        decodes_alike::<ob::Data<ob::Organization>>(&format!("float {i}"), &format!(r#"{{"data": {{"billing_info": {{"vat": {n}}}, "badges_count": {n}, "name": {n}}}}}"#));
    }
    // The largest integer JavaScript holds exactly, and one past it (read as the nearest float).
    decodes_alike::<ob::Data<ob::Organization>>("largest exact integer", r#"{"data": {"credits_left": 9007199254740991, "name": -9007199254740991}}"#);
    let past = json::from_str::<ob::Data<ob::Organization>>(r#"{"data": {"credits_left": 9007199254740993}}"#).unwrap();
    assert_eq!(past.data.credits_left, Some(9_007_199_254_740_992));
    // null, a missing key and an unknown key; an enum value written as its name.
    decodes_alike::<ob::Data<ob::Organization>>("nulls and unknown keys", r#"{"data": {"name": null, "settings": null, "extra": {"deep": [1, {"x": null}]}}}"#);
    assert_eq!(json::from_str::<Dialect>(r#""blendvision""#), Ok(Dialect::BlendVision));
    assert!(json::from_str::<Dialect>(r#""other""#).is_err());
    // Errors name what was found by kind, never its value.
    let e = json::from_str::<ob::Data<ob::Organization>>(r#"{"data": 2.5}"#).unwrap_err();
    assert!(e.starts_with("invalid type: a number, expected"), "{e}");
    let e = json::from_str::<Vec<String>>(r#"{"a": 1}"#).unwrap_err();
    assert!(e.starts_with("invalid type: an object, expected"), "{e}");
    let e = json::from_str::<ob::Data<ob::Organization>>(r#"[]"#).unwrap_err();
    assert!(e.starts_with("invalid type: an array, expected"), "{e}");
}

#[wasm_bindgen_test]
fn chart_lengths_are_written_to_a_hundredth() {
    use orgdesk::ui::chart::svg;
    assert_eq!(svg(52.0), "52.00");
    assert_eq!(svg(36.906666), "36.91");
    assert_eq!(svg(0.004), "0.00");
    assert_eq!(svg(-4.5), "-4.50");
    assert_eq!(svg(-0.25), "-0.25");
    assert_eq!(svg(1234.5), "1234.50");
}

#[wasm_bindgen_test]
fn json_written_in_the_browser_reads_back_as_the_same_value() {
    use orgdesk::core::json;
    // A BlendVision PATCH body as the model builds it, with nesting, numbers, null and text that needs escaping.
    let body = serde_json::json!({"name": "Lumen \"Media\" — Sede\n2", "contract_days": 30, "ratio": 0.5, "business_setting": {"category": null, "enable_create_site": true, "site_limit": 12}, "tags": ["a", 1]});
    let text = json::to_string(&body).expect("written");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), body, "{text}");
    let session = Session {
        dialect: Dialect::BlendVision,
        token: "eyJ.a\"b".into(),
        expires_at: Some(1_767_225_600_000),
        refresh_token: Some("r-1".into()),
        org_id: Some("9f1c".into()),
        keep: true,
    };
    assert_eq!(json::from_str::<Session>(&json::to_string(&session).unwrap()).unwrap(), session);
}

#[wasm_bindgen_test]
async fn links_inside_the_console_are_followed_in_place_and_the_back_button_returns() {
    use orgdesk::core::navigation::{provide_location, use_location, Go};
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let start = format!("{}{}", window.location().pathname().unwrap(), window.location().search().unwrap());
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/console/a?x=1")).unwrap();

    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    let location = std::rc::Rc::new(std::cell::Cell::new(None));
    let keep = location.clone();
    leptos::mount::mount_to(container.clone(), move || {
        provide_location("/console");
        let here = use_location();
        keep.set(Some(here));
        view! {
            <p id="nav-path">{move || here.path()}</p>
            <p id="nav-q">{move || here.query("q").unwrap_or_default()}</p>
            <a id="nav-in" href="/console/b?q=a+b%20c">"in"</a>
            <a id="nav-out" href="/elsewhere">"out"</a>
            <a id="nav-blank" href="/console/c" target="_blank">"blank"</a>
            <a id="nav-external" href="/console/d" rel="external">"external"</a>
            <a id="nav-download" href="/console/e" download>"download"</a>
            <a id="nav-hash" href="#nav-path">"hash"</a>
        }
    })
    .forget();
    let location = location.take().unwrap();
    let shown = |id: &str| doc.get_element_by_id(id).unwrap().text_content().unwrap();
    assert_eq!(shown("nav-path"), "/console/a");

    // Links the app must leave to the browser: a listener on the window (after
    // the app's, on the document) records whether the app took the click, then
    // stops the browser so the test page stays.
    let taken = std::rc::Rc::new(std::cell::Cell::new(None));
    let record = taken.clone();
    let after = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        record.set(Some(ev.default_prevented()));
        ev.prevent_default();
    });
    window.add_event_listener_with_callback("click", after.as_ref().unchecked_ref()).unwrap();
    for id in ["nav-out", "nav-blank", "nav-external", "nav-download", "nav-hash"] {
        doc.get_element_by_id(id).unwrap().unchecked_into::<HtmlElement>().click();
        assert_eq!(taken.take(), Some(false), "{id} is the browser's to follow");
    }
    assert_eq!(window.location().pathname().unwrap(), "/console/a");

    doc.get_element_by_id("nav-in").unwrap().unchecked_into::<HtmlElement>().click();
    assert_eq!(taken.take(), Some(true), "a page of the console is followed in place");
    settle().await;
    assert_eq!(window.location().pathname().unwrap(), "/console/b");
    assert_eq!((shown("nav-path"), shown("nav-q")), ("/console/b".to_string(), "a b c".to_string()));

    // Only the query changes: same path, a new entry replacing this one.
    location.go("?q=z", Go { replace: true, scroll: false });
    settle().await;
    assert_eq!((shown("nav-path"), shown("nav-q")), ("/console/b".to_string(), "z".to_string()));

    history.back().unwrap();
    gloo_timers::future::TimeoutFuture::new(100).await;
    settle().await;
    assert_eq!((shown("nav-path"), shown("nav-q")), ("/console/a".to_string(), String::new()), "back to where the link was clicked");

    window.remove_event_listener_with_callback("click", after.as_ref().unchecked_ref()).unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start)).unwrap();
}

#[wasm_bindgen_test]
async fn a_page_sets_the_title_and_meta_tags_and_gives_them_back_when_it_goes() {
    use orgdesk::ui::head::{Meta, Title};
    let doc = document();
    doc.set_title("Before");
    let on_screen = RwSignal::new(true);
    let name = RwSignal::new(String::from("Ateneo"));
    let (root, _) = mount(Lang::En, move || {
        view! {
            <Show when=move || on_screen.get()>
                <Title text=move || format!("Profile – {}", name.get())/>
                <Meta name="robots" content="noindex"/>
            </Show>
        }
    });
    settle().await;
    let robots = || doc.query_selector("meta[name='robots']").unwrap().and_then(|m| m.get_attribute("content"));
    assert_eq!(doc.title(), "Profile – Ateneo");
    assert_eq!(robots().as_deref(), Some("noindex"));
    name.set("Ateneo di Valmarina".into());
    settle().await;
    assert_eq!(doc.title(), "Profile – Ateneo di Valmarina", "the title follows its text");
    on_screen.set(false);
    settle().await;
    assert_eq!(doc.title(), "Before");
    assert_eq!(robots(), None, "a tag the page added goes with it");
    assert!(root.text_content().unwrap_or_default().is_empty());
}

#[wasm_bindgen_test]
async fn fetched_data_follows_its_inputs_keeps_the_last_answer_and_drops_a_stale_one() {
    use gloo_timers::future::TimeoutFuture;
    use orgdesk::core::error::ApiError;
    use orgdesk::core::fetch::Fetched;
    let input = RwSignal::new(1u32);
    let runs = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let (counted, keep) = (runs.clone(), slot.clone());
    mount(Lang::En, move || {
        // The first answer is slow, later ones quick.
        keep.set(Some(Fetched::new(move || {
            let n = input.get();
            counted.set(counted.get() + 1);
            async move {
                TimeoutFuture::new(if n == 1 { 300 } else { 20 }).await;
                Ok::<u32, ApiError>(n * 10)
            }
        })));
    });
    let fetched = slot.take().unwrap();
    settle().await;
    assert_eq!((fetched.get(), runs.get(), fetched.loading()), (None, 1, true), "fetching, nothing to show yet");
    input.set(2);
    TimeoutFuture::new(100).await;
    assert_eq!((fetched.get(), runs.get()), (Some(Ok(20)), 2), "a changed input fetches again");
    TimeoutFuture::new(400).await;
    assert_eq!((fetched.get(), fetched.loading()), (Some(Ok(20)), false), "the first, slower answer came too late and was dropped");
    fetched.refetch();
    settle().await;
    assert_eq!((fetched.get(), runs.get(), fetched.loading()), (Some(Ok(20)), 3, true), "the last answer stays while fetching again");
    input.set(3);
    TimeoutFuture::new(100).await;
    assert_eq!(fetched.get(), Some(Ok(30)));
}

#[wasm_bindgen_test]
fn the_form_machinery_maps_keep_key_order_and_one_value_per_key_like_a_btreemap() {
    use orgdesk::ui::form::keyed::{KeyMap, KeySet};
    use std::collections::{BTreeMap, BTreeSet};
    let pairs = [(5, "e"), (1, "a"), (3, "c"), (1, "A"), (4, "d"), (2, "b"), (5, "E")];
    let mine: KeyMap<u8, &str> = pairs.into_iter().collect();
    let tree: BTreeMap<u8, &str> = pairs.into_iter().collect();
    assert_eq!(mine.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(), tree.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>());
    let mut mine = mine;
    assert_eq!(mine.insert(3, "C"), Some("c"));
    assert_eq!(mine.insert(9, "i"), None);
    assert_eq!(mine.remove(&1), Some("A"));
    assert_eq!(mine.remove(&1), None);
    mine.retain(|k, _| k % 2 == 1);
    assert_eq!(mine.into_iter().collect::<Vec<_>>(), vec![(3, "C"), (5, "E"), (9, "i")]);

    let keys = [7, 2, 7, 4, 2];
    let mut set: KeySet<u8> = keys.into_iter().collect();
    assert_eq!(set.iter().copied().collect::<Vec<_>>(), keys.into_iter().collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>());
    assert!(!set.insert(4) && set.insert(1) && set.contains(&1) && set.remove(&7) && !set.contains(&7));
    assert_eq!(set.len(), 3);
}

#[wasm_bindgen_test]
fn the_country_list_holds_every_code_once_in_the_browsers_order_of_names() {
    use orgdesk::i18n::countries;
    let codes = orgdesk_model::countries::CODES;
    for (lang, locale) in [(Lang::En, "en"), (Lang::It, "it")] {
        let list = countries(lang);
        let mut seen: Vec<&str> = list.iter().map(|(c, _)| c.as_str()).collect();
        seen.sort_unstable();
        let mut all = codes.to_vec();
        all.sort_unstable();
        assert_eq!(seen, all, "every code once ({locale})");
        let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&locale.into()), &js_sys::Object::new());
        let compare = collator.compare();
        for pair in list.windows(2) {
            let order = compare.call2(&wasm_bindgen::JsValue::NULL, &pair[0].1.as_str().into(), &pair[1].1.as_str().into()).unwrap().as_f64().unwrap();
            assert!(order <= 0.0, "{:?} before {:?} ({locale})", pair[0], pair[1]);
        }
        let name_of = |code: &str| list.iter().find(|(c, _)| c == code).map(|(_, n)| n.clone()).unwrap();
        assert_eq!(name_of("IT"), if lang == Lang::En { "Italy" } else { "Italia" });
        assert_eq!(name_of("DE"), if lang == Lang::En { "Germany" } else { "Germania" });
    }
}
