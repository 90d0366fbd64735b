//! The browser's own values as the readers read them: the result of the browser's `JSON.parse`
//! as [`JsonValue`], and the page's DOM as [`MarkupNode`]. The readers themselves (`read/`,
//! `markup.rs`) hold no browser code; natively they read serde_json values and test fixtures.

use wasm_bindgen::{JsCast, JsValue};

use crate::json::JsonValue;
use crate::markup::MarkupNode;

impl JsonValue for JsValue {
    fn parse(text: &str) -> Result<Self, String> {
        js_sys::JSON::parse(text).map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .unwrap_or_default()
        })
    }

    fn member(&self, key: &str) -> Option<Self> {
        if !JsonValue::is_object(self) {
            return None;
        }
        let key = JsValue::from_str(key);
        let object: &js_sys::Object = JsCast::unchecked_ref(self);
        // Own members only: a host page's additions to Object.prototype are not article data.
        if !js_sys::Object::has_own(object, &key) {
            return None;
        }
        js_sys::Reflect::get(self, &key)
            .ok()
            .filter(|value| !value.is_null() && !value.is_undefined())
    }

    fn as_text(&self) -> Option<String> {
        self.as_string()
    }

    fn as_boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn as_number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        // Read by index: `Array.from` would run the page's iterator, which a page may replace.
        js_sys::Array::is_array(self).then(|| JsCast::unchecked_ref::<js_sys::Array>(self).to_vec())
    }

    fn is_object(&self) -> bool {
        self.is_object() && !js_sys::Array::is_array(self)
    }

    fn kind(&self) -> &'static str {
        if self.is_null() {
            "null"
        } else if js_sys::Array::is_array(self) {
            "an array"
        } else if self.is_object() {
            "an object"
        } else if self.is_string() {
            "a string"
        } else if self.as_bool().is_some() {
            "a boolean"
        } else {
            "a number"
        }
    }
}

impl MarkupNode for web_sys::Node {
    fn tag(&self) -> Option<String> {
        JsCast::dyn_ref::<web_sys::Element>(self).map(web_sys::Element::local_name)
    }

    fn attribute(&self, name: &str) -> Option<String> {
        JsCast::dyn_ref::<web_sys::Element>(self)?.get_attribute(name)
    }

    fn children(&self) -> Vec<Self> {
        let nodes = self.child_nodes();
        (0..nodes.length())
            .filter_map(|index| nodes.get(index))
            .collect()
    }

    fn text(&self) -> String {
        self.text_content().unwrap_or_default()
    }
}
