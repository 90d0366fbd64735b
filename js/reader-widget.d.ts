// Types for `<reader-widget>`: `import "reader-widget"` defines the element, and these declare it
// to TypeScript (`document.querySelector("reader-widget")`, `document.createElement`, and its
// events on any element, the document or the window, since they bubble and are composed). The
// names, details and members are those of the publisher guide's tables
// (docs/publisher-guide.md) and of custom-elements.json.

/** A step of the text-size switcher. */
export type TextSize = "xs" | "sm" | "md" | "lg";

/** Why an embed's article cannot be shown (`reader-widget-error`'s `detail.kind`). */
export type ErrorKind = "no-source" | "network" | "http" | "malformed" | "missing-headline" | "empty-body";

/** `reader-widget-ready`: the article is shown (again after `reload()`). */
export interface ReadyDetail {
  readonly headline: string;
  readonly source: "src" | "inline";
  readonly format: "json" | "json-ld" | "html";
}

/** `reader-widget-textsizechange`: this embed's text size changed. */
export interface TextSizeChangeDetail {
  readonly from: TextSize;
  readonly to: TextSize;
  /** `script` when the `textSize` property or the `text-size` attribute did it. */
  readonly by: "reader" | "script";
}

/** `reader-widget-error`: the article cannot be shown. */
export interface ErrorDetail {
  readonly kind: ErrorKind;
  readonly message: string;
}

/** A block of an article's body, by its `type`. */
export type Block =
  | { readonly type: "paragraph"; readonly text: string }
  | { readonly type: "subheading"; readonly text: string }
  | { readonly type: "quote"; readonly text: string; readonly cite: string | null }
  | { readonly type: "list"; readonly ordered: boolean; readonly items: readonly string[] };

/**
 * The article as the `article` property gives it: the article format's fields, URLs resolved,
 * `null` for what the article does not give, and the format it was read from.
 */
export interface Article {
  readonly headline: string;
  readonly standfirst: string | null;
  readonly byline: string | null;
  readonly source: { readonly name: string; readonly url: string | null } | null;
  readonly published: string | null;
  readonly lang: string | null;
  readonly url: string | null;
  readonly image: {
    readonly src: string;
    readonly alt: string;
    readonly caption: string | null;
    readonly credit: string | null;
    readonly width: number | null;
    readonly height: number | null;
  } | null;
  /** `null` for a block of a type the widget does not know. */
  readonly body: readonly (Block | null)[];
  readonly format: "json" | "json-ld" | "html";
}

/** The events an embed tells the page. */
export interface ReaderWidgetEventMap {
  "reader-widget-ready": CustomEvent<ReadyDetail>;
  "reader-widget-textsizechange": CustomEvent<TextSizeChangeDetail>;
  "reader-widget-error": CustomEvent<ErrorDetail>;
}

/**
 * `<reader-widget>`. Its attributes: `src`, `text-size`, `theme`, `lang`, `labels`, `loading`,
 * `listen`.
 */
export interface ReaderWidgetElement extends HTMLElement {
  /** The step in force; setting it does what a reader's choice does (every embed follows, kept). */
  textSize: TextSize;
  /** A copy of the article as shown (URLs resolved, frozen at the top level), or `null` until it is shown. */
  get article(): Article | null;
  /**
   * Gives the element its article: an object in the article format or its JSON text, read as
   * inline JSON is (relative URLs against the page; `src`, if any, still comes first). `null`
   * takes it back.
   */
  set article(value: object | string | null);
  /** Loads the article again (fetches `src` again). */
  reload(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "reader-widget": ReaderWidgetElement;
  }
  // Every element, the document and the window hear them: they bubble and are composed.
  interface GlobalEventHandlersEventMap extends ReaderWidgetEventMap {}
}
