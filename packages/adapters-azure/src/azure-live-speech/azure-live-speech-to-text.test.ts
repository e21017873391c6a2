import type { LiveSpeechEvent } from "@confide/core/ports";
import { describeLiveSpeechToTextContract, expectConfideError } from "@confide/contracts";
import { startAzureSpeechLiveServer, type AzureSpeechLiveServer } from "@confide/contracts/fakes";
import { monoLiveSettings, recogniseLive, toneDialogueMonoPcm, toneDialogueStereoPcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureLiveSpeechToText } from "./azure-live-speech-to-text.ts";

let server: AzureSpeechLiveServer;

beforeAll(async () => {
  server = await startAzureSpeechLiveServer();
});

afterAll(async () => {
  await server.close();
});

const failingServers: AzureSpeechLiveServer[] = [];
afterAll(async () => {
  await Promise.all(failingServers.map((failing) => failing.close()));
});

describeLiveSpeechToTextContract({
  name: "azure-live (Speech SDK against the USP fake)",
  create: async () => createAzureLiveSpeechToText({ host: server.url, key: server.key }),
  capabilities: { partials: true, liveDiarization: true, perChannel: true },
  monoSpeech: async () => toneDialogueMonoPcm(),
  stereoSpeech: async () => toneDialogueStereoPcm(),
  createFailing: async () => {
    const failing = await startAzureSpeechLiveServer({ fault: "drop", dropAfterBytes: 48_000 });
    failingServers.push(failing);
    return createAzureLiveSpeechToText({ host: failing.url, key: failing.key });
  },
  failureCode: "provider.unavailable",
});

