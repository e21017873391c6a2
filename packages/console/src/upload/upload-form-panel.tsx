import { ConfideApiError, type Session } from "@confide/client";
import { useEffect, useRef, useState } from "preact/hooks";
import { announce } from "../components/announcer.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { defaultNoteFormatOf } from "../components/note-format-field.tsx";
import { formatBytes } from "../components/problem-text.ts";
import { useAuth } from "../auth/auth-state.ts";
import { Link } from "../router/link.tsx";
import { useLocation } from "../router/router.ts";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { RecordingPicker } from "./recording-picker.tsx";
import { UploadDetailsPanel } from "./upload-details-panel.tsx";
import { keepUploadForm, keptUploadForm, sameDetails, type KeptUploadForm, type UploadDetails } from "./upload-form-storage.ts";
import { UploadProgressPanel } from "./upload-progress-panel.tsx";
import { useUploadSending } from "./use-upload-sending.ts";

/** The form's details on opening: the link's patient, else what this tab kept, else the defaults. */
function initialDetails(kept: KeptUploadForm, patientFromLink: string | null, defaultNoteFormat: UploadDetails["noteFormat"]): UploadDetails {
  const settings = kept.sending?.details ?? kept;
  return {
    patientId: patientFromLink ?? settings.patientId ?? "",
    title: settings.title ?? "",
    titleShared: settings.titleShared ?? false,
    channelLayout: settings.channelLayout ?? "mono",
    noteFormat: settings.noteFormat ?? defaultNoteFormat,
  };
}

/** Pick a recording, say whose it is and how to read it, and send it with a progress bar. */
export function UploadFormPanel({ patientId, onSent }: { patientId?: string; onSent: (session: Session) => void }) {
  const { query } = useLocation();
  const signed = useAuth();
  // Read once, on the first render (the form renders again at every progress event).
  const [kept] = useState(keptUploadForm);
  const [details, setDetails] = useState(() => initialDetails(kept, query.get("patientId") ?? patientId ?? null, defaultNoteFormatOf(signed?.user)));
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const { progress, send, cancel } = useUploadSending();
  const sending = progress !== null;
  const sendingFile = sending && file ? { name: file.name, size: file.size, details } : undefined;
  // Once stored, the form is forgotten (by the upload's end), not kept again.
  const stored = useRef(false);
  useEffect(() => {
    if (!stored.current) keepUploadForm({ ...details, ...(sendingFile ? { sending: sendingFile } : kept.sending && !file ? { sending: kept.sending } : {}) });
  }, [details, sending, file]);
  // An error takes the focus where it is said: the fields it is about were disabled while sending.
  useEffect(() => {
    if (error !== null) errorBox.current?.focus();
  }, [error]);
  /** An upload this tab was sending when it was reloaded or left: said until a file is chosen again. */
  const interrupted = kept.sending && !sending && file === null ? kept.sending : null;

  const choose = (chosen: File) => {
    setFile(chosen);
    setFileMissing(false);
    setError(null);
    if (details.title.trim() === "") setDetails((current) => ({ ...current, title: chosen.name.replace(/\.[^.]+$/, "") }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      fileInput.current?.focus();
      return;
    }
    if (!(event.currentTarget as HTMLFormElement).reportValidity()) return;
    setError(null);
    // A resumed upload keeps the details it was created with: changed details send it afresh.
    const resume = !kept.sending?.details || sameDetails(kept.sending.details, details);
    try {
      const session = await send({ ...details, audio: file }, resume);
      stored.current = true;
      keepUploadForm(null);
      announce(`${session.title} uploaded.`);
      onSent(session);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <ScreenHeading title="Upload">Upload a recording</ScreenHeading>
      <form class="stack upload-form" noValidate onSubmit={submit}>
        {interrupted ? <InterruptedNotice name={interrupted.name} size={interrupted.size} /> : null}
        <UploadDetailsPanel details={details} disabled={sending} onChange={(change) => setDetails((current) => ({ ...current, ...change }))} />
        <RecordingPicker file={file} missing={fileMissing} disabled={sending} inputRef={fileInput} onChoose={choose} />
        <div ref={errorBox} tabIndex={-1} class="error-box">
          <ErrorMessage error={error} id="upload-error" />
          {ConfideApiError.is(error) && error.code === "consent.missing" && details.patientId ? (
            <p>
              <Link href={`/patients/${encodeURIComponent(details.patientId)}/consent`}>Record this patient's consent</Link>
            </p>
          ) : null}
        </div>
        {progress ? <UploadProgressPanel {...progress} onCancel={cancel} /> : null}
        <div class="actions">
          <button type="submit" class="primary" disabled={sending}>
            {sending ? "Uploading…" : "Upload"}
          </button>
        </div>
      </form>
    </>
  );
}

function InterruptedNotice({ name, size }: { name: string; size: number }) {
  return (
    <div class="notice" role="status" data-testid="upload-interrupted">
      <p>
        The upload of <strong>{name}</strong> ({formatBytes(size)}) stopped when the page was left. Below are the settings it started with. Choose the
        same file again to continue where it stopped; if you change a setting first, the file is sent again from the start.
      </p>
    </div>
  );
}
