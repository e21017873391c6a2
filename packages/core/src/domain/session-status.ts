import { ConfideError } from "../errors.ts";

export type SessionStatus =
  | "live"
  | "uploaded"
  | "queued"
  | "transcribing"
  | "analyzing"
  | "writing_notes"
  | "ready"
  | "finalized"
  | "failed";

export const sessionStatuses: readonly SessionStatus[] = [
  "live",
  "uploaded",
  "queued",
  "transcribing",
  "analyzing",
  "writing_notes",
  "ready",
  "finalized",
  "failed",
];

/**
 * Statuses in which the pipeline owns the session; the recovery sweep watches these. Not `live`:
 * a live session belongs to its connection (and, once that is gone past the resume window, to
 * the abandoned-live sweep, use-cases/live/end-abandoned-live-sessions.ts).
 */
export const inFlightStatuses: readonly SessionStatus[] = ["uploaded", "queued", "transcribing", "analyzing", "writing_notes"];

const moves: Record<SessionStatus, readonly SessionStatus[]> = {
  // A live session ends into the pipeline (its transcript already stored), or fails when
  // nothing usable was received.
  live: ["queued", "failed"],
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
 * Checks one move of the status machine (docs/architecture.md#status-machine).
 * @throws ConfideError `session.invalid_state` for any other move.
 */
export function assertMove(from: SessionStatus, to: SessionStatus): void {
  if (!canMove(from, to)) {
    throw new ConfideError("session.invalid_state", `A session cannot go from ${from} to ${to}.`, {
      details: { from, to },
    });
  }
}
