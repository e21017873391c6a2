import { ConfideError } from "../errors.ts";

export type SessionStatus =
  | "uploaded"
  | "queued"
  | "transcribing"
  | "analyzing"
  | "writing_notes"
  | "ready"
  | "finalized"
  | "failed";

export const sessionStatuses: readonly SessionStatus[] = [
  "uploaded",
  "queued",
  "transcribing",
  "analyzing",
  "writing_notes",
  "ready",
  "finalized",
  "failed",
];

/** Statuses in which the pipeline owns the session; the recovery sweep watches these. */
export const inFlightStatuses: readonly SessionStatus[] = ["uploaded", "queued", "transcribing", "analyzing", "writing_notes"];

const moves: Record<SessionStatus, readonly SessionStatus[]> = {
  uploaded: ["queued"],
  queued: ["transcribing", "failed"],
  transcribing: ["analyzing", "failed"],
  analyzing: ["writing_notes", "failed"],
  writing_notes: ["ready", "failed"],
  ready: ["ready", "finalized"],
  finalized: [],
  failed: ["queued"],
};

export function canMove(from: SessionStatus, to: SessionStatus): boolean {
  return moves[from].includes(to);
}

/**
 * Checks one move of the status machine (DESIGN §3).
 * @throws ConfideError `session.invalid_state` for any other move.
 */
export function assertMove(from: SessionStatus, to: SessionStatus): void {
  if (!canMove(from, to)) {
    throw new ConfideError("session.invalid_state", `A session cannot go from ${from} to ${to}.`, {
      details: { from, to },
    });
  }
}
