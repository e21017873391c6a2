/**
 * Behaviour every NoteWriter adapter must show (packages/core/src/ports/note-writer.ts): what
 * it writes stands up to core's check of its evidence on a session it can read plainly.
 */
import { checkedReflection, type ClinicalNotes, riskFlagsOf, verifyNotes } from "@confide/core";
import { isNotAssessed, noteListFields, riskTypes } from "@confide/core/adapter-kit";
import type { ClaimReader, NoteWriter, NoteWriterInput, ReflectionInput } from "@confide/core/ports";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface NoteWriterContractOptions {
  name: string;
  create: () => Promise<NoteWriter>;
  /**
   * Reads claims for core's claim-support check: the production reader (adapters-local's
   * `createWinkClaimReader`) where the package may import it; by default core's plain-words test
   * reader.
   */
  claims?: ClaimReader;
  capabilities?: {
    /**
     * Whether the writer flags risk itself (a model's own reading, merged with the risk screen's
     * by core). False: its `riskFlags` is `not_assessed` with the reason, and the risk screen
     * (`RiskScreen`, core) alone reports risk. Default true.
     */
    flagsRisk?: boolean;
    /**
     * Whether the writer suggests reflections (`reflect`, a language model's). False: it refuses
     * them `provider.unsupported`. Default true.
     */
    reflects?: boolean;
  };
}

const neutral = { positive: 0.05, neutral: 0.9, negative: 0.05, mixed: 0 };
const negative = { positive: 0.02, neutral: 0.18, negative: 0.8, mixed: 0 };
const positive = { positive: 0.75, neutral: 0.2, negative: 0.05, mixed: 0 };

/**
 * A session in which the patient plainly says they think of ending their life, talks about
 * work and sleep, and commits to a next step; sentiment as an analyzer would give it.
 */
export const riskDialogue: NoteWriterInput = {
  language: "en-US",
  speakers: [
    { label: "S1", role: "therapist" },
    { label: "S2", role: "patient" },
  ],
  segments: [
    { id: "seg-1", speaker: "S1", startMs: 0, endMs: 4_000, text: "How have you been sleeping since our last session?" },
    { id: "seg-2", speaker: "S2", startMs: 4_000, endMs: 11_000, text: "Badly. Work has been awful and I lie awake worrying about work every night." },
    { id: "seg-3", speaker: "S1", startMs: 11_000, endMs: 14_000, text: "That sounds exhausting. What goes through your mind at night?" },
    { id: "seg-4", speaker: "S2", startMs: 14_000, endMs: 20_000, text: "Honestly, I have been thinking about ending my life." },
    { id: "seg-5", speaker: "S1", startMs: 20_000, endMs: 25_000, text: "Thank you for telling me. Let's make a safety plan together." },
    { id: "seg-6", speaker: "S2", startMs: 25_000, endMs: 31_000, text: "Okay. Next week I'm going to call my sister and tell her how I feel." },
  ],
  sentiment: [
    { segmentId: "seg-2", label: "negative", scores: negative },
    { segmentId: "seg-4", label: "negative", scores: negative },
    { segmentId: "seg-6", label: "positive", scores: positive },
  ],
};

/** The latest lines of the dialogue as a live session asks a reflection of them. */
const reflectionInput: ReflectionInput = {
  language: riskDialogue.language,
  speakers: riskDialogue.speakers,
  segments: riskDialogue.segments.slice(-3).map(({ id, speaker, text }) => ({ id, speaker, text })),
};

const provenance = { provider: "contract", model: "contract", promptVersion: "contract", writtenAt: new Date(0) };

const transcriptOf = (input: NoteWriterInput) => ({ speakers: input.speakers, segments: input.segments, revision: 1 });

/** Every evidence span of the notes, of every field. */
function allEvidence(notes: ClinicalNotes) {
  const fields = [...noteListFields, "sessionMood", "moodTrajectory", "riskFlags"] as const;
  return fields.flatMap((name) => {
    const field = notes[name];
    if (isNotAssessed(field)) return [];
    const items = Array.isArray(field) ? field : [field];
    return items.flatMap((item) => item.evidence);
  });
}

