import { useEffect } from "preact/hooks";
import { createStore, useStore } from "../store.ts";

/**
 * A confirmation carried to the next screen (the sessions list after a session was deleted):
 * shown there once, as a status line, and gone when the reader dismisses it or leaves the screen.
 */
const pending = createStore<string | null>(null);

/** Leaves `message` for the next screen that shows flash messages. */
export function flashOnNextScreen(message: string): void {
  pending.set(message);
}

/** The message left for this screen, if any, with a button to dismiss it. */
export function FlashMessage() {
  const message = useStore(pending);
  // Leaving the screen ends the message: it belongs to the move that brought the reader here.
  useEffect(() => () => pending.set(null), []);
  if (message === null) return null;
  return (
    <p class="flash-message" role="status" data-testid="flash-message">
      {message}{" "}
      <button type="button" class="link-button" onClick={() => pending.set(null)}>
        Dismiss
      </button>
    </p>
  );
}
