import { useEffect, useRef, useState } from "preact/hooks";
import { describeError } from "../components/problem-text.ts";
import { speakerName, type SpeakerChoice } from "./speaker-relabel.ts";

export interface SegmentSpeakerFormProps {
  segmentId: string;
  /** "the segment at 0:03". */
  where: string;
  current: string;
  speakers: readonly SpeakerChoice[];
  onSave: (speaker: string) => Promise<void>;
  onClose: () => void;
}

/** Gives one segment to another of the transcript's speakers (the diarizer got its turn wrong). Escape cancels. */
export function SegmentSpeakerForm({ segmentId, where, current, speakers, onSave, onClose }: SegmentSpeakerFormProps) {
  const [chosen, setChosen] = useState(current);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const field = useRef<HTMLSelectElement>(null);
  useEffect(() => field.current?.focus(), []);
  const fieldId = `segment-speaker-${segmentId}`;
  return (
    <form
      class="segment-speaker-form"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
      onSubmit={async (event) => {
        event.preventDefault();
        if (chosen === current) return onClose();
        setBusy(true);
        setProblem(null);
        try {
          await onSave(chosen);
          onClose();
        } catch (error) {
          setProblem(error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for={fieldId}>Who speaks in {where}</label>
      <select id={fieldId} ref={field} value={chosen} disabled={busy} onChange={(event) => setChosen(event.currentTarget.value)}>
        {speakers.map((speaker) => (
          <option key={speaker.label} value={speaker.label}>
            {speakerName(speakers, speaker.label)}
          </option>
        ))}
      </select>
      {problem === null ? null : (
        <p class="error-message" role="alert">
          {describeError(problem)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary small" disabled={busy}>
          {busy ? "Saving…" : "Save speaker"}
        </button>
        <button type="button" class="secondary small" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
