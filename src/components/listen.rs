//! Listen: the control beside the size switcher that has the browser read the article aloud
//! (its own speech synthesis: no service, no download). One button starts, pauses and resumes,
//! its label saying what it will do; a second, shown while the article is being read, stops.
//! The view only shows the state it is given; the browser layer speaks, and marks the passage
//! being read (`browser/listen.rs`, `js/speech.js`).

use yew::prelude::*;

use crate::labels::Labels;

/// Where reading aloud stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListenState {
    #[default]
    Stopped,
    Reading,
    Paused,
}

/// What the reader asked of Listen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenAction {
    /// Start, pause or resume, by the state.
    StartOrPause,
    Stop,
}

/// Listen as an embed shows it: its state, what the reader's presses call, and its buttons'
/// nodes (focus on the stop button moves to the start button when the stop button goes).
#[derive(Clone, Debug, PartialEq)]
pub struct ListenView {
    pub state: ListenState,
    pub onaction: Callback<ListenAction>,
    pub start_button: NodeRef,
    pub stop_button: NodeRef,
}

/// The two buttons. Their labels are their names, so a screen reader says what a press does.
pub fn listen_controls(labels: &Labels, listen: &ListenView) -> Html {
    let label = match listen.state {
        ListenState::Stopped => labels.listen.clone(),
        ListenState::Reading => labels.pause.clone(),
        ListenState::Paused => labels.resume.clone(),
    };
    let start = listen
        .onaction
        .reform(|_: MouseEvent| ListenAction::StartOrPause);
    let stop = listen.onaction.reform(|_: MouseEvent| ListenAction::Stop);
    html! {
        <div class="rw-listen" part="listen">
            <button class="rw-listen__button" part="listen-button" type="button" onclick={start} ref={listen.start_button.clone()}>{label}</button>
            if listen.state != ListenState::Stopped {
                <button class="rw-listen__button" part="listen-button" type="button" onclick={stop} ref={listen.stop_button.clone()}>{labels.stop.clone()}</button>
            }
        </div>
    }
}
