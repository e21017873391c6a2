import { useEffect, useState } from "preact/hooks";
import { Outcome, useOutcome } from "../components/outcome.tsx";
import { describeError } from "../components/problem-text.ts";
import { speakerSample } from "./speaker-sample.ts";
import { relabelChanges, roleNames, speakerNumber, swappedRoles, type SpeakerChoice, type SpeakerRole } from "./speaker-relabel.ts";

export interface SpeakersFormProps {
  speakers: SpeakerChoice[];
  /** The transcript's segments: a few seconds of each speaker are played from them. */
  segments: ReadonlyArray<{ id: string; speaker: string; startMs: number; endMs: number; speakerUncertain?: boolean }>;
  onPlayClip: (startMs: number, endMs: number) => void;
  editable: boolean;
  onSave: (changes: SpeakerChoice[]) => Promise<void>;
}

function SpeakerSampleButton({ sample, name, onPlayClip }: { sample: ReturnType<typeof speakerSample>; name: string; onPlayClip: SpeakersFormProps["onPlayClip"] }) {
  if (sample === null) return null;
  const seconds = Math.max(1, Math.round((sample.endMs - sample.startMs) / 1000));
  return (
    <button type="button" class="secondary small speaker-sample" onClick={() => onPlayClip(sample.startMs, sample.endMs)}>
      <span aria-hidden="true">▶ </span>
      Hear {name}
      <span class="hint"> ({seconds} s)</span>
    </button>
  );
}

/** Who is who: a role per speaker the transcription told apart ("Speaker 1", "Speaker 2"), and a swap for the usual mix-up. */
export function SpeakersForm({ speakers, segments, onPlayClip, editable, onSave }: SpeakersFormProps) {
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
          <SpeakerSampleButton sample={speakerSample(segments, speaker.label)} name={speakerNumber(speakers, speaker.label)} onPlayClip={onPlayClip} />
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
