//! Decoding that survives what real responses contain: timestamps in several
//! forms, booleans as `true`/`1`/`"1"`, numbers as strings, nulls everywhere,
//! and enum values nobody documented.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A point in time as the APIs send it. `date_only` remembers that the
/// vendor sent a bare date, so it is shown without a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    pub utc: DateTime<Utc>,
    pub date_only: bool,
}

impl Timestamp {
    pub fn from_utc(utc: DateTime<Utc>) -> Self {
        Timestamp { utc, date_only: false }
    }

    /// Parses every form listed in API.md: RFC 3339 (with or without
    /// fractions, `Z` or an offset), `YYYY-MM-DD HH:MM:SS` (UTC), the same with
    /// fractions, and a bare `YYYY-MM-DD`. Hand-written rather than chrono's
    /// format-string parser, which costs tens of kilobytes in the wasm.
    pub fn parse(raw: &str) -> Option<Timestamp> {
        let s = raw.trim().as_bytes();
        let date = NaiveDate::from_ymd_opt(digits(s, 0, 4)? as i32, digits(s, 5, 2)?, digits(s, 8, 2)?)
            .filter(|_| s.get(4) == Some(&b'-') && s.get(7) == Some(&b'-'))?;
        if s.len() == 10 {
            return Some(Timestamp { utc: date.and_time(NaiveTime::MIN).and_utc(), date_only: true });
        }
        if !matches!(s.get(10), Some(b'T' | b't' | b' ')) || s.get(13) != Some(&b':') {
            return None;
        }
        let (hour, minute) = (digits(s, 11, 2)?, digits(s, 14, 2)?);
        let mut i = 16;
        let mut second = 0;
        if s.get(i) == Some(&b':') {
            second = digits(s, i + 1, 2)?;
            i += 3;
        }
        let mut nanos = 0u32;
        if s.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                if i - start < 9 {
                    nanos = nanos * 10 + u32::from(s[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            nanos *= 10u32.pow(9u32.saturating_sub((i - start) as u32));
        }
        // No zone means UTC, per the vendor's field table.
        let offset_secs: i64 = match s.get(i) {
            None => 0,
            Some(b'Z' | b'z') if i + 1 == s.len() => 0,
            Some(sign @ (b'+' | b'-')) if s.len() == i + 6 && s[i + 3] == b':' => {
                let secs = i64::from(digits(s, i + 1, 2)? * 3600 + digits(s, i + 4, 2)? * 60);
                if *sign == b'+' { secs } else { -secs }
            }
            _ => return None,
        };
        let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
        let local = NaiveDateTime::new(date, time).and_utc();
        Some(Timestamp::from_utc(local - chrono::TimeDelta::seconds(offset_secs)))
    }

    /// Milliseconds since the Unix epoch, as JavaScript's `Date` wants them.
    /// The instant `ms` milliseconds after the epoch.
    pub fn from_millis(ms: i64) -> Option<Self> {
        DateTime::<Utc>::from_timestamp_millis(ms).map(Self::from_utc)
    }

    pub fn millis(&self) -> i64 {
        self.utc.timestamp_millis()
    }

    // Written out by hand, like `parse`: chrono's format-string machinery
    // costs tens of kilobytes in the wasm.

    /// The UTC date as `YYYY-MM-DD`.
    pub fn to_date(&self) -> String {
        let d = self.utc.date_naive();
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    /// RFC 3339 with microseconds and `Z`, or `YYYY-MM-DD` for a bare date.
    pub fn to_wire(&self) -> String {
        if self.date_only {
            return self.to_date();
        }
        let t = self.utc.time();
        let micros = (t.nanosecond() % 1_000_000_000) / 1_000;
        format!("{}T{:02}:{:02}:{:02}.{micros:06}Z", self.to_date(), t.hour(), t.minute(), t.second())
    }

    /// The HTTP date form used by `If-Unmodified-Since` (RFC 9110 §5.6.7).
    pub fn to_http_date(&self) -> String {
        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let (d, t) = (self.utc.date_naive(), self.utc.time());
        let day = DAYS[d.weekday().num_days_from_monday() as usize];
        let month = MONTHS[d.month0() as usize];
        format!("{day}, {:02} {month} {:04} {:02}:{:02}:{:02} GMT", d.day(), d.year(), t.hour(), t.minute(), t.second())
    }
}

/// The unsigned decimal number of exactly `len` ASCII digits at `at`.
fn digits(s: &[u8], at: usize, len: usize) -> Option<u32> {
    let part = s.get(at..at + len)?;
    part.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_wire())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Timestamp::parse(&raw).ok_or_else(|| de::Error::custom(format!("unrecognised timestamp {raw:?}")))
    }
}

/// Any JSON value, reduced to what lenient fields need. Objects and arrays
/// are skipped, not built: decoding goes straight from the text, which keeps
/// `serde_json::Value` (and its weight) out of the wasm.
#[derive(Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Compound,
}

