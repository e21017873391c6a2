import { defaultTranscriptionSettings } from "@confide/core";
import { type AudioSource, type BlobStore, ConfideError, type SpeechToText, type TranscriptionSettings } from "@confide/core/ports";
import { byteStream, pcmWav } from "@confide/core/testing";
import { describeSpeechToTextContract } from "@confide/contracts";
import {
  defaultSpeechTranscript,
  startFakeSpeechBatchServer,
  type FakeSpeechBatchServer,
  type FakeSpeechTranscript,
  type SubmittedTranscription,
} from "@confide/contracts/fakes";
import { startAzurite, type AzuriteBlob } from "@confide/contracts/support";
import { BlobServiceClient } from "@azure/storage-blob";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAzureBlobStore } from "../azure-blob/azure-blob-store.ts";
import type { AzureSpeechSettings } from "./settings.ts";
import { createAzureSpeechToText } from "./azure-speech-to-text.ts";

const stereoTranscript: FakeSpeechTranscript = {
  phrases: [
    { channel: 0, offsetMs: 0, durationMs: 1520, text: "How have you been sleeping?" },
    { channel: 1, offsetMs: 1900, durationMs: 1350, text: "Better this week, thanks." },
  ],
};

/** Succeeds after one Running read; a job reading both channels gets one speaker per channel. */
function succeedingPlan(submitted: SubmittedTranscription) {
  const perChannel = submitted.properties.channels?.includes(1) ?? true;
  return { outcome: { kind: "succeeded" as const, transcript: perChannel ? stereoTranscript : defaultSpeechTranscript } };
}

let fake: FakeSpeechBatchServer;
let azurite: AzuriteBlob;
/** The recordings' own container (the azure-blob store): its sources offer `readUrl`. */
let recordings: BlobStore;
let stored = 0;

beforeAll(async () => {
  [fake, azurite] = await Promise.all([startFakeSpeechBatchServer(), startAzurite()]);
  recordings = await createAzureBlobStore({ connectionString: azurite.connectionString, containerName: "recordings", clientOptions: { retryOptions: { maxTries: 1 } } });
});

afterAll(async () => {
  await fake?.close();
  await azurite?.stop();
});

beforeEach(() => {
  fake.plan = succeedingPlan;
  fake.fault = () => undefined;
  fake.filesPageSize = 100;
  fake.echoDiarization = true;
  fake.byos = false;
});

function settingsFor(overrides: Partial<AzureSpeechSettings> = {}): AzureSpeechSettings {
  return {
    endpoint: fake.url,
    key: fake.key,
    stagingConnectionString: azurite.connectionString,
    stagingContainerName: "speech-staging",
    stagingClientOptions: { retryOptions: { maxTries: 1 } },
    minPollIntervalMs: 0,
    requestTimeoutMs: 5_000,
    ...overrides,
  };
}

/** A recording in the recordings container, offered by a signed read URL (as core offers it). */
async function storedRecording(channels: number, options: { withReadUrl?: boolean; missing?: boolean } = {}): Promise<AudioSource> {
  const bytes = pcmWav({ channels, dataBytes: 16_000 * channels });
  const key = `sessions/s${(stored += 1)}/audio.wav`;
  if (!options.missing) await recordings.put(key, byteStream(bytes), { contentType: "audio/wav" });
  const source: AudioSource = {
    key,
    contentType: "audio/wav",
    sizeBytes: bytes.length,
    channels,
    // As core offers a WAV: its length from the header (16 kHz, 16-bit).
    durationMs: Math.round(((bytes.length - 44) / (32 * channels))),
    async open(signal) {
      return (await recordings.get(key, signal === undefined ? {} : { signal })).body;
    },
  };
  if (options.withReadUrl !== false) {
    source.readUrl = async ({ expiresInSeconds }) => recordings.signedUrl!(key, { expiresInSeconds, access: "read" });
  }
  return source;
}

async function stagedBlobs(): Promise<string[]> {
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient("speech-staging");
  if (!(await container.exists())) return [];
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat()) names.push(blob.name);
  return names;
}

async function outcomeOf<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Submits and polls (no waiting: the fake moves a job on per read) until done or `maxPolls`. */
async function transcribe(speech: SpeechToText, audio: AudioSource, settings: TranscriptionSettings = defaultTranscriptionSettings, maxPolls = 10) {
  let result = await speech.submit(audio, settings);
  for (let polls = 0; result.status === "pending"; polls += 1) {
    if (polls === maxPolls) throw new Error("still pending");
    result = await speech.poll(result.ref, settings);
  }
  return result;
}

