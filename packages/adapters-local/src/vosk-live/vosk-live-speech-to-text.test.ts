import { ConfideError, type LiveSpeechEvent } from "@confide/core/ports";
import { describeLiveSpeechToTextContract } from "@confide/contracts";
import { startVoskServer, type VoskServer } from "@confide/contracts/fakes";
import { monoLiveSettings, readLiveEvents, recogniseLive, toneDialogueMonoPcm, toneDialogueStereoPcm, toneDialogueTurns } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVoskLiveSpeechToText } from "./vosk-live-speech-to-text.ts";

let server: VoskServer;
let dropping: VoskServer;

beforeAll(async () => {
  server = await startVoskServer({ phrases: ["how have you been sleeping", "not well at all", "tell me more"] });
});

afterAll(async () => {
  await Promise.all([server.close(), dropping?.close()]);
});

describeLiveSpeechToTextContract({
  name: "vosk-live",
  create: async () => createVoskLiveSpeechToText({ url: server.url }),
  capabilities: { partials: true, liveDiarization: false, perChannel: true },
  monoSpeech: async () => toneDialogueMonoPcm(),
  stereoSpeech: async () => toneDialogueStereoPcm(),
  createFailing: async () => {
    await dropping?.close();
    dropping = await startVoskServer({ fault: "drop", dropAfterBytes: 48_000 });
    return createVoskLiveSpeechToText({ url: dropping.url });
  },
  failureCode: "provider.unavailable",
});

type Final = Extract<LiveSpeechEvent, { type: "final" }>;

describe("vosk-live against the Vosk WebSocket protocol", () => {
  it("configures each stream for 16 kHz with word times, and ends it with the exact eof text the server compares with", async () => {
    const before = server.connections.length;
    await recogniseLive(createVoskLiveSpeechToText({ url: server.url }), toneDialogueMonoPcm());
    const [connection] = server.connections.slice(before);
    expect(connection?.config).toEqual({ sample_rate: 16_000, words: true, max_alternatives: 0 });
    expect(connection?.audioBytes).toBe(toneDialogueMonoPcm().byteLength);
    expect(connection?.eof).toBe(true);
  });

  it("sends partials as an utterance is spoken, then its final with the words' times, while the audio is still streaming", async () => {
    const engine = createVoskLiveSpeechToText({ url: server.url });
    const recognition = await engine.open(monoLiveSettings);
    const { events, done } = readLiveEvents(recognition);
    const audio = toneDialogueMonoPcm();
    // The first turn (0.5–2.0 s) and the 500 ms of quiet that end it: its final comes before end().
    for (let offset = 0; offset < 2_700 * 32; offset += 3_200) await recognition.write(audio.subarray(offset, offset + 3_200));
    await expect.poll(() => events.some((event) => event.type === "final")).toBe(true);
    const firstFinal = events.findIndex((event) => event.type === "final");
    const partials = events.slice(0, firstFinal).filter((event) => event.type === "partial");
    expect(partials.map((event) => event.type === "partial" && event.text)).toEqual(["how", "how have", "how have you"]);
    const final = events[firstFinal] as Final;
    expect(final).toMatchObject({ text: "how have you been sleeping", speaker: null, startMs: toneDialogueTurns[0]![0] });
    expect(final.endMs).toBeGreaterThanOrEqual(toneDialogueTurns[0]![1] - 20);
    expect(final.endMs).toBeLessThanOrEqual(toneDialogueTurns[0]![1] + 20);
    expect(final.words.map((word) => word.text)).toEqual(["how", "have", "you", "been", "sleeping"]);
    expect(final.confidence).toBeCloseTo(0.9);

    for (let offset = 2_700 * 32; offset < audio.byteLength; offset += 3_200) await recognition.write(audio.subarray(offset, offset + 3_200));
    await recognition.end();
    await done;
    expect(events.filter((event) => event.type === "final").map((event) => (event as Final).text)).toEqual([
      "how have you been sleeping",
      "not well at all",
      "tell me more",
    ]);
  });

  it("per-channel stereo opens one stream per channel and labels finals by channel", async () => {
    const before = server.connections.length;
    const events = await recogniseLive(createVoskLiveSpeechToText({ url: server.url }), toneDialogueStereoPcm(), {
      ...monoLiveSettings,
      format: { ...monoLiveSettings.format, channels: 2 },
      channelLayout: "per-channel",
    });
    expect(server.connections.length - before).toBe(2);
    const finals = events.filter((event): event is Final => event.type === "final");
    expect(finals.map((final) => [final.speaker, final.startMs])).toEqual(
      expect.arrayContaining([
        ["ch0", toneDialogueTurns[0]![0]],
        ["ch1", toneDialogueTurns[1]![0]],
        ["ch0", toneDialogueTurns[2]![0]],
      ]),
    );
  });

  it("the server closing mid-stream is one retryable provider.unavailable error, after the finals already heard", async () => {
    const closing = await startVoskServer({ fault: "drop", dropAfterBytes: 3_000 * 32 });
    try {
      const events = await recogniseLive(createVoskLiveSpeechToText({ url: closing.url }), toneDialogueMonoPcm());
      expect(events.filter((event) => event.type === "final")).toHaveLength(1);
      const last = events.at(-1);
      expect(last?.type).toBe("error");
      const error = (last as Extract<LiveSpeechEvent, { type: "error" }>).error;
      expect(ConfideError.is(error, "provider.unavailable")).toBe(true);
      expect(error.retryable).toBe(true);
    } finally {
      await closing.close();
    }
  });

  it("a server that cannot be reached is provider.unavailable at open and in the readiness check", async () => {
    const gone = await startVoskServer();
    const url = gone.url;
    await gone.close();
    const engine = createVoskLiveSpeechToText({ url, connectTimeoutMs: 2_000 });
    await expect(engine.open(monoLiveSettings)).rejects.toMatchObject({ code: "provider.unavailable", retryable: true });
    await expect(engine.check()).rejects.toMatchObject({ code: "provider.unavailable" });
    await expect(createVoskLiveSpeechToText({ url: server.url }).check()).resolves.toBeUndefined();
  });
});
