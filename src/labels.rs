//! Every string the widget itself shows or announces (as opposed to the article's own text), in
//! one table per language, twelve languages in all, and dates formatted for the reader's
//! language. The visible step labels XS … LG are the control's identity and stay the same in
//! every language; their accessible names are translated.

use std::cell::Cell;

use yew::AttrValue;

use crate::article::{CalendarDate, Direction, LabelOverrides};
use crate::error::LoadError;
use crate::text_size::TextSize;

/// The widget's own words in one language. Each text is an [`AttrValue`], so that a publisher's
/// override can replace a built-in one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The BCP 47 tag of these labels, set as `lang` on the widget.
    pub lang: AttrValue,
    pub skip_to_article: AttrValue,
    pub skip_past_article: AttrValue,
    /// The switcher's legend.
    pub text_size: AttrValue,
    /// What each step does, appended to its visible label in its accessible name.
    pub size_descriptions: [AttrValue; 4],
    /// Between a step's visible label and what it does: a comma in the language's script.
    pub separator: AttrValue,
    pub loading: AttrValue,
    /// Shown when the article could not be fetched.
    pub unreachable: AttrValue,
    /// Shown when the article was fetched but cannot be shown.
    pub unusable: AttrValue,
    /// Placed before the image credit.
    pub image_credit: AttrValue,
    /// Listen's button: to start reading aloud, to pause, to resume; and its stop button.
    pub listen: AttrValue,
    pub pause: AttrValue,
    pub resume: AttrValue,
    pub stop: AttrValue,
}

