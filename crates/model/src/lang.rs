//! The one way orgdesk puts words on screen, for the app and the server alike.
//!
//! Every text carries English and Italian side by side, so a missing
//! translation is a compile error, not a blank on screen:
//! - [`texts!`](crate::texts) — fixed strings: an enum of keys with `text(lang)`;
//! - [`messages!`](crate::messages) — messages with typed arguments and plurals:
//!   one function per message, `name(lang, args…) -> String`;
//! - [`labels!`](crate::labels) — human labels for an API enum's values.
//!
//! Dates, numbers and country names are the browser's Intl's job in the app.

/// A language orgdesk speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    It,
}

/// Which form of a counted word a number takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// The language of a tag such as `it`, `en-US` or `it_IT`.
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

    /// This language's version of a text given in both; the macros below
    /// expand to it.
    pub fn pick<X>(self, en: X, it: X) -> X {
        match self {
            Lang::En => en,
            Lang::It => it,
        }
    }

    /// The plural rule: English and Italian both use the "one" form for
    /// exactly 1 and the "other" form for everything else (0 included).
    pub fn plural(self, n: i64) -> Plural {
        match self {
            Lang::En | Lang::It if n == 1 => Plural::One,
            Lang::En | Lang::It => Plural::Other,
        }
    }
}

/// Fixed strings: `Key => "English", "Italiano";` becomes a variant of the
/// enum, and `Enum::Key.text(lang)` its text.
///
/// ```
/// orgdesk_model::texts! {
///     pub enum T {
///         SignIn => "Sign in", "Accedi";
///     }
/// }
/// assert_eq!(T::SignIn.text(orgdesk_model::Lang::It), "Accedi");
/// ```
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($key:ident => $en:literal, $it:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name { $($key,)+ }

        impl $name {
            pub fn text(self, lang: $crate::lang::Lang) -> &'static str {
                match self {
                    $($name::$key => lang.pick($en, $it),)+
                }
            }
        }
    };
}

/// Messages with typed arguments. Each entry becomes a function taking the
/// language first, then its arguments; the texts are `format!` strings that
/// name the arguments. A counted message names its count with `plural(n)` and
/// gives `[one, other]` forms; [`Lang::plural`] picks one.
///
/// ```
/// orgdesk_model::messages! {
///     pub fn page_of(page: usize, pages: usize) => "Page {page} of {pages}", "Pagina {page} di {pages}";
///     pub fn days_left(n: i64) plural(n) => ["{n} day left", "{n} days left"], ["{n} giorno rimasto", "{n} giorni rimasti"];
/// }
/// use orgdesk_model::Lang;
/// assert_eq!(page_of(Lang::It, 2, 7), "Pagina 2 di 7");
/// assert_eq!(days_left(Lang::En, 1), "1 day left");
/// assert_eq!(days_left(Lang::It, 3), "3 giorni rimasti");
/// ```
#[macro_export]
macro_rules! messages {
    ($($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(plural($count:ident))? => $en:tt, $it:tt;)+) => {
        $(
            $(#[$meta])*
            $vis fn $name(lang: $crate::lang::Lang, $($arg: $ty),*) -> String {
                match lang {
                    $crate::lang::Lang::En => $crate::__message_text!(lang, [$($count)?], $en),
                    $crate::lang::Lang::It => $crate::__message_text!(lang, [$($count)?], $it),
                }
            }
        )+
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __message_text {
    ($lang:ident, [$($count:ident)?], $text:literal) => {
        format!($text)
    };
    ($lang:ident, [$count:ident], [$one:literal, $other:literal]) => {
        match $lang.plural($count as i64) {
            $crate::lang::Plural::One => format!($one),
            $crate::lang::Plural::Other => format!($other),
        }
    };
}

/// Human labels for an API enum's values: `labels!(name, path::Enum { … })`
/// becomes `pub fn name(value: &Enum, lang: Lang) -> String`. Values nobody
/// documented (the enum's `Unknown(raw)`) are shown raw, as sent, rather than
/// hidden.
#[macro_export]
macro_rules! labels {
    ($(#[$meta:meta])* $fn_name:ident, $($ty:ident)::+ { $($variant:ident => $en:literal, $it:literal;)+ }) => {
        $(#[$meta])*
        pub fn $fn_name(value: &$($ty)::+, lang: $crate::lang::Lang) -> String {
            type Enum = $($ty)::+;
            match value {
                $(Enum::$variant => lang.pick($en, $it).to_string(),)+
                Enum::Unknown(raw) => raw.clone(),
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::messages! {
        fn months(n: i64) plural(n) => ["{n} month", "{n} months"], ["{n} mese", "{n} mesi"];
        fn like(example: &str) => "like {example}", "come {example}";
    }

    #[test]
    fn one_takes_the_singular_and_everything_else_the_plural() {
        assert_eq!(months(Lang::En, 1), "1 month");
        assert_eq!(months(Lang::En, 0), "0 months");
        assert_eq!(months(Lang::It, 1), "1 mese");
        assert_eq!(months(Lang::It, 12), "12 mesi");
    }

    #[test]
    fn messages_fill_their_arguments_in_each_language() {
        assert_eq!(like(Lang::En, "DE123456789"), "like DE123456789");
        assert_eq!(like(Lang::It, "DE123456789"), "come DE123456789");
    }

    #[test]
    fn language_tags_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_code("it-IT"), Some(Lang::It));
        assert_eq!(Lang::from_code("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
