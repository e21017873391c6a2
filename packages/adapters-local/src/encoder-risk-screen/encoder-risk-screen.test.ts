import { readFileSync } from "node:fs";
import { flagsOfFindings, mergeRiskFlags, riskTier, type ScreenedRiskFlag, type Transcript } from "@confide/core";
import { riskCategories } from "@confide/core/adapter-kit";
import type { RiskFinding, RiskScreenInput } from "@confide/core/ports";
import { describeRiskScreenContract, expectConfideError } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { riskDialogue } from "../embedded-risk-screen/risk-dialogue.test-support.ts";
import { screenTranscript } from "../embedded-risk-screen/embedded-risk-screen.ts";
import { encoderRiskScreenDescriptor } from "./descriptor.ts";
import { createEncoderRiskScreen, headScore } from "./encoder-risk-screen.ts";
import { parseRiskHeads, riskHeads, riskHeadsFile } from "./risk-heads.ts";
import { addressesTheListener, isSilenced } from "./silenced-turns.ts";

describeRiskScreenContract({ name: "encoder", create: async () => createEncoderRiskScreen() });


async function findingsOf(lines: string[], roles = true, threshold?: number) {
  const output = await createEncoderRiskScreen(threshold === undefined ? {} : { threshold }).screen(riskDialogue(lines, roles));
  if (output.status !== "screened") throw new Error(output.reason);
  return output.findings;
}

const handingOut = "I've been handing my stuff out to people, my guitar, my records, my good coat.";
const scratching = "I scratch at my arms with my nails most nights.";

describe("encoder risk screen", () => {
  it("adds a flag by meaning for a turn no rule matched, quoting and citing the whole turn", async () => {
    // The rules alone find nothing in either turn.
    for (const line of [handingOut, scratching]) {
      const ruled = screenTranscript(riskDialogue([line]));
      expect(ruled.status === "screened" && ruled.findings).toEqual([]);
    }
    expect(await findingsOf([handingOut])).toEqual([
      {
        category: "preparatory_behaviour",
        temporality: "current",
        subject: "speaker",
        basis: "mention",
        text: "Wording like: preparing to end their life (matched by meaning, not by a listed phrase)",
        quote: handingOut,
        evidence: [{ segmentId: "seg-1", start: 0, end: handingOut.length }],
        rule: "encoder.preparatory_behaviour",
      },
    ]);
    expect((await findingsOf([scratching])).map((finding) => finding.rule)).toEqual(["encoder.self_harm"]);
  });

  it("keeps every finding of the rules, in order, and adds none in a category the rules already raised on that turn", async () => {
    const lines = ["T: How have things been?", "I want to kill myself.", "T: Have you done anything?", handingOut, "I drink a bottle of wine every night."];
    const ruled = screenTranscript(riskDialogue(lines));
    const found = await findingsOf(lines);
    expect(ruled.status).toBe("screened");
    expect(found.filter((finding) => !finding.rule.startsWith("encoder."))).toEqual(ruled.status === "screened" ? ruled.findings : []);
    const seen = new Set<string>();
    for (const finding of found) {
      const key = `${finding.evidence[0]!.segmentId}/${finding.category}`;
      if (finding.rule.startsWith("encoder.")) expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    // Transcript order: the encoder's flag on seg-4 comes after seg-2's and before seg-5's.
    const segments = found.map((finding) => finding.evidence[0]!.segmentId);
    expect(segments).toEqual([...segments].sort());
  });

  it("leaves turns whose meaning a word can turn to the rules: negation, condition, someone else, the past, a question", async () => {
    for (const line of [
      "I've not been handing my things out to people, my guitar, my records, my good coat.",
      "If I started handing my things out to people, my guitar, my records, that would be a sign.",
      "She has started handing her things out to people, her guitar, her records, her good coat.",
      "I used to scratch at my arms with my nails until there was blood, years ago.",
      "Would scratching at my arms with my nails until there's blood count?",
    ]) {
      expect((await findingsOf([line])).filter((finding) => finding.rule.startsWith("encoder.")), line).toEqual([]);
    }
  });

  it("never reads the therapist's turns; with no roles, not the turns speaking to 'you'", async () => {
    expect(await findingsOf([`T: ${handingOut}`])).toEqual([]);
    expect((await findingsOf([handingOut], false)).map((finding) => finding.rule)).toEqual(["encoder.preparatory_behaviour"]);
    expect(await findingsOf(["Have you been handing your stuff out to people, your guitar, your records, your good coat."], false)).toEqual([]);
  });

  it("a higher threshold adds fewer flags", async () => {
    expect(await findingsOf([handingOut], true, 0.99)).toEqual([]);
  });

  it("says its version with the rules' and reads English only", async () => {
    const screen = createEncoderRiskScreen();
    const english = await screen.screen(riskDialogue(["Fine."]));
    expect(english.version).toMatch(/^embedded-risk-rules-\d+\+encoder-heads-\d+$/);
    const other = await screen.screen({ ...riskDialogue(["Ça va."]), language: "fr-FR" });
    expect(other).toMatchObject({ status: "not_screened", version: english.version });
  });

  it("stops when its signal aborts, as provider.interrupted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("shutting down"));
    await expectConfideError(createEncoderRiskScreen().screen(riskDialogue([handingOut]), { signal: controller.signal }), "provider.interrupted");
  });

  it("scores each head as the logistic of its bias plus weights · embedding", () => {
    const head = { bias: -1, weights: [2, 0.5] };
    expect(headScore(head, [1, 2])).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    const { heads } = riskHeads();
    expect(Object.keys(heads).sort()).toEqual([...riskCategories].sort());
    for (const category of riskCategories) expect(heads[category].weights).toHaveLength(512);
  });

  it("refuses a heads file with a category missing or a head of the wrong length, naming it", () => {
    const file = JSON.parse(readFileSync(riskHeadsFile, "utf8")) as { heads: Record<string, { weights: number[] }> };
    const short = structuredClone(file);
    short.heads["abuse"]!.weights.pop();
    expect(() => parseRiskHeads(JSON.stringify(short))).toThrow(/risk-heads\.json: heads\.abuse\.weights: /);
    const missing = structuredClone(file);
    delete missing.heads["substance"];
    expect(() => parseRiskHeads(JSON.stringify(missing))).toThrow(/risk-heads\.json: heads\.substance: /);
  });
});

