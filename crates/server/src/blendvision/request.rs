//! Reading JSON request bodies field by field: a value of the wrong kind is
//! a violation on its path, never a silent default.

use super::error::MAX_VIOLATIONS;
use super::BlendVisionError;
use axum::body::Bytes;
use orgdesk_model::blendvision::FieldViolation;
use orgdesk_model::bv_rules::BvProblem;
use serde_json::{Map, Value};

/// The longest field path a violation names (an unknown key can be as long
/// as the body).
const MAX_FIELD_CHARS: usize = 100;

pub fn violation(field: &str, description: impl ToString) -> FieldViolation {
    let field = match field.char_indices().nth(MAX_FIELD_CHARS) {
        Some((cut, _)) => format!("{}…", &field[..cut]),
        None => field.to_string(),
    };
    FieldViolation { field, description: description.to_string() }
}

/// The body as a JSON object, or a violation on `body`.
pub fn body_object(body: &Bytes) -> Result<Map<String, Value>, BlendVisionError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(BlendVisionError::InvalidArgument(vec![violation("body", "Send a JSON object.")])),
    }
}

/// A JSON object read key by key; `prefix` (`"business_setting."`) makes
/// each key's path. Violations collect in `violations`.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: &'static str,
    pub violations: &'a mut Vec<FieldViolation>,
}

impl<'a> Fields<'a> {
    pub fn new(map: &'a Map<String, Value>, prefix: &'static str, violations: &'a mut Vec<FieldViolation>) -> Fields<'a> {
        Fields { map, prefix, violations }
    }

    pub fn path(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// Records a violation, up to [`MAX_VIOLATIONS`] in all.
    pub fn refuse(&mut self, key: &str, description: impl ToString) {
        if self.violations.len() < MAX_VIOLATIONS {
            let path = self.path(key);
            self.violations.push(violation(&path, description));
        }
    }

    /// A violation for every key not in `known` (up to [`MAX_VIOLATIONS`]).
    pub fn refuse_unknown(&mut self, known: &[&str]) {
        let map = self.map;
        let room = MAX_VIOLATIONS.saturating_sub(self.violations.len());
        let unknown: Vec<&String> = map.keys().filter(|k| !known.contains(&k.as_str())).take(room).collect();
        for k in unknown {
            self.refuse(k, BvProblem::UnknownField);
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// Sent with a value other than `null`.
    pub fn present(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    /// An optional integer (a number or a numeric string).
    pub fn int(&mut self, key: &str) -> Option<i64> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
                if n.is_none() {
                    self.refuse(key, BvProblem::WrongType);
                }
                n
            }
        }
    }

    /// Optional text, trimmed; `null` reads as empty (which clears).
    pub fn text(&mut self, key: &str) -> Option<String> {
        match self.map.get(key) {
            None => None,
            Some(Value::Null) => Some(String::new()),
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(_) => {
                self.refuse(key, BvProblem::WrongType);
                None
            }
        }
    }

    pub fn flag(&mut self, key: &str) -> Option<bool> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.refuse(key, BvProblem::WrongType);
                None
            }
        }
    }
}
