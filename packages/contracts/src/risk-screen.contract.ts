/**
 * Behaviour every RiskScreen adapter must show (packages/core/src/ports/risk-screen.ts): it
 * finds risk said plainly, cites it where it was said, says nothing of a plain session, and
 * never answers "nothing found" for a transcript it cannot read.
 */
import { flagsOfFindings } from "@confide/core";
import { riskCategories } from "@confide/core/adapter-kit";
import type { RiskScreen, RiskScreenInput } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectConfideError } from "./expect-confide-error.ts";

export interface RiskScreenContractOptions {
  name: string;
  create: () => Promise<RiskScreen>;
}

const speakers = [
  { label: "S1", role: "therapist" as const },
  { label: "S2", role: "patient" as const },
];

/** A session where the patient plainly states suicidal thoughts with a plan, and drinking every night. */
export const riskScreenDialogue: RiskScreenInput = {
  language: "en-US",
  speakers,
  segments: [
    { id: "seg-1", speaker: "S1", text: "How have things been since we last met?" },
    { id: "seg-2", speaker: "S2", text: "Honestly, I have been thinking about killing myself." },
    { id: "seg-3", speaker: "S1", text: "Thank you for telling me. Have you thought about how?" },
    { id: "seg-4", speaker: "S2", text: "I've been saving up my pills so I can take them all at once." },
    { id: "seg-5", speaker: "S1", text: "And the drinking?" },
    { id: "seg-6", speaker: "S2", text: "I drink a bottle of wine every night to get to sleep." },
  ],
};

/** A session with no risk language at all. */
const plainDialogue: RiskScreenInput = {
  language: "en-US",
  speakers,
  segments: [
    { id: "seg-1", speaker: "S1", text: "How was the week?" },
    { id: "seg-2", speaker: "S2", text: "Better. I went for a walk every morning and I slept well." },
    { id: "seg-3", speaker: "S1", text: "What helped most?" },
    { id: "seg-4", speaker: "S2", text: "Talking to my sister on Sunday. We laughed a lot." },
  ],
};

const transcriptOf = (input: RiskScreenInput) => ({
  speakers: input.speakers,
  segments: input.segments.map((segment) => ({ ...segment, startMs: 0, endMs: 0 })),
});

export function describeRiskScreenContract(options: RiskScreenContractOptions): void {
  describe(`RiskScreen contract: ${options.name}`, () => {
    let screen: RiskScreen;

    beforeEach(async () => {
      screen = await options.create();
    });

    afterEach(async () => {
      await screen.close();
    });

    it("finds suicidal thoughts, preparation and drinking said plainly, citing the patient's segments", async () => {
      const output = await screen.screen(riskScreenDialogue);
      if (output.status !== "screened") throw new Error(`not screened: ${output.reason}`);
      const found = (segmentId: string) => new Set(output.findings.filter((finding) => finding.evidence.some((span) => span.segmentId === segmentId)).map((finding) => finding.category));
      expect([...found("seg-2")].some((category) => ["active_ideation", "suicide_intent_or_plan"].includes(category))).toBe(true);
      expect([...found("seg-4")].some((category) => ["preparatory_behaviour", "suicide_method", "suicide_intent_or_plan"].includes(category))).toBe(true);
      expect(found("seg-6").has("substance")).toBe(true);
      for (const finding of output.findings) {
        expect(riskCategories).toContain(finding.category);
        expect(["current", "history"]).toContain(finding.temporality);
        expect(["statement", "answer_to_named_question", "answer_to_other_question", "mention"]).toContain(finding.basis);
        for (const reason of finding.reasons ?? []) expect(riskCategories).toContain(reason);
      }
    });

    it("cites spans inside their segments, quoting what stands there", async () => {
      const output = await screen.screen(riskScreenDialogue);
      if (output.status !== "screened") throw new Error("not screened");
      const flags = flagsOfFindings(output.findings, `screen:${screen.provider}`, transcriptOf(riskScreenDialogue));
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(flag.verification).toEqual({ status: "grounded" });
    });

    it("finds nothing in a plain session", async () => {
      const output = await screen.screen(plainDialogue);
      expect(output).toMatchObject({ status: "screened", findings: [] });
    });

    it("screens a transcript with no speech as screened with no findings", async () => {
      expect(await screen.screen({ ...plainDialogue, segments: [] })).toMatchObject({ status: "screened", findings: [] });
    });

    it("answers the same findings for the same input", async () => {
      expect(await screen.screen(structuredClone(riskScreenDialogue))).toEqual(await screen.screen(riskScreenDialogue));
    });

    it("says it did not screen a language it cannot read, with the reason — never 'nothing found'", async () => {
      const output = await screen.screen({ ...riskScreenDialogue, language: "xx-XX" });
      expect(output.status).toBe("not_screened");
      expect(output.status === "not_screened" ? output.reason : "").not.toBe("");
    });

    it("stops with provider.interrupted when its signal is aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      await expectConfideError(screen.screen(riskScreenDialogue, { signal: controller.signal }), "provider.interrupted");
    });

    it("answers its readiness check", async () => {
      await expect(screen.check()).resolves.toBeUndefined();
    });
  });
}
