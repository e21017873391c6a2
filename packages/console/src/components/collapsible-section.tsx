import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

const phone = () => typeof matchMedia === "function" && matchMedia("(max-width: 40rem)").matches;

/**
 * A section whose heading is a button that shows or hides it (the WAI-ARIA disclosure pattern:
 * the heading stays a heading, the button says whether it is expanded). `closedOnPhone` starts it
 * closed on a narrow screen, so a phone shows the sections' headings before their length.
 */
export function CollapsibleSection({ id, title, closedOnPhone = false, children }: { id: string; title: string; closedOnPhone?: boolean; children: ComponentChildren }) {
  const [open, setOpen] = useState(() => !(closedOnPhone && phone()));
  return (
    <section class="collapsible" aria-labelledby={id}>
      <h2 id={id}>
        <button type="button" class="collapsible-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span class="collapsible-mark" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>{" "}
          {title}
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
