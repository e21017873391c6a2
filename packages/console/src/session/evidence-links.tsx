import { Fragment } from "preact";
import { clockTime } from "./clock-time.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import type { Session } from "./session-api.ts";
import { speakerName } from "./speaker-relabel.ts";
import { segmentElementId } from "./transcript-view.tsx";

type Transcript = NonNullable<Session["transcript"]>;

/**
 * Links to the cited words, each named by when and by whom they were said ("0:14, Patient");
 * opening one scrolls to the segment and marks the words (`onOpenEvidence`).
 */
export function EvidenceLinks({
  evidence,
  transcript,
  lead,
  onOpenEvidence,
}: {
  evidence: EvidenceSpan[];
  transcript: Transcript | null;
  /** Read before each link by screen readers ("Show the cited words at"). */
  lead: string;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}) {
  const segments = new Map((transcript?.segments ?? []).map((segment) => [segment.id, segment]));
  return (
    <>
      {evidence.map((span, at) => {
        const segment = segments.get(span.segmentId);
        const where = segment && transcript ? `${clockTime(segment.startMs)}, ${speakerName(transcript.speakers, segment.speaker)}` : "in the transcript";
        return (
          <Fragment key={at}>
            {at === 0 ? null : ", "}
            <a
              class="evidence-link"
              href={`#${segmentElementId(span.segmentId)}`}
              onClick={(event) => {
                event.preventDefault();
                onOpenEvidence(span);
              }}
            >
              <span class="visually-hidden">{lead} </span>
              {where}
            </a>
          </Fragment>
        );
      })}
    </>
  );
}

/** A note's cited words after its text: " Evidence: 0:14, Patient, …"; nothing when it cites none. */
export function NoteEvidence({
  evidence,
  transcript,
  onOpenEvidence,
}: {
  evidence: EvidenceSpan[];
  transcript: Transcript | null;
  onOpenEvidence: (evidence: EvidenceSpan) => void;
}) {
  if (evidence.length === 0) return null;
  return (
    <span class="evidence">
      {" "}
      Evidence:{" "}
      <EvidenceLinks evidence={evidence} transcript={transcript} lead="Show the cited words at" onOpenEvidence={onOpenEvidence} />
    </span>
  );
}
