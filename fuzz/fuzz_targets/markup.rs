//! Any tree of HTML elements as the publisher's `<article>` markup: reading it never panics or
//! runs out of stack, however deep or odd, and `check` holds the result to the usual rules. The
//! input bytes are a small program that builds the tree (open an element, add text, close).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_widget::article::check;
use reader_widget::markup::{read_markup, MarkupNode};

const TAGS: [&str; 20] = [
    "article",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "figure",
    "img",
    "figcaption",
    "span",
    "blockquote",
    "cite",
    "footer",
    "ul",
    "ol",
    "li",
    "time",
    "div",
    "script",
    "aside",
];
const ATTRIBUTES: [(&str, &str); 8] = [
    ("class", "credit"),
    ("class", "standfirst"),
    ("class", "byline"),
    ("rel", "author"),
    ("src", "javascript:alert(1)"),
    ("alt", "An image"),
    ("width", "1200"),
    ("datetime", "2013-09-24T00:00:00Z"),
];

#[derive(Clone, Debug)]
enum Node {
    Element {
        tag: &'static str,
        attributes: Vec<(&'static str, &'static str)>,
        children: Vec<Node>,
    },
    Text(String),
}

impl MarkupNode for Node {
    fn tag(&self) -> Option<String> {
        match self {
            Node::Element { tag, .. } => Some((*tag).to_owned()),
            Node::Text(_) => None,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        match self {
            Node::Element { attributes, .. } => attributes
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned()),
            Node::Text(_) => None,
        }
    }

    fn children(&self) -> Vec<Self> {
        match self {
            Node::Element { children, .. } => children.clone(),
            Node::Text(_) => Vec::new(),
        }
    }

    // Iterative, as the browser's textContent is: the tree may be thousands of levels deep.
    fn text(&self) -> String {
        let mut text = String::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            match node {
                Node::Text(content) => text.push_str(content),
                Node::Element { children, .. } => stack.extend(children.iter().rev()),
            }
        }
        text
    }
}

/// Builds the tree the bytes describe, under one `<article>`.
fn build(data: &[u8]) -> Node {
    // Each open element: its tag, attributes and children so far.
    let mut open: Vec<(&'static str, Vec<(&'static str, &'static str)>, Vec<Node>)> =
        vec![("article", Vec::new(), Vec::new())];
    let mut bytes = data.iter().copied();
    while let Some(op) = bytes.next() {
        match op % 4 {
            0 => {
                let tag = TAGS[usize::from(bytes.next().unwrap_or(0)) % TAGS.len()];
                open.push((tag, Vec::new(), Vec::new()));
            }
            1 => {
                let attribute =
                    ATTRIBUTES[usize::from(bytes.next().unwrap_or(0)) % ATTRIBUTES.len()];
                if let Some(top) = open.last_mut() {
                    top.1.push(attribute);
                }
            }
            2 => {
                let length = usize::from(bytes.next().unwrap_or(0) % 16);
                let chunk: Vec<u8> = bytes.by_ref().take(length).collect();
                if let Some(top) = open.last_mut() {
                    top.2
                        .push(Node::Text(String::from_utf8_lossy(&chunk).into_owned()));
                }
            }
            _ => close(&mut open),
        }
    }
    while open.len() > 1 {
        close(&mut open);
    }
    let (tag, attributes, children) = open.pop().unwrap_or(("article", Vec::new(), Vec::new()));
    Node::Element {
        tag,
        attributes,
        children,
    }
}

fn close(open: &mut Vec<(&'static str, Vec<(&'static str, &'static str)>, Vec<Node>)>) {
    if open.len() < 2 {
        return;
    }
    if let Some((tag, attributes, children)) = open.pop() {
        if let Some(parent) = open.last_mut() {
            parent.2.push(Node::Element {
                tag,
                attributes,
                children,
            });
        }
    }
}

/// Takes a deep tree apart without recursion, so that dropping it cannot overflow the stack.
fn dismantle(root: Node) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if let Node::Element { children, .. } = node {
            stack.extend(children);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let root = build(data);
    let article = read_markup(&root);
    if let Ok(article) = check(article) {
        assert!(!article.headline.trim().is_empty());
        assert!(!article.body.is_empty());
    }
    dismantle(root);
});
