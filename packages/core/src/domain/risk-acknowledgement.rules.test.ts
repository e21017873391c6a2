import { describe, expect, it } from "vitest";
import { acknowledgedAlertCount } from "./acknowledged-risk-flags.ts";
import { acknowledgementNoteMaxLength, acknowledgementReason, acknowledgementUndoableUntil, acknowledgementUndoMs, undoRefusal } from "./risk-acknowledgement.ts";

const at = new Date("2026-01-05T09:00:00.000Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("what a therapist says was done about a flag", () => {
  it("takes each known action, trims the note and leaves an empty one out", () => {
    expect(acknowledgementReason({ action: "discussed" })).toEqual({ action: "discussed" });
    expect(acknowledgementReason({ action: "safety_plan", note: "  Plan on paper  " })).toEqual({ action: "safety_plan", note: "Plan on paper" });
    expect(acknowledgementReason({ action: "not_a_concern", note: "   " })).toEqual({ action: "not_a_concern" });
    expect(acknowledgementReason({ action: "not_a_concern", note: null })).toEqual({ action: "not_a_concern" });
    expect(acknowledgementReason({ action: "other", note: "Rang the GP" })).toEqual({ action: "other", note: "Rang the GP" });
    expect(acknowledgementReason({ action: "discussed", note: "x".repeat(acknowledgementNoteMaxLength) }).note).toHaveLength(acknowledgementNoteMaxLength);
  });

  it("refuses an unknown action, 'other' without words and a note over the limit, naming the field", () => {
    expect(() => acknowledgementReason({ action: "seen" })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", message: "Say what was done: one of discussed, safety_plan, not_a_concern, other.", details: { field: "action" } }),
    );
    expect(() => acknowledgementReason({ action: "other", note: " " })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", message: "Say in a few words what was done.", details: { field: "note" } }),
    );
    expect(() => acknowledgementReason({ action: "other" })).toThrow(expect.objectContaining({ details: { field: "note" } }));
    expect(() => acknowledgementReason({ action: "discussed", note: "x".repeat(acknowledgementNoteMaxLength + 1) })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", message: "The note is longer than 500 characters.", details: { field: "note" } }),
    );
  });
});

describe("taking an acknowledgement back", () => {
  it("is open to its author until the window closes, inclusive, and never to another clinician", () => {
    const acknowledgement = { by: "therapist-1", at };
    expect(acknowledgementUndoMs).toBe(5 * 60_000);
    expect(acknowledgementUndoableUntil(acknowledgement)).toEqual(later(acknowledgementUndoMs));
    expect(undoRefusal(acknowledgement, "therapist-1", at)).toBeNull();
    expect(undoRefusal(acknowledgement, "therapist-1", later(acknowledgementUndoMs))).toBeNull();
    expect(undoRefusal(acknowledgement, "therapist-1", later(acknowledgementUndoMs + 1))).toBe("too_late");
    expect(undoRefusal(acknowledgement, "therapist-2", at)).toBe("not_yours");
    expect(undoRefusal(acknowledgement, "therapist-2", later(acknowledgementUndoMs + 1))).toBe("not_yours");
  });
});

describe("the listing's mark for acknowledged alerts", () => {
  it("counts only acknowledgements of flags that warranted a push", () => {
    const flags = [
      { acknowledgement: { by: "t", at, alert: true } },
      { acknowledgement: { by: "t", at, alert: false } },
      { acknowledgement: { by: "t", at } },
      {},
      { acknowledgement: { by: "t", at, alert: true } },
    ];
    expect(acknowledgedAlertCount({ flags })).toBe(2);
    expect(acknowledgedAlertCount({ flags: [] })).toBe(0);
    expect(acknowledgedAlertCount(null)).toBe(0);
    expect(acknowledgedAlertCount(undefined)).toBe(0);
  });
});
