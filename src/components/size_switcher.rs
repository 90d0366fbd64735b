//! The text-size switcher: four steps, XS to LG, as a native radio group, so it is one tab stop
//! and the checked step is announced. Arrow keys move and select as in any radio group; the
//! switcher handles them itself so that they behave the same in every engine and in a
//! right-to-left page. Each step's accessible name is its visible label followed by what it does
//! ("XS, extra small text").

use yew::prelude::*;

use crate::components::focus_moves;
use crate::labels::Labels;
use crate::text_size::TextSize;

/// The switcher with `selected` checked; `group_name` is the radio group's name, unique to the
/// embed; `onchoose` is called with the step the reader checks.
pub fn size_switcher(
    labels: &Labels,
    selected: TextSize,
    group_name: &str,
    onchoose: &Callback<TextSize>,
) -> Html {
    let steps = TextSize::ALL.into_iter().map(|size| {
        let onchange = onchoose.reform(move |_: Event| size);
        html! {
            <label class="rw-sizes__step">
                <input
                    class="rw-sizes__input"
                    type="radio"
                    name={group_name.to_owned()}
                    value={size.code()}
                    checked={size == selected}
                    {onchange}
                />
                <span class="rw-sizes__label" part="size-step">
                    {size.label()}
                    <span class="rw-visually-hidden">{labels.separator.clone()}{labels.size_description(size)}</span>
                </span>
            </label>
        }
    });
    let onchoose = onchoose.clone();
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        let next = focus_moves().and_then(|moves| (moves.step_for_arrow_key)(&event));
        if let Some(next) = next {
            onchoose.emit(next);
        }
    });
    html! {
        <fieldset class="rw-sizes" part="size-control">
            <legend class="rw-sizes__legend">{labels.text_size.clone()}</legend>
            <div class="rw-sizes__steps" {onkeydown}>{for steps}</div>
        </fieldset>
    }
}
