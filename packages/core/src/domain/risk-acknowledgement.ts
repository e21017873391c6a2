import { ConfideError } from "../errors.ts";

/** What the therapist did about a flag, as they said when acknowledging it. */
export const acknowledgementActions = ["discussed", "safety_plan", "not_a_concern", "other"] as const;
export type AcknowledgementAction = (typeof acknowledgementActions)[number];

/** The longest note an acknowledgement keeps (the "other" answer, or a few words beside another). */
export const acknowledgementNoteMaxLength = 500;

/** How long after acknowledging a flag the same therapist can take it back. */
export const acknowledgementUndoMs = 5 * 60_000;

/** A therapist's acknowledgement of one risk flag: who, when, and what was done about it. */
export interface RiskAcknowledgement {
  /** The user id of the therapist. */
  by: string;
  at: Date;
  /** What was done; absent on acknowledgements recorded before the question was asked. */
  action?: AcknowledgementAction;
  /** The therapist's words (required with `other`). */
  note?: string;
  /** The flag warranted a high-priority push (`ScreenedRiskFlag.alert`): a listing keeps a mark for it. */
  alert?: boolean;
}

/** What was done, as asked of the therapist: one of `acknowledgementActions`, and a note (required with "other"). */
export interface AcknowledgementReason {
  action: AcknowledgementAction;
  note?: string;
}

/**
 * Checks what the therapist said was done: a known action, a note of at most
 * `acknowledgementNoteMaxLength` characters, never empty with "other". The note is trimmed; an
 * empty one is left out.
 * @throws ConfideError `validation.invalid_input` naming the field.
 */
export function acknowledgementReason(input: { action: string; note?: string | null | undefined }): AcknowledgementReason {
  const action = acknowledgementActions.find((known) => known === input.action);
  if (action === undefined) {
    throw new ConfideError("validation.invalid_input", `Say what was done: one of ${acknowledgementActions.join(", ")}.`, { details: { field: "action" } });
  }
  const note = (input.note ?? "").trim();
  if (note.length > acknowledgementNoteMaxLength) {
    throw new ConfideError("validation.invalid_input", `The note is longer than ${acknowledgementNoteMaxLength} characters.`, { details: { field: "note" } });
  }
  if (action === "other" && note === "") {
    throw new ConfideError("validation.invalid_input", "Say in a few words what was done.", { details: { field: "note" } });
  }
  return note === "" ? { action } : { action, note };
}

/** Until when the acknowledgement can be taken back by the therapist who made it. */
export function acknowledgementUndoableUntil(acknowledgement: Pick<RiskAcknowledgement, "at">): Date {
  return new Date(acknowledgement.at.getTime() + acknowledgementUndoMs);
}

/**
 * Whether `userId` may take the acknowledgement back at `now`: only its author, and only until
 * `acknowledgementUndoableUntil` (inclusive). After that it is part of the record.
 */
export function undoRefusal(acknowledgement: RiskAcknowledgement, userId: string, now: Date): "not_yours" | "too_late" | null {
  if (acknowledgement.by !== userId) return "not_yours";
  return now.getTime() > acknowledgementUndoableUntil(acknowledgement).getTime() ? "too_late" : null;
}
