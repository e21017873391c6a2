import type { NoteFormat } from "../session/session-api.ts";
import { noteFormatChoices } from "../session/progress-note.tsx";
import type { User } from "../api/api-types.ts";

/** The note format a new session starts with in a form: the therapist's default, else Confide's own fields. */
export function defaultNoteFormatOf(user: User | null | undefined): NoteFormat {
  return user?.defaultNoteFormat ?? "confide";
}

/** A "Note format" choice (upload, live start, the account's default). */
export function NoteFormatField(props: {
  id: string;
  label?: string;
  value: NoteFormat;
  disabled?: boolean;
  hint?: string;
  onChange: (format: NoteFormat) => void;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <div class="field">
      <label for={props.id}>{props.label ?? "Note format"}</label>
      <select
        id={props.id}
        name="noteFormat"
        value={props.value}
        disabled={props.disabled}
        {...(props.hint ? { "aria-describedby": hintId } : {})}
        onChange={(event) => props.onChange(event.currentTarget.value as NoteFormat)}
      >
        {noteFormatChoices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
