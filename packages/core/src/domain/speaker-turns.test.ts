import { describe, expect, it } from "vitest";
import { attributeSpeakers, type Diarization } from "./speaker-turns.ts";
import type { TranscriptDraft } from "./transcript.ts";

const word = (text: string, startMs: number, endMs: number) => ({ text, startMs, endMs });

const draft: TranscriptDraft = {
  language: "en-US",
  durationMs: 10_000,
  provider: "pocketsphinx",
  speakers: [{ label: "S1" }],
  segments: [
    {
      speaker: "S1",
      startMs: 0,
      endMs: 4_000,
      text: "how are you feeling today i feel tired",
      words: [
        word("how", 0, 300),
        word("are", 300, 500),
        word("you", 500, 800),
        word("feeling", 800, 1_300),
        word("today", 1_300, 1_800),
        word("i", 2_400, 2_600),
        word("feel", 2_600, 3_000),
        word("tired", 3_000, 4_000),
      ],
    },
    { speaker: "S1", startMs: 5_000, endMs: 7_000, text: "mm-hm tell me more" },
  ],
};

const twoSpeakers: Diarization = {
  speakers: ["S1", "S2"],
  turns: [
    { speaker: "S1", startMs: 0, endMs: 2_000, confidence: 0.95 },
    { speaker: "S2", startMs: 2_300, endMs: 4_100, confidence: 0.9 },
    { speaker: "S1", startMs: 4_900, endMs: 7_100, confidence: 0.4 },
  ],
  warnings: [],
  voices: null,
};

describe("attributeSpeakers", () => {
  it("hands on the voices of the speakers that got words, for the roles, and none when the diarizer gave none", () => {
    const voices = {
      embedder: "e1",
      speakers: [
        { speaker: "S1", embedding: [1, 2], speechMs: 4_000 },
        { speaker: "S2", embedding: [3, 4], speechMs: 1_800 },
        { speaker: "S3", embedding: [5, 6], speechMs: 300 },
      ],
    };
    const { draft: attributed } = attributeSpeakers(draft, { ...twoSpeakers, voices }, { diarizer: "embedded", minSpeakers: 2 });
    expect(attributed.voices).toEqual({ embedder: "e1", speakers: voices.speakers.slice(0, 2) });
    expect(attributeSpeakers(draft, twoSpeakers, { diarizer: "embedded", minSpeakers: 2 }).draft.voices).toBeUndefined();
  });

  it("cuts a segment where its words change speaker, so no segment mixes two people", () => {
    const { draft: attributed } = attributeSpeakers(draft, twoSpeakers, { diarizer: "embedded", minSpeakers: 2 });
    expect(attributed.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ["S1", 0, 1_800, "how are you feeling today"],
      ["S2", 2_400, 4_000, "i feel tired"],
      ["S1", 5_000, 7_000, "mm-hm tell me more"],
    ]);
    expect(attributed.speakers).toEqual([{ label: "S1" }, { label: "S2" }]);
    expect(attributed.segments[1]!.words?.map((w) => w.text)).toEqual(["i", "feel", "tired"]);
  });

  it("says the diarizer found the speakers, with a duration-weighted confidence, and marks uncertain segments", () => {
    const { draft: attributed, warnings } = attributeSpeakers(draft, twoSpeakers, { diarizer: "embedded", minSpeakers: 2 });
    expect(attributed.speakerDetection).toMatchObject({ method: "diarizer", diarizer: "embedded" });
    expect(attributed.speakerDetection?.confidence).toBeGreaterThan(0.4);
    expect(attributed.speakerDetection?.confidence).toBeLessThan(0.95);
    expect(attributed.segments.map((s) => s.speakerUncertain ?? false)).toEqual([false, false, true]);
    expect(attributed.segments[0]!.speakerConfidence).toBeCloseTo(0.95, 2);
    expect(warnings).toContainEqual(expect.objectContaining({ type: "other", feature: "diarization", message: expect.stringContaining("1 of 3") }));
  });

  it("warns when one speaker is found where the session expects two", () => {
    const one: Diarization = { speakers: ["S1"], turns: [{ speaker: "S1", startMs: 0, endMs: 7_000, confidence: 0.9 }], warnings: [], voices: null };
    const { draft: attributed, warnings } = attributeSpeakers(draft, one, { diarizer: "embedded", minSpeakers: 2 });
    expect(attributed.speakers).toEqual([{ label: "S1" }]);
    expect(warnings).toContainEqual(expect.objectContaining({ feature: "diarization", message: expect.stringContaining("found 1 speaker where") }));
  });

  it("gives a segment in a pause the nearest speaker, at half its confidence", () => {
    const late: TranscriptDraft = { ...draft, segments: [{ speaker: "S1", startMs: 8_000, endMs: 8_500, text: "okay" }] };
    const { draft: attributed } = attributeSpeakers(late, twoSpeakers, { diarizer: "embedded", minSpeakers: 1 });
    expect(attributed.segments[0]).toMatchObject({ speaker: "S1", speakerConfidence: 0.2, speakerUncertain: true });
  });

  it("leaves the draft with its one speaker, and says so, when the diarizer heard no speech", () => {
    const { draft: attributed, warnings } = attributeSpeakers(draft, { speakers: [], turns: [], warnings: [], voices: null }, { diarizer: "embedded", minSpeakers: 2 });
    expect(attributed.segments).toEqual(draft.segments);
    expect(attributed.speakerDetection).toEqual({ method: "none", confidence: null });
    expect(warnings).toContainEqual(expect.objectContaining({ feature: "diarization" }));
  });
});