/// One language's built-in texts, in [`Labels`]' field order. Plain string references, so that
/// the tables are one static array and only the language in use becomes [`Labels`].
#[derive(Debug)]
pub struct LabelTable {
    lang: &'static str,
    skip_to_article: &'static str,
    skip_past_article: &'static str,
    text_size: &'static str,
    size_descriptions: [&'static str; 4],
    separator: &'static str,
    loading: &'static str,
    unreachable: &'static str,
    unusable: &'static str,
    image_credit: &'static str,
    /// Listen, Pause, Resume, Stop.
    listen: [&'static str; 4],
}

impl LabelTable {
    /// The table's language, a BCP 47 tag.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    pub const fn labels(&self) -> Labels {
        let [xs, sm, md, lg] = self.size_descriptions;
        let [listen, pause, resume, stop] = self.listen;
        Labels {
            lang: AttrValue::Static(self.lang),
            skip_to_article: AttrValue::Static(self.skip_to_article),
            skip_past_article: AttrValue::Static(self.skip_past_article),
            text_size: AttrValue::Static(self.text_size),
            size_descriptions: [
                AttrValue::Static(xs),
                AttrValue::Static(sm),
                AttrValue::Static(md),
                AttrValue::Static(lg),
            ],
            separator: AttrValue::Static(self.separator),
            loading: AttrValue::Static(self.loading),
            unreachable: AttrValue::Static(self.unreachable),
            unusable: AttrValue::Static(self.unusable),
            image_credit: AttrValue::Static(self.image_credit),
            listen: AttrValue::Static(listen),
            pause: AttrValue::Static(pause),
            resume: AttrValue::Static(resume),
            stop: AttrValue::Static(stop),
        }
    }
}

/// A table written as its texts in order.
#[allow(clippy::too_many_arguments)]
const fn table(
    lang: &'static str,
    skip_to_article: &'static str,
    skip_past_article: &'static str,
    text_size: &'static str,
    size_descriptions: [&'static str; 4],
    separator: &'static str,
    loading: &'static str,
    unreachable: &'static str,
    unusable: &'static str,
    image_credit: &'static str,
    listen: [&'static str; 4],
) -> LabelTable {
    LabelTable {
        lang,
        skip_to_article,
        skip_past_article,
        text_size,
        size_descriptions,
        separator,
        loading,
        unreachable,
        unusable,
        image_credit,
        listen,
    }
}

/// English, the default.
pub const ENGLISH: Labels = ENGLISH_TABLE.labels();

const ENGLISH_TABLE: LabelTable = table(
    "en",
    "Skip to article text",
    "Skip past this article",
    "Text size",
    [
        "extra small text",
        "small text",
        "medium text",
        "large text",
    ],
    ", ",
    "Loading the article…",
    "Sorry, this article could not be loaded.",
    "Sorry, this article could not be shown.",
    "Image:",
    ["Listen", "Pause", "Resume", "Stop"],
);

/// Every language the widget speaks, English first.
pub static LANGUAGES: [LabelTable; 12] = [
    ENGLISH_TABLE,
    table(
        "es",
        "Saltar al texto del artículo",
        "Saltar este artículo",
        "Tamaño del texto",
        [
            "texto muy pequeño",
            "texto pequeño",
            "texto mediano",
            "texto grande",
        ],
        ", ",
        "Cargando el artículo…",
        "Lo sentimos, no se pudo cargar este artículo.",
        "Lo sentimos, no se puede mostrar este artículo.",
        "Imagen:",
        ["Escuchar", "Pausar", "Reanudar", "Detener"],
    ),
    table(
        "fr",
        "Aller au texte de l’article",
        "Passer cet article",
        "Taille du texte",
        [
            "texte très petit",
            "texte petit",
            "texte moyen",
            "texte grand",
        ],
        ", ",
        "Chargement de l’article…",
        "Désolé, cet article n’a pas pu être chargé.",
        "Désolé, cet article ne peut pas être affiché.",
        "Image :",
        ["Écouter", "Pause", "Reprendre", "Arrêter"],
    ),
    table(
        "ru",
        "Перейти к тексту статьи",
        "Пропустить эту статью",
        "Размер текста",
        [
            "очень мелкий текст",
            "мелкий текст",
            "средний текст",
            "крупный текст",
        ],
        ", ",
        "Загрузка статьи…",
        "К сожалению, не удалось загрузить эту статью.",
        "К сожалению, эту статью не удалось показать.",
        "Фото:",
        ["Слушать", "Пауза", "Продолжить", "Стоп"],
    ),
    table(
        "uk",
        "Перейти до тексту статті",
        "Пропустити цю статтю",
        "Розмір тексту",
        [
            "дуже дрібний текст",
            "дрібний текст",
            "середній текст",
            "великий текст",
        ],
        ", ",
        "Завантаження статті…",
        "На жаль, не вдалося завантажити цю статтю.",
        "На жаль, цю статтю не вдалося показати.",
        "Фото:",
        ["Слухати", "Пауза", "Продовжити", "Стоп"],
    ),
    table(
        "fa",
        "رفتن به متن مقاله",
        "رد شدن از این مقاله",
        "اندازهٔ متن",
        ["متن خیلی کوچک", "متن کوچک", "متن متوسط", "متن بزرگ"],
        "، ",
        "در حال بارگیری مقاله…",
        "متأسفیم، این مقاله بارگیری نشد.",
        "متأسفیم، نمایش این مقاله ممکن نیست.",
        "عکس:",
        ["گوش دادن", "مکث", "ادامه", "توقف"],
    ),
    table(
        "ur",
        "مضمون کے متن پر جائیں",
        "اس مضمون کو چھوڑیں",
        "متن کا سائز",
        ["بہت چھوٹا متن", "چھوٹا متن", "درمیانہ متن", "بڑا متن"],
        "، ",
        "مضمون لوڈ ہو رہا ہے…",
        "معذرت، یہ مضمون لوڈ نہیں ہو سکا۔",
        "معذرت، یہ مضمون دکھایا نہیں جا سکا۔",
        "تصویر:",
        ["سنیں", "وقفہ", "جاری رکھیں", "بند کریں"],
    ),
    table(
        "ar",
        "انتقل إلى نص المقال",
        "تخطَّ هذا المقال",
        "حجم النص",
        ["نص صغير جدًا", "نص صغير", "نص متوسط", "نص كبير"],
        "، ",
        "جارٍ تحميل المقال…",
        "عذرًا، تعذّر تحميل هذا المقال.",
        "عذرًا، تعذّر عرض هذا المقال.",
        "صورة:",
        ["استمع", "إيقاف مؤقت", "استئناف", "إيقاف"],
    ),
    table(
        "zh-Hans",
        "跳至文章正文",
        "跳过本文",
        "文字大小",
        ["特小文字", "小号文字", "中号文字", "大号文字"],
        "，",
        "正在加载文章…",
        "抱歉，无法加载这篇文章。",
        "抱歉，无法显示这篇文章。",
        "图片：",
        ["收听", "暂停", "继续", "停止"],
    ),
    table(
        "ko",
        "기사 본문으로 건너뛰기",
        "이 기사 건너뛰기",
        "글자 크기",
        ["아주 작은 글자", "작은 글자", "보통 글자", "큰 글자"],
        ", ",
        "기사를 불러오는 중…",
        "죄송합니다. 이 기사를 불러올 수 없습니다.",
        "죄송합니다. 이 기사를 표시할 수 없습니다.",
        "사진:",
        ["듣기", "일시정지", "이어 듣기", "정지"],
    ),
    table(
        "tr",
        "Makale metnine geç",
        "Bu makaleyi atla",
        "Metin boyutu",
        [
            "çok küçük metin",
            "küçük metin",
            "orta metin",
            "büyük metin",
        ],
        ", ",
        "Makale yükleniyor…",
        "Üzgünüz, bu makale yüklenemedi.",
        "Üzgünüz, bu makale gösterilemiyor.",
        "Görsel:",
        ["Dinle", "Duraklat", "Devam et", "Durdur"],
    ),
    table(
        "sw",
        "Ruka hadi maandishi ya makala",
        "Ruka makala hii",
        "Ukubwa wa maandishi",
        [
            "maandishi madogo sana",
            "maandishi madogo",
            "maandishi ya wastani",
            "maandishi makubwa",
        ],
        ", ",
        "Inapakia makala…",
        "Samahani, makala hii haikuweza kupakiwa.",
        "Samahani, makala hii haiwezi kuonyeshwa.",
        "Picha:",
        ["Sikiliza", "Sitisha", "Endelea", "Simamisha"],
    ),
];

/// The widget's words for an article: in the article's language, else the element's or page's
/// (`context_lang`), else English; then the article's `labels` field and the element's `labels`
/// attribute, the attribute last. Also the language asked for that the widget does not speak,
/// unless the publisher's texts say what language they are in (then there is nothing to report).
pub fn choose_labels(
    article_lang: Option<&str>,
    context_lang: Option<&str>,
    article_overrides: Option<&LabelOverrides>,
    attribute_overrides: &LabelOverrides,
) -> (Labels, Option<String>) {
    let tag = article_lang
        .or(context_lang)
        .map(str::trim)
        .filter(|tag| !tag.is_empty());
    let mut unspoken = None;
    let base = match tag {
        None => ENGLISH,
        Some(tag) => Labels::for_language(tag).unwrap_or_else(|| {
            let overridden_lang = [Some(attribute_overrides), article_overrides]
                .into_iter()
                .flatten()
                .any(|overrides| overrides.lang().is_some());
            if !overridden_lang {
                unspoken = Some(tag.to_owned());
            }
            ENGLISH
        }),
    };
    let base = match article_overrides {
        Some(overrides) if !overrides.is_empty() => base.overridden(overrides),
        _ => base,
    };
    let labels = if attribute_overrides.is_empty() {
        base
    } else {
        base.overridden(attribute_overrides)
    };
    (labels, unspoken)
}

impl Labels {
    /// The labels for a BCP 47 tag, matched on its primary language (`fa-IR` is `fa`; any `zh`
    /// is Simplified Chinese); `None` for a language the widget does not speak.
    pub fn for_language(tag: &str) -> Option<Labels> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        LANGUAGES
            .iter()
            .find(|table| {
                let own = table.lang.split('-').next().unwrap_or_default();
                !primary.is_empty() && own.eq_ignore_ascii_case(primary)
            })
            .map(LabelTable::labels)
    }

    /// These labels with the publisher's texts in place of the built-in ones.
    pub fn overridden(&self, overrides: &LabelOverrides) -> Labels {
        let mut labels = self.clone();
        for (key, text) in overrides.texts() {
            let slot = match *key {
                "lang" => &mut labels.lang,
                "skipToArticle" => &mut labels.skip_to_article,
                "skipPastArticle" => &mut labels.skip_past_article,
                "textSize" => &mut labels.text_size,
                "sizeXs" => &mut labels.size_descriptions[0],
                "sizeSm" => &mut labels.size_descriptions[1],
                "sizeMd" => &mut labels.size_descriptions[2],
                "sizeLg" => &mut labels.size_descriptions[3],
                "loading" => &mut labels.loading,
                "unreachable" => &mut labels.unreachable,
                "unusable" => &mut labels.unusable,
                "imageCredit" => &mut labels.image_credit,
                "listen" => &mut labels.listen,
                "pause" => &mut labels.pause,
                "resume" => &mut labels.resume,
                "stop" => &mut labels.stop,
                _ => continue,
            };
            *slot = text.clone();
        }
        labels
    }

    /// Whether these labels are written right to left.
    pub fn direction(&self) -> Direction {
        Direction::of_language(&self.lang)
    }

    /// The step's accessible name: its visible label first, then what it does.
    pub fn size_name(&self, size: TextSize) -> String {
        format!(
            "{}{}{}",
            size.label(),
            self.separator,
            self.size_description(size)
        )
    }

    /// What the step does, in words.
    pub fn size_description(&self, size: TextSize) -> AttrValue {
        let index = TextSize::ALL
            .iter()
            .position(|step| *step == size)
            .unwrap_or_default();
        self.size_descriptions
            .get(index)
            .cloned()
            .unwrap_or_default()
    }

    /// The reader-facing message for an article that cannot be shown; the details go to the
    /// console, where the publisher looks.
    pub fn error_message(&self, error: &LoadError) -> AttrValue {
        if error.is_unreachable() {
            self.unreachable.clone()
        } else {
            self.unusable.clone()
        }
    }
}

/// How a platform writes a date for readers of a language; `None` where it cannot (a tag it
/// refuses, a date out of its range).
pub type LongDates = fn(CalendarDate, &str) -> Option<String>;

thread_local! {
    static LONG_DATES: Cell<Option<LongDates>> = const { Cell::new(None) };
}

/// Has [`format_date`] ask `long_dates` first. The browser layer passes the browser's
/// `Intl.DateTimeFormat` as it starts (so no locale data ships with the widget); the labels stay
/// free of browser code, and the server renderer, which passes nothing, writes English dates.
pub fn use_long_dates(long_dates: LongDates) {
    LONG_DATES.with(|dates| dates.set(Some(long_dates)));
}

/// A date for readers of `lang`: as the platform writes it (see [`use_long_dates`]), and English
/// day-month-year without one or where it refuses the language tag (`en_US`, as many CMSs write
/// locales).
pub fn format_date(date: CalendarDate, lang: &str) -> String {
    LONG_DATES
        .with(Cell::get)
        .and_then(|long_dates| long_dates(date, lang))
        .unwrap_or_else(|| english_date(date))
}

/// `date` as "24 September 2013".
fn english_date(date: CalendarDate) -> String {
    const MONTHS: [&str; 12] = [
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
    ];
    let month = MONTHS
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", date.day, month, date.year)
}

#[cfg(test)]
mod tests;
