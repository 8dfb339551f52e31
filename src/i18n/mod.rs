//! Italian and English. Every string a user sees comes from here: `T` keys
//! for fixed text, functions for enum labels and formatted values.

mod labels;
mod strings;

pub use labels::*;
pub use strings::T;

use crate::state::storage;
use leptos::prelude::*;
use orgdesk_model::Timestamp;

const KEY: &str = "orgdesk.lang";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "it" => Some(Lang::It),
            _ => None,
        }
    }

    /// The language's own name, shown in the switch whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::It => "Italiano",
        }
    }

    /// A BCP 47 tag for Intl formatting: the browser's own locale when it is
    /// this language (so an en-US viewer gets US dates), else a sensible default.
    pub fn locale(self) -> String {
        let browser = web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default();
        if Lang::from_code(&browser) == Some(self) && browser.contains('-') {
            browser
        } else {
            match self {
                Lang::En => "en-GB".to_string(),
                Lang::It => "it-IT".to_string(),
            }
        }
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
        date.to_locale_date_string(&lang.locale(), &opts).into()
    } else {
        set("dateStyle", "long");
        set("timeStyle", "short");
        date.to_locale_string(&lang.locale(), &opts).into()
    }
}

/// An integer with the viewer's grouping separators.
pub fn format_number(n: i64, lang: Lang) -> String {
    js_sys::Number::from(n as f64).to_locale_string(&lang.locale()).into()
}

/// The name of month `month0` (0 = January) in the viewer's language,
/// `style` as Intl takes it: "long" or "short".
pub fn month_name(month0: u32, lang: Lang, style: &str) -> String {
    let date = js_sys::Date::new(&js_sys::Date::utc(2024.0, f64::from(month0)).into());
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"month".into(), &style.into());
    let _ = js_sys::Reflect::set(&opts, &"timeZone".into(), &"UTC".into());
    date.to_locale_date_string(&lang.locale(), &opts).into()
}
