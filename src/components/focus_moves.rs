//! How the view moves keyboard focus, which only a page can do. The skip links and the size
//! switcher ask for a move; the browser layer says how, as it defines the element
//! ([`use_focus_moves`], with `browser/focus.rs`), so the view holds no browser code beyond the
//! events Yew hands it. The server renderer passes nothing: no one has focus there.

use std::cell::Cell;

use yew::prelude::*;

use crate::text_size::TextSize;

/// The focus moves a platform makes for the view.
#[derive(Clone, Copy)]
pub struct FocusMoves {
    /// To the element `target` is on (one not focusable by nature is made so until it loses
    /// focus, so that it never becomes a tab stop).
    pub to: fn(target: &NodeRef),
    /// To what follows, in the page, the embed holding the element `inside` is on; to the
    /// element `fallback` is on when nothing does.
    pub past_embed: fn(inside: &NodeRef, fallback: &NodeRef),
    /// For an arrow key pressed on a size step: the step the key leads to, focused, its
    /// browser default stopped; `None` for a key the switcher leaves alone.
    pub step_for_arrow_key: fn(&KeyboardEvent) -> Option<TextSize>,
}

thread_local! {
    static FOCUS_MOVES: Cell<Option<FocusMoves>> = const { Cell::new(None) };
}

/// Has the view move focus with `moves`.
pub fn use_focus_moves(moves: FocusMoves) {
    FOCUS_MOVES.with(|current| current.set(Some(moves)));
}

/// The focus moves in use, if a platform gave any.
pub(crate) fn focus_moves() -> Option<FocusMoves> {
    FOCUS_MOVES.with(Cell::get)
}
