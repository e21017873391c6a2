import { dataOf, type Session } from "@confide/client";
import { useEffect, useState } from "preact/hooks";
import { consoleClient } from "../api/console-client.ts";
import { Link } from "../router/link.tsx";
import { markWords, matchingSegment, searchWords } from "./search-match.ts";

type Found = { kind: "segment"; segmentId: string; text: string } | { kind: "title" } | { kind: "notes" } | { kind: "unknown" };

const maxShownCharacters = 180;

/** The segment's words around the first match, cut to a line. */
function excerpt(text: string, words: readonly string[]): string {
  if (text.length <= maxShownCharacters) return text;
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((word) => lower.indexOf(word)).filter((at) => at >= 0), text.length);
  const start = Math.max(0, Math.min(first - 40, text.length - maxShownCharacters));
  return `${start > 0 ? "…" : ""}${text.slice(start, start + maxShownCharacters)}${start + maxShownCharacters < text.length ? "…" : ""}`;
}

/**
 * Under a search result: the words it matched, marked, in the segment that holds them, with a
 * link that opens the session at that segment; else where the match is (the title, the notes).
 * Reads the session (audited as any read) once per result shown.
 */
export function SearchMatchLine({ sessionId, query }: { sessionId: string; query: string }) {
  const [found, setFound] = useState<Found | null>(null);
  const words = searchWords(query);
  useEffect(() => {
    let cancelled = false;
    dataOf(consoleClient.api.GET("/v1/sessions/{id}", { params: { path: { id: sessionId } } }))
      .then((read) => {
        if (cancelled) return;
        const session = read as Session;
        const segment = matchingSegment(session.transcript?.segments ?? [], query);
        const inTitle = searchWords(session.title).some((word) => words.includes(word));
        setFound(segment ? { kind: "segment", segmentId: segment.id, text: segment.text } : inTitle ? { kind: "title" } : { kind: "notes" });
      })
      .catch(() => !cancelled && setFound({ kind: "unknown" }));
    return () => {
      cancelled = true;
    };
  }, [sessionId, query]);
  if (found === null) return <span class="search-match hint">Finding the matching words…</span>;
  if (found.kind !== "segment") {
    const where = { title: "The words are in the title.", notes: "The words are in the notes.", unknown: "Open the session to see the matching words." }[found.kind];
    return <span class="search-match hint">{where}</span>;
  }
  return (
    <span class="search-match" data-testid="search-match">
      <q>
        {markWords(excerpt(found.text, words), words).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
      </q>{" "}
      <Link href={`/sessions/${encodeURIComponent(sessionId)}#segment-${encodeURIComponent(found.segmentId)}`}>Open at this passage</Link>
    </span>
  );
}
