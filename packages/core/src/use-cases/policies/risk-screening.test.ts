import { describe, expect, it } from "vitest";
import type { RiskFlag } from "../../domain/clinical-notes.ts";
import type { RiskScreenResult } from "../../domain/risk-flag.ts";
import type { Transcript } from "../../domain/transcript.ts";
import { createManualClock } from "../../testing/manual-clock.ts";
import { createScriptedRiskScreen, findingOn } from "../../testing/scripted-risk-screen.ts";
import { rescreened, screenRisk, withWriterFlags } from "./risk-screening.ts";

/** A session where the patient speaks of drinking (p2), of ending their life (p4), and mumbles (p5). */
function transcript(): Transcript {
  return {
    language: "en-GB",
    durationMs: 60_000,
    provider: "scripted",
    revision: 3,
    warnings: [],
    speakers: [
      { label: "T", role: "therapist" },
      { label: "P", role: "patient" },
    ],
    segments: [
      { id: "t1", speaker: "T", startMs: 0, endMs: 4_000, text: "How has the week been since we last met?", confidence: 0.9 },
      { id: "p2", speaker: "P", startMs: 5_000, endMs: 9_000, text: "I drank most nights just to fall asleep.", confidence: 0.9 },
      { id: "t3", speaker: "T", startMs: 10_000, endMs: 13_000, text: "And how are you feeling today?", confidence: 0.9 },
      { id: "p4", speaker: "P", startMs: 14_000, endMs: 20_000, text: "Some mornings I think about ending my life.", confidence: 0.9 },
      { id: "p5", speaker: "P", startMs: 22_000, endMs: 26_000, text: "I kind of went over the bridge road.", confidence: 0.2 },
    ],
  };
}

const deps = () => ({ risk: createScriptedRiskScreen(), clock: createManualClock() });

function notesFlagging(flags: RiskFlag[]) {
  return { riskFlags: flags, provenance: { provider: "scripted", model: "test-1", promptVersion: "p1", writtenAt: new Date("2026-01-05T08:00:00.000Z") } };
}

/** The note writer's flag of the patient's drinking in p2. */
const drinking: RiskFlag = {
  type: "substance",
  severity: "moderate",
  text: "Drinks to sleep",
  quote: "drank most nights",
  evidence: [{ segmentId: "p2", start: 2, end: 19 }],
  verification: { status: "grounded" },
};

describe("screenRisk", () => {
  it("a screen that could not read the transcript says so and why, with no flags and no unsure passages", async () => {
    const screen = deps();
    screen.risk.script(() => ({ status: "not_screened", reason: "the screen does not read Welsh", version: "scripted-2" }));

    const result = await screenRisk(screen, transcript());

    expect(result).toEqual<RiskScreenResult>({
      status: "not_screened",
      reason: "the screen does not read Welsh",
      screens: [{ provider: "scripted", version: "scripted-2" }],
      transcriptRevision: 3,
      screenedAt: screen.clock.now(),
      flags: [],
      summary: "The automated risk screen did not run: the screen does not read Welsh. This is not a risk assessment.",
    });
  });

  it("a screen that ran names the patient's passages too unsure to screen, and has no reason", async () => {
    const screen = deps();

    const result = await screenRisk(screen, transcript());

    expect(result).toEqual<RiskScreenResult>({
      status: "screened",
      screens: [{ provider: "scripted", version: "scripted-1" }],
      transcriptRevision: 3,
      screenedAt: screen.clock.now(),
      unscreened: [{ segmentId: "p5", startMs: 22_000, endMs: 26_000 }],
      wordCertainty: "known",
      flags: [],
      summary:
        "1 passage could not be screened: the words are unsure (0:22). Listen to it. The automated screen found no risk language in the words as transcribed — this is not a risk assessment.",
    });
    expect("reason" in result).toBe(false);
  });

  it("lists the flags in transcript order even when the screen reports them out of order", async () => {
    const screen = deps();
    screen.risk.script((input) => [findingOn(input, "ending my life"), findingOn(input, "drank most nights", { category: "substance", basis: "mention" })]);

    const result = await screenRisk(screen, transcript());

    expect(result.flags.map((flag) => [flag.evidence[0]?.segmentId, flag.tier])).toEqual([
      ["p2", "review"],
      ["p4", "page"],
    ]);
    expect(result.summary).toMatch(/^The automated screen found risk language: 1 needing attention now, 1 to review\./);
  });
});

describe("withWriterFlags", () => {
  it("returns the screen itself when the notes flag nothing", async () => {
    const screen = deps();
    screen.risk.script((input) => [findingOn(input, "ending my life")]);
    const screened = await screenRisk(screen, transcript());

    expect(withWriterFlags(screened, null, transcript())).toBe(screened);
    expect(withWriterFlags(screened, notesFlagging([]), transcript())).toBe(screened);
  });

  it("merges the writer's flags in transcript order, keeping the screen's flag, passages and summary honest", async () => {
    const screen = deps();
    screen.risk.script((input) => [findingOn(input, "ending my life")]);
    const screened = await screenRisk(screen, transcript());

    const merged = withWriterFlags(screened, notesFlagging([drinking]), transcript());

    expect(merged.flags.map((flag) => [flag.evidence[0]?.segmentId, flag.sources, flag.tier])).toEqual([
      ["p2", ["notes:scripted"], "review"],
      ["p4", ["screen:scripted"], "page"],
    ]);
    expect(merged.unscreened).toEqual(screened.unscreened);
    expect(merged.summary).toBe(
      "The automated screen found risk language: 1 needing attention now, 1 to review. Review each with its words — this is not a risk assessment. 1 passage could not be screened: the words are unsure (0:22). Listen to it.",
    );
  });
});

describe("rescreened", () => {
  it("keeps the acknowledgement of a flag that is still there; the writer's new flag waits for one", async () => {
    const screen = deps();
    screen.risk.script((input) => [findingOn(input, "ending my life")]);
    const first = await screenRisk(screen, transcript());
    const acknowledgement = { by: "therapist-1", at: screen.clock.now(), action: "discussed" as const, alert: true };
    const previous = { ...first, flags: first.flags.map((flag) => ({ ...flag, acknowledgement })) };

    const again = rescreened(previous, await screenRisk(screen, transcript()), notesFlagging([drinking]), transcript());

    expect(again.flags.map((flag) => [flag.evidence[0]?.segmentId, flag.acknowledgement])).toEqual([
      ["p2", undefined],
      ["p4", acknowledgement],
    ]);
  });
});
