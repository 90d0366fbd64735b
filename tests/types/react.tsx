// The element in React 19's JSX, with the types of the separate entry.
import type {} from "reader-widget/react";
import type { ReadyDetail } from "reader-widget";

export function Embed({ onReady }: { onReady: (detail: ReadyDetail) => void }) {
  return (
    <reader-widget
      src="/articles/syria-resolution.json"
      text-size="sm"
      theme="auto"
      loading="lazy"
      onreader-widget-ready={(event) => onReady(event.detail)}
    >
      <a href="/syria-resolution">Read the article</a>
    </reader-widget>
  );
}

// @ts-expect-error: not a theme
export const sepia = <reader-widget theme="sepia" />;
// @ts-expect-error: not a step
export const huge = <reader-widget text-size="xl" />;
