import { useEffect, useRef } from "preact/hooks";
import { clockTime } from "../session/clock-time.ts";
import { segmentElementId } from "./live-agenda-list.tsx";
import { shownSentiment, type LiveSegment, type LiveTranscript } from "./live-transcript.ts";

const roleNames: Record<LiveSegment["role"], string> = { therapist: "Therapist", patient: "Patient", unknown: "Speaker" };
export const sentimentNames = { positive: "positive", neutral: "neutral", negative: "negative", mixed: "mixed" } as const;

/**
 * The transcript as it is spoken, each part with who and when (and the patient's sentiment unless
 * `showSentiment` is false or a safety suggestion cited the part), the words being heard last;
 * kept scrolled to the end.
 */
export function LiveTranscriptList({ transcript, showSentiment = true }: { transcript: LiveTranscript; showSentiment?: boolean }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "nearest" }), [transcript.segments.length]);
  if (transcript.segments.length === 0 && !transcript.partial) {
    return <p class="hint">{transcript.recordOnly ? "The transcript will be written from the recording when the session ends." : "Listening… the transcript appears after each pause."}</p>;
  }
  return (
    <ol class="live-transcript">
      {transcript.segments.map((segment) => {
        const sentiment = showSentiment ? shownSentiment(transcript, segment) : null;
        return (
          <li key={segment.segmentId} id={segmentElementId(segment.segmentId)} tabIndex={-1} class="live-segment">
            <span class="segment-meta">
              <span class="speaker">{roleNames[segment.role]}</span> <span class="time">{clockTime(segment.startMs)}</span>
              {sentiment ? <span class={`sentiment sentiment-${sentiment}`}> · sentiment: {sentimentNames[sentiment]}</span> : null}
            </span>
            <p class="segment-text">{segment.text}</p>
          </li>
        );
      })}
      {transcript.partial ? (
        <li class="live-segment partial" ref={end}>
          <span class="segment-meta">
            <span class="speaker">Hearing</span>
          </span>
          <p class="segment-text">{transcript.partial.text}…</p>
        </li>
      ) : (
        <li ref={end} class="visually-hidden">
          End of transcript
        </li>
      )}
    </ol>
  );
}
