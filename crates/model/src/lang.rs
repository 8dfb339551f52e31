//! The one way orgdesk puts words on screen, for the app and the server alike.
//!
//! Every text carries English and Italian side by side, so a missing
//! translation is a compile error, not a blank on screen:
//! - [`texts!`](crate::texts) — fixed strings: a type with one constant per key and `text(lang)`;
//! - [`messages!`](crate::messages) — messages with typed arguments and plurals:
//!   one function per message, `name(lang, args…) -> String`;
//! - [`labels!`](crate::labels) — human labels for an API enum's values.
//!
//! Dates, numbers and country names are the browser's Intl's job in the app.


/// A language orgdesk speaks. The variants' order is the column order of
/// the `texts!` tables (`En` = 0, `It` = 1).
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
        let primary = code.as_bytes().split(|b| *b == b'-' || *b == b'_').next()?;
        Lang::ALL.into_iter().find(|lang| primary.eq_ignore_ascii_case(lang.code().as_bytes()))
    }

    /// The language's own name, shown in the switch whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::It => "Italiano",
        }
    }

    /// This language's choice between two values that are not texts (a
    /// separator, a locale tag); texts go through the macros below.
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

/// Fixed strings: `Key => "English", "Italiano";` becomes a constant of the
/// type, holding its own texts, and `Type::Key.text(lang)` its text. Each key
/// is a constant, not a variant indexing one table, so a build links only
/// the strings it uses: the public page does not carry the consoles' words.
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
        $vis struct $name(&'static [&'static str; 2]);

        #[allow(non_upper_case_globals, dead_code)]
        impl $name {
            // One column per language in `Lang` order.
            $($vis const $key: $name = $name(&[$en, $it]);)+

            pub fn text(self, lang: $crate::lang::Lang) -> &'static str {
                self.0[lang as usize]
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

/// A message's text with its arguments filled in. Not inlined: every
/// message shares this one copy, which keeps the wasm small.
#[doc(hidden)]
#[inline(never)]
pub fn fill(args: std::fmt::Arguments<'_>) -> String {
    std::fmt::format(args)
}

#[doc(hidden)]
#[macro_export]
macro_rules! __message_text {
    ($lang:ident, [$($count:ident)?], $text:literal) => {
        $crate::lang::fill(format_args!($text))
    };
    ($lang:ident, [$count:ident], [$one:literal, $other:literal]) => {
        match $lang.plural($count as i64) {
            $crate::lang::Plural::One => $crate::lang::fill(format_args!($one)),
            $crate::lang::Plural::Other => $crate::lang::fill(format_args!($other)),
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
            $crate::texts! {
                enum Label { $($variant => $en, $it;)+ }
            }
            type Enum = $($ty)::+;
            let label = match value {
                $(Enum::$variant => Label::$variant,)+
                Enum::Unknown(raw) => return raw.clone(),
            };
            label.text(lang).to_string()
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

    crate::texts! {
        enum Sample {
            First => "first", "primo";
            Middle => "middle", "medio";
            Last => "last", "ultimo";
        }
    }

    #[test]
    fn every_key_reads_its_own_row_and_language_column() {
        assert_eq!(Sample::First.text(Lang::En), "first");
        assert_eq!(Sample::Middle.text(Lang::It), "medio");
        assert_eq!(Sample::Last.text(Lang::En), "last");
        assert_eq!(Sample::Last.text(Lang::It), "ultimo");
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
