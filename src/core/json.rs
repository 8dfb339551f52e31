//! JSON in the browser: the browser's own `JSON.parse` and `JSON.stringify`,
//! with serde-wasm-bindgen between JavaScript values and our types. A JSON
//! parser and printer of our own in the wasm (serde_json) cost more than
//! this bridge (issue 17); the server and the model's tests keep serde_json.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// Decodes `text` as a `T`; the error says why, for the console and tests.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| String::from("not JSON"))?;
    from_value(value)
}

/// A `T` from an already parsed value.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// `value` as a JSON text, the way serde_json writes it: objects for maps,
/// numbers as numbers, `None` as `null`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let js = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&js).ok().and_then(|s| s.as_string())
}
