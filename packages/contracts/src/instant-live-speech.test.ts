/**
 * The LiveSpeechToText contract against the instant fake engine of @confide/core/testing (the
 * reference the live adapters are compared with), on synthetic "speech": tone bursts with
 * pauses, the cue its voice-activity detector cuts at. Plus what the fake itself promises.
 */
import { ConfideError } from "@confide/core/ports";
import { createInstantLiveSpeechToText } from "@confide/core/adapter-kit";
import { describe, expect, it } from "vitest";
import { describeLiveSpeechToTextContract } from "./live-speech-to-text.contract.ts";
import { monoLiveSettings, readLiveEvents, toneDialogueMonoPcm, toneDialogueStereoPcm } from "./support/live-recognition.ts";

describeLiveSpeechToTextContract({
  name: "instant fake",
  create: async () => createInstantLiveSpeechToText({ script: ["hello how are you", "not sleeping well", "see you"] }),
  capabilities: { partials: false, liveDiarization: false, perChannel: true },
  monoSpeech: async () => toneDialogueMonoPcm(),
  stereoSpeech: async () => toneDialogueStereoPcm(),
  createFailing: async () =>
    createInstantLiveSpeechToText({
      failAt: { utterance: 0, error: new ConfideError("provider.unavailable", "scripted outage", { retryable: true }) },
    }),
  failureCode: "provider.unavailable",
});

describe("instant fake live engine", () => {
  it("answers each utterance with its scripted text as soon as the pause ends it, before the audio is over", async () => {
    const engine = createInstantLiveSpeechToText({ script: ["first", "second"], cutter: { pauseMs: 500 } });
    const recognition = await engine.open(monoLiveSettings);
    const { events: seen, done: reading } = readLiveEvents(recognition);
    const audio = toneDialogueMonoPcm();
    // Up to 600 ms after the first turn ends (2 000 ms): its 500 ms pause has passed.
    await recognition.write(audio.subarray(0, 2_600 * 32));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.map((event) => (event.type === "final" ? event.text : event.type))).toEqual(["first"]);
    await recognition.write(audio.subarray(2_600 * 32));
    await recognition.end();
    await reading;
    expect(seen.map((event) => (event.type === "final" ? [event.text, event.startMs, event.endMs] : event.type))).toEqual([
      ["first", 300, 2_200],
      ["second", 2_800, 4_400],
      ["second", 5_000, 6_700],
    ]);
  });
});
