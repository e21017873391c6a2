/**
 * Speakers of a mono recording through a Whisper-compatible server: the server's own labels when
 * it gives them (OpenAI `diarized_json`, WhisperX-style `speaker` per segment), otherwise the
 * embedded diarizer on the audio with the words aligned to its turns (core's diarizedSpeechToText,
 * as the self-hosted profile composes it).
 */
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTranscriptionSettings, diarizedSpeechToText } from "@confide/core";
import type { SpeechResult, TranscriptionSettings } from "@confide/core/ports";
import { buildAudioSource } from "@confide/contracts";
import { startFakeWhisperServer, type FakeWhisperServer, type FakeWhisperTranscript } from "@confide/contracts/fakes";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedDiarizer } from "../embedded-diarizer/embedded-diarizer.ts";
import { createWhisperSpeechToText } from "./whisper-speech-to-text.ts";

let fake: FakeWhisperServer;
let directory: string;
let dialogue: DialogueAudio;
let wav: Uint8Array;

const mono: TranscriptionSettings = { ...defaultTranscriptionSettings, channelLayout: "mono", diarization: true, wordTimestamps: true };

const done = (result: SpeechResult) => {
  if (result.status !== "done") throw new Error(`expected done, got ${result.status}`);
  return result;
};

/** What a Whisper server would answer for the dialogue: a segment per line, its words spread over it; speakers if asked. */
function transcriptOf(lines: DialogueAudio["lines"], withSpeakers: boolean): FakeWhisperTranscript {
  return {
    language: "english",
    segments: lines.map((line) => {
      const words = line.text.split(/\s+/);
      const span = (line.endMs - line.startMs) / 1000 / words.length;
      return {
        start: line.startMs / 1000,
        end: line.endMs / 1000,
        text: ` ${line.text}`,
        words: words.map((word, index) => ({
          word: ` ${word}`,
          start: line.startMs / 1000 + index * span,
          end: line.startMs / 1000 + (index + 1) * span,
          probability: 0.9,
        })),
        ...(withSpeakers ? { speaker: line.role === "therapist" ? "A" : "B" } : {}),
      };
    }),
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-whisper-speakers-"));
  dialogue = await makeDialogueWav({ directory, voices: { therapist: "en-us+m3", patient: "en-us+f3" }, pauseMs: 600 });
  wav = new Uint8Array(await readFile(dialogue.monoPath));
  fake = await startFakeWhisperServer();
}, 60_000);

beforeEach(() => {
  fake.received.length = 0;
});

afterAll(async () => {
  await fake?.close();
  await rm(directory, { recursive: true, force: true });
});

describe("whisper: speakers of a mono recording", () => {
  it("keeps the speakers a server labels every segment with, and asks the diarizer nothing", async () => {
    fake.reply = { kind: "ok", transcript: transcriptOf(dialogue.lines, true) };
    const speech = diarizedSpeechToText(createWhisperSpeechToText({ baseUrl: fake.url, model: "whisper-1" }), createEmbeddedDiarizer());

    const { transcript, warnings } = done(await speech.submit(buildAudioSource(wav, { contentType: "audio/wav", channels: 1 }), mono));

    expect(transcript.speakers).toEqual([{ label: "A" }, { label: "B" }]);
    expect(transcript.segments.map((segment) => segment.speaker)).toEqual(dialogue.lines.map((line) => (line.role === "therapist" ? "A" : "B")));
    expect(transcript.speakerDetection).toEqual({ method: "provider", confidence: null });
    expect(warnings.filter((warning) => warning.feature === "diarization")).toEqual([]);
  });

  it("asks for diarized_json (chunking auto, no timestamp granularities) when configured, and reads its speakers", async () => {
    fake.reply = { kind: "ok", transcript: transcriptOf(dialogue.lines, true) };
    const speech = createWhisperSpeechToText({ baseUrl: fake.url, model: "gpt-4o-transcribe-diarize", responseFormat: "diarized_json" });

    const { transcript } = done(await speech.submit(buildAudioSource(wav, { contentType: "audio/wav", channels: 1 }), mono));

    const fields = fake.received.at(-1)!.fields;
    expect(fields.response_format).toEqual(["diarized_json"]);
    expect(fields.chunking_strategy).toEqual(["auto"]);
    expect(fields["timestamp_granularities[]"]).toBeUndefined();
    expect(transcript.speakers.map((speaker) => speaker.label)).toEqual(["A", "B"]);
    expect(transcript.speakerDetection?.method).toBe("provider");
  });

  it("gives an unlabelled answer the embedded diarizer's speakers, segment by segment as the voices changed", async () => {
    fake.reply = { kind: "ok", transcript: transcriptOf(dialogue.lines, false) };
    const speech = diarizedSpeechToText(createWhisperSpeechToText({ baseUrl: fake.url, model: "whisper-1" }), createEmbeddedDiarizer());

    const { transcript, warnings } = done(await speech.submit(buildAudioSource(wav, { contentType: "audio/wav", channels: 1 }), mono));

    expect(transcript.speakerDetection).toMatchObject({ method: "diarizer", diarizer: "embedded" });
    expect(transcript.speakers).toHaveLength(2);
    const therapist = transcript.segments[0]!.speaker;
    for (const [index, segment] of transcript.segments.entries()) {
      const line = dialogue.lines[index]!;
      expect(segment.speaker, `"${line.text}"`).toBe(line.role === "therapist" ? therapist : transcript.speakers.find((s) => s.label !== therapist)!.label);
      expect(segment.speakerConfidence).toBeGreaterThan(0.5);
    }
    expect(warnings.filter((warning) => warning.type === "unsupported" && warning.feature === "diarization")).toEqual([]);
  });

  it("keeps one speaker, as today, when diarization is off", async () => {
    fake.reply = { kind: "ok", transcript: transcriptOf(dialogue.lines, true) };
    const speech = diarizedSpeechToText(createWhisperSpeechToText({ baseUrl: fake.url, model: "whisper-1" }), createEmbeddedDiarizer());
    const { transcript } = done(await speech.submit(buildAudioSource(wav, { contentType: "audio/wav", channels: 1 }), { ...mono, diarization: false }));
    expect(transcript.speakers).toEqual([{ label: "S1" }]);
  });
});
