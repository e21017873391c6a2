import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { PatientField } from "../components/patient-field.tsx";
import { defaultNoteFormatOf, NoteFormatField } from "../components/note-format-field.tsx";
import { useAuth } from "../auth/auth-state.ts";
import { StatusChip, statusLabels } from "../components/status-chip.tsx";
import type { SessionStatus } from "../api/api-types.ts";
import { useLiveStatuses } from "../live/live-statuses.ts";
import { Link } from "../router/link.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { clockTime } from "../session/clock-time.ts";
import type { LiveStartRequest } from "./live-messages.ts";
import { LiveRecorder } from "./live-recorder.ts";
import "./live.css";
import { applyLiveMessage, emptyLiveTranscript, recordOnlyWarning, type LiveSegment, type LiveTranscript } from "./live-transcript.ts";

type Phase =
  | { name: "editing" }
  | { name: "connecting" }
  | { name: "live"; startedAt: number; reconnecting: boolean }
  | { name: "stopping" }
  | { name: "ended"; sessionId: string | null; error: unknown; capturedBytes: number };

const roleNames: Record<LiveSegment["role"], string> = { therapist: "Therapist", patient: "Patient", unknown: "Speaker" };
const sentimentNames = { positive: "positive", neutral: "neutral", negative: "negative", mixed: "mixed" } as const;
const microphones: { value: LiveStartRequest["microphone"]; label: string; hint: string }[] = [
  { value: "mono", label: "One microphone for the room", hint: "Speakers are told apart by their voices, when that is possible." },
  { value: "therapist-left", label: "Stereo microphone, therapist on the left", hint: "Left channel: you; right channel: the patient." },
];
const segmentElementId = (segmentId: string) => `live-${segmentId}`;

/**
 * A live session in the room: pick the patient, a title and today's topics, then the microphone
 * streams to the server; the transcript, the patient's sentiment and the topics covered come back
 * as it is spoken. Stop sends the session on to processing (followed here until ready).
 */
