//! The reader's text-size choice, shared by every embed on the page and by other open tabs. It is
//! kept in localStorage as the step's code (`"lg"`); the `storage` event, heard through gloo,
//! brings other tabs' choices in. Where storage is blocked or throws (blocked cookies, sandboxed
//! frames, a full quota), the choice lives for the page's lifetime and nothing is said to the
//! reader. (gloo's storage wrapper is not used: it stores values as JSON through serde_json, a
//! parser the WebAssembly otherwise does without.)

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::Callback;

pub use crate::shared_names::STORAGE_KEY;
use crate::text_size::TextSize;

/// Who changed the text size: the reader (in any embed or another tab) or the page's script
/// (the `textSize` property or the `text-size` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChangeOrigin {
    #[default]
    Reader,
    Script,
}

impl ChangeOrigin {
    /// The name used in the `reader-widget-textsizechange` event: `reader` or `script`.
    pub fn code(self) -> &'static str {
        match self {
            ChangeOrigin::Reader => "reader",
            ChangeOrigin::Script => "script",
        }
    }
}

/// The choice (if any) and who made it.
pub type Choice = (Option<TextSize>, ChangeOrigin);

#[derive(Default)]
struct Store {
    /// `None` until first read from storage.
    choice: Option<Choice>,
    next_id: u32,
    subscribers: Vec<(u32, Callback<Choice>)>,
    /// The `storage` listener, from the first read of the choice on.
    other_tabs: Option<EventListener>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// The step chosen, if any, in this page, another tab or an earlier visit, and by whom.
pub fn current_choice() -> Choice {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        // Listening from the first read on, for the page's lifetime, keeps the cached choice
        // true to other tabs even while no embed is on the page.
        if store.other_tabs.is_none() {
            store.other_tabs = web_sys::window()
                .map(|window| EventListener::new(&window, "storage", on_storage_event));
        }
        *store
            .choice
            .get_or_insert_with(|| (read_storage(), ChangeOrigin::Reader))
    })
}

/// The step chosen, if any.
pub fn reader_choice() -> Option<TextSize> {
    current_choice().0
}

/// Records a choice, remembers it and tells every embed.
pub fn choose(size: TextSize, origin: ChangeOrigin) {
    if let Some(storage) = local_storage() {
        // A full quota or a storage that refuses writes leaves the choice in memory only.
        let _ = storage.set_item(STORAGE_KEY, size.code());
    }
    publish((Some(size), origin));
}

/// Calls `callback` with every later change of the choice, until [`unsubscribe`] is called with
/// the returned id.
pub fn subscribe(callback: Callback<Choice>) -> u32 {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        store.next_id = store.next_id.wrapping_add(1);
        let id = store.next_id;
        store.subscribers.push((id, callback));
        id
    })
}

pub fn unsubscribe(id: u32) {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        store
            .subscribers
            .retain(|(subscriber, _)| *subscriber != id);
        if store.subscribers.is_empty() {
            store.other_tabs = None;
        }
    });
}

fn publish(choice: Choice) {
    // Callbacks are called after the borrow ends: a subscriber may subscribe or unsubscribe.
    let subscribers: Vec<Callback<Choice>> = STORE.with(|store| {
        let mut store = store.borrow_mut();
        store.choice = Some(choice);
        store
            .subscribers
            .iter()
            .map(|(_, callback)| callback.clone())
            .collect()
    });
    for callback in subscribers {
        callback.emit(choice);
    }
}

fn on_storage_event(event: &web_sys::Event) {
    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
        return;
    };
    // A `null` key means the other tab cleared all of storage.
    match event.key() {
        Some(key) if key == STORAGE_KEY => {
            let choice = event.new_value().and_then(|code| code.parse().ok());
            publish((choice, ChangeOrigin::Reader))
        }
        None => publish((None, ChangeOrigin::Reader)),
        Some(_) => {}
    }
}

/// localStorage, if this page may use it: reaching it throws in sandboxed frames and where
/// cookies are blocked.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_storage() -> Option<TextSize> {
    local_storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()?
        .parse()
        .ok()
}
