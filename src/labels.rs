//! Every string the widget itself shows or announces (as opposed to the article's own text), in
//! one table per language. This release ships English; the table's shape is what other languages
//! fill in.

use crate::article::CalendarDate;
use crate::error::LoadError;
use crate::text_size::TextSize;

/// The widget's own words in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// The BCP 47 tag of these labels, set as `lang` on the widget's own controls.
    pub lang: &'static str,
    pub skip_to_article: &'static str,
    pub skip_past_article: &'static str,
    /// The switcher's legend.
    pub text_size: &'static str,
    /// What each step does, appended to its visible label in its accessible name.
    pub size_descriptions: [&'static str; 4],
    pub loading: &'static str,
    /// Shown when the article could not be fetched.
    pub unreachable: &'static str,
    /// Shown when the article was fetched but cannot be shown.
    pub unusable: &'static str,
    /// Placed before the image credit.
    pub image_credit: &'static str,
    pub months: [&'static str; 12],
}

/// English, the default.
pub const ENGLISH: Labels = Labels {
    lang: "en",
    skip_to_article: "Skip to article text",
    skip_past_article: "Skip past this article",
    text_size: "Text size",
    size_descriptions: [
        "extra small text",
        "small text",
        "medium text",
        "large text",
    ],
    loading: "Loading the article…",
    unreachable: "Sorry, this article could not be loaded.",
    unusable: "Sorry, this article could not be shown.",
    image_credit: "Image:",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
};

impl Labels {
    /// The step's accessible name: its visible label first, then what it does.
    pub fn size_name(&self, size: TextSize) -> String {
        format!("{}, {}", size.label(), self.size_description(size))
    }

    /// What the step does, in words.
    pub fn size_description(&self, size: TextSize) -> &'static str {
        let index = TextSize::ALL
            .iter()
            .position(|step| *step == size)
            .unwrap_or_default();
        self.size_descriptions
            .get(index)
            .copied()
            .unwrap_or_default()
    }

    /// A date as readers of this language write it.
    pub fn format_date(&self, date: CalendarDate) -> String {
        let month = self
            .months
            .get(usize::from(date.month).saturating_sub(1))
            .copied()
            .unwrap_or_default();
        format!("{} {} {}", date.day, month, date.year)
    }

    /// The reader-facing message for an article that cannot be shown; the details go to the
    /// console, where the publisher looks.
    pub fn error_message(&self, error: &LoadError) -> &'static str {
        if error.is_unreachable() {
            self.unreachable
        } else {
            self.unusable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::LoadErrorKind;

    #[test]
    fn each_accessible_name_starts_with_the_visible_label() {
        for size in TextSize::ALL {
            let name = ENGLISH.size_name(size);
            assert!(name.starts_with(size.label()), "{name}");
            assert!(name.len() > size.label().len() + 2, "{name}");
        }
        assert_eq!(ENGLISH.size_name(TextSize::Xs), "XS, extra small text");
        assert_eq!(ENGLISH.size_name(TextSize::Lg), "LG, large text");
    }

    #[test]
    fn formats_a_date_in_words() {
        let date = CalendarDate {
            year: 2013,
            month: 9,
            day: 24,
        };
        assert_eq!(ENGLISH.format_date(date), "24 September 2013");
    }

    #[test]
    fn tells_unreachable_from_unusable_articles() {
        let missing = LoadError::new(LoadErrorKind::Http {
            url: "u".into(),
            status: 404,
        });
        let empty = LoadError::new(LoadErrorKind::EmptyBody);
        assert_eq!(ENGLISH.error_message(&missing), ENGLISH.unreachable);
        assert_eq!(ENGLISH.error_message(&empty), ENGLISH.unusable);
    }
}
