import type { SessionSentiment } from "@confide/core";
import type { Segment, Session } from "@confide/core/ports";
import { buildSession, buildTranscript } from "@confide/contracts";

const vocabulary = (
  "i have been feeling tired lately and the mornings are hard before work but the evening walks help " +
  "we talked about sleep anxiety my sister the weekend plans medication doctor appointment therapy goals " +
  "what do you notice when that happens how does it feel in your body let us try breathing again"
).split(" ");

/**
 * A 3-hour two-speaker session as a speech engine gives it: 1,800 segments of 15 words, every
 * word with its timing and confidence (27,000 words), sentiment for every patient segment.
 */
export function buildThreeHourSession(overrides: Partial<Session> = {}): Session {
  const segments: Segment[] = [];
  const segmentMs = 6_000;
  const wordsPerSegment = 15;
  for (let index = 0; index < 1_800; index += 1) {
    const startMs = index * segmentMs;
    const words = Array.from({ length: wordsPerSegment }, (_, position) => {
      const wordStart = startMs + position * 380;
      return {
        text: vocabulary[(index * 7 + position * 3) % vocabulary.length] as string,
        startMs: wordStart,
        endMs: wordStart + 340,
        confidence: Math.round((0.7 + ((index * 31 + position * 17) % 300) / 1000) * 10_000) / 10_000,
      };
    });
    segments.push({
      id: `seg-${index + 1}`,
      speaker: index % 2 === 0 ? "S1" : "S2",
      startMs,
      endMs: startMs + wordsPerSegment * 380,
      text: words.map((word) => word.text).join(" ") + ".",
      confidence: 0.9,
      words,
    });
  }
  const scores = { positive: 0.41, neutral: 0.37, negative: 0.2, mixed: 0.02 };
  const sentiment: SessionSentiment = {
    language: "en-US",
    segments: segments.filter((segment) => segment.speaker === "S2").map((segment) => ({ segmentId: segment.id, label: "neutral", scores })),
    speakers: [{ speaker: "S2", segmentCount: 900, label: "neutral", scores }],
    windowMs: 60_000,
    timeline: Array.from({ length: 180 }, (_, minute) => ({
      startMs: minute * 60_000,
      endMs: (minute + 1) * 60_000,
      segmentCount: 5,
      label: "neutral" as const,
      scores,
    })),
    transcriptRevision: 1,
  };
  return buildSession({
    title: "Three-hour intensive",
    audio: { ...buildSession().audio, durationMs: 10_800_000, sizeBytes: 345_600_044 },
    transcript: buildTranscript({ durationMs: 10_800_000, segments }),
    sentiment,
    ...overrides,
  });
}
