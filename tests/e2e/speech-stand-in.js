// A scripted stand-in for the browser's speech synthesis (the browsers here have no voices),
// installed before the widget loads. It records every call in `__speech.calls`, holds what is
// spoken in a queue, and reads nothing by itself: `__speech.advance()` ends the passage being
// read and starts the next, as a voice finishing a sentence would. Its voices are English from
// the start, and Russian once `__speech.addVoice("ru-RU")` is called (which fires
// `voiceschanged`, as Chromium does when its voices arrive).
(() => {
  const voices = [{ name: "Stand-in English", lang: "en-US", default: true, localService: true, voiceURI: "stand-in-en" }];
  const listeners = [];
  const queue = [];
  const state = { calls: [], current: null, paused: false };
  const startNext = () => {
    if (state.current || state.paused || !queue.length) return;
    state.current = queue.shift();
    state.current.onstart?.({ type: "start" });
  };
  window.__speech = Object.assign(state, {
    advance() {
      const ended = state.current;
      state.current = null;
      ended?.onend?.({ type: "end" });
      setTimeout(startNext);
    },
    addVoice(lang) {
      voices.push({ name: `Stand-in ${lang}`, lang, default: false, localService: true, voiceURI: `stand-in-${lang}` });
      for (const listener of listeners) listener({ type: "voiceschanged" });
    },
  });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.lang = "";
      this.voice = null;
    }
  };
  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    value: {
      getVoices: () => voices.slice(),
      addEventListener: (type, listener) => type === "voiceschanged" && listeners.push(listener),
      speak(utterance) {
        state.calls.push(["speak", utterance.text, utterance.lang, utterance.voice?.name ?? null]);
        queue.push(utterance);
        setTimeout(startNext);
      },
      pause() {
        state.calls.push(["pause"]);
        state.paused = true;
      },
      resume() {
        state.calls.push(["resume"]);
        state.paused = false;
        setTimeout(startNext);
      },
      cancel() {
        state.calls.push(["cancel"]);
        queue.length = 0;
        const interrupted = state.current;
        state.current = null;
        interrupted?.onerror?.({ type: "error", error: "interrupted" });
      },
    },
  });
})();
