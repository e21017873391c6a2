import { describe, expect, it } from "vitest";
import { riskFirst } from "./risk-first.ts";

describe("the session lists' order", () => {
  it("puts sessions with risk flags to acknowledge first, keeping the API's order within each group", () => {
    const listed = [
      { id: "newest", riskUnacknowledged: 0 },
      { id: "flagged-new", riskUnacknowledged: 2 },
      { id: "older" },
      { id: "flagged-old", riskUnacknowledged: 1 },
    ];
    expect(riskFirst(listed).map((session) => session.id)).toEqual(["flagged-new", "flagged-old", "newest", "older"]);
    expect(listed.map((session) => session.id)).toEqual(["newest", "flagged-new", "older", "flagged-old"]);
  });
});
