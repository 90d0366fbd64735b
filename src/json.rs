//! A read-only view of parsed JSON, so that the article is read by one piece of code everywhere:
//! natively over `serde_json::Value`, and in the browser over the result of the browser's own
//! `JSON.parse`, which keeps a JSON parser and serde's error formatting out of the WebAssembly
//! (that implementation is the browser layer's, in `browser/readable.rs`).
//! `null` reads as absent, as a missing field does.

/// What the article reader needs of a JSON value.
pub trait JsonValue: Sized + Clone {
    /// Parses `text`; the parser's own reason when it is not JSON.
    fn parse(text: &str) -> Result<Self, String>;
    /// The member `key` of an object; `None` when this is not an object or the member is missing
    /// or `null`.
    fn member(&self, key: &str) -> Option<Self>;
    fn as_text(&self) -> Option<String>;
    fn as_boolean(&self) -> Option<bool>;
    fn as_number(&self) -> Option<f64>;
    /// The elements of an array; `None` when this is not an array.
    fn elements(&self) -> Option<Vec<Self>>;
    fn is_object(&self) -> bool;
    /// What kind of value this is, for error messages: "a number", "an array" …
    fn kind(&self) -> &'static str;
}

#[cfg(not(target_arch = "wasm32"))]
impl JsonValue for serde_json::Value {
    fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?
            .get(key)
            .filter(|value| !value.is_null())
            .cloned()
    }

    fn as_text(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn as_number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn is_object(&self) -> bool {
        self.is_object()
    }

    fn kind(&self) -> &'static str {
        match self {
            serde_json::Value::Null => "null",
            serde_json::Value::Bool(_) => "a boolean",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::String(_) => "a string",
            serde_json::Value::Array(_) => "an array",
            serde_json::Value::Object(_) => "an object",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_members_read_as_absent() {
        let value = json!({"a": null, "b": "x"});
        assert_eq!(value.member("a"), None);
        assert_eq!(value.member("c"), None);
        assert_eq!(
            value.member("b").and_then(|b| b.as_text()),
            Some("x".into())
        );
    }

    #[test]
    fn only_objects_have_members() {
        assert_eq!(json!(["a"]).member("0"), None);
        assert!(!JsonValue::is_object(&json!([])));
        assert_eq!(json!([1, 2]).elements().map(|e| e.len()), Some(2));
        assert_eq!(json!({"a": 1}).elements(), None);
    }

    #[test]
    fn names_each_kind() {
        let kinds: Vec<&str> = [
            json!(null),
            json!(true),
            json!(1.5),
            json!("s"),
            json!([]),
            json!({}),
        ]
        .iter()
        .map(JsonValue::kind)
        .collect();
        assert_eq!(
            kinds,
            vec![
                "null",
                "a boolean",
                "a number",
                "a string",
                "an array",
                "an object"
            ]
        );
    }
}