/** The flags core makes of a screen's findings on a dialogue, as its `screenRisk` does (one source for both screens, so that they compare). */
function flagsOf(input: RiskScreenInput, findings: readonly RiskFinding[]): ScreenedRiskFlag[] {
  const transcript: Transcript = {
    language: input.language,
    durationMs: input.segments.length * 5_000,
    provider: "test",
    revision: 1,
    warnings: [],
    speakers: input.speakers.map((speaker) => ({ ...speaker })),
    segments: input.segments.map((segment, index) => ({ ...segment, startMs: index * 5_000, endMs: index * 5_000 + 4_000 })),
  };
  const position = new Map(input.segments.map((segment, index) => [segment.id, index]));
  return mergeRiskFlags([flagsOfFindings(findings, "screen:test", transcript)], (segmentId) => position.get(segmentId) ?? Number.MAX_SAFE_INTEGER);
}

const isEncoders = (rule: string) => rule.startsWith("encoder.");

describe("encoder risk screen: to review only, never a page", () => {
  // A turn whose first sentence pages by the rules and whose rest reads, to the encoder, like a
  // category the rules did not raise on it; turns the rules find nothing in; a page elsewhere.
  const lines = [
    "T: How have things been since we last met?",
    `I want to kill myself. ${scratching}`,
    "T: Tell me more.",
    handingOut,
    scratching,
    "I've been cutting myself again.",
    "I drink a bottle of wine every night.",
  ];

  it.each([true, false])("adds only flags of its own, each to review, and leaves every page the rules' (roles: %s)", async (roles) => {
    const input = riskDialogue(lines, roles);
    const ruled = screenTranscript(input);
    const found = await findingsOf(lines, roles);
    if (ruled.status !== "screened") throw new Error(ruled.reason);
    const withEncoder = flagsOf(input, found);
    const rulesAlone = flagsOf(input, ruled.findings);
    const added = withEncoder.filter((flag) => flag.rules.some(isEncoders));
    // The encoder does add flags here: the checks below are about them.
    expect(added.length).toBeGreaterThan(0);
    for (const flag of added) {
      // Its own flag, never joined to a rule's (a join would carry it into the rule's page).
      expect(flag.rules.every(isEncoders), flag.rules.join(", ")).toBe(true);
      expect(flag.tier).toBe("review");
      expect(flag.alert).toBe(false);
    }
    // The pages are the rules' alone, flag for flag.
    const pages = (flags: ScreenedRiskFlag[]) => flags.filter((flag) => flag.tier === "page");
    expect(pages(rulesAlone).length).toBeGreaterThan(0);
    expect(pages(withEncoder)).toEqual(pages(rulesAlone));
  }, 120_000);

  it("states every finding it adds as a mention, which core's page rule never pages, in any category, from any speaker", async () => {
    const found = (await findingsOf(lines)).filter((finding) => isEncoders(finding.rule));
    expect(found.length).toBeGreaterThan(0);
    for (const finding of found) expect(finding.basis).toBe("mention");
    for (const category of riskCategories) {
      for (const speaker of ["patient", "unknown"] as const) expect(riskTier({ category, temporality: "current", subject: "speaker", speaker, basis: "mention" })).toBe("review");
    }
  }, 120_000);
});

describe("silenced turns", () => {
  it.each([
    ["I won't do anything, I promise.", true],
    ["I didn’t mean it.", true],
    ["if it all went away", true],
    ["He gave his stuff away.", true],
    ["Yes.", true],
    ["Is that normal?", true],
    ["I gave my guitar to my nephew.", false],
    ["Nowadays I sleep badly.", false],
  ] as const)("%j is silenced: %s", (text, silenced) => {
    expect(isSilenced(text)).toBe(silenced);
  });

  it("knows words to the listener", () => {
    expect(addressesTheListener("How are you finding it?")).toBe(true);
    expect(addressesTheListener("you're kidding")).toBe(true);
    expect(addressesTheListener("Your mum called.")).toBe(true);
    expect(addressesTheListener("Young people these days.")).toBe(false);
  });
});

describe("encoder risk screen descriptor", () => {
  it("defaults its threshold to 0.9, takes it as the variable gives it, and refuses one outside (0.5, 1)", async () => {
    expect(encoderRiskScreenDescriptor.settings.parse({})).toEqual({ threshold: 0.9, batchSize: 32 });
    expect(encoderRiskScreenDescriptor.settings.parse({ threshold: "0.95" }).threshold).toBe(0.95);
    for (const bad of ["0.5", "1", "high"]) expect(encoderRiskScreenDescriptor.settings.safeParse({ threshold: bad }).error?.issues[0]?.path).toEqual(["threshold"]);
    await expectConfideError(Promise.resolve().then(() => createEncoderRiskScreen({ threshold: 0.2 })), "validation.invalid_input");
    const screen = await encoderRiskScreenDescriptor.create(encoderRiskScreenDescriptor.settings.parse({}));
    expect(screen.provider).toBe("encoder");
    await screen.check();
    await screen.close();
  });
});
