/** The longest planned length the server accepts, in minutes. */
export const maxPlannedMinutes = 240;

/**
 * How long the therapist plans the live session to last (optional, whole minutes): five minutes
 * before that, the topics of today not yet covered are suggested once. Empty: no such reminder.
 */
export function LivePlannedLengthField({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (value: string) => void }) {
  return (
    <div class="field">
      <label for="live-planned-minutes">Planned length (minutes)</label>
      <input
        id="live-planned-minutes"
        name="plannedMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={maxPlannedMinutes}
        step={1}
        value={value}
        disabled={disabled}
        aria-describedby="live-planned-minutes-hint"
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <p class="hint" id="live-planned-minutes-hint">
        Optional, 1 to {maxPlannedMinutes}. Five minutes before the end, the topics not yet covered are suggested to you.
      </p>
    </div>
  );
}

/** The planned length as the start message sends it: absent when left empty. */
export function plannedMinutesOf(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}
