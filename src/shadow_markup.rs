//! The hash of a server-rendered snippet's widget markup, so that the widget takes a snippet over
//! only while that markup is still exactly what `reader-widget-snippet` wrote. Yew's hydration
//! walks the markup expecting its own nodes (its comment markers among them); an HTML pipeline
//! that removed a comment, collapsed whitespace or stripped an attribute would make it panic. The
//! hash is taken over the parsed tree (element names, attributes sorted by name, texts and
//! comments, in document order), so the command (over html5ever's parse) and the browser (over
//! the shadow root's DOM) compute it alike however the markup was spelled: requoted or reordered
//! attributes give the same tree, and hydration addresses attributes by name.

use crate::article::Fnv1a;

/// A node of parsed markup, as the hash sees it.
pub enum ShadowNodeKind {
    /// An element: its local name and its attributes, in any order.
    Element {
        name: String,
        attributes: Vec<(String, String)>,
    },
    Text(String),
    Comment(String),
    /// Anything else (a processing instruction, say): no server-rendered markup holds one.
    Other,
}

/// What the hash needs of a parsed node.
pub trait ShadowNode: Sized {
    fn kind(&self) -> ShadowNodeKind;
    fn children(&self) -> Vec<Self>;
}

/// The most nodes hashed: far more than any article's widget markup holds (the seed's has 130,
/// a 5 000-block article about 5 100); past it the markup is not taken over.
const MAX_NODES: usize = 100_000;

/// The hash of `nodes` and everything inside them, as 16 hex digits; `None` past [`MAX_NODES`].
/// The walk keeps its own stack, so no depth of input exhausts the WebAssembly's.
pub fn markup_hash<N: ShadowNode>(nodes: Vec<N>) -> Option<String> {
    let mut hash = Fnv1a::default();
    // Nodes still to hash, last first; `None` closes the element opened before it.
    let mut pending: Vec<Option<N>> = nodes.into_iter().rev().map(Some).collect();
    let mut seen = 0_usize;
    while let Some(entry) = pending.pop() {
        let Some(node) = entry else {
            hash.write(b">");
            continue;
        };
        seen = seen.saturating_add(1);
        if seen > MAX_NODES {
            return None;
        }
        match node.kind() {
            ShadowNodeKind::Element { name, attributes } => {
                hash.write(b"<");
                hash.text(&name);
                // In any order: each attribute hashed alone, the hashes added (no sort, whose
                // code cost the WebAssembly 1 KB).
                let attributes = attributes.iter().fold(0_u64, |sum, (attribute, value)| {
                    let mut one = Fnv1a::default();
                    one.text(attribute);
                    one.text(value);
                    sum.wrapping_add(one.value())
                });
                hash.write(&attributes.to_le_bytes());
                pending.push(None);
                pending.extend(node.children().into_iter().rev().map(Some));
            }
            ShadowNodeKind::Text(text) => {
                hash.write(b"t");
                hash.text(&text);
            }
            ShadowNodeKind::Comment(text) => {
                hash.write(b"c");
                hash.text(&text);
            }
            ShadowNodeKind::Other => hash.write(b"?"),
        }
    }
    Some(hash.hex())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-made tree for the hash's own tests; children shared, so handing them out is
    /// shallow.
    #[derive(Clone)]
    struct Node(Spec, std::rc::Rc<Vec<Node>>);

    #[derive(Clone)]
    enum Spec {
        Element(&'static str, Vec<(&'static str, &'static str)>),
        Text(&'static str),
        Comment(&'static str),
    }

    impl ShadowNode for Node {
        fn kind(&self) -> ShadowNodeKind {
            match &self.0 {
                Spec::Element(name, attributes) => ShadowNodeKind::Element {
                    name: name.to_string(),
                    attributes: attributes
                        .iter()
                        .map(|(name, value)| (name.to_string(), value.to_string()))
                        .collect(),
                },
                Spec::Text(text) => ShadowNodeKind::Text(text.to_string()),
                Spec::Comment(text) => ShadowNodeKind::Comment(text.to_string()),
            }
        }

        fn children(&self) -> Vec<Self> {
            self.1.to_vec()
        }
    }

    fn element(
        name: &'static str,
        attributes: Vec<(&'static str, &'static str)>,
        children: Vec<Node>,
    ) -> Node {
        Node(Spec::Element(name, attributes), children.into())
    }

    fn text(text: &'static str) -> Node {
        Node(Spec::Text(text), vec![].into())
    }

    fn comment(text: &'static str) -> Node {
        Node(Spec::Comment(text), vec![].into())
    }

    fn sample() -> Vec<Node> {
        vec![
            comment("<[Reader]>"),
            element(
                "div",
                vec![("class", "rw"), ("lang", "en")],
                vec![element("p", vec![], vec![text("One")]), text("Two")],
            ),
        ]
    }

    #[test]
    fn follows_every_name_attribute_text_and_comment() {
        let print = markup_hash(sample()).unwrap();
        assert_eq!(print.len(), 16);
        assert_eq!(markup_hash(sample()).unwrap(), print);
        let mut changed = sample();
        changed.remove(0);
        assert_ne!(markup_hash(changed).unwrap(), print, "a comment removed");
        let changed = vec![
            comment("<[Reader]>"),
            element(
                "div",
                vec![("class", "rw")],
                vec![element("p", vec![], vec![text("One")]), text("Two")],
            ),
        ];
        assert_ne!(markup_hash(changed).unwrap(), print, "an attribute removed");
        let changed = vec![
            comment("<[Reader]>"),
            element(
                "div",
                vec![("class", "rw"), ("lang", "en")],
                vec![element("p", vec![], vec![text("One Two")])],
            ),
        ];
        assert_ne!(markup_hash(changed).unwrap(), print, "a text moved");
    }

    #[test]
    fn attribute_order_is_not_markup() {
        let reordered = vec![
            comment("<[Reader]>"),
            element(
                "div",
                vec![("lang", "en"), ("class", "rw")],
                vec![element("p", vec![], vec![text("One")]), text("Two")],
            ),
        ];
        assert_eq!(markup_hash(reordered), markup_hash(sample()));
    }

    #[test]
    fn nesting_is_part_of_the_hash() {
        let inside = vec![element("b", vec![], vec![element("i", vec![], vec![])])];
        let beside = vec![element("b", vec![], vec![]), element("i", vec![], vec![])];
        assert_ne!(markup_hash(inside), markup_hash(beside));
    }

    #[test]
    fn deep_or_huge_markup_is_walked_without_recursion_and_bounded() {
        // The test's own tree drops by recursion: 2 000 levels keep that on a test thread's stack.
        let mut deep = element("b", vec![], vec![]);
        for _ in 0..2_000 {
            deep = element("b", vec![], vec![deep]);
        }
        assert!(markup_hash(vec![deep]).is_some());
        let many: Vec<Node> = (0..=MAX_NODES).map(|_| text("x")).collect();
        assert_eq!(markup_hash(many), None);
    }
}
