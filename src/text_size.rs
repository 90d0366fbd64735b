//! The text-size vocabulary: the four steps XS, SM, MD and LG, their codes (as written in the
//! `text-size` attribute and in storage), their scale relative to the reader's own default font
//! size, and the CSS rules that scale. Components and styles use this module and nothing else, so
//! a step is defined in exactly one place.

use std::fmt;
use std::str::FromStr;

/// One step of the text-size switcher. `Md` is the reader's own default font size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    Xs,
    Sm,
    #[default]
    Md,
    Lg,
}

impl TextSize {
    /// Every step, smallest first: the order of the switcher.
    pub const ALL: [TextSize; 4] = [TextSize::Xs, TextSize::Sm, TextSize::Md, TextSize::Lg];

    /// The code used in the `text-size` attribute, in storage and in class names.
    pub fn code(self) -> &'static str {
        match self {
            TextSize::Xs => "xs",
            TextSize::Sm => "sm",
            TextSize::Md => "md",
            TextSize::Lg => "lg",
        }
    }

    /// The visible label of the step. It is the control's identity and is never translated.
    pub fn label(self) -> &'static str {
        match self {
            TextSize::Xs => "XS",
            TextSize::Sm => "SM",
            TextSize::Md => "MD",
            TextSize::Lg => "LG",
        }
    }

    /// The article text's size as a percentage of the reader's default font size.
    pub fn scale_percent(self) -> u16 {
        match self {
            TextSize::Xs => 80,
            TextSize::Sm => 90,
            TextSize::Md => 100,
            TextSize::Lg => 125,
        }
    }

    /// The class that applies this step's scale to the article.
    pub fn class(self) -> &'static str {
        match self {
            TextSize::Xs => "rw-size-xs",
            TextSize::Sm => "rw-size-sm",
            TextSize::Md => "rw-size-md",
            TextSize::Lg => "rw-size-lg",
        }
    }

    /// The article's classes at this step: the article's own and [`TextSize::class`], written
    /// out so the view sets them as one literal (see `components::with_class`).
    pub fn article_class(self) -> &'static str {
        match self {
            TextSize::Xs => "rw-article rw-size-xs",
            TextSize::Sm => "rw-article rw-size-sm",
            TextSize::Md => "rw-article rw-size-md",
            TextSize::Lg => "rw-article rw-size-lg",
        }
    }

    /// The step an arrow key moves to from this one, wrapping around as a native radio group
    /// does: down and (left-to-right) right go to the next step, up and left to the previous.
    /// `rtl` swaps left and right. `None` for any other key.
    pub fn after_arrow_key(self, key: &str, rtl: bool) -> Option<TextSize> {
        let forward = match key {
            "ArrowDown" => true,
            "ArrowUp" => false,
            "ArrowRight" => !rtl,
            "ArrowLeft" => rtl,
            _ => return None,
        };
        let count = TextSize::ALL.len();
        let index = TextSize::ALL.iter().position(|size| *size == self)?;
        // Four steps: none of this can overflow, and the remainder keeps the index in range.
        let next = if forward {
            index.saturating_add(1)
        } else {
            index.saturating_add(count).saturating_sub(1)
        }
        .checked_rem(count)?;
        TextSize::ALL.get(next).copied()
    }

    /// CSS rules giving each step's class its font size, appended to the widget's stylesheet so
    /// that the scale is written down only here.
    pub fn stylesheet_rules() -> String {
        TextSize::ALL
            .iter()
            .map(|size| format!(".{}{{font-size:{}%}}", size.class(), size.scale_percent()))
            .collect()
    }
}

impl fmt::Display for TextSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A `text-size` value that names no step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSizeError {
    input: String,
}

impl fmt::Display for TextSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid text-size \"{}\": expected one of xs, sm, md, lg",
            self.input
        )
    }
}

impl std::error::Error for TextSizeError {}

impl FromStr for TextSize {
    type Err = TextSizeError;

    /// Accepts a step's code in any letter case, with surrounding spaces.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let wanted = input.trim();
        TextSize::ALL
            .into_iter()
            .find(|size| size.code().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| TextSizeError {
                input: input.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_from_smallest_to_largest() {
        let scales: Vec<u16> = TextSize::ALL.iter().map(|s| s.scale_percent()).collect();
        assert_eq!(scales, vec![80, 90, 100, 125]);
    }

    #[test]
    fn medium_is_the_readers_own_size_and_the_default() {
        assert_eq!(TextSize::default(), TextSize::Md);
        assert_eq!(TextSize::Md.scale_percent(), 100);
    }

    #[test]
    fn labels_are_the_seed_pages_labels() {
        let labels: Vec<&str> = TextSize::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(labels, vec!["XS", "SM", "MD", "LG"]);
    }

    #[test]
    fn parses_every_code_in_any_case() {
        for size in TextSize::ALL {
            assert_eq!(size.code().parse::<TextSize>(), Ok(size));
            assert_eq!(size.label().parse::<TextSize>(), Ok(size));
            assert_eq!(format!(" {} ", size.code()).parse::<TextSize>(), Ok(size));
        }
    }

    #[test]
    fn rejects_an_unknown_size_naming_the_input() {
        let error = "xl".parse::<TextSize>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid text-size \"xl\": expected one of xs, sm, md, lg"
        );
        assert!("".parse::<TextSize>().is_err());
    }

    #[test]
    fn arrow_keys_move_through_the_steps_and_wrap() {
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowRight", false),
            Some(TextSize::Lg)
        );
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowDown", false),
            Some(TextSize::Lg)
        );
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowLeft", false),
            Some(TextSize::Sm)
        );
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowUp", false),
            Some(TextSize::Sm)
        );
        assert_eq!(
            TextSize::Lg.after_arrow_key("ArrowRight", false),
            Some(TextSize::Xs)
        );
        assert_eq!(
            TextSize::Xs.after_arrow_key("ArrowUp", false),
            Some(TextSize::Lg)
        );
    }

    #[test]
    fn right_to_left_swaps_left_and_right_only() {
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowLeft", true),
            Some(TextSize::Lg)
        );
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowRight", true),
            Some(TextSize::Sm)
        );
        assert_eq!(
            TextSize::Md.after_arrow_key("ArrowDown", true),
            Some(TextSize::Lg)
        );
    }

    #[test]
    fn other_keys_do_not_move() {
        for key in ["Tab", "Enter", " ", "Home", "a"] {
            assert_eq!(TextSize::Md.after_arrow_key(key, false), None, "{key}");
        }
    }

    #[test]
    fn stylesheet_rules_scale_each_class() {
        let css = TextSize::stylesheet_rules();
        assert!(css.contains(".rw-size-xs{font-size:80%}"));
        assert!(css.contains(".rw-size-sm{font-size:90%}"));
        assert!(css.contains(".rw-size-md{font-size:100%}"));
        assert!(css.contains(".rw-size-lg{font-size:125%}"));
    }
}