impl Scalar {
    /// The value as a string field keeps it: a string as sent, a number or a
    /// boolean in its JSON spelling; null, arrays and objects have none.
    pub fn into_text(self) -> Option<String> {
        match self {
            Scalar::Str(s) => Some(s),
            Scalar::Int(n) => Some(n.to_string()),
            Scalar::Float(f) => Some(float_text(f)),
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Null | Scalar::Compound => None,
        }
    }
}

/// A float as text. In the browser, JavaScript's own spelling, which is
/// Rust's for every number from 1e-6 to 1e21, so that Rust's float
/// formatting (some 13 KB) stays out of the wasm (issue 17).
#[cfg(target_arch = "wasm32")]
fn float_text(f: f64) -> String {
    js_sys::Number::from(f).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn float_text(f: f64) -> String {
    f.to_string()
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Str(v))
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
                d.deserialize_any(V)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Compound)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Compound)
            }
        }
        d.deserialize_any(V)
    }
}

/// For `Option<Timestamp>` fields: null, missing, empty and unparseable
/// strings all become `None` rather than failing the whole object.
pub fn opt_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Ok(match Scalar::deserialize(d)? {
        Scalar::Str(s) => Timestamp::parse(&s),
        _ => None,
    })
}

/// A boolean sent as `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"true"`/`"false"`;
/// null or missing is `false`.
pub fn flex_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(opt_flex_bool(d)?.unwrap_or(false))
}

/// Like [`flex_bool`] but keeps "not sent" apart from `false`.
pub fn opt_flex_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Scalar::deserialize(d)? {
        Scalar::Null => Ok(None),
        Scalar::Bool(b) => Ok(Some(b)),
        Scalar::Int(n) => Ok(Some(n != 0)),
        Scalar::Float(f) => Ok(Some(f != 0.0)),
        Scalar::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Ok(Some(true)),
            "0" | "false" | "no" | "off" | "" => Ok(Some(false)),
            other => Err(de::Error::custom(format!("not a boolean: {other:?}"))),
        },
        Scalar::Compound => Err(de::Error::custom("not a boolean")),
    }
}

/// An integer that may arrive as a number, a numeric string or null.
pub fn opt_flex_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Scalar::deserialize(d)? {
        Scalar::Int(n) => Some(n),
        Scalar::Float(f) => Some(f as i64),
        Scalar::Str(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An integer where null, missing or unreadable mean 0.
pub fn flex_i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(opt_flex_i64(d)?.unwrap_or(0))
}

/// A year or other small integer, as [`flex_i64`]; out of range reads as 0.
pub fn flex_i32<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    Ok(opt_flex_i64(d)?.and_then(|n| i32::try_from(n).ok()).unwrap_or(0))
}

/// A list where null or a non-list mean empty, and an element that does not
/// decode is left out rather than failing the whole answer.
///
/// In the browser each element is a JavaScript value of its own
/// (serde-wasm-bindgen), so an element that fails leaves the rest readable
/// and is simply skipped. A streaming parser (serde_json on the server) is
/// left mid-element by a failure, so there each element goes through a
/// `serde_json::Value` first; the browser is spared that second decoder of
/// every list's element type (issue 17).
#[cfg(target_arch = "wasm32")]
pub fn lenient_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    /// One element, or `None` when it did not decode.
    struct Item<T>(Option<T>);
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Item(T::deserialize(d).ok()))
        }
    }
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(Item(item)) = seq.next_element::<Item<T>>()? {
                items.extend(item);
            }
            Ok(items)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
            while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
            Ok(Vec::new())
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

/// See the browser's [`lenient_list`] above.
#[cfg(not(target_arch = "wasm32"))]
pub fn lenient_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items.into_iter().filter_map(|v| serde_json::from_value(v).ok()).collect(),
        _ => Vec::new(),
    })
}

/// A list of integers as [`lenient_list`], each as [`opt_flex_i64`] (unreadable = 0).
pub fn flex_i64_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items
            .iter()
            .map(|v| match v {
                serde_json::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)).unwrap_or(0),
                serde_json::Value::String(s) => s.trim().parse().unwrap_or(0),
                _ => 0,
            })
            .collect(),
        _ => Vec::new(),
    })
}

/// A string field where null and missing both mean "not set"; numbers and
/// booleans are kept as their text.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Scalar::deserialize(d)?.into_text())
}

/// An object that may be missing, null, or (PHP's habit) an empty array.
pub fn opt_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_option(V(std::marker::PhantomData))
}

