//! The reader's language: Russian and Persian labels, and a mirrored widget for a right-to-left
//! article.

use super::*;

pub(super) async fn the_demo_speaks_russian_and_persian_and_mirrors_the_persian_widget(
    session: &Session,
) -> Outcome {
    session.open("pages/languages.html").await?;
    let expected = [
        ("ru", "ltr", "Перейти к тексту статьи", "Размер текста"),
        ("fa", "rtl", "رفتن به متن مقاله", "اندازهٔ متن"),
        ("en", "ltr", "Read the story", "Story text size"),
    ];
    for (index, (lang, dir, skip, legend)) in expected.into_iter().enumerate() {
        session.wait_for_article(index).await?;
        let seen = session
            .in_embed(
                index,
                r#"const widget = root.querySelector('.rw');
                   const left = (code) => root.querySelector(`input[value=${code}] + .rw-sizes__label`).getBoundingClientRect().left;
                   return {
                     lang: widget.lang,
                     direction: getComputedStyle(widget).direction,
                     skip: root.querySelector('.rw-skip-link').textContent,
                     legend: root.querySelector('.rw-sizes__legend').textContent,
                     xsRightOfLg: left('xs') > left('lg'),
                   };"#,
            )
            .await?;
        let wanted = json!({
            "lang": lang,
            "direction": dir,
            "skip": skip,
            "legend": legend,
            "xsRightOfLg": dir == "rtl",
        });
        ensure(seen == wanted, || {
            format!("embed {index} shows {seen}, not {wanted}")
        })?;
    }
    Ok(())
}
