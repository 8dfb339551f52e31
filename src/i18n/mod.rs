//! Italian and English. Every string a user sees comes from here, made with
//! the one mechanism of `orgdesk_model::lang`: `T` keys for fixed text, `msg`
//! functions for messages with arguments and plurals, label functions for enum
//! values; the browser's Intl for dates, numbers and country names.

mod labels;
pub mod msg;
mod problems;
mod strings;

pub use labels::*;
pub use problems::*;
pub use strings::T;

use crate::core::storage;
use leptos::prelude::*;
use orgdesk_model::Timestamp;
use wasm_bindgen::JsCast;

const KEY: &str = "orgdesk.lang";

pub use orgdesk_model::Lang;

/// A BCP 47 tag for Intl formatting: the browser's own locale when it is
/// this language (so an en-US viewer gets US dates), else a sensible default.
fn locale(lang: Lang) -> String {
    let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
    if Lang::from_code(&browser) == Some(lang) && browser.contains('-') {
        browser
    } else {
        lang.pick("en-GB", "it-IT").to_string()
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// Remembered choice first, then the browser's languages, then English.
    pub fn detect() -> I18n {
        let remembered = storage::get(KEY).and_then(|c| Lang::from_code(&c));
        let browser = || {
            let nav = web_sys::window()?.navigator();
            nav.languages().iter().filter_map(|v| v.as_string()).find_map(|c| Lang::from_code(&c))
        };
        I18n { lang: RwSignal::new(remembered.or_else(browser).unwrap_or(Lang::En)) }
    }

    /// Whether the viewer picked a language themselves (on any visit).
    pub fn remembered(&self) -> bool {
        storage::get(KEY).and_then(|c| Lang::from_code(&c)).is_some()
    }

    pub fn choose(&self, lang: Lang) {
        storage::set(KEY, lang.code());
        self.lang.set(lang);
    }

    /// Reactive: reading it inside a view re-renders on a language change.
    pub fn t(&self, key: T) -> &'static str {
        key.text(self.lang.get())
    }

    /// For event handlers and other code outside reactive views.
    pub fn t_untracked(&self, key: T) -> &'static str {
        key.text(self.lang.get_untracked())
    }
}

pub fn provide_i18n(i18n: I18n) {
    provide_context(i18n);
    // Screen readers pick their voice from <html lang>.
    Effect::new(move |_| {
        let code = i18n.lang.get().code();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", code);
        }
    });
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A timestamp in the viewer's time zone and language. Bare dates are calendar
/// dates, so they are shown as sent, without shifting by the time zone.
pub fn format_timestamp(ts: &Timestamp, lang: Lang) -> String {
    let date = js_sys::Date::new(&(ts.millis() as f64).into());
    let opts = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    };
    if ts.date_only {
        set("dateStyle", "long");
        set("timeZone", "UTC");
        date.to_locale_date_string(&locale(lang), &opts).into()
    } else {
        set("dateStyle", "long");
        set("timeStyle", "short");
        date.to_locale_string(&locale(lang), &opts).into()
    }
}

/// An integer with the viewer's grouping separators.
pub fn format_number(n: i64, lang: Lang) -> String {
    js_sys::Number::from(n as f64).to_locale_string(&locale(lang)).into()
}

/// The name of month `month0` (0 = January) in the viewer's language,
/// `style` as Intl takes it: "long" or "short".
pub fn month_name(month0: u32, lang: Lang, style: &str) -> String {
    let date = js_sys::Date::new(&js_sys::Date::utc(2024.0, f64::from(month0)).into());
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"month".into(), &style.into());
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    date.to_locale_date_string(&locale(lang), &opts).into()
}

/// A country's name in the viewer's language (Intl.DisplayNames), or the
/// code itself where the browser has no name for it.
pub fn country_name(code: &str, lang: Lang) -> String {
    region_names(lang).and_then(|names| display_name(&names, code)).unwrap_or_else(|| code.to_string())
}

/// Every ISO country as (code, name), sorted by name in the viewer's language.
///
/// The browser sorts the names with its Collator in one `Array.sort` call:
/// calling the Collator from the wasm once per comparison took some 9 ms of
/// the profile page's first render on a 4x slowed CPU.
pub fn countries(lang: Lang) -> Vec<(String, String)> {
    use wasm_bindgen::JsValue;
    let names = region_names(lang);
    let mut list: Vec<(String, String)> = orgdesk_model::countries::CODES
        .iter()
        .map(|&c| (c.to_string(), names.as_ref().and_then(|n| display_name(n, c)).unwrap_or_else(|| c.to_string())))
        .collect();
    let sorted: js_sys::Array = list.iter().map(|(_, name)| JsValue::from_str(name)).collect();
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&locale(lang).into()), &js_sys::Object::new());
    let sort = js_sys::Reflect::get(&sorted, &"sort".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(sort) = sort {
        let _ = sort.call1(&sorted, &collator.compare());
    }
    // Back from the browser's order of names to (code, name) pairs: found by
    // name in the list in byte order (codes in their order for one name); a
    // name two codes share takes each in turn.
    list.sort_by(|a, b| a.1.cmp(&b.1));
    let mut out = Vec::with_capacity(list.len());
    let mut repeat = 0;
    for name in sorted.iter().filter_map(|n| n.as_string()) {
        repeat = if out.last().is_some_and(|(_, last): &(String, String)| *last == name) { repeat + 1 } else { 0 };
        if let Some(pair) = list.get(list.partition_point(|(_, n)| *n < name) + repeat) {
            out.push(pair.clone());
        }
    }
    out
}

fn region_names(lang: Lang) -> Option<js_sys::Object> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &"DisplayNames".into()).ok()?.dyn_into().ok()?;
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"type".into(), &"region".into()).ok()?;
    let args = js_sys::Array::of2(&js_sys::Array::of1(&locale(lang).into()), &opts);
    js_sys::Reflect::construct(&ctor, &args).ok()?.dyn_into().ok()
}

fn display_name(names: &js_sys::Object, code: &str) -> Option<String> {
    let of: js_sys::Function = js_sys::Reflect::get(names, &"of".into()).ok()?.dyn_into().ok()?;
    of.call1(names, &code.into()).ok()?.as_string().filter(|n| n != code)
}

/// A calendar date in the viewer's time zone and language, medium length.
pub fn format_date(ts: &Timestamp, lang: Lang) -> String {
    let date = js_sys::Date::new(&(ts.millis() as f64).into());
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    if ts.date_only {
        let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    }
    date.to_locale_date_string(&locale(lang), &opts).into()
}