describeSpeechToTextContract({
  name: "azure-speech (fake batch server 2024-11-15, Azurite)",
  create: async () => {
    fake.plan = succeedingPlan;
    fake.fault = () => undefined;
    return createAzureSpeechToText(settingsFor());
  },
  audio: () => storedRecording(1),
  perChannelAudio: () => storedRecording(2),
  // The recording is not where its URL says: the service fails the job ("Authentication failed for recordings URI.").
  rejectedAudio: () => storedRecording(1, { missing: true }),
  expectedWords: ["sleeping", "better"],
  capabilities: {
    pendingJobs: true,
    monoDiarization: true,
    perChannel: true,
    wordTimings: true,
    throttling: {
      provoke: () => {
        let answered = false;
        fake.fault = () => (answered ? undefined : ((answered = true), { kind: "throttled", retryAfterSeconds: 3 }));
      },
      retryAfterMs: 3_000,
    },
  },
});

describe("azure-speech: the submission", () => {
  const submittedBodies = () => fake.received.filter((request) => request.operation === "submit").map((request) => request.body as Record<string, any>);

  it("asks for diarization with maxSpeakers and channel 0 for a mono recording, verbatim, punctuated, with word timestamps", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = submittedBodies().length;
    await speech.submit(await storedRecording(1), { ...defaultTranscriptionSettings, maxSpeakers: 3 });

    const body = submittedBodies().slice(before)[0]!;
    expect(body.locale).toBe("en-US");
    expect(body.contentUrls).toHaveLength(1);
    expect(body.properties).toEqual({
      timeToLiveHours: 24,
      wordLevelTimestampsEnabled: true,
      displayFormWordLevelTimestampsEnabled: true,
      punctuationMode: "Automatic",
      profanityFilterMode: "None",
      channels: [0],
      diarization: { enabled: true, maxSpeakers: 3 },
    });
  });

  it("asks for both channels and no diarization for one speaker per channel; maps profanity, punctuation and candidate languages", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = submittedBodies().length;
    await speech.submit(await storedRecording(2), {
      ...defaultTranscriptionSettings,
      channelLayout: "per-channel",
      profanity: "masked",
      punctuation: "none",
      wordTimestamps: false,
      candidateLanguages: ["en-US", "es-ES"],
    });

    const body = submittedBodies().slice(before)[0]!;
    expect(body.properties).toEqual({
      timeToLiveHours: 24,
      wordLevelTimestampsEnabled: false,
      displayFormWordLevelTimestampsEnabled: false,
      punctuationMode: "None",
      profanityFilterMode: "Masked",
      channels: [0, 1],
      languageIdentification: { candidateLocales: ["en-US", "es-ES"], mode: "Continuous" },
    });
  });

  it("keeps within Azure's limits (35 speakers, 10 candidate languages) and warns that it did", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const candidates = ["en-US", "es-ES", "fr-FR", "de-DE", "it-IT", "pt-PT", "nl-NL", "pl-PL", "sv-SE", "da-DK", "fi-FI", "nb-NO"];
    const before = submittedBodies().length;
    const result = await transcribe(speech, await storedRecording(1), { ...defaultTranscriptionSettings, maxSpeakers: 40, candidateLanguages: candidates });

    const body = submittedBodies().slice(before)[0]!;
    expect(body.properties.diarization).toEqual({ enabled: true, maxSpeakers: 35 });
    expect(body.properties.languageIdentification.candidateLocales).toEqual(candidates.slice(0, 10));
    expect(result.status === "done" && result.warnings.map((warning) => [warning.type, warning.feature])).toEqual([
      ["other", "maxSpeakers"],
      ["other", "candidateLanguages"],
    ]);
  });

  it("refuses a per-channel recording of more than two channels before reading or staging it", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const audio = { ...(await storedRecording(2)), channels: 4 };
    const { error } = await outcomeOf(speech.submit(audio, { ...defaultTranscriptionSettings, channelLayout: "per-channel" }));
    expect(ConfideError.is(error, "provider.unsupported")).toBe(true);
    expect((error as ConfideError).retryable).toBe(false);
  });
});

