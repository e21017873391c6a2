import { useEffect, useRef, useState } from "preact/hooks";
import { useAuth } from "../auth/auth-state.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { defaultNoteFormatOf, NoteFormatField } from "../components/note-format-field.tsx";
import { PatientField } from "../components/patient-field.tsx";
import { TitleFields } from "../components/title-fields.tsx";
import { ScreenHeading } from "../screens/screen-heading.tsx";
import { LiveAgendaField } from "./live-agenda-field.tsx";
import type { LiveStartRequest } from "./live-messages.ts";
import { LivePlannedLengthField, plannedMinutesOf } from "./live-planned-length-field.tsx";

const microphones: { value: LiveStartRequest["microphone"]; label: string; hint: string }[] = [
  { value: "mono", label: "One microphone for the room", hint: "Speakers are told apart by their voices, when that is possible." },
  { value: "therapist-left", label: "Stereo microphone, therapist on the left", hint: "Left channel: you; right channel: the patient." },
];

/**
 * The live session's form: the patient, a title (and whether the patient sees it), the note
 * format, the microphone, today's topics and, optionally, the planned length. While it starts, the button stays focusable (it says
 * "Starting…" and does nothing), so the focus never falls to the page; a refusal is said and
 * focused in place.
 */
export function LiveStartForm({ busy, error, onStart }: { busy: boolean; error: unknown; onStart: (request: LiveStartRequest) => void }) {
  const signed = useAuth();
  const [patientId, setPatientId] = useState("");
  const [title, setTitle] = useState("");
  const [titleShared, setTitleShared] = useState(false);
  const [agenda, setAgenda] = useState<string[]>([]);
  const [plannedMinutes, setPlannedMinutes] = useState("");
  const [microphone, setMicrophone] = useState<LiveStartRequest["microphone"]>("mono");
  const [noteFormat, setNoteFormat] = useState(() => defaultNoteFormatOf(signed?.user));
  const errorBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error !== null && error !== undefined) errorBox.current?.focus();
  }, [error]);
  return (
    <>
      <ScreenHeading title="Live session">Start a live session</ScreenHeading>
      <form
        class="stack live-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (busy || !(event.currentTarget as HTMLFormElement).reportValidity()) return;
          const planned = plannedMinutesOf(plannedMinutes);
          onStart({
            patientId,
            microphone,
            noteFormat,
            title: title.trim() || "Live session",
            titleShared,
            ...(agenda.length > 0 ? { agenda } : {}),
            ...(planned === undefined ? {} : { plannedMinutes: planned }),
          });
        }}
      >
        <PatientField id="live-patient" value={patientId} disabled={busy} onChange={setPatientId} />
        <TitleFields idPrefix="live" title={title} shared={titleShared} disabled={busy} onTitle={setTitle} onShared={setTitleShared} />
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
        <LiveAgendaField agenda={agenda} disabled={busy} onChange={setAgenda} />
        <LivePlannedLengthField value={plannedMinutes} disabled={busy} onChange={setPlannedMinutes} />
        <div ref={errorBox} tabIndex={-1} class="error-box">
          <ErrorMessage error={error} />
        </div>
        <p class="hint">The microphone records until you stop; the browser asks for it when you start.</p>
        <button type="submit" aria-disabled={busy ? "true" : undefined}>
          {busy ? "Starting…" : "Start recording"}
        </button>
      </form>
    </>
  );
}
