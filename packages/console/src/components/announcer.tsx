import { createStore, useStore } from "../store.ts";

const message = createStore("");

/** Says `text` to screen readers (a polite live region), e.g. "Session X is ready for review". */
export function announce(text: string): void {
  // Cleared first so the same sentence twice is announced twice.
  message.set("");
  queueMicrotask(() => message.set(text));
}

/** The one live region of the page, rendered once by the shell. */
export function Announcer() {
  const text = useStore(message);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
