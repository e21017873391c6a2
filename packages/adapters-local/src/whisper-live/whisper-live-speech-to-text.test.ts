import { describeLiveSpeechToTextContract } from "@confide/contracts";
import { startFakeWhisperServer, type FakeWhisperReply, type FakeWhisperServer, type ReceivedRequest } from "@confide/contracts/fakes";
import { monoLiveSettings, readLiveEvents, toneDialogueMonoPcm, toneDialogueStereoPcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWhisperLiveSpeechToText } from "./whisper-live-speech-to-text.ts";

let server: FakeWhisperServer;
let failing: FakeWhisperServer;

/** A transcript that fits the utterance received: "utterance <n>" over its whole length. */
function fittingReply(request: ReceivedRequest, index: number): FakeWhisperReply {
  const seconds = ((request.file?.sizeBytes ?? 44) - 44) / 32_000;
  const half = seconds / 2;
  return {
    kind: "ok",
    transcript: {
      language: "en",
      segments: [
        {
          start: 0,
          end: seconds,
          text: ` Utterance ${index + 1}.`,
          words: [
            { word: " Utterance", start: 0.05, end: half, probability: 0.9 },
            { word: ` ${index + 1}.`, start: half, end: seconds, probability: 0.8 },
          ],
        },
      ],
    },
  };
}

beforeAll(async () => {
  server = await startFakeWhisperServer({ reply: fittingReply });
  failing = await startFakeWhisperServer({ reply: { kind: "server-error", status: 503 } });
});

afterAll(async () => {
  await Promise.all([server.close(), failing.close()]);
});

describeLiveSpeechToTextContract({
  name: "whisper-live",
  create: async () => createWhisperLiveSpeechToText({ baseUrl: server.url, model: "whisper-1" }),
  capabilities: { partials: false, liveDiarization: false, perChannel: true },
  monoSpeech: async () => toneDialogueMonoPcm(),
  stereoSpeech: async () => toneDialogueStereoPcm(),
  createFailing: async () => createWhisperLiveSpeechToText({ baseUrl: failing.url, model: "whisper-1" }),
  failureCode: "provider.unavailable",
});

describe("whisper-live", () => {
  it("sends each utterance as it ends as a 16 kHz mono WAV with the model, language and word timestamps, and reads its words", async () => {
    const before = server.received.length;
    const engine = createWhisperLiveSpeechToText({ baseUrl: server.url, model: "whisper-1", pauseMs: 500 });
    const recognition = await engine.open(monoLiveSettings);
    const { events, done: reading } = readLiveEvents(recognition);
    const audio = toneDialogueMonoPcm();
    // Up to 600 ms after the first turn: only it has ended.
    await recognition.write(audio.subarray(0, 2_600 * 32));
    await expect.poll(() => events.length, { timeout: 10_000 }).toBe(1);
    await recognition.write(audio.subarray(2_600 * 32));
    await recognition.end();
    await reading;

    const sent = server.received.slice(before);
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.path).toBe("/v1/audio/transcriptions");
      expect(request.fields.model).toEqual(["whisper-1"]);
      expect(request.fields.language).toEqual(["en"]);
      expect(request.fields["timestamp_granularities[]"]).toContain("word");
      expect(request.file?.contentType).toBe("audio/wav");
      const head = request.file!.head;
      expect(head.subarray(0, 4).toString("latin1")).toBe("RIFF");
      expect(head.readUInt16LE(22)).toBe(1);
      expect(head.readUInt32LE(24)).toBe(16_000);
    }
    const first = events[0]!;
    // The server's numbering counts every request it had (the contract's too).
    const number = before + 1;
    expect(first).toMatchObject({ type: "final", text: `Utterance ${number}.`, speaker: null, startMs: 300, endMs: 2_200 });
    if (first.type === "final") {
      expect(first.words.map((word) => [word.text, word.startMs])).toEqual([
        ["Utterance", 350],
        [`${number}.`, 1_250],
      ]);
    }
  });
});