describe("azure-speech: stereo recordings that are not WAV", () => {
  const encoded = new Map<string, Uint8Array>();

  beforeAll(async () => {
    const directory = await mkdtemp(join(tmpdir(), "confide-azure-stereo-"));
    const outputs = [
      { name: "stereo.mp3", options: ["-ac", "2", "-c:a", "libmp3lame", "-f", "mp3"] },
      { name: "stereo.m4a", options: ["-ac", "2", "-c:a", "aac", "-f", "ipod"] },
      { name: "mono.m4a", options: ["-ac", "1", "-c:a", "aac", "-f", "ipod"] },
    ];
    await promisify(execFile)("ffmpeg", [
      "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1",
      ...outputs.flatMap(({ name, options }) => [...options, "-y", join(directory, name)]),
    ]);
    for (const { name } of outputs) encoded.set(name, new Uint8Array(await readFile(join(directory, name))));
    await rm(directory, { recursive: true, force: true });
  }, 30_000);

  /** The recording as core offers a non-WAV one: channels unknown (null), read by URL. */
  async function storedEncoded(name: string, contentType: string): Promise<AudioSource> {
    const bytes = encoded.get(name)!;
    const key = `sessions/s${(stored += 1)}/${name}`;
    await recordings.put(key, byteStream(bytes), { contentType });
    return {
      key,
      contentType,
      sizeBytes: bytes.length,
      channels: null,
      open: async (signal) => (await recordings.get(key, signal === undefined ? {} : { signal })).body,
      readUrl: async ({ expiresInSeconds }) => recordings.signedUrl!(key, { expiresInSeconds, access: "read" }),
    };
  }

  for (const [name, contentType] of [["stereo.mp3", "audio/mpeg"], ["stereo.m4a", "audio/mp4"]] as const) {
    it(`a ${name} with diarization asked for is submitted as two channels (Azure fails stereo diarization), one speaker per channel, with a warning`, async () => {
      const speech = await createAzureSpeechToText(settingsFor());
      const result = await transcribe(speech, await storedEncoded(name, contentType));

      if (result.status !== "done") throw new Error("not done");
      const submitted = fake.received.filter((request) => request.operation === "submit").at(-1)!.body as Record<string, any>;
      expect(submitted.properties.channels).toEqual([0, 1]);
      expect(submitted.properties.diarization).toBeUndefined();
      expect(result.transcript.speakers.map((speaker) => speaker.label)).toEqual(["ch0", "ch1"]);
      expect(result.warnings).toContainEqual(expect.objectContaining({ feature: "diarization", type: "unsupported" }));
    });
  }

  it("a mono M4A is diarized on its one channel", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const result = await transcribe(speech, await storedEncoded("mono.m4a", "audio/mp4"));

    if (result.status !== "done") throw new Error("not done");
    const submitted = fake.received.filter((request) => request.operation === "submit").at(-1)!.body as Record<string, any>;
    expect(submitted.properties).toMatchObject({ channels: [0], diarization: { enabled: true } });
    expect(result.transcript.speakers.map((speaker) => speaker.label)).toEqual(["S1", "S2"]);
  });
});

