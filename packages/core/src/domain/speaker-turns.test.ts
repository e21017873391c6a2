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

/** One speaker heard in two turns, the second less surely. */
const sameSpeakerTwice: Diarization = {
  speakers: ["S1"],
  turns: [
    { speaker: "S1", startMs: 0, endMs: 1_000, confidence: 1 },
    { speaker: "S1", startMs: 1_000, endMs: 2_000, confidence: 0.5 },
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

  const oneSegment = (segment: TranscriptDraft["segments"][number]): TranscriptDraft => ({ ...draft, segments: [segment] });
  const attributed = (segments: TranscriptDraft, diarization: Diarization = twoSpeakers, minSpeakers = 1) =>
    attributeSpeakers(segments, diarization, { diarizer: "embedded", minSpeakers });

  it("gives a word under two speakers to the one under most of it, its confidence lowered by the other's share", () => {
    // 500 ms under S1 (0.95), 300 ms under S2: S1 at 0.95 × 5/8.
    const { draft: result } = attributed(oneSegment({ speaker: "S1", startMs: 1_500, endMs: 2_600, text: "well", words: [word("well", 1_500, 2_600)] }));
    expect(result.segments).toMatchObject([{ speaker: "S1", speakerConfidence: 0.594, speakerUncertain: true }]);
  });

  it("gives a word under two speakers equally to the first of them", () => {
    const { draft: result } = attributed(oneSegment({ speaker: "S1", startMs: 1_800, endMs: 2_500, text: "so", words: [word("so", 1_800, 2_500)] }));
    expect(result.segments[0]).toMatchObject({ speaker: "S1", speakerConfidence: 0.475 });
  });

  it("gives words in a pause the nearest speaker, before or after, at half its confidence", () => {
    const nearNext = attributed(oneSegment({ speaker: "S1", startMs: 2_200, endMs: 2_280, text: "uh" })).draft.segments[0];
    expect(nearNext).toMatchObject({ speaker: "S2", speakerConfidence: 0.45 });
    const nearPrevious = attributed(oneSegment({ speaker: "S1", startMs: 2_020, endMs: 2_060, text: "uh" })).draft.segments[0];
    expect(nearPrevious).toMatchObject({ speaker: "S1", speakerConfidence: 0.475 });
    // Exactly between the two: the earlier turn.
    const between = attributed(oneSegment({ speaker: "S1", startMs: 2_100, endMs: 2_200, text: "uh" })).draft.segments[0];
    expect(between).toMatchObject({ speaker: "S1", speakerConfidence: 0.475 });
  });

  it("gives a segment or a word of no length the speaker of the moment it starts at, at full confidence", () => {
    const instant = attributed(oneSegment({ speaker: "S1", startMs: 5_000, endMs: 5_000, text: "hm" })).draft.segments[0];
    expect(instant).toMatchObject({ speaker: "S1", speakerConfidence: 0.4 });
    const instantWord = attributed(oneSegment({ speaker: "S1", startMs: 5_000, endMs: 5_500, text: "hm", words: [word("hm", 5_000, 5_000)] })).draft.segments[0];
    expect(instantWord).toMatchObject({ speaker: "S1", speakerConfidence: 0.4 });
  });

  it("weighs a run's confidence by how long each word lasts", () => {
    const { draft: result } = attributed(
      oneSegment({ speaker: "S1", startMs: 0, endMs: 1_100, text: "long short", words: [word("long", 0, 1_000), word("short", 1_000, 1_100)] }),
      sameSpeakerTwice,
    );
    // (1 × 1000 + 0.5 × 100) / 1100
    expect(result.segments[0]?.speakerConfidence).toBe(0.955);
    expect(result.speakerDetection?.confidence).toBe(0.955);
  });

  it("keeps a segment spoken by one person whole, its text as written", () => {
    const { draft: result } = attributed(
      oneSegment({ speaker: "S1", startMs: 100, endMs: 1_900, text: "How are you, today?", words: [word("how", 200, 500), word("are", 500, 700), word("you", 700, 1_000), word("today", 1_000, 1_700)] }),
    );
    expect(result.segments).toEqual([
      { speaker: "S1", startMs: 100, endMs: 1_900, text: "How are you, today?", words: [word("how", 200, 500), word("are", 500, 700), word("you", 700, 1_000), word("today", 1_000, 1_700)], speakerConfidence: 0.95 },
    ]);
  });

  it("cuts three ways: the first piece starts with the segment, the middle with its words, the last ends with the segment", () => {
    const threeTurns: Diarization = {
      speakers: ["S1", "S2"],
      turns: [
        { speaker: "S1", startMs: 0, endMs: 1_000, confidence: 0.9 },
        { speaker: "S2", startMs: 1_000, endMs: 2_000, confidence: 0.9 },
        { speaker: "S1", startMs: 2_000, endMs: 3_000, confidence: 0.9 },
      ],
      warnings: [],
      voices: null,
    };
    const { draft: result } = attributed(
      oneSegment({ speaker: "S1", startMs: 50, endMs: 2_950, text: "a b c", words: [word("a", 100, 900), word("b", 1_100, 1_900), word("c", 2_100, 2_900)] }),
      threeTurns,
    );
    expect(result.segments.map((segment) => [segment.speaker, segment.startMs, segment.endMs, segment.text])).toEqual([
      ["S1", 50, 900, "a"],
      ["S2", 1_100, 1_900, "b"],
      ["S1", 2_100, 2_950, "c"],
    ]);
  });

  it("reads turns in time order whatever order they come in, and keeps the diarizer's own warnings", () => {
    const warning = { type: "other" as const, feature: "diarization", message: "Two speakers asked; three heard." };
    const shuffled: Diarization = { ...twoSpeakers, turns: [...twoSpeakers.turns].reverse(), warnings: [warning] };
    const inOrder = attributed(draft, twoSpeakers, 2);
    const result = attributed(draft, shuffled, 2);
    expect(result.draft.segments).toEqual(inOrder.draft.segments);
    expect(result.warnings[0]).toEqual(warning);
  });

  it("lists only the speakers that got words, and says what it found in words", () => {
    const threeFound: Diarization = { ...twoSpeakers, speakers: ["S1", "S2", "S3"], turns: [...twoSpeakers.turns, { speaker: "S3", startMs: 9_000, endMs: 9_500, confidence: 0.9 }] };
    expect(attributed(draft, threeFound).draft.speakers).toEqual([{ label: "S1" }, { label: "S2" }]);
    const one: Diarization = { speakers: ["S1"], turns: [{ speaker: "S1", startMs: 0, endMs: 7_000, confidence: 0.9 }], warnings: [], voices: null };
    expect(attributed(draft, one, 2).warnings).toEqual([
      {
        type: "other",
        feature: "diarization",
        message: "The diarizer found 1 speaker where the session expects at least 2: one label may stand for several people. Check the speakers in review.",
      },
    ]);
    const nothingSaid = attributed({ ...draft, segments: [] }, twoSpeakers, 2);
    expect(nothingSaid.warnings.map((warning) => warning.message)).toEqual([
      "The diarizer found 0 speakers where the session expects at least 2: one label may stand for several people. Check the speakers in review.",
    ]);
    expect(nothingSaid.draft.speakerDetection).toEqual({ method: "diarizer", diarizer: "embedded", confidence: null });
    expect(attributed(draft, { speakers: [], turns: [], warnings: [], voices: null }).warnings).toEqual([
      { type: "other", feature: "diarization", message: "The diarizer heard no speech: speakers were not separated." },
    ]);
  });

  it("weighs the transcript's speaker confidence by how long each segment lasts", () => {
    const twoSegments: TranscriptDraft = {
      ...draft,
      segments: [
        { speaker: "S1", startMs: 0, endMs: 1_000, text: "long" },
        { speaker: "S1", startMs: 1_000, endMs: 1_100, text: "short" },
      ],
    };
    expect(attributed(twoSegments, sameSpeakerTwice).draft.speakerDetection?.confidence).toBe(0.955);
  });

  it("does not warn when as many speakers were found as the session expects", () => {
    expect(attributed(draft, twoSpeakers, 2).warnings.filter((warning) => warning.message.startsWith("The diarizer found"))).toEqual([]);
  });

  it("marks a speaker uncertain only below 0.6", () => {
    const atThreshold: Diarization = { speakers: ["S1"], turns: [{ speaker: "S1", startMs: 0, endMs: 7_000, confidence: 0.6 }], warnings: [], voices: null };
    expect(attributed(oneSegment({ speaker: "S1", startMs: 0, endMs: 1_000, text: "fine" }), atThreshold).draft.segments[0]).not.toHaveProperty("speakerUncertain");
  });
});
