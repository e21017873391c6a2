import type { LiveSpeechEvent } from "@confide/core/ports";
import { describeLiveSpeechToTextContract } from "@confide/contracts";
import { startTranscribeStreamingServer, type TranscribeStreamingServer } from "@confide/contracts/fakes";
import { expectConfideError } from "@confide/contracts";
import { monoLiveSettings, readLiveEvents, recogniseLive, toneBurstsPcm, toneDialogueMonoPcm, toneDialogueStereoPcm } from "@confide/contracts/support";
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

const engineOn = (fake: TranscribeStreamingServer, accessKeyId = fake.accessKeyId, keepAliveAfterMs?: number) =>
  createTranscribeStreamingLiveSpeechToText({
    region: "eu-central-1",
    endpoint: fake.url,
    credentials: { accessKeyId, secretAccessKey: "secret" },
    ...(keepAliveAfterMs === undefined ? {} : { keepAliveAfterMs }),
  });

const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (done: () => boolean) => {
  while (!done()) await waitMs(5);
};

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

describe("transcribe-streaming at the service's edges", () => {
  // Finding 7: the fake ends a stream after `idleTimeoutMs` without audio, as the service does after 15 s.
  it("keeps the stream open across a stall longer than the service's idle limit: live text goes on, times stay the audio's", async () => {
    const idle = await startTranscribeStreamingServer({ idleTimeoutMs: 400 });
    others.push(idle);
    const engine = engineOn(idle, idle.accessKeyId, 150);
    const recognition = await engine.open(monoLiveSettings);
    const reading = readLiveEvents(recognition);
    const first = toneBurstsPcm([[[200, 1_200]]], 2_000);
    const second = toneBurstsPcm([[[300, 1_300]]], 2_000);

    await recognition.write(first);
    // A network stall of more than twice the idle limit (20 s against 15 s, scaled down).
    await waitMs(1_000);
    await recognition.write(second);
    await recognition.end();
    await reading.done;
    await engine.close();

    expect(reading.events.filter((event) => event.type === "error")).toEqual([]);
    const finals = reading.events.filter((event) => event.type === "final");
    expect(finals.map((event) => event.type === "final" && [event.startMs, event.endMs])).toEqual([
      [200, 1_200],
      [2_300, 3_300],
    ]);
    expect(idle.requests.at(-1)?.idleTimedOut).toBe(false);
  });

  it("when even silence cannot reach the service (the connection to AWS stalls), goes on in a new stream where the audio stopped, times carried on", async () => {
    const idle = await startTranscribeStreamingServer({ idleTimeoutMs: 300 });
    others.push(idle);
    // No keep-alive before the fake's limit: what a stalled connection to AWS looks like to the service.
    const engine = engineOn(idle, idle.accessKeyId, 14_000);
    const before = idle.requests.length;
    const recognition = await engine.open(monoLiveSettings);
    const reading = readLiveEvents(recognition);

    await recognition.write(toneBurstsPcm([[[200, 1_200]]], 2_000));
    // Audio resumes once the stall has ended the stream that took audio and one reopened stream, and
    // a third is open: counted on the fake rather than timed, so a busy machine cannot hand the
    // audio to a stream in the instant the service ends it (audio sent then is lost, as on AWS).
    await until(() => idle.requests.length - before >= 3);
    await recognition.write(toneBurstsPcm([[[300, 1_300]]], 2_000));
    await recognition.end();
    await reading.done;
    await engine.close();

    expect(reading.events.filter((event) => event.type === "error")).toEqual([]);
    expect(reading.events.filter((event) => event.type === "final").map((event) => event.type === "final" && [event.startMs, event.endMs])).toEqual([
      [200, 1_200],
      [2_300, 3_300],
    ]);
    // Streams opened while the stall lasts time out too; the one that takes the audio goes on.
    const timedOut = idle.requests.slice(before).map((request) => request.idleTimedOut);
    expect(timedOut.length).toBeGreaterThanOrEqual(2);
    expect(timedOut.at(-1)).toBe(false);
    expect(timedOut.slice(0, -1).every(Boolean)).toBe(true);
  });

  it("the fake ends a stream that gets no audio for its idle limit with the service's BadRequestException; with no audio at all the engine gives up", async () => {
    const idle = await startTranscribeStreamingServer({ idleTimeoutMs: 200 });
    others.push(idle);
    const engine = engineOn(idle, idle.accessKeyId, 14_000);
    const before = idle.requests.length;
    const recognition = await engine.open(monoLiveSettings);
    const reading = readLiveEvents(recognition);
    await recognition.write(toneBurstsPcm([[[200, 1_200]]], 2_000));
    // Nothing more is written: each new stream times out without audio, and after three the recognition fails.
    await reading.done;
    await recognition.end();
    await engine.close();

    const last = reading.events.at(-1);
    expect(last?.type === "error" && [last.error.code, last.error.message]).toEqual(["provider.rejected", expect.stringMatching(/no new audio was received/)]);
    expect(idle.requests.slice(before).map((request) => request.idleTimedOut)).toEqual([true, true, true, true, true]);
  });

  it("refuses a language Transcribe does not stream before opening anything (the fake refuses it too)", async () => {
    const engine = engineOn(server);
    const before = server.requests.length;

    const error = await expectConfideError(engine.open({ ...monoLiveSettings, language: "cy-GB" }), "provider.unsupported");

    expect(error.details).toMatchObject({ language: "cy-GB" });
    expect(server.requests.length).toBe(before);
    await engine.close();
  });

  it("reads channel and speaker ids defensively: an id it cannot read is 'cannot tell', never chNaN or spk_undefined", async () => {
    const odd = await startTranscribeStreamingServer({ channelId: (channel) => (channel === 0 ? "ch_0" : "channel-one"), speakerId: () => "speaker?" });
    others.push(odd);

    const stereo = await recogniseLive(engineOn(odd), toneDialogueStereoPcm(), { ...monoLiveSettings, format: { ...monoLiveSettings.format, channels: 2 }, channelLayout: "per-channel" });
    const mono = await recognise(odd, toneDialogueMonoPcm());

    const speakers = [...stereo, ...mono].flatMap((event) => (event.type === "final" ? [event.speaker] : []));
    expect(speakers.length).toBeGreaterThan(0);
    expect(speakers.every((speaker) => speaker === null || speaker === "ch0")).toBe(true);
    expect(stereo.some((event) => event.type === "final" && event.speaker === "ch0" && event.channel === 0)).toBe(true);
    expect(mono.filter((event) => event.type === "final").every((event) => event.type === "final" && event.speaker === null)).toBe(true);
  });
});
