import { useEffect, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { lostSignInReason, setLostSignIn, useLostSignIn } from "../auth/lost-sign-in.ts";
import { DraftNotice } from "../drafts/draft-notice.tsx";
import { drafts, segmentOf, type Draft } from "../drafts/draft-store.ts";
import { clockTime } from "./clock-time.ts";
import type { OwnWordsDraft } from "./notes-panel.tsx";
import type { Session } from "./session-api.ts";
import { speakerName } from "./speaker-relabel.ts";

/** What the therapist chose to restore: their own words, and one segment's correction. */
export interface RestoredDrafts {
  words: OwnWordsDraft | null;
  edit: { segmentId: string; text: string } | null;
}

export interface SessionDraftsProps {
  userId: string;
  sessionId: string;
  /** The session read last (kept text is described and matched against its transcript). */
  latest: { current: Session | null };
  /** Open for review: kept text is offered back only then. */
  ready: boolean;
  onRestore: (restored: RestoredDrafts) => void;
}

function describeDraft(draft: Draft, session: Session | null): string {
  if (draft.field === "therapist-notes") return "Your notes";
  if (draft.field === "patient-summary") return "Your summary for the patient";
  const segmentId = segmentOf(draft.field);
  const transcript = session?.transcript;
  const segment = transcript?.segments.find((candidate) => candidate.id === segmentId);
  return segment && transcript
    ? `Your correction of the segment at ${clockTime(segment.startMs)}, ${speakerName(transcript.speakers, segment.speaker)}`
    : "A correction of a segment that is no longer in the transcript";
}

function restoredFrom(kept: readonly Draft[], session: Session | null): RestoredDrafts {
  const words: OwnWordsDraft = {};
  let edit: { segmentId: string; text: string } | null = null;
  for (const draft of kept) {
    const segmentId = segmentOf(draft.field);
    if (draft.field === "therapist-notes") words.therapistNotes = draft.text;
    else if (draft.field === "patient-summary") words.patientSummary = draft.text;
    // One segment is corrected at a time: the first kept correction opens (the others stay kept).
    else if (segmentId !== null && edit === null && session?.transcript?.segments.some((segment) => segment.id === segmentId)) {
      edit = { segmentId, text: draft.text };
    }
  }
  const hasWords = words.therapistNotes !== undefined || words.patientSummary !== undefined;
  return { words: hasWords ? words : null, edit };
}

/**
 * Text kept from before (a sign-in that ended, a closed tab), offered back once the session is
 * open for review: restore it into the fields, or discard it.
 */
export function SessionDrafts({ userId, sessionId, latest, ready, onRestore }: SessionDraftsProps) {
  const lost = useLostSignIn();
  /** Null until offered; empty once restored or discarded. */
  const [offered, setOffered] = useState<Draft[] | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!ready || offered !== null) return;
    setOffered(drafts.of(userId, sessionId));
  }, [ready, userId, sessionId]);
  useEffect(() => {
    if (outcome !== null) outcomeLine.current?.focus();
  }, [outcome]);

  return (
    <>
      {offered && offered.length > 0 ? (
        <DraftNotice
          drafts={offered}
          reason={lost ? lostSignInReason(lost) : null}
          describe={(draft) => describeDraft(draft, latest.current)}
          onRestore={() => {
            const restored = restoredFrom(offered, latest.current);
            setOffered([]);
            setLostSignIn(null);
            onRestore(restored);
            announce("Your unsaved text was restored. Save it to keep it.");
          }}
          onDiscard={() => {
            drafts.forgetSession(userId, sessionId);
            setOffered([]);
            setLostSignIn(null);
            setOutcome("The kept text was discarded.");
          }}
        />
      ) : null}
      {outcome === null ? null : (
        <p class="outcome" role="status" tabIndex={-1} ref={outcomeLine}>
          {outcome}
        </p>
      )}
    </>
  );
}
