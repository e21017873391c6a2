/**
 * Text being typed in a session (a segment's correction, the therapist's notes, the patient's
 * summary), kept in this tab as it is typed so that a sign-in that ends meanwhile (refused
 * refresh: signed out in another tab, expired) does not lose it. Kept in sessionStorage: gone with
 * the tab, never in a URL or a log, per account (another account signing in here forgets it),
 * forgotten when the text is saved or dropped, when the session is finalised, and at sign-out.
 */

/** What a draft belongs to: one field of one session. A segment's field is `segment:<id>`. */
export type DraftField = "therapist-notes" | "patient-summary" | `segment:${string}`;

export interface Draft {
  field: DraftField;
  text: string;
}

/** The part of the Web Storage API drafts need (sessionStorage in the page, a map in tests). */
export interface DraftStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const prefix = "confide.draft";

const keyOf = (userId: string, sessionId: string, field: DraftField) =>
  `${prefix}|${encodeURIComponent(userId)}|${encodeURIComponent(sessionId)}|${field}`;

function parseKey(key: string): { userId: string; sessionId: string; field: DraftField } | null {
  const parts = key.split("|");
  if (parts.length !== 4 || parts[0] !== prefix) return null;
  const [, userId = "", sessionId = "", field = ""] = parts;
  return { userId: decodeURIComponent(userId), sessionId: decodeURIComponent(sessionId), field: field as DraftField };
}

export interface DraftStore {
  /** Keeps `text` for the field; text equal to `saved` (what the server has) or blank forgets it. */
  keep(userId: string, sessionId: string, field: DraftField, text: string, saved?: string): void;
  /** The session's drafts for this account, segment fields last. */
  of(userId: string, sessionId: string): Draft[];
  forget(userId: string, sessionId: string, field: DraftField): void;
  forgetSession(userId: string, sessionId: string): void;
  /** Every draft of every account but `keepUserId` (all of them without it). */
  forgetAll(keepUserId?: string): void;
}

export function createDraftStore(storage: () => DraftStorage | null): DraftStore {
  /** Storage blocked (private mode, a policy): drafts are simply not kept. */
  const attempt = <T>(run: (store: DraftStorage) => T, fallback: T): T => {
    try {
      const store = storage();
      return store === null ? fallback : run(store);
    } catch {
      return fallback;
    }
  };
  const keys = (store: DraftStorage) => Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => key !== null);
  return {
    keep(userId, sessionId, field, text, saved) {
      attempt((store) => {
        if (text.trim() === "" || text === saved) store.removeItem(keyOf(userId, sessionId, field));
        else store.setItem(keyOf(userId, sessionId, field), text);
      }, undefined);
    },
    of(userId, sessionId) {
      return attempt((store) => {
        const drafts: Draft[] = [];
        for (const key of keys(store)) {
          const parsed = parseKey(key);
          if (!parsed || parsed.userId !== userId || parsed.sessionId !== sessionId) continue;
          drafts.push({ field: parsed.field, text: store.getItem(key) ?? "" });
        }
        const rank = (field: DraftField) => (field === "therapist-notes" ? 0 : field === "patient-summary" ? 1 : 2);
        return drafts.filter((draft) => draft.text !== "").sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));
      }, []);
    },
    forget(userId, sessionId, field) {
      attempt((store) => store.removeItem(keyOf(userId, sessionId, field)), undefined);
    },
    forgetSession(userId, sessionId) {
      attempt((store) => {
        for (const key of keys(store)) {
          const parsed = parseKey(key);
          if (parsed && parsed.userId === userId && parsed.sessionId === sessionId) store.removeItem(key);
        }
      }, undefined);
    },
    forgetAll(keepUserId) {
      attempt((store) => {
        for (const key of keys(store)) {
          const parsed = parseKey(key);
          if (parsed && parsed.userId !== keepUserId) store.removeItem(key);
        }
      }, undefined);
    },
  };
}

/** The page's drafts, in this tab's sessionStorage. */
export const drafts: DraftStore = createDraftStore(() => (typeof sessionStorage === "undefined" ? null : sessionStorage));

/** The segment field of a draft, or null for the notes' fields. */
export function segmentOf(field: DraftField): string | null {
  return field.startsWith("segment:") ? field.slice("segment:".length) : null;
}
