//! Taking over a server-rendered snippet (the `hydration` feature's build only): whether the
//! markup in an element's shadow root is one the app can hydrate as it is.

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot};

use crate::article::{check, Article};
use crate::browser::app::ArticleSource;
use crate::shared_names::{SERVER_RENDERED_ATTRIBUTE, SERVER_RENDERED_MOUNT_SELECTOR};

/// The mount of a server-rendered snippet (see `src/snippet.rs`) that the app can take over as
/// it is: rendered by a build whose markup this one renders (the version), from the article the
/// element's markup still gives (its fingerprint unchanged), and still holding exactly the
/// markup the command wrote (its hash unchanged: no HTML pipeline has removed a comment marker,
/// collapsed whitespace or stripped an attribute), so that the app's first render is the markup
/// already there; a mismatch would stop the widget. (Without the `hydration` feature, a
/// snippet's shadow root is emptied and rendered anew, as a reconnected element's.)
pub fn server_rendered_mount(shadow: &ShadowRoot, source: &ArticleSource) -> Option<Element> {
    let ArticleSource::Markup(article) = source else {
        return None;
    };
    let mount = shadow
        .query_selector(SERVER_RENDERED_MOUNT_SELECTOR)
        .ok()??;
    let rendered = mount.get_attribute(SERVER_RENDERED_ATTRIBUTE)?;
    let mut parts = rendered.split(' ');
    let (Some(version), Some(fingerprint), Some(markup), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if version != crate::MARKUP_VERSION {
        return None;
    }
    let article = check(Article::clone(article)).ok()?;
    if fingerprint != article.fingerprint() {
        return None;
    }
    let nodes = dom_children(&mount).into_iter().map(DomNode).collect();
    (crate::shadow_markup::markup_hash(nodes)? == markup).then_some(mount)
}

/// A node of the shadow root's DOM, as the markup hash sees it.
struct DomNode(web_sys::Node);

impl crate::shadow_markup::ShadowNode for DomNode {
    fn kind(&self) -> crate::shadow_markup::ShadowNodeKind {
        use crate::shadow_markup::ShadowNodeKind;
        let node = &self.0;
        match node.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let element: &Element = node.unchecked_ref();
                let attributes = element
                    .get_attribute_names()
                    .iter()
                    .filter_map(|name| name.as_string())
                    .map(|name| {
                        let value = element.get_attribute(&name).unwrap_or_default();
                        (name, value)
                    })
                    .collect();
                ShadowNodeKind::Element {
                    name: element.local_name(),
                    attributes,
                }
            }
            web_sys::Node::TEXT_NODE => ShadowNodeKind::Text(node.node_value().unwrap_or_default()),
            web_sys::Node::COMMENT_NODE => {
                ShadowNodeKind::Comment(node.node_value().unwrap_or_default())
            }
            _ => ShadowNodeKind::Other,
        }
    }

    fn children(&self) -> Vec<Self> {
        dom_children(&self.0).into_iter().map(DomNode).collect()
    }
}

/// The child nodes of `node`, read by index.
fn dom_children(node: &web_sys::Node) -> Vec<web_sys::Node> {
    let list = node.child_nodes();
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}
