import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

let nextCueId = 0;

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen, so the page itself
 * never does (WCAG 1.4.10 lets data tables scroll in two directions). The box takes the focus so
 * the keyboard can scroll it too. While columns are cut off on the right, a line says so (and the
 * cut edge is shaded), so a phone user knows there is more than they see.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [cut, setCut] = useState(false);
  const [cueId] = useState(() => `table-scroll-cue-${(nextCueId += 1)}`);
  const measure = () => {
    const element = box.current;
    if (element) setCut(element.scrollLeft + element.clientWidth < element.scrollWidth - 1);
  };
  // Measured after every render too: rows that arrive can widen the table without resizing the box.
  useEffect(measure);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer?.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);
  return (
    <>
      {cut ? (
        <p class="table-scroll-cue hint" id={cueId} data-testid="table-scroll-cue">
          More columns to the right: scroll the table sideways.
        </p>
      ) : null}
      <div ref={box} class={`table-scroll${cut ? " cut" : ""}`} role="region" aria-label={label} aria-describedby={cut ? cueId : undefined} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
