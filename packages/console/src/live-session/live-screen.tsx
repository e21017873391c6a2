import { useEffect, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { LiveEndedPanel } from "./live-ended-panel.tsx";
import type { LiveStartRequest } from "./live-messages.ts";
import { LiveRecorder } from "./live-recorder.ts";
import { LiveRunningPanel } from "./live-running-panel.tsx";
import { LiveStartForm } from "./live-start-form.tsx";
import "./live.css";
import { applyLiveMessage, emptyLiveTranscript, recordOnlyWarning, settleSuggestion, type LiveTranscript } from "./live-transcript.ts";

type Phase =
  | { name: "editing" }
  | { name: "connecting" }
  | { name: "live"; startedAt: number; reconnecting: boolean }
  | { name: "stopping"; startedAt: number | null }
  | { name: "ended"; sessionId: string | null; error: unknown; capturedBytes: number };

/** What the server's `started` says, in words for the announcer. */
function startedWords(resumed: boolean, recordOnly: boolean): string {
  if (resumed) return "Reconnected. Still recording.";
  return recordOnly ? `Recording. ${recordOnlyWarning}` : "Recording. The transcript follows as you speak.";
}

/**
 * A live session in the room: the form (patient, title, today's topics), then the microphone
 * streams to the server while the transcript, the patient's sentiment and the topics covered come
 * back as it is spoken, with the suggested next steps ("Next"); Stop sends the session on to
 * processing (followed until ready). Each panel is a component of its own; this screen holds the
 * recorder and what it reports.
 */
export function LiveScreen() {
  const [phase, setPhase] = useState<Phase>({ name: "editing" });
  const [error, setError] = useState<unknown>(null);
  const [transcript, setTranscript] = useState<LiveTranscript>(emptyLiveTranscript);
  const recorder = useRef<LiveRecorder | null>(null);
  const [patientSees, setPatientSees] = useState(false);
  /** Read by the recorder's callbacks: while the patient can see the screen, no suggestion is said aloud. */
  const patientSeesNow = useRef(false);
  /** Safety suggestions already announced: each is said once. */
  const announced = useRef(new Set<string>());
  useEffect(() => () => recorder.current?.dispose(), []);

  const start = async (request: LiveStartRequest) => {
    setError(null);
    setTranscript(emptyLiveTranscript);
    announced.current = new Set();
    setPhase({ name: "connecting" });
    const live = new LiveRecorder({
      message: (message) => {
        setTranscript((state) => applyLiveMessage(state, message));
        if (message.type === "started") {
          setPhase((current) => (current.name === "live" ? { ...current, reconnecting: false } : { name: "live", startedAt: Date.now(), reconnecting: false }));
          announce(startedWords(message.resumed, (message.recordOnly ?? null) !== null));
        }
        if (message.type === "topic_covered") announce(`Topic covered: ${message.text}.`);
        if (message.type === "suggestion" && message.kind === "safety" && !announced.current.has(message.id)) {
          announced.current.add(message.id);
          if (!patientSeesNow.current) announce(`${message.urgent ? "Urgent safety note" : "Safety question suggested"}: ${message.text}`);
        }
      },
      reconnecting: () => {
        setPhase((current) => (current.name === "live" ? { ...current, reconnecting: true } : current));
        announce("Connection lost: reconnecting…");
      },
      finished: ({ sessionId, error: problem, capturedBytes }) => {
        recorder.current = null;
        if (sessionId === null) {
          // Refused before it started (consent missing, too many live sessions): back to the form.
          setError(problem);
          setPhase({ name: "editing" });
          return;
        }
        setPhase({ name: "ended", sessionId, error: problem, capturedBytes });
        announce(problem ? "The live session stopped." : "The live session has ended and is being processed.");
      },
    });
    recorder.current = live;
    try {
      await live.start(request);
    } catch (problem) {
      recorder.current = null;
      live.dispose();
      setError(problem);
      setPhase({ name: "editing" });
    }
  };

  if (phase.name === "editing" || phase.name === "connecting") {
    return <LiveStartForm busy={phase.name === "connecting"} error={error} onStart={(request) => void start(request)} />;
  }
  if (phase.name === "ended") return <LiveEndedPanel sessionId={phase.sessionId} error={phase.error} capturedBytes={phase.capturedBytes} transcript={transcript} />;
  return (
    <LiveRunningPanel
      startedAt={phase.startedAt}
      state={phase.name === "stopping" ? "stopping" : phase.reconnecting ? "reconnecting" : "recording"}
      transcript={transcript}
      patientSees={patientSees}
      onPatientSees={(sees) => {
        patientSeesNow.current = sees;
        setPatientSees(sees);
        announce(sees ? "Suggestions and sentiment hidden." : "Suggestions and sentiment shown.");
      }}
      onOutcome={(suggestion, action) => {
        recorder.current?.suggestionOutcome(suggestion.id, action);
        setTranscript((state) => settleSuggestion(state, suggestion.id));
        announce(action === "used" ? "Marked asked." : "Dismissed.");
      }}
      onStop={() => {
        setPhase({ name: "stopping", startedAt: phase.startedAt });
        recorder.current?.stop();
      }}
    />
  );
}
