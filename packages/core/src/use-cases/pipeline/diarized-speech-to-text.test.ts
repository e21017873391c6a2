import { describe, expect, it } from "vitest";
import { defaultTranscriptionSettings, type TranscriptionSettings } from "../../domain/session.ts";
import type { Diarization } from "../../domain/speaker-turns.ts";
import type { TranscriptDraft } from "../../domain/transcript.ts";
import { ConfideError } from "../../errors.ts";
import type { Diarizer } from "../../ports/diarizer.ts";
import type { AudioSource, SpeechResult, SpeechToText } from "../../ports/speech-to-text.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
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

  /** An engine that records what it was asked, answering `answer` (done with `oneSpeaker` by default). */
  function askingEngine(answer: (settings: TranscriptionSettings) => SpeechResult = () => ({ status: "done", transcript: oneSpeaker, warnings: [unsupported] })) {
    const asked: TranscriptionSettings[] = [];
    const calls: string[] = [];
    const speech: SpeechToText = {
      provider: "engine",
      async submit(_audio, settings) {
        asked.push(settings);
        return answer(settings);
      },
      async poll(ref) {
        calls.push(`poll ${ref}`);
        return { status: "pending", ref, retryAfterMs: 7 };
      },
      async discard(ref) {
        calls.push(`discard ${ref}`);
      },
      async check() {
        calls.push("check engine");
      },
      async close() {
        calls.push("close engine");
      },
    };
    return { speech, asked, calls };
  }

  function recordingDiarizer(result: Diarization | (() => never)) {
    const options: Array<Parameters<Diarizer["diarize"]>[1]> = [];
    const calls: string[] = [];
    const found: Diarizer = {
      ...diarizer(turns),
      async diarize(_audio, given) {
        options.push(given);
        return typeof result === "function" ? result() : result;
      },
      async check() {
        calls.push("check diarizer");
      },
      async close() {
        calls.push("close diarizer");
      },
    };
    return { diarizer: found, options, calls };
  }

  it("borrows words only for a mono session with diarization on that keeps none", async () => {
    const cases: Array<[Partial<TranscriptionSettings>, boolean]> = [
      [{ channelLayout: "mono", diarization: true, wordTimestamps: false }, true],
      [{ channelLayout: "mono", diarization: true, wordTimestamps: true }, true],
      [{ channelLayout: "mono", diarization: false, wordTimestamps: false }, false],
      [{ channelLayout: "per-channel", diarization: true, wordTimestamps: false }, false],
    ];
    for (const [settings, wordsAsked] of cases) {
      const { speech, asked } = askingEngine();
      await diarizedSpeechToText(speech, diarizer(turns)).submit(audio, { ...defaultTranscriptionSettings, ...settings });
      expect(asked[0]?.wordTimestamps).toBe(wordsAsked);
    }
  });

  it("passes a pending answer on as it is, without diarizing, even when it borrowed words", async () => {
    const { speech } = askingEngine(() => ({ status: "pending", ref: "job-1", retryAfterMs: 5_000 }));
    const found = diarizer(turns);
    const result = await diarizedSpeechToText(speech, found).submit(audio, { ...mono, wordTimestamps: false });
    expect(result).toEqual({ status: "pending", ref: "job-1", retryAfterMs: 5_000 });
    expect(found.calls).toBe(0);
  });

  it("keeps the engine's other warnings and adds the diarizer's", async () => {
    const profanity = { type: "unsupported" as const, feature: "profanity", message: "not masked" };
    const earlier = { type: "other" as const, feature: "diarization", message: "a note of the engine's" };
    const fromDiarizer = { type: "other" as const, feature: "diarization", message: "three asked, two heard" };
    const { speech } = askingEngine(() => ({ status: "done", transcript: oneSpeaker, warnings: [unsupported, profanity, earlier] }));
    const result = await diarizedSpeechToText(speech, diarizer({ ...turns, warnings: [fromDiarizer] })).submit(audio, mono);
    expect(result.status === "done" && result.warnings).toEqual([profanity, earlier, fromDiarizer]);
  });

  it("asks the diarizer for a count within the session's bounds, at least one, with the caller's signal", async () => {
    const cases: Array<[number, number, number, number]> = [
      [2, 4, 2, 4],
      [3, 2, 2, 2],
      [0, 0, 1, 1],
    ];
    for (const [minSpeakers, maxSpeakers, askedMin, askedMax] of cases) {
      const recorded = recordingDiarizer(turns);
      const controller = new AbortController();
      await diarizedSpeechToText(askingEngine().speech, recorded.diarizer).submit(audio, { ...mono, minSpeakers, maxSpeakers }, { signal: controller.signal });
      expect(recorded.options).toEqual([{ minSpeakers: askedMin, maxSpeakers: askedMax, signal: controller.signal }]);
    }
    const unsignalled = recordingDiarizer(turns);
    await diarizedSpeechToText(askingEngine().speech, unsignalled.diarizer).submit(audio, mono);
    expect(unsignalled.options[0]).not.toHaveProperty("signal");
  });

  it("logs a refused recording by its code, and says speakers were not separated when the engine did not", async () => {
    const logger = createRecordingLogger();
    const profanity = { type: "unsupported" as const, feature: "profanity", message: "not masked" };
    const { speech } = askingEngine(() => ({ status: "done", transcript: oneSpeaker, warnings: [profanity] }));
    const refusing = diarizer(new ConfideError("provider.rejected", "cannot decode", { retryable: false }));
    const result = await diarizedSpeechToText(speech, refusing, { logger }).submit(audio, mono);
    expect(result.status === "done" && result.warnings).toEqual([profanity, { type: "other", feature: "diarization", message: "Speakers were not separated: cannot decode" }]);
    expect(logger.entries).toContainEqual({ level: "warn", message: "session.diarization.failed", fields: { code: "provider.rejected" } });
  });

  it("throws what is not a refusal: a failure that is not Confide's, or any failure once the caller stopped", async () => {
    const broken = recordingDiarizer(() => {
      throw new TypeError("a bug");
    });
    await expect(diarizedSpeechToText(askingEngine().speech, broken.diarizer).submit(audio, mono)).rejects.toBeInstanceOf(TypeError);
    const controller = new AbortController();
    controller.abort();
    const refusing = diarizer(new ConfideError("provider.rejected", "cannot decode", { retryable: false }));
    await expect(diarizedSpeechToText(askingEngine().speech, refusing).submit(audio, mono, { signal: controller.signal })).rejects.toMatchObject({ code: "provider.rejected" });
  });

  it("polls, discards, checks and closes through the engine, and checks and closes the diarizer too", async () => {
    const engineCalls = askingEngine();
    const recorded = recordingDiarizer(turns);
    const speech = diarizedSpeechToText(engineCalls.speech, recorded.diarizer);
    expect(speech.provider).toBe("engine");
    expect(await speech.poll("job-2", mono)).toEqual({ status: "pending", ref: "job-2", retryAfterMs: 7 });
    await speech.discard("job-2");
    await speech.check();
    await speech.close();
    expect(engineCalls.calls).toEqual(["poll job-2", "discard job-2", "check engine", "close engine"]);
    expect(recorded.calls).toEqual(["check diarizer", "close diarizer"]);
  });
});
