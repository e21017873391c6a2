import { ConfideApiError, dataOf } from "@confide/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { consoleClient } from "../api/console-client.ts";
import { announce } from "../components/announcer.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { describeError } from "../components/problem-text.ts";
import { recordingLimitSeconds, useSampleRecorder } from "./sample-recorder.ts";

/** The consent terms the server asks for (`PUT /v1/me/voice?consent=…`): the text beside the checkbox is their wording. */
const consentTerms = "voice-enrolment-v1";

/** About 25 s read aloud at an ordinary pace ("The North Wind and the Sun", the phoneticians' passage). */
export const readAloudText =
  "The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. " +
  "They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. " +
  "Then the North Wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him.";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });

interface Enrolment {
  enrolled: boolean;
  enrolledAt: string | null;
  speechMs: number | null;
}

interface Sample {
  audio: Blob;
  /** What the sample is, in words ("a recording of 24 seconds", "the file sample.wav"). */
  label: string;
}

/** A problem in plain words, announced and given the focus; the server's code and detail behind "Details". */
function Problem({ problem, id }: { problem: { error: unknown; serial: number } | null; id: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem !== null) box.current?.focus();
  }, [problem?.serial]);
  if (problem === null) return null;
  const { error } = problem;
  const technical = ConfideApiError.is(error) ? `${error.code} (${error.status}): ${error.message}${error.requestId ? ` — request ${error.requestId}` : ""}` : null;
  return (
    <div class="error-message" role="alert" id={id} tabIndex={-1} ref={box}>
      <p>{describeError(error)}</p>
      {technical === null ? null : (
        <details>
          <summary>Details</summary>
          <p>{technical}</p>
        </details>
      )}
    </div>
  );
}

/**
 * The therapist's voice enrolment, on "Your account": what it is for, the
 * consent, a text to read aloud, the sample recorded here or chosen as a file, sent to
 * `PUT /v1/me/voice`; the enrolment in force, and "Remove my voice" (`DELETE`), after a question.
 */
