import type { Session } from "./session.ts";

/**
 * The words of a text as search sees them: NFKC-normalised (full-width letters, ligatures and
 * decomposed accents become their plain form), lower-cased the same way in every locale, and
 * split at every character that is not a letter, a combining mark or a digit — so punctuation
 * and query syntax (`&`, `|`, `:*`, quotes) are never more than separators.
 */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** What of a session is searchable: its title and the text of every transcript segment. */
export function searchableTextsOf(session: Pick<Session, "title" | "transcript">): string[] {
  return [session.title, ...(session.transcript?.segments.map((segment) => segment.text) ?? [])];
}

/**
 * The distinct search words of a session, in the order they first appear: what a store
 * indexes (a lowercase term array on a document store; the text of a full-text vector in SQL).
 * A session matches a query when it has every one of the query's `searchWords` — exactly, or
 * by the store's stemming where it has it.
 */
export function sessionSearchTerms(session: Pick<Session, "title" | "transcript">): string[] {
  return [...new Set(searchableTextsOf(session).flatMap(searchWords))];
}
