//! Shrinks the widget's stylesheet before it is compiled into the WebAssembly: comments go,
//! whitespace runs become one space (inside quoted strings too, which the stylesheet's strings
//! do not mind), spaces around `{ } ; , >` go, and so do spaces after `:`. A descendant
//! combinator (the space in `.rw a`, or before `:not`) and values (`0 0 1em`) stay intact. Used
//! by `build.rs`, and tested here.

/// The stylesheet without comments and needless whitespace.
pub fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(rest.get(..start).unwrap_or_default());
        without_comments.push(' ');
        rest = match rest
            .get(start.saturating_add(2)..)
            .and_then(|after| after.find("*/").map(|end| (after, end)))
        {
            Some((after, end)) => after.get(end.saturating_add(2)..).unwrap_or_default(),
            None => "",
        };
    }
    without_comments.push_str(rest);

    let mut out = String::with_capacity(without_comments.len());
    let mut pending_space = false;
    for character in without_comments.chars() {
        if character.is_whitespace() {
            pending_space = true;
            continue;
        }
        let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
        // After a colon a space never matters (the one before it may: `.a :not(…)`).
        let tight_after = |c: char| tight(c) || c == ':';
        if pending_space && !out.is_empty() && !tight(character) && !out.ends_with(tight_after) {
            out.push(' ');
        }
        pending_space = false;
        if character == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn removes_comments_and_needless_whitespace() {
        let css = "/* a comment */\n.rw a:hover {\n  color: red;\n  margin: 0 0 1em;\n}\n\n.a > .b, .c { x: y }\n";
        assert_eq!(
            minify(css),
            ".rw a:hover{color:red;margin:0 0 1em}.a>.b,.c{x:y}"
        );
    }

    #[test]
    fn keeps_descendant_combinators_before_pseudo_classes() {
        assert_eq!(
            minify(".a :not(:first-child)::before { content: \"·\" }"),
            ".a :not(:first-child)::before{content:\"·\"}"
        );
    }

    #[test]
    fn the_widgets_stylesheet_keeps_every_rule() {
        let css = include_str!("../styles/reader-widget.css");
        let small = minify(css);
        assert!(
            small.len() < css.len() * 3 / 4,
            "{} of {}",
            small.len(),
            css.len()
        );
        assert_eq!(small.matches("{").count(), css.matches("{").count());
        assert_eq!(small.matches('}').count(), css.matches('}').count());
        assert!(small.contains(":host([theme=\"dark\"]) .rw{"));
        assert!(!small.contains("/*"));
    }
}