describe("azure-live", () => {
  it("hypotheses become partials, phrases finals with the service's speaker ids, ticks become milliseconds, words from the detailed result", async () => {
    const engine = createAzureLiveSpeechToText({ host: server.url, key: server.key });
    const events = await recogniseLive(engine, toneDialogueMonoPcm());
    const finals = events.filter((event) => event.type === "final");
    expect(finals.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }))).toEqual([
      { speaker: "Guest-1", text: "How have you been sleeping this week", startMs: 500, endMs: 2_000 },
      { speaker: "Guest-2", text: "Not well I keep waking up at night", startMs: 3_000, endMs: 4_200 },
      { speaker: "Guest-1", text: "How have you been sleeping this week", startMs: 5_200, endMs: 6_500 },
    ]);
    expect(finals[0]!.words.slice(0, 2)).toEqual([
      { text: "how", startMs: 500, endMs: 714, confidence: 0.9 },
      { text: "have", startMs: 714, endMs: 929, confidence: 0.9 },
    ]);
    const partials = events.filter((event) => event.type === "partial");
    expect(partials[0]).toEqual({ type: "partial", text: "How", startMs: 500, speaker: null });
    expect(events.findIndex((event) => event.type === "partial")).toBeLessThan(events.findIndex((event) => event.type === "final"));
  });

  it("asks the service for conversation transcription in the session's language, with diarization and word timings", async () => {
    const before = server.connections.length;
    const engine = createAzureLiveSpeechToText({ host: server.url, key: server.key });
    await recogniseLive(engine, toneDialogueMonoPcm().subarray(0, 32_000), { ...monoLiveSettings, language: "de-DE" });
    const connection = server.connections[before]!;
    expect(connection.path).toBe("/speech/recognition/conversation/cognitiveservices/v1");
    expect(connection.query.get("language")).toBe("de-DE");
    const context = connection.context as { phraseDetection?: { speakerDiarization?: { mode?: string } }; phraseOutput?: unknown };
    expect(context.phraseDetection?.speakerDiarization?.mode).toBe("Anonymous");
    expect(JSON.stringify(context.phraseOutput)).toContain("WordTimings");
  });

  it("a throttled recognition (RecognitionStatus TooManyRequests) is one provider.throttled error event, retryable", async () => {
    const throttled = await startAzureSpeechLiveServer({ fault: "throttled" });
    failingServers.push(throttled);
    const events = await recogniseLive(createAzureLiveSpeechToText({ host: throttled.url, key: throttled.key }), toneDialogueMonoPcm());
    expect(events.map((event) => event.type)).toEqual(["error"]);
    const [event] = events as Array<Extract<LiveSpeechEvent, { type: "error" }>>;
    expect(event!.error.code).toBe("provider.throttled");
    expect(event!.error.retryable).toBe(true);
  });

  it("a connection dropped mid-stream, the service gone, is provider.unavailable after the finals already heard", async () => {
    const dropping = await startAzureSpeechLiveServer({ fault: "drop", dropAfterBytes: 3_500 * 32 });
    failingServers.push(dropping);
    const events = await recogniseLive(createAzureLiveSpeechToText({ host: dropping.url, key: dropping.key }), toneDialogueMonoPcm());
    expect(events.filter((event) => event.type === "final").map((event) => event.type === "final" && event.text)).toEqual(["How have you been sleeping this week"]);
    const last = events.at(-1) as Extract<LiveSpeechEvent, { type: "error" }>;
    expect(last.type).toBe("error");
    expect(last.error.code).toBe("provider.unavailable");
    expect(last.error.retryable).toBe(true);
  });

  it("moves to a new connection before one reaches the 240-minute limit of real-time diarization, times continued, speakers of the new part told apart", async () => {
    // The limit scaled down: the service ends a connection past 5 s of audio, the adapter moves on after 4 s.
    const limited = await startAzureSpeechLiveServer({ maxAudioMsPerConnection: 5_000 });
    failingServers.push(limited);
    const audio = toneDialogueMonoPcm();
    const twice = new Uint8Array(audio.length * 2);
    twice.set(audio);
    twice.set(audio, audio.length);

    const events = await recogniseLive(createAzureLiveSpeechToText({ host: limited.url, key: limited.key, maxConnectionAudioMs: 4_000 }), twice);

    expect(events.filter((event) => event.type === "error")).toEqual([]);
    expect(limited.connections.length).toBeGreaterThanOrEqual(2);
    for (const connection of limited.connections) expect(connection.audioBytes / 32).toBeLessThanOrEqual(5_000);
    const finals = events.filter((event): event is Extract<LiveSpeechEvent, { type: "final" }> => event.type === "final");
    // Times run on across the connections; the speakers after the move are not merged with the first part's.
    expect(finals.at(-1)!.startMs).toBeGreaterThan(audio.length / 32);
    expect(finals.map((final) => final.startMs)).toEqual([...finals.map((final) => final.startMs)].sort((a, b) => a - b));
    expect(finals.some((final) => final.speaker?.endsWith("/part2"))).toBe(true);
    expect(finals.filter((final) => final.startMs < 4_000).every((final) => !final.speaker?.includes("/part"))).toBe(true);
  });

  it("a wrong key (401 on the WebSocket upgrade) is provider.rejected, not retryable", async () => {
    const events = await recogniseLive(createAzureLiveSpeechToText({ host: server.url, key: "wrong-key" }), toneDialogueMonoPcm());
    expect(events.map((event) => event.type)).toEqual(["error"]);
    const [event] = events as Array<Extract<LiveSpeechEvent, { type: "error" }>>;
    expect(event!.error.code).toBe("provider.rejected");
    expect(event!.error.retryable).toBe(false);
    expect(event!.error.message).not.toContain("wrong-key");
  });

  it("settings without a region or host, or with a non-WebSocket host, or without a key, are refused", () => {
    expect(() => createAzureLiveSpeechToText({ key: "k" })).toThrow(expect.objectContaining({ code: "validation.invalid_input", details: { setting: "region" } }));
    expect(() => createAzureLiveSpeechToText({ key: "k", host: "http://127.0.0.1:1" })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { setting: "host" } }),
    );
    expect(() => createAzureLiveSpeechToText({ host: "ws://127.0.0.1:1" })).toThrow(expect.objectContaining({ code: "validation.invalid_input", details: { setting: "key" } }));
    void expectConfideError;
  });
});
