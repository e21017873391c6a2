import type { ComponentChildren } from "preact";

/**
 * A wide table that scrolls sideways inside its own box on a narrow screen, so the page itself
 * never does (WCAG 1.4.10 lets data tables scroll in two directions). The box takes the focus so
 * the keyboard can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