/// Declares a wire enum: the documented values, plus `Unknown(String)` for
/// anything else, so a new value on the server never breaks decoding.
#[macro_export]
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A value the documentation does not list; shown as sent.
            Unknown(String),
        }

        impl $name {
            /// Every documented value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Unknown(s) => s.as_str(),
                }
            }

            pub fn from_wire(s: &str) -> Self {
                match s {
                    $($wire => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(match $crate::lenient::Scalar::deserialize(d)? {
                    $crate::lenient::Scalar::Str(s) => $name::from_wire(&s),
                    other => $name::Unknown(other.into_text().unwrap_or_default()),
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_timestamp_form_parses_to_the_same_instant() {
        let a = Timestamp::parse("2024-06-17 06:37:33").unwrap();
        let b = Timestamp::parse("2024-06-17T06:37:33.000000Z").unwrap();
        let c = Timestamp::parse("2024-06-17T06:37:33Z").unwrap();
        let d = Timestamp::parse("2024-06-17T08:37:33+02:00").unwrap();
        assert_eq!(a.utc, b.utc);
        assert_eq!(b.utc, c.utc);
        assert_eq!(c.utc, d.utc);
        assert!(!a.date_only);
    }

    #[test]
    fn a_wire_enum_sent_as_another_kind_of_value_keeps_it_as_text() {
        use crate::openbadge::OrgType;
        let read = |json: &str| serde_json::from_str::<OrgType>(json).unwrap();
        assert_eq!(read("5"), OrgType::Unknown("5".into()));
        assert_eq!(read("2.5"), OrgType::Unknown("2.5".into()));
        assert_eq!(read("true"), OrgType::Unknown("true".into()));
        assert_eq!(read("{}"), OrgType::Unknown(String::new()));
        assert_eq!(read(r#""private_profit""#), OrgType::PrivateProfit);
    }

    #[test]
    fn bare_date_is_midnight_utc_and_remembered_as_date_only() {
        let t = Timestamp::parse("2024-01-20").unwrap();
        assert!(t.date_only);
        assert_eq!(t.to_wire(), "2024-01-20");
        assert_eq!(t.utc.to_rfc3339(), "2024-01-20T00:00:00+00:00");
    }

    #[test]
    fn fractions_offsets_and_short_forms_parse() {
        let t = Timestamp::parse("2025-02-11T14:22:09.5Z").unwrap();
        assert_eq!(t.utc.timestamp_subsec_millis(), 500);
        let t = Timestamp::parse("2024-06-17T06:37:33.123456789-01:30").unwrap();
        assert_eq!(t.utc.to_rfc3339(), "2024-06-17T08:07:33.123456789+00:00");
        assert_eq!(Timestamp::parse("2024-06-17 06:37").unwrap().utc.to_rfc3339(), "2024-06-17T06:37:00+00:00");
    }

    #[test]
    fn impossible_dates_and_trailing_junk_are_refused() {
        for bad in ["2024-02-30", "2024-13-01 00:00:00", "2024-06-17T25:00:00Z", "2024-06-17T06:37:33Zjunk", "2024-06-17T06:37:33.Z", "2024/06/17"] {
            assert!(Timestamp::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn garbage_timestamp_is_none_not_a_panic() {
        assert!(Timestamp::parse("yesterday").is_none());
        assert!(Timestamp::parse("").is_none());
    }

    #[test]
    fn http_date_is_rfc_7231() {
        let t = Timestamp::parse("2025-10-30T16:41:27Z").unwrap();
        assert_eq!(t.to_http_date(), "Thu, 30 Oct 2025 16:41:27 GMT");
        // Each weekday and month name, against chrono's own formatting.
        for day in 0..400 {
            let t = Timestamp::from_millis(1_700_000_000_000 + day * 86_400_000 + 3_723_456).unwrap();
            assert_eq!(t.to_http_date(), t.utc.format("%a, %d %b %Y %H:%M:%S GMT").to_string());
            assert_eq!(t.to_wire(), t.utc.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string());
            assert_eq!(t.to_date(), t.utc.format("%Y-%m-%d").to_string());
        }
    }

    #[derive(Deserialize)]
    struct B {
        #[serde(default, deserialize_with = "flex_bool")]
        v: bool,
    }

    #[test]
    fn booleans_decode_from_every_form() {
        for (json, want) in [
            (r#"{"v":true}"#, true),
            (r#"{"v":false}"#, false),
            (r#"{"v":1}"#, true),
            (r#"{"v":0}"#, false),
            (r#"{"v":"1"}"#, true),
            (r#"{"v":"0"}"#, false),
            (r#"{"v":null}"#, false),
            (r#"{}"#, false),
        ] {
            let b: B = serde_json::from_str(json).unwrap();
            assert_eq!(b.v, want, "{json}");
        }
        assert!(serde_json::from_str::<B>(r#"{"v":"maybe"}"#).is_err());
    }
}
