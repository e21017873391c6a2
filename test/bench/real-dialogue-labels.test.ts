import { describe, expect, it } from "vitest";
import { freshLabelsPath, readLabels, type ConversationLabels } from "../../bench/data/real-dialogue/labels.ts";
import { freshMinimums, freshPartErrors, labelErrors, labelErrorsAgainst } from "../../bench/data/real-dialogue/labels-check.ts";
import { isHeldOut } from "../../bench/data/real-dialogue/split.ts";

/** A record with the split its id gets, so each case breaks one rule only. */
function record(overrides: Partial<ConversationLabels> & { id: string }): ConversationLabels {
  return { split: isHeldOut(overrides.id) ? "held-out" : "dev", chosen: "sample", read: "candidates", patientTurns: 3, pageWorthy: false, turns: [], ...overrides };
}

describe("the real-dialogue labels", () => {
  it("the committed file passes every check: ids and labels only, valid categories, the split by id, at least 400 conversations", () => {
    expect(labelErrors(readLabels())).toEqual([]);
  });

  it("the committed fresh part passes every check and shares no id with the main set", () => {
    const fresh = readLabels(freshLabelsPath);
    expect(labelErrors(fresh, freshMinimums, "fresh")).toEqual([]);
    expect(freshPartErrors(fresh, readLabels())).toEqual([]);
  });

  it("finds each broken rule of the fresh part: its split and why chosen, and an id of the main set", () => {
    const fresh = (overrides: Partial<ConversationLabels> & { id: string }) => record({ split: "fresh", chosen: "fresh-sample", ...overrides });
    const records = [fresh({ id: "esconv:train:1", split: "dev" }), fresh({ id: "esconv:train:2", chosen: "sample" }), fresh({ id: "esconv:train:3" })];
    expect(labelErrors(records, { conversations: 3, readWhole: 0 }, "fresh")).toEqual(["esconv:train:1: split dev in the fresh part", "esconv:train:2: chosen sample in the fresh part"]);
    expect(labelErrors([fresh({ id: "esconv:train:3" })], { conversations: 1, readWhole: 0 })).toEqual([
      "esconv:train:3: split fresh is not what isHeldOut decides",
      "esconv:train:3: chosen fresh-sample",
    ]);
    expect(freshPartErrors(records, [record({ id: "esconv:train:3" })])).toEqual(["esconv:train:3: in the fresh part and in risk-labels.jsonl"]);
  });

  it("accepts a well-formed pair of records", () => {
    const records = [
      record({ id: "esconv:train:1", pageWorthy: true, turns: [{ turn: 1, current: ["active_ideation"], page: true }] }),
      record({ id: "counsel-chat:5", turns: [{ turn: 0, history: ["self_harm"], otherPerson: ["substance"] }] }),
      record({ id: "rogers:kathy", chosen: "rogers", read: "whole" }),
    ];
    expect(labelErrors(records, { conversations: 3, readWhole: 1 })).toEqual([]);
  });

  it("finds each broken rule", () => {
    const heldOutId = "rogers:gloria"; // held out (first byte of its SHA-256 is 0xcc)
    const errors = labelErrors(
      [
        record({ id: "esconv:train:1", split: "held-out" }),
        record({ id: "esconv:train:2", turns: [{ turn: 1, current: ["suicidal" as never] }] }),
        record({ id: "esconv:train:3", turns: [{ turn: 1, history: ["self_harm"], page: true }] }),
        record({ id: "esconv:train:4", pageWorthy: true, turns: [{ turn: 1, current: ["substance"] }] }),
        record({ id: "esconv:train:5", turns: [{ turn: 1 }] }),
        { ...record({ id: "esconv:train:6" }), text: "words" } as ConversationLabels,
        record({ id: heldOutId, split: "dev" }),
        record({ id: "esconv:train:5" }),
        record({ id: "somewhere:else" }),
      ],
      { conversations: 2, readWhole: 0 },
    );
    expect(errors).toEqual([
      "esconv:train:1: split held-out is not what isHeldOut decides",
      "esconv:train:2#1: unknown category suicidal",
      "esconv:train:3#1: pages without a current category",
      "esconv:train:3: pageWorthy does not match its turns",
      "esconv:train:4: pageWorthy does not match its turns",
      "esconv:train:5#1: a labelled turn without a category",
      "esconv:train:6: unknown fields text (ids and labels only)",
      "rogers:gloria: split dev is not what isHeldOut decides",
      "esconv:train:5: id twice",
      "somewhere:else: bad id",
    ]);
  });

  it("refuses a set that is too small, mostly page-worthy or with too few read whole", () => {
    const paging = { pageWorthy: true, turns: [{ turn: 0, current: ["self_harm" as const], page: true as const }] };
    expect(labelErrors([record({ id: "counsel-chat:1", ...paging })], { conversations: 2, readWhole: 1 })).toEqual([
      "1 conversations, fewer than 2",
      "1 of 1 page-worthy: most should not be",
      "fewer than 1 conversations read whole",
    ]);
  });

  it("checks ids and turns against the conversations", () => {
    const conversations = [
      {
        id: "counsel-chat:1",
        source: "counsel-chat" as const,
        turns: [
          { role: "patient" as const, text: "A question." },
          { role: "therapist" as const, text: "An answer." },
        ],
      },
    ];
    const errors = labelErrorsAgainst(
      [record({ id: "counsel-chat:1", patientTurns: 2, turns: [{ turn: 1, current: ["abuse"] }] }), record({ id: "counsel-chat:2" })],
      conversations,
    );
    expect(errors).toEqual(["counsel-chat:1: 2 patient turns labelled, the conversation has 1", "counsel-chat:1#1: not a patient turn", "counsel-chat:2: not in the shared set"]);
  });
});
