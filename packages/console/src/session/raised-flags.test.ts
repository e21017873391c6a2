import { describe, expect, it } from "vitest";
import { raisedFlagHeadings, raisedFlagWords } from "./raised-flags.ts";
import type { RiskScreenLike } from "./risk-flags.ts";

const flag = (id: string, category: string): RiskScreenLike["flags"][number] => ({
  id,
  type: "self_harm",
  category,
  severity: "high",
  temporality: "current",
  subject: "speaker",
  speaker: "patient",
  text: "Spoke of it",
  quote: "words",
  evidence: [],
  sources: ["screen:embedded"],
  rules: [],
  verification: { status: "grounded" },
  alert: true,
});
const screen = (...flags: RiskScreenLike["flags"]): RiskScreenLike => ({ status: "screened", summary: "", flags });

describe("the flags a correction raised", () => {
  it("names the flags whose ids are new, and none when the write raised nothing", () => {
    const before = screen(flag("risk-1", "self_harm"));
    expect(raisedFlagHeadings(before, screen(flag("risk-1", "self_harm"), flag("risk-2", "active_ideation")))).toEqual(["Thoughts of suicide"]);
    expect(raisedFlagHeadings(before, before)).toEqual([]);
    expect(raisedFlagHeadings(before, screen())).toEqual([]);
    expect(raisedFlagHeadings(null, screen(flag("risk-3", "self_harm")))).toEqual(["Self-harm"]);
    expect(raisedFlagHeadings(before, null)).toEqual([]);
  });

  it("says one flag and several in words", () => {
    expect(raisedFlagWords(["Self-harm"])).toBe("a risk flag: Self-harm");
    expect(raisedFlagWords(["Self-harm", "Thoughts of suicide"])).toBe("2 risk flags: Self-harm, Thoughts of suicide");
  });
});
