import { describe, expect, it } from "vitest";
import { defaultTranscriptionSettings, type TranscriptionSettings } from "../../domain/session.ts";
import type { Diarization } from "../../domain/speaker-turns.ts";
import type { TranscriptDraft } from "../../domain/transcript.ts";
import { ConfideError } from "../../errors.ts";
import type { Diarizer } from "../../ports/diarizer.ts";
import type { AudioSource, SpeechResult, SpeechToText } from "../../ports/speech-to-text.ts";
import { diarizedSpeechToText } from "./diarized-speech-to-text.ts";

const oneSpeaker: TranscriptDraft = {
  language: "en-US",
  durationMs: 4_000,
  provider: "engine",
  speakers: [{ label: "S1" }],
  segments: [
    { speaker: "S1", startMs: 0, endMs: 1_500, text: "how are you" },
    { speaker: "S1", startMs: 2_000, endMs: 3_500, text: "fine thanks" },
  ],
};

const unsupported = { type: "unsupported" as const, feature: "diarization", message: "one speaker" };

function engine(transcript: TranscriptDraft, warnings = [unsupported]): SpeechToText {
  return {
    provider: "engine",
    async submit(): Promise<SpeechResult> {
      return { status: "done", transcript, warnings };
    },
    async poll(): Promise<SpeechResult> {
      return { status: "done", transcript, warnings };
    },
    async discard() {},
    async check() {},
    async close() {},
  };
}

function diarizer(result: Diarization | ConfideError): Diarizer & { calls: number } {
  return {
    provider: "embedded",
    calls: 0,
    async diarize() {
      this.calls += 1;
      if (result instanceof ConfideError) throw result;
      return result;
    },
    follow() {
      throw new ConfideError("provider.unsupported", "not live");
    },
    async embedVoice() {
      throw new ConfideError("provider.unsupported", "no voices");
    },
    async check() {},
    async close() {},
  };
}

const audio: AudioSource = {
  key: "a",
  contentType: "audio/wav",
  sizeBytes: 10,
  channels: 1,
  async open() {
    return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  },
};

const turns: Diarization = {
  speakers: ["S1", "S2"],
  turns: [
    { speaker: "S1", startMs: 0, endMs: 1_600, confidence: 0.9 },
    { speaker: "S2", startMs: 1_900, endMs: 3_600, confidence: 0.9 },
  ],
  warnings: [],
  voices: null,
};

const mono: TranscriptionSettings = { ...defaultTranscriptionSettings, channelLayout: "mono", diarization: true };

describe("diarizedSpeechToText", () => {
  it("gives a mono one-speaker transcript the diarizer's speakers, and drops the engine's unsupported warning", async () => {
    const speech = diarizedSpeechToText(engine(oneSpeaker), diarizer(turns));
    const result = await speech.submit(audio, mono);
    if (result.status !== "done") throw new Error("expected done");
    expect(result.transcript.segments.map((s) => s.speaker)).toEqual(["S1", "S2"]);
    expect(result.transcript.speakerDetection).toEqual({ method: "diarizer", diarizer: "embedded", confidence: 0.9 });
    expect(result.warnings).toEqual([]);
  });

  it("keeps today's behaviour with diarization off, a per-channel layout, or speakers from the engine", async () => {
    for (const [transcript, settings] of [
      [oneSpeaker, { ...mono, diarization: false }],
      [oneSpeaker, { ...mono, channelLayout: "per-channel" }],
      [{ ...oneSpeaker, speakers: [{ label: "A" }, { label: "B" }] }, mono],
    ] as Array<[TranscriptDraft, TranscriptionSettings]>) {
      const found = diarizer(turns);
      const result = await diarizedSpeechToText(engine(transcript), found).submit(audio, settings);
      expect(found.calls).toBe(0);
      expect(result).toEqual({ status: "done", transcript, warnings: [unsupported] });
    }
  });

  it("keeps a finished transcript with one speaker, and says why, when the diarizer refuses the recording", async () => {
    const refusing = diarizer(new ConfideError("provider.rejected", "cannot decode", { retryable: false }));
    const result = await diarizedSpeechToText(engine(oneSpeaker, []), refusing).submit(audio, mono);
    if (result.status !== "done") throw new Error("expected done");
    expect(result.transcript.speakers).toEqual([{ label: "S1" }]);
    expect(result.transcript.speakerDetection).toEqual({ method: "none", confidence: null });
    expect(result.warnings).toEqual([expect.objectContaining({ feature: "diarization", message: expect.stringContaining("cannot decode") })]);
    // The engine's own warning says it already: one warning, not two.
    const again = await diarizedSpeechToText(engine(oneSpeaker), refusing).submit(audio, mono);
    expect(again.status === "done" && again.warnings).toEqual([unsupported]);
  });

  it("throws a retryable diarizer failure, so the job is tried again", async () => {
    const failing = diarizer(new ConfideError("provider.unavailable", "busy", { retryable: true }));
    await expect(diarizedSpeechToText(engine(oneSpeaker), failing).submit(audio, mono)).rejects.toMatchObject({ code: "provider.unavailable" });
  });

  it("asks the engine for words when the session keeps none, cuts at them, and drops them after", async () => {
    const spoken: TranscriptDraft = {
      ...oneSpeaker,
      segments: [
        {
          speaker: "S1",
          startMs: 0,
          endMs: 3_500,
          text: "how are you fine thanks",
          words: [
            { text: "how", startMs: 0, endMs: 400 },
            { text: "are", startMs: 400, endMs: 800 },
            { text: "you", startMs: 800, endMs: 1_400 },
            { text: "fine", startMs: 2_000, endMs: 2_600 },
            { text: "thanks", startMs: 2_600, endMs: 3_500 },
          ],
        },
      ],
    };
    const asked: TranscriptionSettings[] = [];
    const recording: SpeechToText = {
      ...engine(spoken),
      async submit(_audio, settings) {
        asked.push(settings);
        return { status: "done", transcript: spoken, warnings: [unsupported] };
      },
    };
    const result = await diarizedSpeechToText(recording, diarizer(turns)).submit(audio, { ...mono, wordTimestamps: false });
    if (result.status !== "done") throw new Error("expected done");
    expect(asked[0]?.wordTimestamps).toBe(true);
    expect(result.transcript.segments.map((s) => [s.speaker, s.text, s.words])).toEqual([
      ["S1", "how are you", undefined],
      ["S2", "fine thanks", undefined],
    ]);
  });
});
