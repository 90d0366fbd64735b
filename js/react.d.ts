// Types for `<reader-widget>` in React 19's JSX, apart from the element's own so that a page
// without React never needs React's types: `import type {} from "reader-widget/react";` once in
// an app declares the element's attributes and its events' props. React 19 sets an attribute
// for each of these names (none is a property of the element) and adds each `on…` prop as a
// listener for the event named after `on`.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  ErrorDetail,
  ReaderWidgetElement,
  ReadyDetail,
  TextSize,
  TextSizeChangeDetail,
} from "./reader-widget.js";

/** The element's attributes and events, as React props. */
export interface ReaderWidgetProps extends HTMLAttributes<ReaderWidgetElement> {
  src?: string;
  "text-size"?: TextSize;
  theme?: "light" | "dark" | "auto";
  /** A JSON object of your own texts for the widget's labels. */
  labels?: string;
  loading?: "lazy" | "eager";
  /** Offer Listen: the article read aloud by the browser's own speech synthesis. */
  listen?: boolean;
  "onreader-widget-ready"?: (event: CustomEvent<ReadyDetail>) => void;
  "onreader-widget-textsizechange"?: (event: CustomEvent<TextSizeChangeDetail>) => void;
  "onreader-widget-error"?: (event: CustomEvent<ErrorDetail>) => void;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "reader-widget": DetailedHTMLProps<ReaderWidgetProps, ReaderWidgetElement>;
    }
  }
}
