import { useEffect, useRef, useState } from "preact/hooks";
import { cancelUpload, uploadResumably } from "../api/resumable-upload.ts";
import { ConfideApiError, type Session } from "@confide/client";
import type { ChannelLayout, SessionStatus } from "../api/api-types.ts";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { defaultNoteFormatOf, NoteFormatField } from "../components/note-format-field.tsx";
import { useAuth } from "../auth/auth-state.ts";
import { PatientField } from "../components/patient-field.tsx";
import { formatBytes } from "../components/problem-text.ts";
import { StatusChip, statusLabels } from "../components/status-chip.tsx";
import { useLiveStatuses } from "../live/live-statuses.ts";
import { Link } from "../router/link.tsx";
import { useLocation } from "../router/router.ts";
import { ScreenHeading } from "./screen-heading.tsx";
import { keepUploadForm, keptUploadForm } from "./upload-form-storage.ts";

const layouts: { value: ChannelLayout; label: string; hint: string }[] = [
  { value: "mono", label: "One channel (mono)", hint: "Speakers are told apart by their voices." },
  { value: "therapist-left", label: "Stereo, therapist on the left", hint: "Left channel: you; right channel: the patient." },
  { value: "therapist-right", label: "Stereo, therapist on the right", hint: "Left channel: the patient; right channel: you." },
];

type Phase = { name: "editing" } | { name: "sending"; sentBytes: number; totalBytes: number; resumed: boolean } | { name: "sent"; session: Session };