describe("azure-speech: batch limits, 1 GB per file and 240 minutes with diarization", () => {
  /** A WAV whose header says it plays `minutes` (its data is one second): the length core and the service read. */
  function wavClaiming(minutes: number, channels: number): Uint8Array {
    const bytes = pcmWav({ channels, dataBytes: 32_000 * channels });
    new DataView(bytes.buffer).setUint32(40, minutes * 60 * 32_000 * channels, true);
    new DataView(bytes.buffer).setUint32(4, 36 + minutes * 60 * 32_000 * channels, true);
    return bytes;
  }

  async function storedBytes(bytes: Uint8Array, channels: number | null): Promise<AudioSource> {
    const key = `sessions/s${(stored += 1)}/long.wav`;
    await recordings.put(key, byteStream(bytes), { contentType: "audio/wav" });
    return {
      key,
      contentType: "audio/wav",
      sizeBytes: bytes.length,
      channels,
      open: async (signal) => (await recordings.get(key, signal === undefined ? {} : { signal })).body,
      readUrl: async ({ expiresInSeconds }) => recordings.signedUrl!(key, { expiresInSeconds, access: "read" }),
    };
  }

  const submits = () => fake.received.filter((request) => request.operation === "submit").length;

  it("refuses a recording over 1 GB at submission, non-retryable, before staging or submitting anything", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = { submits: submits(), staged: await stagedBlobs() };
    const huge: AudioSource = {
      key: "sessions/huge/audio.wav",
      contentType: "audio/wav",
      sizeBytes: 1_200_000_000,
      channels: 1,
      durationMs: 60 * 60_000,
      open: async () => {
        throw new Error("a recording Azure cannot take is not read");
      },
    };

    const { error } = await outcomeOf(speech.submit(huge, defaultTranscriptionSettings));

    expect(ConfideError.is(error, "provider.unsupported")).toBe(true);
    expect(error).toMatchObject({ retryable: false, details: { reason: "recording_too_large" } });
    expect((error as Error).message).toBe("The recording is 1.2 GB; the speech service transcribes files of at most 1 GB. Record in a compressed format (MP3, M4A) or in shorter parts.");
    expect({ submits: submits(), staged: await stagedBlobs() }).toEqual(before);
  });

  it("refuses a mono recording of more than 240 minutes when speakers are to be separated, reading the length from its header", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = submits();

    // Channels unknown to core (as for any container it does not read): the header tells both.
    const { error } = await outcomeOf(speech.submit(await storedBytes(wavClaiming(241, 1), null), defaultTranscriptionSettings));

    expect(error).toMatchObject({ code: "provider.unsupported", retryable: false, details: { reason: "recording_too_long_to_diarize", durationMs: 241 * 60_000 } });
    expect((error as Error).message).toBe(
      "The recording lasts 241 minutes; the speech service separates speakers in recordings of at most 240 minutes. Split it into shorter parts, or transcribe it without separating speakers.",
    );
    expect(submits()).toBe(before);
  });

  it("takes a 241-minute recording without diarization (speakers on their own channels), and a 239-minute one with it", async () => {
    const speech = await createAzureSpeechToText(settingsFor());

    const perChannel = await speech.submit(await storedBytes(wavClaiming(241, 2), 2), { ...defaultTranscriptionSettings, channelLayout: "per-channel" });
    const diarized = await speech.submit(await storedBytes(wavClaiming(239, 1), 1), defaultTranscriptionSettings);

    expect([perChannel.status, diarized.status]).toEqual(["pending", "pending"]);
    for (const result of [perChannel, diarized]) if (result.status === "pending") await speech.poll(result.ref, defaultTranscriptionSettings);
  });
});

