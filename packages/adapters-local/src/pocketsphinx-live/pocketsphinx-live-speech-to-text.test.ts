import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LiveSpeechEvent } from "@confide/core";
import { describeLiveSpeechToTextContract, expectConfideError } from "@confide/contracts";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, describe, expect, it } from "vitest";
import { createPocketSphinxLiveSpeechToText } from "./pocketsphinx-live-speech-to-text.ts";

/** A 4-turn espeak-ng dialogue (therapist left, patient right), made once for the file. */
const directory = await mkdtemp(join(tmpdir(), "confide-pocketsphinx-live-test-"));
let dialogue: Promise<DialogueAudio> | null = null;
const theDialogue = () =>
  (dialogue ??= makeDialogueWav({
    directory,
    script: [
      { role: "therapist", text: "How have you been sleeping this week?" },
      { role: "patient", text: "I have been sleeping well and I am happy." },
      { role: "therapist", text: "What is on your mind today?" },
      { role: "patient", text: "I am worried about my job." },
    ],
  }));

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

// The machine these run on is shared: each utterance's decode may wait for a core.
const timeoutMs = 240_000;

describeLiveSpeechToTextContract({
  name: "pocketsphinx-live",
  create: async () => createPocketSphinxLiveSpeechToText(),
  capabilities: { partials: false, liveDiarization: false, perChannel: true },
  monoSpeech: async () => readLivePcm((await theDialogue()).monoPath, 1),
  stereoSpeech: async () => readLivePcm((await theDialogue()).stereoPath, 2),
  createFailing: async () => createPocketSphinxLiveSpeechToText({ pocketsphinxPath: join(directory, "no-pocketsphinx") }),
  failureCode: "speech.engine_unavailable",
  timeoutMs,
});

describe("pocketsphinx-live", () => {
  it(
    "recognises the words of each speaker's turns from their channel",
    async () => {
      const audio = await theDialogue();
      const engine = createPocketSphinxLiveSpeechToText();
      const recognition = await engine.open({
        language: "en-US",
        format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 2 },
        channelLayout: "per-channel",
        maxSpeakers: 2,
      });
      const events: LiveSpeechEvent[] = [];
      const reading = (async () => {
        for await (const event of recognition.events) events.push(event);
      })();
      await recognition.write(await readLivePcm(audio.stereoPath, 2));
      await recognition.end();
      await reading;
      const heard = (channel: number) =>
        events
          .flatMap((event) => (event.type === "final" && event.channel === channel ? event.text.split(" ") : []))
          .join(" ");
      // Recognition of synthetic voices is rough; the turns' key words come through.
      expect(heard(0)).toMatch(/sleeping|week|mind|today/);
      expect(heard(1)).toMatch(/sleeping|happy|worried|job/);
      // Finals sit where the turns were spoken, on the speaker's channel.
      for (const event of events) {
        if (event.type !== "final") continue;
        const line = audio.lines.find((candidate) => candidate.channel === event.channel && candidate.startMs < event.endMs && event.startMs < candidate.endMs);
        expect(line, `final "${event.text}" at ${event.startMs}-${event.endMs} on channel ${event.channel}`).toBeDefined();
      }
    },
    timeoutMs,
  );

  it("refuses a language the installed model does not speak, and a missing model", async () => {
    const settings = {
      format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
      channelLayout: "mono",
      maxSpeakers: 2,
    } as const;
    await expectConfideError(createPocketSphinxLiveSpeechToText().open({ ...settings, language: "de-DE" }), "provider.unsupported");
    await expectConfideError(
      createPocketSphinxLiveSpeechToText({ modelDirectory: join(directory, "no-model") }).open({ ...settings, language: "en-US" }),
      "speech.engine_unavailable",
    );
  });
});
