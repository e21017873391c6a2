import { useAuth } from "../auth/auth-state.ts";
import { CollapsibleSection } from "../components/collapsible-section.tsx";
import { clockTime } from "./clock-time.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import type { Session } from "./session-api.ts";
import "./live-suggestions-timeline.css";

type SuggestionRecord = NonNullable<NonNullable<Session["live"]>["suggestions"]>[number];

const kindNames: Record<SuggestionRecord["kind"], string> = { safety: "Safety question", agenda: "Topic not yet covered", reflection: "Reflection" };
const withdrawalWords: Record<NonNullable<SuggestionRecord["withdrawn"]>["reason"], string> = {
  asked: "Taken back: you asked it in your own words",
  answered: "Taken back: the patient had answered it",
  covered: "Taken back: the topic was covered",
  superseded: "Taken back: a later question replaced it",
};

/** A time of day as the clinician's browser writes it (hours and minutes). */
const timeOfDay = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** What became of one suggestion, in words: marked (by whom, when), taken back (why, when), or nothing. */
function fateOf(record: SuggestionRecord, userId: string | undefined): string {
  if (record.outcome) {
    const who = record.outcome.by === userId ? "you" : "another clinician";
    return `${record.outcome.action === "used" ? "Marked asked" : "Dismissed"} by ${who} at ${timeOfDay(record.outcome.at)}`;
  }
  if (record.withdrawn) return `${withdrawalWords[record.withdrawn.reason]} (${timeOfDay(record.withdrawn.at)})`;
  return "Left open: neither marked nor taken back before the session ended";
}

/**
 * For a session recorded live: what was suggested to the therapist while it ran, in order, and
 * what became of each — marked asked or dismissed (by whom, when), or taken back and why — with a
 * way to the patient's words it answered to. Read-only; advice, not part of the record. Nothing
 * is shown for a session that was not live or had no suggestion.
 */
export function LiveSuggestionsTimeline({
  session,
  onOpenEvidence,
}: {
  session: Session;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}) {
  const userId = useAuth()?.user.id;
  const records = session.live?.suggestions ?? [];
  if (!session.live || records.length === 0) return null;
  const segments = session.transcript?.segments ?? [];
  return (
    <CollapsibleSection id="session-live-suggestions" title="Suggested while live" closedOnPhone>
      <p class="hint">Advice shown during the session, not part of the notes.</p>
      <ol class="live-suggestions-timeline">
        {records.map((record) => {
          const cited = segments.find((segment) => segment.id === record.cites.at(-1));
          return (
            <li key={record.id} data-suggestion-id={record.id}>
              <p>
                <strong>{record.urgent ? "Safety: urgent" : kindNames[record.kind]}</strong> at {timeOfDay(record.at)}: {record.text}
              </p>
              <p class="hint">{fateOf(record, userId)}.</p>
              {cited ? (
                <button type="button" onClick={() => onOpenEvidence({ segmentId: cited.id, start: 0, end: cited.text.length })}>
                  Show the words at {clockTime(cited.startMs)}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </CollapsibleSection>
  );
}