/** Drop or pick a recording, say whose it is, send it with a progress bar, then follow it until ready. */
export function UploadScreen() {
  const { query } = useLocation();
  // Read once, on the first render (the screen renders again at every progress event).
  const [kept] = useState(keptUploadForm);
  const [patientId, setPatientId] = useState(query.get("patientId") ?? kept.patientId ?? "");
  const [title, setTitle] = useState(kept.title ?? "");
  const [layout, setLayout] = useState<ChannelLayout>("mono");
  const signed = useAuth();
  const [noteFormat, setNoteFormat] = useState(() => defaultNoteFormatOf(signed?.user));
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: "editing" });
  const [error, setError] = useState<unknown>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);
  const sendingFile = phase.name === "sending" && file ? { name: file.name, size: file.size } : undefined;
  useEffect(() => {
    // Stored: the form is forgotten (by the upload's end), not kept again.
    if (phase.name !== "sent") keepUploadForm({ patientId, title, ...(sendingFile ? { sending: sendingFile } : {}) });
  }, [patientId, title, sendingFile?.name, sendingFile?.size, phase.name]);
  /** An upload this tab was sending when it was reloaded or left: said until a file is chosen again. */
  const interrupted = kept.sending && phase.name === "editing" && file === null ? kept.sending : null;
  // Leaving the page mid-upload asks first; the upload can be resumed by choosing the same file again.
  const inProgress = phase.name === "sending";
  useEffect(() => {
    if (!inProgress) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [inProgress]);

  const sent = phase.name === "sent" ? [phase.session] : [];
  const live = useLiveStatuses(sent, (session, status) => announce(`${session.title}: ${statusLabels[status]}.`));

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setFileMissing(false);
    setError(null);
    if (title.trim() === "") setTitle(chosen.name.replace(/\.[^.]+$/, ""));
  };

  if (phase.name === "sent") {
    const status: SessionStatus = live[phase.session.id] ?? phase.session.status;
    return (
      <>
        <ScreenHeading title="Recording uploaded">Recording uploaded</ScreenHeading>
        <p>
          <strong>{phase.session.title}</strong> is stored. Confide is processing it; this page follows it until it is ready.
        </p>
        <p class="live-status">
          Status: <StatusChip status={status} />
        </p>
        <p class="actions">
          <Link href={`/sessions/${encodeURIComponent(phase.session.id)}`}>Open the session</Link>
          <Link href="/sessions">Back to sessions</Link>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setFile(null);
              setTitle("");
              setPhase({ name: "editing" });
            }}
          >
            Upload another recording
          </button>
        </p>
      </>
    );
  }

  const sending = phase.name === "sending";
  return (
    <>
      <ScreenHeading title="Upload">Upload a recording</ScreenHeading>
      <form
        class="stack upload-form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (!file) {
            setFileMissing(true);
            fileInput.current?.focus();
            return;
          }
          if (!(event.currentTarget as HTMLFormElement).reportValidity()) return;
          setError(null);
          cancel.current = new AbortController();
          let resumed = false;
          setPhase({ name: "sending", sentBytes: 0, totalBytes: file.size, resumed });
          try {
            const session = await uploadResumably(
              { patientId, title, channelLayout: layout, noteFormat, audio: file },
              {
                signal: cancel.current.signal,
                onResume: () => {
                  resumed = true;
                  announce("Continuing the earlier upload of this file where it stopped.");
                },
                onProgress: (sentBytes, totalBytes) => setPhase({ name: "sending", sentBytes, totalBytes, resumed }),
              },
            );
            keepUploadForm(null);
            announce(`${session.title} uploaded.`);
            setPhase({ name: "sent", session });
          } catch (failure) {
            setError(failure);
            setPhase({ name: "editing" });
          }
        }}
      >
        {interrupted ? (
          <div class="notice" role="status" data-testid="upload-interrupted">
            <p>
              The upload of <strong>{interrupted.name}</strong> ({formatBytes(interrupted.size)}) stopped when the page was left. Choose the same file
              again: it continues where it stopped.
            </p>
          </div>
        ) : null}
        <PatientField id="upload-patient" name="patientId" value={patientId} disabled={sending} onChange={setPatientId} />
        <div class="field">
          <label for="upload-title">Title</label>
          <input
            id="upload-title"
            name="title"
            maxLength={200}
            value={title}
            disabled={sending}
            onInput={(event) => setTitle(event.currentTarget.value)}
          />
        </div>
        <NoteFormatField
          id="upload-note-format"
          value={noteFormat}
          disabled={sending}
          hint="How the notes are laid out; your default is set under Your account."
          onChange={setNoteFormat}
        />
        <fieldset class="field" disabled={sending}>
          <legend>Channels</legend>
          {layouts.map((option) => (
            <div class="choice" key={option.value}>
              <input
                type="radio"
                id={`layout-${option.value}`}
                name="channelLayout"
                value={option.value}
                checked={layout === option.value}
                aria-describedby={`layout-${option.value}-hint`}
                onChange={() => setLayout(option.value)}
              />
              <label for={`layout-${option.value}`}>{option.label}</label>
              <span class="hint" id={`layout-${option.value}-hint`}>
                {option.hint}
              </span>
            </div>
          ))}
        </fieldset>
        <div
          class={`drop-zone${dragging ? " dragging" : ""}${fileMissing ? " invalid" : ""}`}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            if (sending || !event.dataTransfer?.files[0]) return;
            // The file input shows the dropped file too (and a form reset clears both).
            if (fileInput.current) fileInput.current.files = event.dataTransfer.files;
            choose(event.dataTransfer.files[0]);
          }}
        >
          <label for="upload-file">Recording</label>
          <p class="hint" id="upload-file-hint">
            Drop an audio file here, or choose one (WAV, MP3, OGG, FLAC, M4A, WebM).
          </p>
          <input
            ref={fileInput}
            id="upload-file"
            name="audio"
            type="file"
            accept="audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.m4a,.mp4,.webm"
            disabled={sending}
            aria-describedby={fileMissing ? "upload-file-hint upload-file-missing" : "upload-file-hint"}
            aria-invalid={fileMissing}
            onChange={(event) => choose(event.currentTarget.files?.[0])}
          />
          {file ? (
            <p class="chosen-file">
              Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
            </p>
          ) : null}
          {fileMissing ? (
            <p class="error-message" id="upload-file-missing" role="alert">
              Choose a recording to upload.
            </p>
          ) : null}
        </div>
        <ErrorMessage error={error} id="upload-error" />
        {ConfideApiError.is(error) && error.code === "consent.missing" && patientId ? (
          <p>
            <Link href={`/patients/${encodeURIComponent(patientId)}/consent`}>Record this patient's consent</Link>
          </p>
        ) : null}
        {phase.name === "sending" ? (
          <div class="field">
            <label for="upload-progress">Sending the recording</label>
            <progress id="upload-progress" max={phase.totalBytes || 1} value={phase.sentBytes} />
            {phase.resumed ? (
              <span class="hint" data-testid="upload-resumed">
                Continuing the earlier upload of this file where it stopped.
              </span>
            ) : null}
            <span class="hint" aria-hidden="true">
              {formatBytes(phase.sentBytes)} of {formatBytes(phase.totalBytes)}
            </span>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="primary" disabled={sending}>
            {sending ? "Uploading…" : "Upload"}
          </button>
          {sending ? (
            <button type="button" class="secondary" onClick={() => cancel.current?.abort(cancelUpload)}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
