/**
 * What a therapist says was done about a risk flag when acknowledging it, in their words, and
 * how long they can take it back (the server's window; it refuses an undo after it).
 */
export type AcknowledgementAction = "discussed" | "safety_plan" | "not_a_concern" | "other";

export interface FlagAcknowledgement {
  by: string;
  at: string;
  action?: AcknowledgementAction;
  note?: string;
  alert?: boolean;
}

export interface AcknowledgementReason {
  action: AcknowledgementAction;
  note?: string;
}

/** The choices, in the order asked. */
export const acknowledgementChoices: ReadonlyArray<{ action: AcknowledgementAction; label: string }> = [
  { action: "discussed", label: "Discussed with the patient" },
  { action: "safety_plan", label: "Safety plan made" },
  { action: "not_a_concern", label: "Not a concern: misheard or misread" },
  { action: "other", label: "Other" },
];

/** The server keeps an acknowledgement open to undo by its author for this long. */
export const undoWindowMs = 5 * 60_000;

/** The server's longest note. */
export const noteMaxLength = 500;

/** "Discussed with the patient", or the therapist's own words for "other"; null for an acknowledgement recorded before it was asked. */
export function actionWords(acknowledgement: Pick<FlagAcknowledgement, "action" | "note">): string | null {
  if (acknowledgement.action === undefined) return null;
  const label = acknowledgementChoices.find((choice) => choice.action === acknowledgement.action)?.label ?? "Other";
  if (acknowledgement.note === undefined) return label;
  return acknowledgement.action === "other" ? acknowledgement.note : `${label} (${acknowledgement.note})`;
}

/** Milliseconds left to undo at `now`; 0 once the window has passed. */
export function undoMsLeft(acknowledgement: Pick<FlagAcknowledgement, "at">, now: number): number {
  return Math.max(0, undoUntil(acknowledgement).getTime() - now);
}

/** Until when the acknowledgement can be undone. */
export function undoUntil(acknowledgement: Pick<FlagAcknowledgement, "at">): Date {
  return new Date(new Date(acknowledgement.at).getTime() + undoWindowMs);
}

/** What a list of flags can do with one: acknowledge it (saying what was done), or take that back. */
export interface FlagActions {
  acknowledge: (flagId: string, reason: AcknowledgementReason) => Promise<void>;
  undo: (flagId: string) => Promise<void>;
}
