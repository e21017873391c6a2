import { useEffect, useState } from "preact/hooks";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { describeError } from "../components/problem-text.ts";
import { relabelChanges, roleNames, speakerNumber, swappedRoles, type SpeakerChoice, type SpeakerRole } from "./speaker-relabel.ts";

export interface SpeakersFormProps {
  speakers: SpeakerChoice[];
  editable: boolean;
  onSave: (changes: SpeakerChoice[]) => Promise<void>;
}

/** Who is who: a role per speaker the transcription told apart ("Speaker 1", "Speaker 2"), and a swap for the usual mix-up. */
export function SpeakersForm({ speakers, editable, onSave }: SpeakersFormProps) {
  const current = () => Object.fromEntries(speakers.map((speaker) => [speaker.label, speaker.role]));
  const [chosen, setChosen] = useState<Record<string, SpeakerRole>>(current);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const { outcome, show, clear } = useOutcome();
  useEffect(() => setChosen(current()), [speakers.map((speaker) => `${speaker.label}:${speaker.role}`).join(",")]);

  const changes = relabelChanges(speakers, chosen);
  return (
    <form
      class="speakers-form stack"
      onSubmit={async (event) => {
        event.preventDefault();
        if (changes.length === 0) return;
        setBusy(true);
        setProblem(null);
        try {
          await onSave(changes);
          show("Speaker roles saved.");
        } catch (error) {
          setProblem(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {speakers.map((speaker) => (
        <div class="field" key={speaker.label}>
          <label for={`speaker-role-${speaker.label}`}>{speakerNumber(speakers, speaker.label)}</label>
          <select
            id={`speaker-role-${speaker.label}`}
            disabled={!editable || busy}
            value={chosen[speaker.label] ?? speaker.role}
            onChange={(event) => {
              clear();
              setChosen({ ...chosen, [speaker.label]: event.currentTarget.value as SpeakerRole });
            }}
          >
            {(Object.keys(roleNames) as SpeakerRole[]).map((role) => (
              <option key={role} value={role}>
                {roleNames[role]}
              </option>
            ))}
          </select>
        </div>
      ))}
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
      <Outcome outcome={outcome} testId="speakers-outcome" />
      {editable ? (
        <div class="actions">
          {speakers.length === 2 ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => {
                clear();
                setChosen(swappedRoles(speakers));
              }}>
              Swap therapist and patient
            </button>
          ) : null}
          <button type="submit" class="primary" disabled={busy || changes.length === 0}>
            {busy ? "Saving…" : "Save speaker roles"}
          </button>
        </div>
      ) : null}
    </form>
  );
}
