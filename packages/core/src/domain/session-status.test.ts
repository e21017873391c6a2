import { describe, expect, it } from "vitest";
import { assertMove, canMove, sessionStatuses, type SessionStatus } from "./session-status.ts";

/** Every legal move of the status machine; anything else is refused. */
const legal: Record<SessionStatus, SessionStatus[]> = {
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

const everyMove = sessionStatuses.flatMap((from) => sessionStatuses.map((to) => [from, to] as const));
const illegalMoves = everyMove.filter(([from, to]) => !legal[from].includes(to));

describe("session status machine", () => {
  it("lists the nine statuses", () => {
    expect([...sessionStatuses].sort()).toEqual(["analyzing", "failed", "finalized", "live", "queued", "ready", "transcribing", "uploaded", "writing_notes"]);
  });

  it.each(Object.entries(legal).flatMap(([from, targets]) => targets.map((to) => [from, to] as const)))(
    "allows %s → %s",
    (from, to) => {
      expect(canMove(from as SessionStatus, to)).toBe(true);
      expect(() => assertMove(from as SessionStatus, to)).not.toThrow();
    },
  );

  it.each(illegalMoves)("refuses %s → %s with session.invalid_state", (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(() => assertMove(from, to)).toThrow(
      expect.objectContaining({
        code: "session.invalid_state",
        message: `A session cannot go from ${from} to ${to}.`,
        details: { from, to },
      }),
    );
  });

  it("leaves a finalized session nowhere to go", () => {
    expect(sessionStatuses.filter((to) => canMove("finalized", to))).toEqual([]);
  });
});
