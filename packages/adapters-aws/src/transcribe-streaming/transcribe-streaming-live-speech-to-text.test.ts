import type { LiveSpeechEvent } from "@confide/core";
import { describeLiveSpeechToTextContract } from "@confide/contracts";
import { startTranscribeStreamingServer, type TranscribeStreamingServer } from "@confide/contracts/fakes";
import { recogniseLive, toneDialogueMonoPcm, toneDialogueStereoPcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranscribeStreamingLiveSpeechToText } from "./transcribe-streaming-live-speech-to-text.ts";

let server: TranscribeStreamingServer;
const others: TranscribeStreamingServer[] = [];

beforeAll(async () => {
  server = await startTranscribeStreamingServer();
});

afterAll(async () => {
  await Promise.all([server.close(), ...others.map((other) => other.close())]);
});

const engineOn = (fake: TranscribeStreamingServer, accessKeyId = fake.accessKeyId) =>
  createTranscribeStreamingLiveSpeechToText({ region: "eu-central-1", endpoint: fake.url, credentials: { accessKeyId, secretAccessKey: "secret" } });

/** Recognises `audio` on a fresh engine against `fake` (signing with `accessKeyId`), then closes the engine. */
async function recognise(fake: TranscribeStreamingServer, audio: Uint8Array, accessKeyId = fake.accessKeyId): Promise<LiveSpeechEvent[]> {
  const engine = engineOn(fake, accessKeyId);
  const events = await recogniseLive(engine, audio);
  await engine.close();
  return events;
}

describeLiveSpeechToTextContract({
  name: "transcribe-streaming (AWS SDK against the HTTP/2 event-stream fake)",
  create: async () => engineOn(server),
  capabilities: { partials: true, liveDiarization: true, perChannel: true },
  monoSpeech: async () => toneDialogueMonoPcm(),
  stereoSpeech: async () => toneDialogueStereoPcm(),
  createFailing: async () => {
    const failing = await startTranscribeStreamingServer({ fault: "drop", dropAfterBytes: 48_000 });
    others.push(failing);
    return engineOn(failing);
  },
  failureCode: "provider.unavailable",
});

describe("transcribe-streaming", () => {
  it("partial results become partials, final ones finals with speaker labels, seconds become milliseconds", async () => {
    const before = server.requests.length;
    const events = await recognise(server, toneDialogueMonoPcm());
    const finals = events.filter((event) => event.type === "final");
    expect(finals.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }))).toEqual([
      { speaker: "spk_0", text: "How have you been sleeping this week", startMs: 500, endMs: 2_000 },
      { speaker: "spk_1", text: "Not well I keep waking up at night", startMs: 3_000, endMs: 4_200 },
      { speaker: "spk_0", text: "How have you been sleeping this week", startMs: 5_200, endMs: 6_500 },
    ]);
    expect(finals[0]!.words[0]).toEqual({ text: "How", startMs: 500, endMs: 714, confidence: 0.9 });
    expect(events.find((event) => event.type === "partial")).toEqual({ type: "partial", text: "How", startMs: 500, speaker: "spk_0" });
    expect(server.requests[before]?.settings).toMatchObject({ "language-code": "en-US", "media-encoding": "pcm", "sample-rate": "16000", "show-speaker-label": "true" });
    expect(server.requests[before]?.audioBytes).toBe(toneDialogueMonoPcm().byteLength);
  });

  it("LimitExceededException on the stream is one provider.throttled error event", async () => {
    const throttled = await startTranscribeStreamingServer({ fault: "throttled" });
    others.push(throttled);
    const events = await recognise(throttled, toneDialogueMonoPcm());
    expect(events.map((event) => event.type === "error" && [event.error.code, event.error.retryable])).toEqual([["provider.throttled", true]]);
  });

  it("a connection dropped mid-stream is provider.unavailable after the finals already heard", async () => {
    const dropping = await startTranscribeStreamingServer({ fault: "drop", dropAfterBytes: 3_500 * 32 });
    others.push(dropping);
    const events = await recognise(dropping, toneDialogueMonoPcm());
    expect(events.filter((event) => event.type === "final")).toHaveLength(1);
    const last = events.at(-1);
    expect(last?.type === "error" && [last.error.code, last.error.retryable]).toEqual(["provider.unavailable", true]);
  });

  it("refused credentials (403 UnrecognizedClientException) are provider.unavailable, not retryable (an operator must act)", async () => {
    const events = await recognise(server, toneDialogueMonoPcm(), "AKIAWRONGKEY");
    expect(events.map((event) => event.type === "error" && [event.error.code, event.error.retryable])).toEqual([["provider.unavailable", false]]);
  });
});