describe("azure-speech: reading the result", () => {
  it("maps a mono diarized result: speakers S1/S2 without channels, ticks to ms, words as the text writes them (display form) with times and confidence", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const result = await transcribe(speech, await storedRecording(1));

    expect(result.status).toBe("done");
    if (result.status !== "done") return;
    expect(result.warnings).toEqual([]);
    expect(result.transcript.speakers).toEqual([{ label: "S1" }, { label: "S2" }]);
    expect(result.transcript.durationMs).toBe(3250);
    expect(result.transcript.language).toBe("en-US");
    expect(result.transcript.provider).toBe("azure-speech");
    const [first, second] = result.transcript.segments;
    expect(first).toMatchObject({ speaker: "S1", startMs: 0, endMs: 1520, text: "How have you been sleeping?", confidence: 0.92 });
    expect(second).toMatchObject({ speaker: "S2", startMs: 1900, endMs: 3250, text: "Better this week, thanks." });
    // The display-form words: they spell what the segment says.
    expect(first!.words).toEqual([
      { text: "How", startMs: 0, endMs: 304, confidence: 0.9 },
      { text: "have", startMs: 304, endMs: 608, confidence: 0.9 },
      { text: "you", startMs: 608, endMs: 912, confidence: 0.9 },
      { text: "been", startMs: 912, endMs: 1216, confidence: 0.9 },
      { text: "sleeping?", startMs: 1216, endMs: 1520, confidence: 0.9 },
    ]);
    for (const segment of result.transcript.segments) expect(segment.words?.map((word) => word.text).join(" ")).toBe(segment.text);
  });

  it("takes the result as diarized when its phrases carry speakers, even when the job's properties do not echo diarization", async () => {
    fake.echoDiarization = false;
    try {
      const speech = await createAzureSpeechToText(settingsFor());
      const result = await transcribe(speech, await storedRecording(1));

      if (result.status !== "done") throw new Error("not done");
      expect(result.transcript.speakers).toEqual([{ label: "S1" }, { label: "S2" }]);
      expect(result.transcript.segments.map((segment) => segment.speaker)).toEqual(["S1", "S2"]);
      expect(result.warnings).toEqual([]);
    } finally {
      fake.echoDiarization = true;
    }
  });

  it("names the main locale among the candidate languages (2–10, 'including the main locale'), the session's language when it is one, else the first", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const bodies = () => fake.received.filter((request) => request.operation === "submit").map((request) => request.body as Record<string, any>);
    const before = bodies().length;

    await speech.submit(await storedRecording(1), { ...defaultTranscriptionSettings, language: "en-US", candidateLanguages: ["es-ES", "en-GB"] });
    const many = ["es-ES", "fr-FR", "de-DE", "it-IT", "pt-PT", "nl-NL", "pl-PL", "sv-SE", "da-DK", "fi-FI", "en-GB"];
    await speech.submit(await storedRecording(1), { ...defaultTranscriptionSettings, language: "en-GB", candidateLanguages: many });

    const [first, second] = bodies().slice(before);
    expect([first!.locale, first!.properties.languageIdentification.candidateLocales]).toEqual(["es-ES", ["es-ES", "en-GB"]]);
    expect(second!.locale).toBe("en-GB");
    expect(second!.properties.languageIdentification.candidateLocales).toEqual([...many.slice(0, 9), "en-GB"]);
  });

  it("maps a per-channel result: one speaker per channel (ch0, ch1) from the phrases' channel, no speaker numbers", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const perChannel = { ...defaultTranscriptionSettings, channelLayout: "per-channel" as const, wordTimestamps: false };
    const result = await transcribe(speech, await storedRecording(2), perChannel);

    if (result.status !== "done") throw new Error("not done");
    expect(result.transcript.speakers).toEqual([
      { label: "ch0", channel: 0 },
      { label: "ch1", channel: 1 },
    ]);
    expect(result.transcript.segments.map((segment) => [segment.speaker, segment.startMs, segment.words])).toEqual([
      ["ch0", 0, undefined],
      ["ch1", 1900, undefined],
    ]);
  });

  it("transcribes a two-channel recording said to be mono without diarization (Azure fails it), one speaker per channel, with a warning", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const result = await transcribe(speech, await storedRecording(2));

    if (result.status !== "done") throw new Error("not done");
    expect(result.transcript.speakers.map((speaker) => speaker.label)).toEqual(["ch0", "ch1"]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "diarization" }));
  });

  it("warns when a per-channel layout meets a one-channel recording, and when diarization found fewer speakers than the minimum", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.plan = { outcome: { kind: "succeeded", transcript: { phrases: [{ channel: 0, speaker: 1, offsetMs: 0, durationMs: 900, text: "Hello there." }] } } };
    const perChannel = await transcribe(speech, await storedRecording(1), { ...defaultTranscriptionSettings, channelLayout: "per-channel" });
    const mono = await transcribe(speech, await storedRecording(1), { ...defaultTranscriptionSettings, minSpeakers: 2 });

    expect(perChannel.status === "done" && perChannel.warnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "channelLayout" }));
    expect(mono.status === "done" && mono.warnings).toEqual([expect.objectContaining({ type: "other", feature: "minSpeakers" })]);
  });

  it("reads the language identified for most of the recording with candidate languages", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.plan = {
      outcome: {
        kind: "succeeded",
        transcript: {
          phrases: [
            { offsetMs: 0, durationMs: 500, text: "Hola.", locale: "es-ES" },
            { offsetMs: 600, durationMs: 3000, text: "I have been sleeping better.", locale: "en-GB" },
          ],
        },
      },
    };
    const result = await transcribe(speech, await storedRecording(1), { ...defaultTranscriptionSettings, candidateLanguages: ["es-ES", "en-GB"] });

    expect(result.status === "done" && result.transcript.language).toBe("en-GB");
  });

  it("follows @nextLink through the pages of the file list", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.filesPageSize = 1;
    // Page 1 holds the transcription file, page 2 the report: every page is read.
    const before = fake.received.length;
    const result = await transcribe(speech, await storedRecording(1));

    expect(result.status === "done" && result.transcript.segments).toHaveLength(2);
    const pages = fake.received.slice(before).filter((request) => request.operation === "list-files");
    expect(pages.map((request) => request.query.skip ?? "0")).toEqual(["0", "1"]);
  });

  it("answers pending quickly while the job runs, with a delay of at least the service's Retry-After", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.plan = { outcome: { kind: "running-forever" } };
    const submitted = await speech.submit(await storedRecording(1), defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");

    const started = performance.now();
    const polled = await speech.poll(submitted.ref, defaultTranscriptionSettings);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(polled).toEqual({ status: "pending", ref: submitted.ref, retryAfterMs: 1_000 });

    const paced = await createAzureSpeechToText(settingsFor({ minPollIntervalMs: 5_000 }));
    expect(await paced.poll(submitted.ref, defaultTranscriptionSettings)).toMatchObject({ retryAfterMs: 5_000 });
    await speech.discard(submitted.ref);
  });
});

