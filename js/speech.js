// Listen's speech: the page's one queue of the browser's own speech synthesis, shared by every
// embed, so that starting Listen in one stops it in any other. The module's side of Listen
// (src/browser/listen.rs) calls these; none of them throws, whatever the browser has or lacks.

// Names shared with the Rust (src/shared_names.rs, src/text_size.rs), written by
// `make shared-names` (tests/shared_names.rs fails while they differ from the Rust's):
const LISTEN_PASSAGES_SELECTOR = ".rw-article__headline, .rw-article__body > *";
// End of the names shared with the Rust.

let lastId = 0;
/** The embed being read: its id and what to call when its reading ends, for any reason. */
let current = null;

const synthesis = () => {
  try {
    return globalThis.speechSynthesis ?? null;
  } catch {
    return null;
  }
};

// Chromium lists its voices only some time after they are first asked for (until then, none):
// asked now, while the WebAssembly loads, they are likelier to be there when an article first
// renders, so that Listen does not appear after it, moving the article down. Only on pages
// that offer Listen.
try {
  if (document.querySelector("reader-widget[listen]")) synthesis()?.getVoices();
} catch {}

/** Calls a function of the module's, which must not stop the reading if it fails. */
function tell(callback, ...args) {
  try {
    callback(...args);
  } catch {}
}

/** The voice that reads `lang` (a BCP 47 tag): one of exactly that tag, else the default one of
 * its language, else any of its language; null where the browser has none. */
function voiceFor(lang) {
  try {
    const wanted = String(lang).toLowerCase().replace("_", "-");
    const primary = wanted.split("-")[0];
    const voices = synthesis()
      ?.getVoices()
      .filter((voice) => String(voice.lang).toLowerCase().replace("_", "-").split("-")[0] === primary);
    if (!voices?.length || !primary) return null;
    return (
      voices.find((voice) => String(voice.lang).toLowerCase().replace("_", "-") === wanted) ??
      voices.find((voice) => voice.default) ??
      voices[0]
    );
  } catch {
    return null;
  }
}

/** Whether the browser has a voice for `lang`. */
export function hasVoice(lang) {
  return voiceFor(lang) !== null;
}

/** Calls `callback` each time the browser's list of voices changes (they often arrive late). */
export function whenVoicesChange(callback) {
  try {
    synthesis()?.addEventListener("voiceschanged", () => tell(callback));
  } catch {}
}

/** Ends the current reading, telling its embed, and empties the page's queue. */
export function stopSpeaking(id) {
  if (!current || (id !== undefined && current.id !== id)) return;
  const { done } = current;
  current = null;
  try {
    synthesis()?.cancel();
    // A queue cancelled while paused stays paused in Chromium, and would not read the next.
    synthesis()?.resume();
  } catch {}
  tell(done);
}

/** Marks `passage` as the one being read (drawn by the widget's stylesheet), or none. */
function mark(root, passage) {
  for (const marked of root.querySelectorAll("[aria-current]")) marked.removeAttribute("aria-current");
  if (!passage) return;
  passage.setAttribute("aria-current", "true");
  // In view if it is not, moving nothing else, focus included.
  passage.scrollIntoView({ block: "nearest" });
}

/**
 * Reads the article in `host`'s shadow root aloud in `lang`, passage by passage (the headline,
 * then each block of the body), marking each as it is read, and calls `done()` once the reading
 * ends: read through, stopped, or taken over by another embed. Returns the reading's id, for
 * `pauseSpeaking`, `resumeSpeaking` and `stopSpeaking`; 0, with `done` called at once, where
 * the browser cannot speak.
 */
export function speak(host, lang, done) {
  stopSpeaking();
  const speech = synthesis();
  const voice = voiceFor(lang);
  const root = host.shadowRoot;
  if (!speech || !voice || !root) {
    tell(done);
    return 0;
  }
  const passages = [...root.querySelectorAll(LISTEN_PASSAGES_SELECTOR)];
  const id = ++lastId;
  const finish = () => current?.id === id && stopSpeaking(id);
  current = {
    id,
    done: () => {
      try {
        mark(root);
      } catch {}
      tell(done);
    },
  };
  const read = (index) => {
    if (current?.id !== id) return;
    if (index >= passages.length) return finish();
    const text = passages[index].innerText.trim();
    if (!text) return read(index + 1);
    try {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang;
      utterance.voice = voice;
      utterance.onstart = () => {
        try {
          if (current?.id === id) mark(root, passages[index]);
        } catch {}
      };
      utterance.onend = () => read(index + 1);
      // Interrupted by another page script's cancel(), or a failed voice: the reading ends.
      utterance.onerror = finish;
      speech.speak(utterance);
    } catch {
      finish();
    }
  };
  read(0);
  return id;
}

/** Pauses the reading `id`, if it is still the page's. */
export function pauseSpeaking(id) {
  try {
    if (current?.id === id) synthesis()?.pause();
  } catch {}
}

/** Resumes the reading `id`, if it is still the page's. */
export function resumeSpeaking(id) {
  try {
    if (current?.id === id) synthesis()?.resume();
  } catch {}
}

