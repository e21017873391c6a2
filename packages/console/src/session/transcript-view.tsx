import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { clockTime, spokenTime } from "./clock-time.ts";
import { lowConfidenceCount, lowConfidenceThreshold, wordPieces } from "./low-confidence.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import { splitAtSpan } from "./note-sections.ts";
import { RaisedFlagNotice } from "./raised-flag-notice.tsx";
import { SegmentEditor, type SaveResult } from "./segment-editor.tsx";
import type { Session } from "./session-api.ts";
import { speakerName } from "./speaker-relabel.ts";

type Transcript = NonNullable<Session["transcript"]>;
type Segment = Transcript["segments"][number];

export interface TranscriptViewProps {
  transcript: Transcript;
  /** Index of the segment under the playhead, -1 for none (marked "Playing", or "Paused here"). */
  playingIndex: number;
  /** Whether the recording is playing (the view follows it only then). */
  playing: boolean;
  /** The evidence last opened from the notes: its segment is highlighted, the span marked. */
  cited: EvidenceSpan | null;
  /** False once the session is finalized (read-only). */
  editable: boolean;
  onPlayFrom: (segment: Segment) => void;
  onSaveSegment: (segmentId: string, mine: string, base: string) => Promise<SaveResult>;
  /** A segment's unsaved correction offered back after a sign-in ended: its editor opens with it. */
  restoredEdit?: { segmentId: string; text: string } | null;
  /** The last correction raised risk flags: said under its segment, with a link to the banner. */
  raised?: { segmentId: string; headings: string[] } | null;
}

export const segmentElementId = (segmentId: string) => `segment-${segmentId}`;

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

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

/**
 * The transcript, one list item per segment: a button that plays from its start, who spoke, the
 * words (unsure ones marked, in words as well as by a dotted underline), and an Edit button. The
 * segment under the playhead is marked "Playing" and kept in view while the recording plays,
 * without moving the keyboard focus.
 */
export function TranscriptView(props: TranscriptViewProps) {
  const { transcript, playingIndex, playing, cited, editable } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [restored, setRestored] = useState<{ segmentId: string; text: string } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!props.restoredEdit) return;
    setRestored(props.restoredEdit);
    setEditing(props.restoredEdit.segmentId);
    document.getElementById(segmentElementId(props.restoredEdit.segmentId))?.scrollIntoView({ block: "center" });
  }, [props.restoredEdit]);

  useEffect(() => {
    if (!playing || playingIndex < 0 || editing !== null) return;
    const segment = transcript.segments[playingIndex];
    if (!segment) return;
    document
      .getElementById(segmentElementId(segment.id))
      ?.scrollIntoView({ block: "nearest", behavior: reducedMotion() ? "auto" : "smooth" });
  }, [playingIndex, playing, editing]);

  const anyUnsure = transcript.segments.some((segment) => lowConfidenceCount(segment) > 0);

  return (
    <>
      {anyUnsure ? (
        <p class="hint" id="unsure-legend">
          Words <span class="unsure">underlined with dots</span> were heard with less than {Math.round(lowConfidenceThreshold * 100)}% confidence:
          check them against the recording.
        </p>
      ) : null}
      <ol class="transcript" ref={list}>
        {transcript.segments.map((segment, index) => {
          const isPlaying = index === playingIndex;
          const isCited = cited?.segmentId === segment.id;
          const speaker = speakerName(transcript.speakers, segment.speaker);
          const unsure = lowConfidenceCount(segment);
          const classes = ["segment", isPlaying ? "playing" : "", isCited ? "cited" : ""].filter(Boolean).join(" ");
          return (
            <li
              key={segment.id}
              id={segmentElementId(segment.id)}
              class={classes}
              tabIndex={-1}
              data-segment-id={segment.id}
              aria-current={isPlaying ? "true" : undefined}
            >
              <div class="segment-meta">
                <button
                  type="button"
                  class="play-from"
                  aria-label={`Play from ${clockTime(segment.startMs)} (${spokenTime(segment.startMs)}), ${speaker}`}
                  onClick={() => props.onPlayFrom(segment)}
                >
                  <span aria-hidden="true">▶ </span>
                  {clockTime(segment.startMs)}
                </button>
                <span class="speaker">{speaker}</span>
                {isPlaying ? <span class="badge badge-playing">{playing ? "Playing" : "Paused here"}</span> : null}
                {isCited ? <span class="badge badge-cited">Cited in the notes</span> : null}
                {unsure > 0 ? (
                  <span class="hint">
                    {unsure} unsure {unsure === 1 ? "word" : "words"}
                  </span>
                ) : null}
              </div>
              {editing === segment.id ? (
                <SegmentEditor
                  segmentId={segment.id}
                  label={`Text of the segment at ${clockTime(segment.startMs)}, ${speaker}`}
                  initialText={segment.text}
                  {...(restored?.segmentId === segment.id ? { draftText: restored.text } : {})}
                  onSave={(mine, base) => props.onSaveSegment(segment.id, mine, base)}
                  onClose={() => {
                    setEditing(null);
                    setRestored(null);
                    // Back to where the keyboard was: this segment's Edit button.
                    requestAnimationFrame(() =>
                      list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(segmentElementId(segment.id))} .edit`)?.focus(),
                    );
                  }}
                />
              ) : (
                <>
                  <SegmentText segment={segment} cited={cited} />
                  {editable ? (
                    <button
                      type="button"
                      class="secondary small edit"
                      aria-label={`Edit the segment at ${clockTime(segment.startMs)}`}
                      onClick={() => {
                        setRestored(null);
                        setEditing(segment.id);
                      }}
                    >
                      Edit
                    </button>
                  ) : null}
                </>
              )}
              {props.raised?.segmentId === segment.id ? <RaisedFlagNotice headings={props.raised.headings} /> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
