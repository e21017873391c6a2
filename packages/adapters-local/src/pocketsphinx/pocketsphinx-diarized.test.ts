/**
 * PocketSphinx with the embedded diarizer, as the embedded profile composes them
 * (core's diarizedSpeechToText): the speech contract on a mono dialogue of two voices, declared
 * to separate speakers, with the segments checked against who spoke each line.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { defaultTranscriptionSettings, diarizedSpeechToText } from "@confide/core";
import type { AudioSource } from "@confide/core/ports";
import { describeSpeechToTextContract } from "@confide/contracts";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll } from "vitest";
import { createEmbeddedDiarizer } from "../embedded-diarizer/embedded-diarizer.ts";
import { createPocketSphinxSpeechToText } from "./pocketsphinx-speech-to-text.ts";

let directory: string;
let dialogue: DialogueAudio;
const lines: DialogueAudio["lines"] = [];

function fileAudio(path: string): AudioSource {
  return {
    key: path,
    contentType: "audio/wav",
    sizeBytes: 0,
    channels: null,
    async open() {
      return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
    },
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-pocketsphinx-diarized-"));
  // Two distinct voices (the contract's default Klatt pair is near-identical: embedded-diarizer/README.md).
  dialogue = await makeDialogueWav({
    directory,
    name: "diarized",
    script: therapyDialogue.slice(0, 2),
    voices: { therapist: "en-us+m3", patient: "en-us+f3" },
  });
  lines.push(...dialogue.lines);
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describeSpeechToTextContract({
  name: "pocketsphinx + embedded diarizer",
  create: async () => diarizedSpeechToText(createPocketSphinxSpeechToText(), createEmbeddedDiarizer()),
  audio: async () => fileAudio(dialogue.monoPath),
  audioLines: lines,
  perChannelAudio: async () => fileAudio(dialogue.stereoPath),
  settings: { ...defaultTranscriptionSettings, channelLayout: "mono" },
  capabilities: {
    pendingJobs: false,
    monoDiarization: true,
    perChannel: true,
    wordTimings: true,
    throttling: null,
  },
});
