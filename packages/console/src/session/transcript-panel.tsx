import { useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { AudioPlayer } from "./audio-player.tsx";
import { missingPartWords } from "./missing-part.ts";
import type { EvidenceSpan } from "./note-sections.ts";
import { segmentIndexAt, seekSecondsFor } from "./playing-segment.ts";
import type { SaveResult } from "./segment-editor.tsx";
import type { Session, SessionApi } from "./session-api.ts";
import { TranscriptView } from "./transcript-view.tsx";

export interface TranscriptPanelProps {
  session: Session;
  api: SessionApi;
  cited: EvidenceSpan | null;
  onSaveSegment: (segmentId: string, mine: string, base: string) => Promise<SaveResult>;
  restoredEdit: { segmentId: string; text: string } | null;
  raised: { segmentId: string; headings: string[] } | null;
  /** The recording's player, shared with the speakers' samples. */
  audio: { current: HTMLAudioElement | null };
  onSaveSegmentSpeaker: (segmentId: string, speaker: string) => Promise<void>;
}

/**
 * The recording with the transcript under it: click a time to play from there; the segment under
 * the playhead is marked; a segment can be corrected in place while the session is open for review.
 */
export function TranscriptPanel({ session, api, cited, onSaveSegment, restoredEdit, raised, audio, onSaveSegmentSpeaker }: TranscriptPanelProps) {
  const [timeMs, setTimeMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const transcript = session.transcript;
  const playingIndex = transcript ? segmentIndexAt(transcript.segments, timeMs) : -1;

  const playFrom = (segment: { id: string; startMs: number; endMs: number }) => {
    const element = audio.current;
    if (!element) return;
    element.currentTime = seekSecondsFor(segment);
    setTimeMs(segment.startMs);
    void element.play().catch(() => announce("Press play on the recording to listen."));
  };

  return (
    <section class="transcript-column" aria-labelledby="session-transcript">
      <h2 id="session-transcript">Recording and transcript</h2>
      <AudioPlayer
        sessionId={session.id}
        api={api}
        onElement={(element) => {
          audio.current = element;
        }}
        onTime={setTimeMs}
        onPlayingChange={setPlaying}
      />
      {transcript === null ? (
        <p>{missingPartWords(session.status, "transcript")}</p>
      ) : (
        <TranscriptView
          transcript={transcript}
          playingIndex={playingIndex}
          playing={playing}
          cited={cited}
          editable={session.status === "ready"}
          onPlayFrom={playFrom}
          onSaveSegment={onSaveSegment}
          restoredEdit={restoredEdit}
          raised={raised}
          onSaveSegmentSpeaker={onSaveSegmentSpeaker}
        />
      )}
    </section>
  );
}
