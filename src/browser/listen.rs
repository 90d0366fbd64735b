//! Listen in the page: an embed with the `listen` attribute reads its article aloud with the
//! browser's own speech synthesis, through the page's one speech queue (`js/speech.js`, which
//! also marks the passage being read and keeps it in view), so that starting it in one embed
//! stops it in another. Nothing speaks until the reader presses the button, so a screen
//! reader's own speech is never interrupted unasked.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::components::{ListenAction, ListenState, ListenView};

#[wasm_bindgen(module = "/js/speech.js")]
extern "C" {
    // None of these throws (see the file).
    #[wasm_bindgen(js_name = hasVoice)]
    fn has_voice(lang: &str) -> bool;
    #[wasm_bindgen(js_name = whenVoicesChange)]
    fn when_voices_change(callback: &JsValue);
    fn speak(host: &HtmlElement, lang: &str, done: &JsValue) -> u32;
    #[wasm_bindgen(js_name = pauseSpeaking)]
    fn pause_speaking(id: u32);
    #[wasm_bindgen(js_name = resumeSpeaking)]
    fn resume_speaking(id: u32);
    #[wasm_bindgen(js_name = stopSpeaking)]
    fn stop_speaking(id: u32);
}

/// One embed's reading: where it stands, its id in the page's queue, and whether the embed
/// already looks again when the browser's voices change. Held in one cell, redrawn on demand:
/// three states and their effects cost the WebAssembly 1 KB more (twiggy).
#[derive(Default)]
struct Reading {
    state: ListenState,
    id: u32,
    watching_voices: bool,
}

/// Listen for one embed: `None` unless it is `wanted` (the attribute), its article is `shown`
/// and the browser has a voice for `lang`, the article's language (the widget's when it has
/// none). The reading stops when the embed leaves the page, its article changes or Listen is
/// turned off.
#[hook]
pub fn use_listen(
    wanted: bool,
    shown: Option<usize>,
    lang: AttrValue,
    host: HtmlElement,
) -> Option<ListenView> {
    let reading = use_mut_ref(Reading::default);
    let redraw = use_force_update();
    let start_button = use_node_ref();
    let stop_button = use_node_ref();
    {
        let reading = Rc::clone(&reading);
        use_effect_with((wanted, shown), move |_| move || stop(&reading));
    }
    if !wanted || shown.is_none() {
        return None;
    }
    if !reading.borrow().watching_voices {
        // Voices often arrive after the page starts: look again when they do.
        reading.borrow_mut().watching_voices = true;
        let redraw = redraw.clone();
        when_voices_change(
            &Closure::<dyn Fn()>::new(move || redraw.force_update()).into_js_value(),
        );
    }
    let state = reading.borrow().state;
    if state == ListenState::Stopped && !has_voice(&lang) {
        return None;
    }
    let onaction = {
        let reading = Rc::clone(&reading);
        let (start_button, stop_button) = (start_button.clone(), stop_button.clone());
        Callback::from(move |action: ListenAction| {
            let (state, id) = {
                let current = reading.borrow();
                (current.state, current.id)
            };
            let next = match (action, state) {
                (ListenAction::StartOrPause, ListenState::Stopped) => {
                    let done = ended(&reading, &redraw, &start_button, &stop_button);
                    // Reading before `speak` returns: `done` may come at once, and wins.
                    reading.borrow_mut().state = ListenState::Reading;
                    let id = speak(&host, &lang, &done.into_js_value());
                    reading.borrow_mut().id = id;
                    None
                }
                (ListenAction::StartOrPause, ListenState::Reading) => {
                    pause_speaking(id);
                    Some(ListenState::Paused)
                }
                (ListenAction::StartOrPause, ListenState::Paused) => {
                    resume_speaking(id);
                    Some(ListenState::Reading)
                }
                (ListenAction::Stop, _) => {
                    stop(&reading);
                    None
                }
            };
            if let Some(next) = next {
                reading.borrow_mut().state = next;
            }
            redraw.force_update();
        })
    };
    Some(ListenView {
        state,
        onaction,
        start_button,
        stop_button,
    })
}

/// Stops this embed's reading, if it is the page's.
fn stop(reading: &RefCell<Reading>) {
    let id = reading.borrow().id;
    stop_speaking(id);
}

/// What the page's queue calls when a reading ends, however it ends: the embed shows Listen
/// stopped, and focus on the stop button, which goes, moves to the start button.
fn ended(
    reading: &Rc<RefCell<Reading>>,
    redraw: &UseForceUpdateHandle,
    start_button: &NodeRef,
    stop_button: &NodeRef,
) -> Closure<dyn Fn()> {
    let reading = Rc::clone(reading);
    let redraw = redraw.clone();
    let (start_button, stop_button) = (start_button.clone(), stop_button.clone());
    Closure::new(move || {
        let stop_has_focus = stop_button
            .cast::<Element>()
            .is_some_and(|stop| stop.matches(":focus").unwrap_or(false));
        if let Some(start) = start_button
            .cast::<HtmlElement>()
            .filter(|_| stop_has_focus)
        {
            let _ = start.focus();
        }
        reading.borrow_mut().state = ListenState::Stopped;
        redraw.force_update();
    })
}
