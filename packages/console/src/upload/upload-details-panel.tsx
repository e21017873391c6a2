import type { ChannelLayout } from "../api/api-types.ts";
import { NoteFormatField } from "../components/note-format-field.tsx";
import { PatientField } from "../components/patient-field.tsx";
import { TitleFields } from "../components/title-fields.tsx";
import type { UploadDetails } from "./upload-form-storage.ts";

const layouts: { value: ChannelLayout; label: string; hint: string }[] = [
  { value: "mono", label: "One channel (mono)", hint: "Speakers are told apart by their voices." },
  { value: "therapist-left", label: "Stereo, therapist on the left", hint: "Left channel: you; right channel: the patient." },
  { value: "therapist-right", label: "Stereo, therapist on the right", hint: "Left channel: the patient; right channel: you." },
];

/** What the upload says about the recording: whose it is, its title (and whether the patient sees it), the note format, the channels. */
export function UploadDetailsPanel({
  details,
  disabled,
  onChange,
}: {
  details: UploadDetails;
  disabled: boolean;
  onChange: (change: Partial<UploadDetails>) => void;
}) {
  return (
    <>
      <PatientField id="upload-patient" name="patientId" value={details.patientId} disabled={disabled} onChange={(patientId) => onChange({ patientId })} />
      <TitleFields
        idPrefix="upload"
        title={details.title}
        shared={details.titleShared}
        disabled={disabled}
        onTitle={(title) => onChange({ title })}
        onShared={(titleShared) => onChange({ titleShared })}
      />
      <NoteFormatField
        id="upload-note-format"
        value={details.noteFormat}
        disabled={disabled}
        hint="How the notes are laid out; your default is set under Your account."
        onChange={(noteFormat) => onChange({ noteFormat })}
      />
      <fieldset class="field" disabled={disabled}>
        <legend>Channels</legend>
        {layouts.map((option) => (
          <div class="choice" key={option.value}>
            <input
              type="radio"
              id={`layout-${option.value}`}
              name="channelLayout"
              value={option.value}
              checked={details.channelLayout === option.value}
              aria-describedby={`layout-${option.value}-hint`}
              onChange={() => onChange({ channelLayout: option.value })}
            />
            <label for={`layout-${option.value}`}>{option.label}</label>
            <span class="hint" id={`layout-${option.value}-hint`}>
              {option.hint}
            </span>
          </div>
        ))}
      </fieldset>
    </>
  );
}
