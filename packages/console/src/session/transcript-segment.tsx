import { Fragment } from "preact";
import { clockTime, spokenTime } from "./clock-time.ts";
import { lowConfidenceCount, wordPieces } from "./low-confidence.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import { splitAtSpan } from "./note-sections.ts";
import { RaisedFlagNotice } from "./raised-flag-notice.tsx";
import { SegmentEditor, type SaveResult } from "./segment-editor.tsx";
import { SegmentSpeakerForm } from "./segment-speaker-form.tsx";
import type { Session } from "./session-api.ts";
import { speakerName } from "./speaker-relabel.ts";

type Transcript = NonNullable<Session["transcript"]>;
export type Segment = Transcript["segments"][number];

export const segmentElementId = (segmentId: string) => `segment-${segmentId}`;

function SegmentText({ segment, cited }: { segment: Segment; cited: EvidenceSpan | null }) {
  if (cited && cited.segmentId === segment.id) {
    const [before, marked, after] = splitAtSpan(segment.text, cited);
    return (
      <p class="segment-text">
        {before}
        {marked === "" ? null : (
          <mark class="cited-span">
            <span class="visually-hidden">Cited: </span>
            {marked}
          </mark>
        )}
        {after}
      </p>
    );
  }
  const pieces = wordPieces(segment);
  return (
    <p class="segment-text">
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index === 0 ? null : " "}
          {piece.low ? (
            <span class="unsure" title={`Heard with ${piece.percent ?? 0}% confidence`}>
              {piece.text}
              <span class="visually-hidden"> (unsure: {piece.percent ?? 0}% confidence)</span>
            </span>
          ) : (
            piece.text
          )}
        </Fragment>
      ))}
    </p>
  );
}

export interface TranscriptSegmentProps {
  segment: Segment;
  speakers: Transcript["speakers"];
  /** "Playing" or "Paused here" when under the playhead; null otherwise. */
  playingBadge: string | null;
  cited: EvidenceSpan | null;
  editable: boolean;
  /** What is open on this segment: its text, its speaker, or nothing. */
  editing: "text" | "speaker" | null;
  /** Unsaved text kept from before, for the text editor. */
  draftText?: string;
  /** The flags this segment's last correction raised. */
  raised: string[] | null;
  onPlayFrom: (segment: Segment) => void;
  onEdit: (what: "text" | "speaker") => void;
  onClose: () => void;
  onSaveText: (mine: string, base: string) => Promise<SaveResult>;
  onSaveSpeaker?: (speaker: string) => Promise<void>;
}

/**
 * One segment of the transcript: a button that plays from its start, who spoke (marked when the
 * speaker is uncertain), the words (unsure ones marked in words and by a dotted underline), and
 * Edit and Speaker buttons; either opens its form in place.
 */
export function TranscriptSegment(props: TranscriptSegmentProps) {
  const { segment, speakers, playingBadge, cited, editable, editing } = props;
  const isCited = cited?.segmentId === segment.id;
  const speaker = speakerName(speakers, segment.speaker);
  const unsure = lowConfidenceCount(segment);
  const at = clockTime(segment.startMs);
  const classes = ["segment", playingBadge ? "playing" : "", isCited ? "cited" : "", segment.speakerUncertain ? "speaker-uncertain" : ""].filter(Boolean).join(" ");
  return (
    <li id={segmentElementId(segment.id)} class={classes} tabIndex={-1} data-segment-id={segment.id} aria-current={playingBadge ? "true" : undefined}>
      <div class="segment-meta">
        <button type="button" class="play-from" aria-label={`Play from ${at} (${spokenTime(segment.startMs)}), ${speaker}`} onClick={() => props.onPlayFrom(segment)}>
          <span aria-hidden="true">▶ </span>
          {at}
        </button>
        <span class="speaker">{speaker}</span>
        {segment.speakerUncertain ? <span class="badge badge-uncertain">Speaker uncertain</span> : null}
        {playingBadge ? <span class="badge badge-playing">{playingBadge}</span> : null}
        {isCited ? <span class="badge badge-cited">Cited in the notes</span> : null}
        {unsure > 0 ? (
          <span class="hint">
            {unsure} unsure {unsure === 1 ? "word" : "words"}
          </span>
        ) : null}
        {editable && editing === null ? (
          <span class="segment-actions">
            <button type="button" class="secondary small edit" aria-label={`Edit the segment at ${at}`} onClick={() => props.onEdit("text")}>
              Edit
            </button>
            {props.onSaveSpeaker ? (
              <button type="button" class="secondary small change-speaker" aria-label={`Change the speaker of the segment at ${at}`} onClick={() => props.onEdit("speaker")}>
                Speaker
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {editing === "text" ? (
        <SegmentEditor
          segmentId={segment.id}
          label={`Text of the segment at ${at}, ${speaker}`}
          initialText={segment.text}
          {...(props.draftText === undefined ? {} : { draftText: props.draftText })}
          onSave={props.onSaveText}
          onClose={props.onClose}
        />
      ) : (
        <SegmentText segment={segment} cited={cited} />
      )}
      {editing === "speaker" && props.onSaveSpeaker ? (
        <SegmentSpeakerForm segmentId={segment.id} where={`the segment at ${at}`} current={segment.speaker} speakers={speakers} onSave={props.onSaveSpeaker} onClose={props.onClose} />
      ) : null}
      {props.raised ? <RaisedFlagNotice headings={props.raised} /> : null}
    </li>
  );
}