describe("azure-speech: staging", () => {
  it("stages a recording that has no read URL, hands the service the staged copy, and deletes it once the job is done", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const audio = await storedRecording(1, { withReadUrl: false });
    const submitted = await speech.submit(audio, defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");
    const staged = submitted.ref.split("~")[1]!;
    expect(await stagedBlobs()).toContain(staged);

    let result = await speech.poll(submitted.ref, defaultTranscriptionSettings);
    while (result.status === "pending") result = await speech.poll(result.ref, defaultTranscriptionSettings);

    const job = fake.audioFetches.find((fetch) => new URL(fetch.url).pathname.endsWith(staged));
    expect(job?.status).toBe(200);
    expect(job?.wavChannels).toBe(1);
    expect(await stagedBlobs()).not.toContain(staged);
    await speech.discard(submitted.ref);
    await speech.discard(submitted.ref);
  });

  it("discarding a running job (DeleteNotAllowed): deletes the staged copy at once, marks the job, and a later sweep deletes it once it ends", async () => {
    const speech = await createAzureSpeechToText(settingsFor({ deferredDeletionSweepIntervalMs: 0 }));
    fake.plan = { outcome: { kind: "running-forever" } };
    const submitted = await speech.submit(await storedRecording(1, { withReadUrl: false }), defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");
    const [id, staged] = submitted.ref.split("~") as [string, string];
    expect((await speech.poll(submitted.ref, defaultTranscriptionSettings)).status).toBe("pending");

    // The service refuses to delete the Running job: the patient's recording goes all the same.
    expect(await speech.discard(submitted.ref)).toEqual({ status: "deferred", reason: "job_running" });
    expect(await stagedBlobs()).not.toContain(staged);
    expect(fake.deleted).not.toContain(id);
    expect(fake.jobs.get(id)?.description).toBe("confide: delete when finished");
    // The job is no one's any more: polling it is refused as for a deleted one.
    const polled = await outcomeOf(speech.poll(submitted.ref, defaultTranscriptionSettings));
    expect(ConfideError.is(polled.error, "provider.rejected")).toBe(true);
    // A sweep while it still runs leaves it; once it has ended, the next call's sweep deletes it
    // (a new adapter: the mark is at the service, not in this process).
    await speech.check();
    expect(fake.jobs.has(id)).toBe(true);
    fake.jobs.get(id)!.status = "Succeeded";
    const later = await createAzureSpeechToText(settingsFor({ deferredDeletionSweepIntervalMs: 0 }));
    await later.check();
    expect(fake.deleted).toContain(id);
    expect(fake.jobs.has(id)).toBe(false);
    expect(await later.discard(submitted.ref)).toEqual({ status: "discarded" });
  });

  it("deletes the staged copy even when the job's deletion fails, and fails the discard so it is tried again", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.plan = { outcome: { kind: "running-forever" } };
    const submitted = await speech.submit(await storedRecording(1, { withReadUrl: false }), defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");
    const staged = submitted.ref.split("~")[1]!;
    fake.fault = (request) => (request.operation === "delete" ? { kind: "server-error", status: 503 } : undefined);

    const { error } = await outcomeOf(speech.discard(submitted.ref));

    expect(ConfideError.is(error, "provider.unavailable")).toBe(true);
    expect((error as ConfideError).retryable).toBe(true);
    expect(await stagedBlobs()).not.toContain(staged);
  });

  it("refuses a recording without a read URL when no staging container is configured", async () => {
    const speech = await createAzureSpeechToText(settingsFor({ stagingConnectionString: undefined }));
    const { error } = await outcomeOf(speech.submit(await storedRecording(1, { withReadUrl: false }), defaultTranscriptionSettings));

    expect(ConfideError.is(error, "provider.unsupported")).toBe(true);
    expect((error as ConfideError).retryable).toBe(false);
  });

  it("deletes the staged copy when the submission is refused", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = await stagedBlobs();
    fake.fault = (request) => (request.operation === "submit" ? { kind: "server-error", status: 500 } : undefined);

    const { error } = await outcomeOf(speech.submit(await storedRecording(1, { withReadUrl: false }), defaultTranscriptionSettings));

    expect(ConfideError.is(error, "provider.unavailable")).toBe(true);
    expect(await stagedBlobs()).toEqual(before);
  });
});

