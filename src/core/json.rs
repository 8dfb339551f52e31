//! JSON in the browser: the browser's own `JSON.parse` and `JSON.stringify`.
//! Parsed values are decoded into our types by [`Value`], a serde
//! `Deserializer` over JavaScript values; serde-wasm-bindgen writes our
//! types out. A JSON parser and printer of our own in the wasm (serde_json)
//! cost more than this bridge (issue 17); the server and the model's tests
//! keep serde_json, and a component test decodes every fixture both ways.

use serde::de::{self, DeserializeOwned, Deserializer, Expected, IntoDeserializer, Unexpected, Visitor};
use serde::Serialize;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Decodes `text` as a `T`; the error says why, for the console and tests.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| String::from("not JSON"))?;
    from_value(value)
}

/// A `T` from an already parsed value.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    T::deserialize(Value(value)).map_err(|Error(e)| e)
}

/// `value` as a JSON text, the way serde_json writes it: objects for maps,
/// numbers as numbers, `None` as `null`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&js).ok().and_then(|s| s.as_string())
}

/// Why a value did not decode.
///
/// Its messages name what was found by kind ("a number"), never by value:
/// serde's own wording prints a float with Rust's float formatting, which
/// alone is some 13 KB of every wasm (issue 17). serde-wasm-bindgen's
/// deserializer, which this module replaced, could not be told otherwise.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(found: Unexpected, expected: &dyn Expected) -> Self {
        Error(format!("invalid type: {}, expected {expected}", kind(&found)))
    }

    fn invalid_value(found: Unexpected, expected: &dyn Expected) -> Self {
        Error(format!("invalid value: {}, expected {expected}", kind(&found)))
    }
}

fn kind(found: &Unexpected) -> &'static str {
    match found {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "another kind of value",
    }
}

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A parsed JavaScript value, as serde reads it: `null` and `undefined` are
/// unit (and `None`), numbers are integers when they are whole and exact,
/// arrays are sequences and other objects are maps of their own properties.
pub struct Value(pub JsValue);

impl Value {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn unexpected(&self) -> Unexpected<'static> {
        if self.is_nullish() {
            Unexpected::Unit
        } else if self.0.as_bool().is_some() {
            Unexpected::Bool(false)
        } else if self.0.as_f64().is_some() {
            Unexpected::Float(0.0)
        } else if self.0.is_string() {
            Unexpected::Str("")
        } else if js_sys::Array::is_array(&self.0) {
            Unexpected::Seq
        } else {
            Unexpected::Map
        }
    }

    fn object_entries(&self) -> Option<js_sys::Array> {
        (self.0.is_object() && !js_sys::Array::is_array(&self.0)).then(|| js_sys::Object::entries(self.0.unchecked_ref()))
    }
}

impl<'de> Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_nullish() {
            return visitor.visit_unit();
        }
        if let Some(b) = self.0.as_bool() {
            return visitor.visit_bool(b);
        }
        if let Some(n) = self.0.as_f64() {
            return if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER {
                if n >= 0.0 {
                    visitor.visit_u64(n as u64)
                } else {
                    visitor.visit_i64(n as i64)
                }
            } else {
                visitor.visit_f64(n)
            };
        }
        if let Some(s) = self.0.as_string() {
            return visitor.visit_string(s);
        }
        // The array and object cases repeat deserialize_seq's and
        // deserialize_map's bodies on purpose: calling them from here (one
        // more instance of each per visitor) costs about 0.5 KB per console.
        if let Ok(array) = self.0.clone().dyn_into::<js_sys::Array>() {
            return visitor.visit_seq(Seq { items: array, next: 0 });
        }
        match self.object_entries() {
            Some(entries) => visitor.visit_map(Map { entries, next: 0, value: None }),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.is_nullish() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(s) => visitor.visit_string(s),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.clone().dyn_into::<js_sys::Array>() {
            Ok(items) => visitor.visit_seq(Seq { items, next: 0 }),
            Err(_) => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.object_entries() {
            Some(entries) => visitor.visit_map(Map { entries, next: 0, value: None }),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    /// An object only, as serde-wasm-bindgen read it. serde_json also takes
    /// an array of the fields in order, which no platform sends; reading it
    /// would add a sequence decoder for every struct (+2.8 KB brotli per
    /// console). PHP's `[]` for an empty object is `lenient::opt_object`'s.
    fn deserialize_struct<V: Visitor<'de>>(self, _name: &'static str, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Unit variants only, written as their name (all our enums are).
    fn deserialize_enum<V: Visitor<'de>>(self, _name: &'static str, _variants: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0.as_string() {
            Some(s) => visitor.visit_enum(s.into_deserializer()),
            None => Err(de::Error::invalid_type(self.unexpected(), &visitor)),
        }
    }

    /// Skipped without being looked at.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct tuple tuple_struct
    }
}

struct Seq {
    items: js_sys::Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.next) as usize)
    }
}

/// An object's `[key, value]` entries, in the object's own order.
struct Map {
    entries: js_sys::Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Map {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let entry: js_sys::Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(entry.get(1));
        seed.deserialize(Value(entry.get(0))).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Value(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.entries.length() - self.next) as usize)
    }
}
