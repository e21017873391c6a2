import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * The screen's one h1. It takes the focus when the screen opens, so keyboard and screen reader
 * users start at the new content after a route change, and sets the page title.
 */
export function ScreenHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Confide`;
    heading.current?.focus();
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