export function VoiceEnrolmentSection() {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [consent, setConsent] = useState(false);
  const [sample, setSample] = useState<Sample | null>(null);
  const [sending, setSending] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblemState] = useState<{ error: unknown; serial: number } | null>(null);
  const { outcome, show, clear } = useOutcome();
  const fileInput = useRef<HTMLInputElement>(null);
  const setProblem = (error: unknown) => setProblemState((previous) => (error === null ? null : { error, serial: (previous?.serial ?? 0) + 1 }));
  const recorder = useSampleRecorder((error) => setProblem(error));
  const busy = sending || removing || recorder.state.phase === "recording" || recorder.state.phase === "starting";

  useEffect(() => {
    dataOf(consoleClient.api.GET("/v1/me/voice"))
      .then(setEnrolment)
      .catch((error: unknown) => setProblem(error));
  }, []);

  useEffect(() => {
    if (recorder.state.phase === "recorded") {
      setSample({ audio: recorder.state.sample, label: `your recording of ${recorder.state.seconds} seconds` });
      announce(`Recorded ${recorder.state.seconds} seconds.`);
    }
  }, [recorder.state.phase]);

  const send = async () => {
    if (sample === null) return;
    setSending(true);
    setProblem(null);
    clear();
    try {
      const enrolled = await dataOf(
        consoleClient.api.PUT("/v1/me/voice", {
          params: { query: { consent: consentTerms } },
          body: sample.audio as unknown as string,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { "Content-Type": sample.audio.type || "application/octet-stream" },
        }),
      );
      setEnrolment(enrolled);
      setSample(null);
      recorder.discard();
      if (fileInput.current) fileInput.current.value = "";
      show("Your voice is enrolled. Your sample was deleted; only a signature of your voice is kept.");
    } catch (error) {
      setProblem(error);
    } finally {
      setSending(false);
    }
  };

  const remove = async () => {
    setRemoving(true);
    setProblem(null);
    try {
      await dataOf(consoleClient.api.DELETE("/v1/me/voice"));
      setEnrolment({ enrolled: false, enrolledAt: null, speechMs: null });
      setConfirming(false);
      show("Your voice was removed. Confide no longer keeps a signature of your voice.");
    } catch (error) {
      setConfirming(false);
      setProblem(error);
    } finally {
      setRemoving(false);
    }
  };

  const recording = recorder.state.phase === "recording" ? recorder.state.seconds : null;
  const shortRecording = recorder.state.phase === "recorded" && recorder.state.seconds < 20 && sample !== null;

  return (
    <section class="stack voice-enrolment" aria-labelledby="voice-heading">
      <h2 id="voice-heading">Your voice</h2>
      <p>
        When a session is recorded with one microphone, Confide can tell your voice from your patient's if it knows your voice. Give it a short sample of
        you reading aloud: only a signature of your voice is kept, the recording itself is deleted as soon as it has been heard. You can remove it at any
        time.
      </p>
      <p data-testid="voice-status">
        {enrolment === null
          ? "Checking whether your voice is enrolled…"
          : enrolment.enrolled
            ? `Your voice is enrolled${enrolment.enrolledAt ? ` since ${dateFormat.format(new Date(enrolment.enrolledAt))}` : ""}${
                enrolment.speechMs ? ` (${Math.round(enrolment.speechMs / 1000)} seconds of speech heard)` : ""
              }.`
            : "Your voice is not enrolled: Confide tells you from your patient by how each of you speaks."}
      </p>

      <fieldset class="field stack">
        <legend>{enrolment?.enrolled ? "Give a new sample" : "Give a sample"}</legend>
        <div class="choice">
          <input id="voice-consent" type="checkbox" checked={consent} disabled={busy} onChange={(event) => setConsent(event.currentTarget.checked)} />
          <label for="voice-consent">I agree that Confide keeps a signature of my voice to recognise me in my own sessions, and for nothing else.</label>
        </div>
        <div>
          <p id="voice-read-hint">Read this aloud at your usual pace, in a quiet room (about 25 seconds):</p>
          <blockquote class="read-aloud">{readAloudText}</blockquote>
        </div>
        <div class="actions">
          {recording === null ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void recorder.start()}>
              {recorder.state.phase === "starting" ? "Opening the microphone…" : sample !== null && recorder.state.phase === "recorded" ? "Record again" : "Start recording"}
            </button>
          ) : (
            <button type="button" class="primary" onClick={recorder.stop}>
              Stop recording
            </button>
          )}
          {recording === null ? null : (
            <span role="timer" aria-live="off" class="voice-timer">
              Recording: {recording} s {recording < 20 ? "(keep reading until 20 to 30 seconds)" : recording <= 30 ? "(you can stop now)" : `(stops by itself at ${recordingLimitSeconds} s)`}
            </span>
          )}
        </div>
        <div>
          <label for="voice-file">Or choose a recording of you reading aloud</label>
          <p class="hint" id="voice-file-hint">
            20 to 30 seconds of your voice only: WAV, MP3, OGG, FLAC, M4A or WebM.
          </p>
          <input
            id="voice-file"
            ref={fileInput}
            type="file"
            accept="audio/*,.wav,.mp3,.ogg,.flac,.m4a,.webm"
            aria-describedby="voice-file-hint"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setSample(file ? { audio: file, label: `the file ${file.name}` } : null);
              if (file) recorder.discard();
            }}
          />
        </div>
        {sample === null ? null : (
          <p data-testid="voice-sample">
            Ready to send: {sample.label}.{shortRecording ? " That is short: a sample of 20 to 30 seconds works best." : ""}
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" disabled={busy || sample === null || !consent} onClick={() => void send()}
            {...(sending || (sample !== null && consent) ? {} : { "aria-describedby": "voice-send-hint" })}
          >
            {sending ? "Sending…" : "Send my voice sample"}
          </button>
          {sending ? (
            <span role="status">
              <progress aria-label="Sending and checking your sample" /> Sending your sample and listening to it…
            </span>
          ) : null}
        </div>
        {sending || (sample !== null && consent) ? null : (
          <p class="hint" id="voice-send-hint">
            {!consent ? "Tick the box above to agree first. " : ""}
            {sample === null ? "Record yourself reading the text, or choose a file." : ""}
          </p>
        )}
      </fieldset>

      <Problem problem={problem} id="voice-error" />
      <Outcome outcome={outcome} testId="voice-outcome" />

      {enrolment?.enrolled ? (
        <div class="actions">
          <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Remove my voice
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        id="voice-remove"
        open={confirming}
        title="Remove your voice?"
        text="Confide will forget the signature of your voice. Later sessions will tell you from your patient by how each of you speaks. You can give a new sample at any time."
        busy={removing}
        confirmLabel={removing ? "Removing…" : "Remove my voice"}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void remove()}
      />
    </section>
  );
}