describe("azure-speech: faults", () => {
  async function pendingJob(speech: SpeechToText): Promise<string> {
    fake.plan = { outcome: { kind: "running-forever" } };
    const submitted = await speech.submit(await storedRecording(1), defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");
    return submitted.ref;
  }

  it("answers 429 with Retry-After as a retryable provider.throttled with retryAfterMs", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const ref = await pendingJob(speech);
    fake.fault = () => ({ kind: "throttled", retryAfterSeconds: 7 });

    const { error } = await outcomeOf(speech.poll(ref, defaultTranscriptionSettings));

    expect(error).toMatchObject({ code: "provider.throttled", retryable: true, retryAfterMs: 7_000 });
  });

  it.each([500, 503])("answers %i as a retryable provider.unavailable", async (status) => {
    const speech = await createAzureSpeechToText(settingsFor());
    const ref = await pendingJob(speech);
    fake.fault = () => ({ kind: "server-error", status, ...(status === 503 ? { retryAfterSeconds: 2 } : {}) });

    const { error } = await outcomeOf(speech.poll(ref, defaultTranscriptionSettings));

    expect(error).toMatchObject({ code: "provider.unavailable", retryable: true, details: { status } });
    if (status === 503) expect((error as ConfideError).retryAfterMs).toBe(2_000);
  });

  it("ends a request that hangs past the request timeout with a retryable provider.timeout", async () => {
    const speech = await createAzureSpeechToText(settingsFor({ requestTimeoutMs: 300 }));
    const ref = await pendingJob(speech);
    fake.fault = () => ({ kind: "hang" });

    const started = performance.now();
    const { error } = await outcomeOf(speech.poll(ref, defaultTranscriptionSettings));

    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: "provider.timeout", retryable: true });
    expect((error as Error).message).toContain("300 ms");
  });

  it("ends a hanging request with the caller's abort reason when the caller gives up first", async () => {
    const speech = await createAzureSpeechToText(settingsFor({ requestTimeoutMs: 60_000 }));
    const ref = await pendingJob(speech);
    fake.fault = () => ({ kind: "hang" });
    const reason = new Error("shutting down");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 100);
    const aborted = await outcomeOf(speech.poll(ref, defaultTranscriptionSettings, { signal: controller.signal }));
    expect(aborted.error).toBe(reason);
  });

  it("answers a malformed (cut off) JSON body with a clear retryable provider.bad_response, not a crash", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const ref = await pendingJob(speech);
    fake.fault = () => ({ kind: "malformed" });

    const { error } = await outcomeOf(speech.poll(ref, defaultTranscriptionSettings));

    expect(error).toMatchObject({ code: "provider.bad_response", retryable: true });
    expect((error as Error).message).toContain("not JSON");
  });

  it("answers a wrong key (401) with a non-retryable provider.rejected that does not repeat the key", async () => {
    const wrongKey = "wrong-key-0123456789abcdef";
    const speech = await createAzureSpeechToText(settingsFor({ key: wrongKey }));

    const { error } = await outcomeOf(speech.poll("6b4f8c8e-1111-4222-8333-944444444444", defaultTranscriptionSettings));

    expect(error).toMatchObject({ code: "provider.rejected", retryable: false, details: { status: 401 } });
    expect(JSON.stringify({ message: (error as Error).message, details: (error as ConfideError).details })).not.toContain(wrongKey);
    await expect(speech.check()).rejects.toMatchObject({ code: "provider.rejected" });
  });

  it("reads the unsigned result URLs of a bring-your-own-storage resource with a Storage token, never the Speech key", async () => {
    const scopes: Array<string | string[]> = [];
    const storageCredential = {
      async getToken(scope: string | string[]) {
        scopes.push(scope);
        return { token: fake.storageBearerToken, expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    fake.byos = true;
    try {
      const speech = await createAzureSpeechToText(settingsFor({ storageCredential }));
      const started = Date.now();

      const result = await transcribe(speech, await storedRecording(1));

      if (result.status !== "done") throw new Error("not done");
      expect(result.transcript.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping?", "Better this week, thanks."]);
      expect(scopes).toEqual(["https://storage.azure.com/.default"]);
      const reads = fake.received.filter((request) => request.receivedAt >= started && request.operation === "file-content");
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) {
        expect(read.query.sig).toBeUndefined();
        expect(read.headers.authorization).toBe(`Bearer ${fake.storageBearerToken}`);
        expect(read.headers["ocp-apim-subscription-key"]).toBeUndefined();
      }
    } finally {
      fake.byos = false;
    }
  });

  it("a BYOS result read refused by Storage (no role on the account) is a non-retryable provider.rejected", async () => {
    const storageCredential = { getToken: async () => ({ token: "a token Storage refuses", expiresOnTimestamp: Date.now() + 3600_000 }) };
    fake.byos = true;
    try {
      const speech = await createAzureSpeechToText(settingsFor({ storageCredential }));
      const { error } = await outcomeOf(transcribe(speech, await storedRecording(1)));

      expect(error).toMatchObject({ code: "provider.rejected", retryable: false, details: { status: 403 } });
    } finally {
      fake.byos = false;
    }
  });

  it("signs in with a bearer token from the credential when no key is set, asking for the Cognitive Services scope", async () => {
    const scopes: Array<string | string[]> = [];
    const credential = {
      async getToken(scope: string | string[]) {
        scopes.push(scope);
        return { token: fake.bearerToken, expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const speech = await createAzureSpeechToText(settingsFor({ key: undefined, credential }));
    const started = Date.now();

    const result = await transcribe(speech, await storedRecording(1));

    expect(result.status).toBe("done");
    expect(scopes[0]).toBe("https://cognitiveservices.azure.com/.default");
    // The token is kept while valid: one sign-in for the whole job.
    expect(scopes).toHaveLength(1);
    const requests = fake.received.filter((request) => request.receivedAt >= started);
    for (const request of requests) {
      expect(request.headers["ocp-apim-subscription-key"]).toBeUndefined();
      // The result file's signed URL gets no token.
      expect(request.headers.authorization).toBe(request.operation === "file-content" ? undefined : `Bearer ${fake.bearerToken}`);
    }
    expect(requests.map((request) => request.operation)).toContain("file-content");
  });

  it("ends a Failed job with a non-retryable provider.rejected carrying the service's message, deleting the staged copy", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    fake.plan = { outcome: { kind: "failed", code: "InvalidData", message: "The recordings URI contains invalid data." } };
    const submitted = await speech.submit(await storedRecording(1, { withReadUrl: false }), defaultTranscriptionSettings);
    if (submitted.status !== "pending") throw new Error("not pending");

    let error: unknown;
    for (let polls = 0; polls < 5 && error === undefined; polls += 1) {
      ({ error } = await outcomeOf(speech.poll(submitted.ref, defaultTranscriptionSettings)));
    }

    expect(error).toMatchObject({ code: "provider.rejected", retryable: false, details: { reason: "InvalidData" } });
    expect((error as Error).message).toContain("The recordings URI contains invalid data.");
    expect(await stagedBlobs()).not.toContain(submitted.ref.split("~")[1]);
  });

  it("discards a ref it never made, twice, as success without a request; one it made but that is gone, as success", async () => {
    const speech = await createAzureSpeechToText(settingsFor());
    const before = fake.received.length;
    await speech.discard("not a ref/../x");
    await speech.discard("not a ref/../x");
    expect(fake.received.length).toBe(before);

    await speech.discard("6b4f8c8e-1111-4222-8333-944444444444");
    await speech.discard("6b4f8c8e-1111-4222-8333-944444444444");
    expect(fake.received.slice(before).map((request) => request.operation)).toEqual(["delete", "delete"]);
  });
});