export function LiveScreen() {
  const [patientId, setPatientId] = useState("");
  const [title, setTitle] = useState("");
  const [agendaText, setAgendaText] = useState("");
  const [agenda, setAgenda] = useState<string[]>([]);
  const [microphone, setMicrophone] = useState<LiveStartRequest["microphone"]>("mono");
  const signed = useAuth();
  const [noteFormat, setNoteFormat] = useState(() => defaultNoteFormatOf(signed?.user));
  const [phase, setPhase] = useState<Phase>({ name: "editing" });
  const [error, setError] = useState<unknown>(null);
  const [transcript, setTranscript] = useState<LiveTranscript>(emptyLiveTranscript);
  const [now, setNow] = useState(Date.now());
  const recorder = useRef<LiveRecorder | null>(null);
  const agendaInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => recorder.current?.dispose(), []);
  useEffect(() => {
    if (phase.name !== "live") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase.name]);

  const start = async () => {
    setError(null);
    setTranscript(emptyLiveTranscript);
    setPhase({ name: "connecting" });
    const live = new LiveRecorder({
      message: (message) => {
        setTranscript((state) => applyLiveMessage(state, message));
        if (message.type === "started") {
          setPhase((current) => (current.name === "live" ? { ...current, reconnecting: false } : { name: "live", startedAt: Date.now(), reconnecting: false }));
          const recordOnly = (message.recordOnly ?? null) !== null;
          announce(
            message.resumed
              ? "Reconnected. Still recording."
              : recordOnly
                ? `Recording. ${recordOnlyWarning}`
                : "Recording. The transcript follows as you speak.",
          );
        }
        if (message.type === "topic_covered") announce(`Topic covered: ${message.text}.`);
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
      await live.start({ patientId, microphone, noteFormat, title: title.trim() || "Live session", ...(agenda.length > 0 ? { agenda } : {}) });
    } catch (problem) {
      recorder.current = null;
      live.dispose();
      setError(problem);
      setPhase({ name: "editing" });
    }
  };

  if (phase.name === "editing" || phase.name === "connecting") {
    const busy = phase.name === "connecting";
    const addItem = () => {
      const text = agendaText.trim();
      if (text === "") return;
      setAgenda([...agenda, text]);
      setAgendaText("");
      agendaInput.current?.focus();
    };
    return (
      <>
        <ScreenHeading title="Live session">Start a live session</ScreenHeading>
        <form
          class="stack live-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!(event.currentTarget as HTMLFormElement).reportValidity()) return;
            void start();
          }}
        >
          <PatientField id="live-patient" value={patientId} disabled={busy} onChange={setPatientId} />
          <div class="field">
            <label for="live-title">Title</label>
            <input id="live-title" maxLength={200} value={title} disabled={busy} onInput={(event) => setTitle(event.currentTarget.value)} />
          </div>
          <NoteFormatField id="live-note-format" value={noteFormat} disabled={busy} onChange={setNoteFormat} />
          <fieldset class="field" disabled={busy}>
            <legend>Microphone</legend>
            {microphones.map((option) => (
              <div class="choice" key={option.value}>
                <input
                  type="radio"
                  id={`live-mic-${option.value}`}
                  name="microphone"
                  value={option.value}
                  checked={microphone === option.value}
                  aria-describedby={`live-mic-${option.value}-hint`}
                  onChange={() => setMicrophone(option.value)}
                />
                <label for={`live-mic-${option.value}`}>{option.label}</label>
                <p class="hint" id={`live-mic-${option.value}-hint`}>
                  {option.hint}
                </p>
              </div>
            ))}
          </fieldset>
          <fieldset class="field" disabled={busy}>
            <legend>Today's topics</legend>
            <p class="hint" id="live-agenda-hint">
              Topics you plan to talk about; each is marked when the conversation covers it. With none, the previous session's follow-up topics and
              unresolved concerns are used.
            </p>
            {agenda.length === 0 ? null : (
              <ul class="agenda-draft">
                {agenda.map((item, index) => (
                  <li key={`${index}-${item}`}>
                    <span>{item}</span>{" "}
                    <button type="button" class="secondary" onClick={() => setAgenda(agenda.filter((_, at) => at !== index))}>
                      Remove<span class="visually-hidden"> topic “{item}”</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <label for="live-agenda-item">Topic</label>
            <div class="inline-field">
              <input
                id="live-agenda-item"
                ref={agendaInput}
                maxLength={300}
                aria-describedby="live-agenda-hint"
                value={agendaText}
                onInput={(event) => setAgendaText(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    addItem();
                  }
                }}
              />
              <button type="button" class="secondary" onClick={addItem}>
                Add topic
              </button>
            </div>
          </fieldset>
          <ErrorMessage error={error} />
          <p class="hint">The microphone records until you stop; the browser asks for it when you start.</p>
          <button type="submit" disabled={busy}>
            {busy ? "Starting…" : "Start recording"}
          </button>
        </form>
      </>
    );
  }

  if (phase.name === "ended") return <LiveEnded sessionId={phase.sessionId} error={phase.error} capturedBytes={phase.capturedBytes} transcript={transcript} />;

  const reconnecting = phase.name === "live" && phase.reconnecting;
  const elapsedMs = phase.name === "live" ? now - phase.startedAt : 0;
  const latestSentiment = [...transcript.segments].reverse().find((segment) => segment.sentiment);
  return (
    <>
      <ScreenHeading title="Live session">Live session</ScreenHeading>
      <div class="live-bar">
        <p class="live-state">
          {phase.name === "stopping" ? (
            <span class="chip">Stopping…</span>
          ) : reconnecting ? (
            <span class="chip chip-reconnecting">Reconnecting…</span>
          ) : (
            <span class="chip chip-recording">Recording</span>
          )}{" "}
          Elapsed <time data-testid="live-elapsed">{clockTime(elapsedMs)}</time>
        </p>
        <p class="live-sentiment" data-testid="live-sentiment">
          Patient's latest sentiment: <strong>{latestSentiment?.sentiment ? sentimentNames[latestSentiment.sentiment] : "not yet heard"}</strong>
        </p>
        <button
          type="button"
          class="stop-recording"
          disabled={phase.name === "stopping"}
          onClick={() => {
            setPhase({ name: "stopping" });
            recorder.current?.stop();
          }}
        >
          Stop recording
        </button>
      </div>
      {transcript.warnings.map((warning) => (
        <p class="warning" key={warning}>
          {warning}
        </p>
      ))}
      <div class="live-columns">
        <section aria-labelledby="live-agenda-heading">
          <h2 id="live-agenda-heading">Today's topics</h2>
          <AgendaList transcript={transcript} />
        </section>
        <section aria-labelledby="live-transcript-heading">
          <h2 id="live-transcript-heading">Transcript</h2>
          <TranscriptList transcript={transcript} />
        </section>
      </div>
    </>
  );
}

function AgendaList({ transcript }: { transcript: LiveTranscript }) {
  if (transcript.agenda.length === 0) return <p class="hint">No topics for today.</p>;
  return (
    <ul class="live-agenda">
      {transcript.agenda.map((item) => (
        <li key={item.id} data-covered={item.covered ? "true" : "false"}>
          <span class={item.covered ? "chip chip-covered" : "chip"}>{item.covered ? "Covered" : "Not yet"}</span> {item.text}
          {item.covered ? (
            <>
              {" "}
              <button type="button" class="link-button" onClick={() => showSegment(item.covered?.segmentId ?? "")}>
                Show where<span class="visually-hidden"> “{item.text}” was covered</span>
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Scrolls to the covering segment and moves the focus there (it is focusable for this). */
function showSegment(segmentId: string): void {
  const element = document.getElementById(segmentElementId(segmentId));
  element?.scrollIntoView({ block: "center" });
  element?.focus();
}

function TranscriptList({ transcript }: { transcript: LiveTranscript }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "nearest" }), [transcript.segments.length]);
  if (transcript.segments.length === 0 && !transcript.partial) {
    return <p class="hint">{transcript.recordOnly ? "The transcript will be written from the recording when the session ends." : "Listening… the transcript appears after each pause."}</p>;
  }
  return (
    <ol class="live-transcript">
      {transcript.segments.map((segment) => (
        <li key={segment.segmentId} id={segmentElementId(segment.segmentId)} tabIndex={-1} class="live-segment">
          <span class="segment-meta">
            <span class="speaker">{roleNames[segment.role]}</span> <span class="time">{clockTime(segment.startMs)}</span>
            {segment.sentiment ? <span class={`sentiment sentiment-${segment.sentiment}`}> · sentiment: {sentimentNames[segment.sentiment]}</span> : null}
          </span>
          <p class="segment-text">{segment.text}</p>
        </li>
      ))}
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

/** `capturedBytes` (the PCM sent, each byte once) rides on the status line for checks against the stored recording. */
function LiveEnded({ sessionId, error, capturedBytes, transcript }: { sessionId: string | null; error: unknown; capturedBytes: number; transcript: LiveTranscript }) {
  const sessions = useMemo(() => (sessionId ? [{ id: sessionId, status: "queued" as SessionStatus }] : []), [sessionId]);
  const statuses = useLiveStatuses(sessions, (_session, status) => announce(`The live session: ${statusLabels[status]}.`));
  const status: SessionStatus = (sessionId ? statuses[sessionId] : undefined) ?? "queued";
  return (
    <>
      <ScreenHeading title="Live session">Live session ended</ScreenHeading>
      <ErrorMessage error={error} />
      {sessionId ? (
        <>
          <p>
            {transcript.recordOnly
              ? "Confide is now transcribing the recording, then analysing it and writing the notes; this page follows it until it is ready."
              : `${transcript.segments.length} parts of the conversation were transcribed live. Confide is now processing the session (analysis and notes); this page follows it until it is ready.`}
          </p>
          <p class="live-status" data-captured-bytes={capturedBytes}>
            Status: <StatusChip status={status} />
          </p>
          <p class="actions">
            <Link href={`/sessions/${encodeURIComponent(sessionId)}`}>Open the session</Link>
            <Link href="/live">Start another live session</Link>
          </p>
        </>
      ) : (
        <p class="actions">
          <Link href="/live">Start a live session</Link>
        </p>
      )}
    </>
  );
}
