import { ConfideError } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { readTranscribeTranscript, type TranscriptReading } from "./transcribe-transcript.ts";

const reading: TranscriptReading = { perChannel: false, wordTimestamps: true, punctuation: "automatic", language: "en-US", provider: "transcribe" };

const word = (content: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  type: "pronunciation",
  start_time: start,
  end_time: end,
  alternatives: [{ confidence: "0.97", content }],
  ...extra,
});
const punctuation = (content: string, extra: Record<string, unknown> = {}) => ({ type: "punctuation", alternatives: [{ confidence: "0.0", content }], ...extra });

describe("readTranscribeTranscript", () => {
  it("finds each word's channel under channel_labels when the items carry none (older per-channel files)", () => {
    const left = [word("Hello", "0.0", "0.4"), punctuation(".")];
    const right = [word("Hi", "0.9", "1.2"), word("there", "1.2", "1.5")];
    const file = {
      results: {
        items: [...left, ...right],
        channel_labels: {
          channels: [
            { channel_label: "ch_0", items: left },
            { channel_label: "ch_1", items: right },
          ],
          number_of_channels: 2,
        },
      },
    };

    const draft = readTranscribeTranscript(JSON.stringify(file), { ...reading, perChannel: true });

    expect(draft.speakers).toEqual([
      { label: "ch_0", channel: 0 },
      { label: "ch_1", channel: 1 },
    ]);
    expect(draft.segments).toEqual([
      { speaker: "ch_0", startMs: 0, endMs: 400, text: "Hello.", confidence: 0.97, words: [{ text: "Hello", startMs: 0, endMs: 400, confidence: 0.97 }] },
      {
        speaker: "ch_1",
        startMs: 900,
        endMs: 1500,
        text: "Hi there",
        confidence: 0.97,
        words: [
          { text: "Hi", startMs: 900, endMs: 1200, confidence: 0.97 },
          { text: "there", startMs: 1200, endMs: 1500, confidence: 0.97 },
        ],
      },
    ]);
    expect(draft.durationMs).toBe(1500);
  });

  it("gives one speaker, spk_0, when the job separated none", () => {
    const file = { results: { items: [word("Fine", "0.1", "0.5"), punctuation(","), word("thanks", "0.5", "0.9")] } };

    const draft = readTranscribeTranscript(JSON.stringify(file), reading);

    expect(draft.speakers).toEqual([{ label: "spk_0" }]);
    expect(draft.segments.map((segment) => [segment.speaker, segment.text])).toEqual([["spk_0", "Fine, thanks"]]);
  });

  it("answers a file without words with speech.no_speech, not retryable", () => {
    let error: unknown;
    try {
      readTranscribeTranscript(JSON.stringify({ results: { transcripts: [{ transcript: "" }], items: [] } }), reading);
    } catch (caught) {
      error = caught;
    }

    expect(ConfideError.is(error, "speech.no_speech")).toBe(true);
    expect((error as ConfideError).retryable).toBe(false);
  });

  it.each([
    ["not JSON", "{\"results\": {\"items\": [", /not JSON/],
    ["no results", JSON.stringify({ jobName: "j", status: "COMPLETED" }), /lacks results/],
    ["an item without alternatives", JSON.stringify({ results: { items: [{ type: "pronunciation", start_time: "0", end_time: "1", alternatives: [] }] } }), /lacks results\.items\.0\.alternatives/],
    ["a time that is no number", JSON.stringify({ results: { items: [word("Hi", "soon", "1.0")] } }), /not a number of seconds/],
  ])("answers %s with provider.bad_response", (_label, text, message) => {
    let error: unknown;
    try {
      readTranscribeTranscript(text, reading);
    } catch (caught) {
      error = caught;
    }

    expect(ConfideError.is(error, "provider.bad_response"), String(error)).toBe(true);
    expect((error as ConfideError).message).toMatch(message);
  });
});
