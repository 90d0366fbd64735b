//! The text-size switcher: four steps, XS to LG, as a native radio group, so it is one tab stop,
//! arrow keys move and select, and the checked step is announced. Each step's accessible name is
//! its visible label followed by what it does ("XS, extra small text").

use yew::prelude::*;

use crate::labels::ENGLISH;
use crate::text_size::TextSize;

#[derive(Properties, PartialEq)]
pub struct SizeSwitcherProps {
    /// The checked step.
    pub selected: TextSize,
    /// The radio group's name, unique to the embed.
    pub group_name: AttrValue,
    /// Called with the step the reader checks. Default: does nothing.
    #[prop_or_default]
    pub onchoose: Callback<TextSize>,
}

#[component]
pub fn SizeSwitcher(props: &SizeSwitcherProps) -> Html {
    let labels = &ENGLISH;
    let steps = TextSize::ALL.into_iter().map(|size| {
        let onchange = props.onchoose.reform(move |_: Event| size);
        html! {
            <label class="rw-sizes__step">
                <input
                    class="rw-sizes__input"
                    type="radio"
                    name={props.group_name.clone()}
                    value={size.code()}
                    checked={size == props.selected}
                    {onchange}
                />
                <span class="rw-sizes__label">
                    {size.label()}
                    <span class="rw-visually-hidden">{", "}{labels.size_description(size)}</span>
                </span>
            </label>
        }
    });
    html! {
        <fieldset class="rw-sizes" lang={labels.lang}>
            <legend class="rw-sizes__legend">{labels.text_size}</legend>
            <div class="rw-sizes__steps">{for steps}</div>
        </fieldset>
    }
}
