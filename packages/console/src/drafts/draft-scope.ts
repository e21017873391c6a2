import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { drafts, type DraftField } from "./draft-store.ts";

/** Whose text, in which session: the session view provides it to its editors. */
export interface DraftScope {
  userId: string;
  sessionId: string;
}

export const DraftScopeContext = createContext<DraftScope | null>(null);

export interface DraftKeeper {
  /** Keeps the text being typed (forgotten again when it equals `saved`, what the server has). */
  keep(text: string, saved: string): void;
  /** The text was saved or dropped: nothing to offer back. */
  forget(): void;
}

/** Keeps one field's text as it is typed; does nothing outside a session view. */
export function useDraft(field: DraftField): DraftKeeper {
  const scope = useContext(DraftScopeContext);
  return {
    keep(text, saved) {
      if (scope) drafts.keep(scope.userId, scope.sessionId, field, text, saved);
    },
    forget() {
      if (scope) drafts.forget(scope.userId, scope.sessionId, field);
    },
  };
}