export function describeNoteWriterContract(options: NoteWriterContractOptions): void {
  describe(`NoteWriter contract: ${options.name}`, () => {
    let writer: NoteWriter;
    const claims = options.claims ?? createPlainWordsClaimReader();

    beforeEach(async () => {
      writer = await options.create();
    });

    afterEach(async () => {
      await writer.close();
    });

    it("is ready", async () => {
      await expect(writer.check()).resolves.toBeUndefined();
    });

    it("writes notes whose every item is grounded in the transcript", async () => {
      const { notes, model, promptVersion } = await writer.write(riskDialogue);
      expect(model).not.toBe("");
      expect(promptVersion).not.toBe("");
      const verified = verifyNotes(notes, transcriptOf(riskDialogue), provenance, claims);
      expect(verified.quality.unverified).toBe(0);
      expect(verified.quality.grounded).toBeGreaterThan(0);
    });

    it("cites only segments that exist, within their text", async () => {
      const { notes } = await writer.write(riskDialogue);
      const verified = verifyNotes(notes, transcriptOf(riskDialogue), provenance, claims);
      const evidence = allEvidence(verified);
      expect(evidence.length).toBeGreaterThan(0);
      for (const span of evidence) {
        const segment = riskDialogue.segments.find((candidate) => candidate.id === span.segmentId);
        expect(segment, `segment ${span.segmentId}`).toBeDefined();
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(segment?.text.length ?? 0);
        expect(span.end).toBeGreaterThan(span.start);
      }
    });

    it("flags a plainly said risk citing the segment that says it — or, leaving risk to the risk screen, says so", async () => {
      const { notes } = await writer.write(riskDialogue);
      if (options.capabilities?.flagsRisk === false) {
        expect(notes.riskFlags).toMatchObject({ status: "not_assessed" });
        expect(isNotAssessed(notes.riskFlags) ? notes.riskFlags.reason : "").toMatch(/risk screen/);
        return;
      }
      const flags = riskFlagsOf(verifyNotes(notes, transcriptOf(riskDialogue), provenance, claims));
      const selfHarm = flags.filter((flag) => flag.type === "self_harm");
      expect(selfHarm.length).toBeGreaterThan(0);
      for (const flag of flags) {
        expect(riskTypes).toContain(flag.type);
        expect(flag.evidence.length).toBeGreaterThan(0);
      }
      expect(selfHarm.some((flag) => flag.evidence.some((span) => span.segmentId === "seg-4"))).toBe(true);
    });

    it("reflects the patient's words citing only their segments, as core's check keeps it — or refuses provider.unsupported", async () => {
      if (options.capabilities?.reflects === false) {
        await expect(writer.reflect(reflectionInput)).rejects.toMatchObject({ code: "provider.unsupported" });
        return;
      }
      const reflection = await writer.reflect(reflectionInput);
      expect(reflection).not.toBeNull();
      expect(reflection!.cites.every((id) => id === "seg-6")).toBe(true);
      expect(checkedReflection(reflection!, reflectionInput, claims)).toEqual(reflection);
    });

    it("writes the same notes for the same input", async () => {
      const first = await writer.write(riskDialogue);
      const second = await writer.write(structuredClone(riskDialogue));
      expect(second).toEqual(first);
    });

    it("says why for a field it cannot fill, instead of leaving it empty without a reason", async () => {
      const { notes } = await writer.write({ ...riskDialogue, segments: [], sentiment: [] });
      for (const name of [...noteListFields, "sessionMood", "moodTrajectory", "riskFlags"] as const) {
        const field = notes[name];
        if (isNotAssessed(field)) expect(field.reason).not.toBe("");
        else expect(Array.isArray(field) ? field : [field]).toEqual([]);
      }
    });
  });
}
