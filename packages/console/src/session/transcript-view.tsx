import { useEffect, useRef, useState } from "preact/hooks";
import { lowConfidenceCount, lowConfidenceThreshold } from "./low-confidence.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import type { SaveResult } from "./segment-editor.tsx";
import type { Session } from "./session-api.ts";
import { segmentElementId, TranscriptSegment, type Segment } from "./transcript-segment.tsx";

export { segmentElementId } from "./transcript-segment.tsx";

type Transcript = NonNullable<Session["transcript"]>;

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
  /** Gives one segment to another speaker; absent when speakers cannot be changed. */
  onSaveSegmentSpeaker?: (segmentId: string, speaker: string) => Promise<void>;
  /** A segment's unsaved correction offered back after a sign-in ended: its editor opens with it. */
  restoredEdit?: { segmentId: string; text: string } | null;
  /** The last correction raised risk flags: said under its segment, with a link to the banner. */
  raised?: { segmentId: string; headings: string[] } | null;
}

const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * The transcript, one list item per segment (`TranscriptSegment`). The segment under the
 * playhead is marked "Playing" and kept in view while the recording plays, without moving the
 * keyboard focus. One segment's text or speaker is edited at a time.
 */
export function TranscriptView(props: TranscriptViewProps) {
  const { transcript, playingIndex, playing, cited, editable } = props;
  const [editing, setEditing] = useState<{ segmentId: string; what: "text" | "speaker" } | null>(null);
  const [restored, setRestored] = useState<{ segmentId: string; text: string } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!props.restoredEdit) return;
    setRestored(props.restoredEdit);
    setEditing({ segmentId: props.restoredEdit.segmentId, what: "text" });
    document.getElementById(segmentElementId(props.restoredEdit.segmentId))?.scrollIntoView({ block: "center" });
  }, [props.restoredEdit]);

  useEffect(() => {
    if (!playing || playingIndex < 0 || editing !== null) return;
    const segment = transcript.segments[playingIndex];
    if (!segment) return;
    document.getElementById(segmentElementId(segment.id))?.scrollIntoView({ block: "nearest", behavior: reducedMotion() ? "auto" : "smooth" });
  }, [playingIndex, playing, editing]);

  const close = (segmentId: string, what: "text" | "speaker") => {
    setEditing(null);
    setRestored(null);
    // Back to where the keyboard was: the button that opened the form.
    const button = what === "text" ? ".edit" : ".change-speaker";
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(segmentElementId(segmentId))} ${button}`)?.focus());
  };
  const anyUnsure = transcript.segments.some((segment) => lowConfidenceCount(segment) > 0);
  const uncertainSpeakers = transcript.segments.filter((segment) => segment.speakerUncertain).length;
  const saveSpeaker = props.onSaveSegmentSpeaker;

  return (
    <>
      {anyUnsure ? (
        <p class="hint" id="unsure-legend">
          Words <span class="unsure">underlined with dots</span> were heard with less than {Math.round(lowConfidenceThreshold * 100)}% confidence:
          check them against the recording.
        </p>
      ) : null}
      {uncertainSpeakers > 0 ? (
        <p class="hint">
          {uncertainSpeakers === 1 ? "1 segment is" : `${uncertainSpeakers} segments are`} marked <span class="badge badge-uncertain">Speaker uncertain</span>: play it and
          check who speaks{editable && saveSpeaker ? " (Speaker changes it)" : ""}.
        </p>
      ) : null}
      <ol class="transcript" ref={list}>
        {transcript.segments.map((segment, index) => {
          const open = editing?.segmentId === segment.id ? editing.what : null;
          return (
            <TranscriptSegment
              key={segment.id}
              segment={segment}
              speakers={transcript.speakers}
              playingBadge={index === playingIndex ? (playing ? "Playing" : "Paused here") : null}
              cited={cited}
              editable={editable}
              editing={open}
              {...(restored?.segmentId === segment.id ? { draftText: restored.text } : {})}
              raised={props.raised?.segmentId === segment.id ? props.raised.headings : null}
              onPlayFrom={props.onPlayFrom}
              onEdit={(what) => {
                setRestored(null);
                setEditing({ segmentId: segment.id, what });
              }}
              onClose={() => close(segment.id, open ?? "text")}
              onSaveText={(mine, base) => props.onSaveSegment(segment.id, mine, base)}
              {...(saveSpeaker && transcript.speakers.length > 1 ? { onSaveSpeaker: (speaker: string) => saveSpeaker(segment.id, speaker) } : {})}
            />
          );
        })}
      </ol>
    </>
  );
}
