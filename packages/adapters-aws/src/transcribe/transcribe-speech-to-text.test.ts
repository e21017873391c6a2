import { createHash } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { defaultTranscriptionSettings } from "@confide/core";
import { type AudioSource, type BlobStore, ConfideError, type SpeechResult, type SpeechToText, type TranscriptionSettings } from "@confide/core/ports";
import { byteStream, pcmWav } from "@confide/core/testing";
import { describeSpeechToTextContract, expectConfideError } from "@confide/contracts";
import {
  defaultTranscribeTranscript,
  startFakeTranscribeServer,
  type FakeTranscribeJobPlan,
  type FakeTranscribeServer,
  type FakeTranscribeTranscript,
} from "@confide/contracts/fakes";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createS3BlobStore } from "../s3/s3-blob-store.ts";
import type { TranscribeSettings } from "./settings.ts";
import { createTranscribeSpeechToText } from "./transcribe-speech-to-text.ts";

const mono = pcmWav({ channels: 1, dataBytes: 32_000 });
const stereo = pcmWav({ channels: 2, dataBytes: 64_000 });
const notAudio = new TextEncoder().encode("%PDF-1.7 this is a document, not a recording of anyone speaking");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let s3: S3Server;
let transcribe: FakeTranscribeServer;
/** The S3 blob store holding the recordings, as `CONFIDE_STORAGE=s3` would. */
let recordings: BlobStore;
/** A plain client to look into the buckets. */
let raw: S3Client;
const opened: SpeechToText[] = [];

const defaultPlan: FakeTranscribeJobPlan = { outcome: { kind: "completed", transcript: defaultTranscribeTranscript } };

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["recordings", "transcripts", "staging"] });
  transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint, region: "eu-central-1" });
  raw = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
  recordings = await createS3BlobStore({ bucket: "recordings", endpoint: s3.endpoint, forcePathStyle: true, region: "eu-central-1", credentials: s3.credentials });
  await raw.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/mono/audio.wav", Body: mono }));
  await raw.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/stereo/audio.wav", Body: stereo }));
  await raw.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/surround/audio.wav", Body: pcmWav({ channels: 6, dataBytes: 12_000 }) }));
  await raw.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/document/audio.wav", Body: notAudio }));
});

afterAll(async () => {
  await recordings?.close();
  raw?.destroy();
  await transcribe?.close();
  await s3?.stop();
});

beforeEach(() => {
  transcribe.fault = () => undefined;
  transcribe.plan = defaultPlan;
  transcribe.jobNotFoundAs = "BadRequestException";
  transcribe.maxMediaBytes = 2 * 1000 ** 3;
  transcribe.vocabularyFilters.clear();
  transcribe.vocabularyFilters.set("profanity-en", { languageCode: "en-US", words: ["sleeping"], lastModifiedTime: new Date() });
  transcribe.vocabularyFilters.set("profanity-de", { languageCode: "de-DE", words: ["schlecht"], lastModifiedTime: new Date() });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((speech) => speech.close()));
});

function settingsFor(overrides: Partial<TranscribeSettings> = {}): TranscribeSettings {
  return {
    outputBucket: "transcripts",
    stagingBucket: "staging",
    region: transcribe.region,
    endpoint: transcribe.url,
    s3Endpoint: s3.endpoint,
    credentials: transcribe.credentials,
    s3Credentials: s3.credentials,
    pollIntervalSeconds: 1,
    discardPollIntervalMs: 5,
    discardWaitSeconds: 2,
    // The first error is what the adapter classifies (retries are tested on their own).
    maxAttempts: 1,
    ...overrides,
  };
}

async function createSpeech(overrides: Partial<TranscribeSettings> = {}): Promise<SpeechToText> {
  const speech = await createTranscribeSpeechToText(settingsFor(overrides));
  opened.push(speech);
  return speech;
}

/** A recording in the S3 blob store: Transcribe can read it in place (the store signs S3 URLs). */
function inS3(name: "mono" | "stereo" | "surround" | "document", channels: number | null): AudioSource {
  const key = `sessions/${name}/audio.wav`;
  return {
    key,
    contentType: "audio/wav",
    sizeBytes: name === "mono" ? mono.byteLength : name === "stereo" ? stereo.byteLength : 0,
    channels,
    async open(signal) {
      return (await recordings.get(key, signal ? { signal } : {})).body;
    },
    async readUrl({ expiresInSeconds }) {
      return recordings.signedUrl!(key, { expiresInSeconds, access: "read" });
    },
  };
}

/** A recording in a store Transcribe cannot read (the filesystem, Azure): no readUrl, only the stream. */
function elsewhere(bytes: Uint8Array, channels: number | null, reads?: { count: number }): AudioSource {
  return {
    key: "sessions/elsewhere/audio.wav",
    contentType: "audio/wav",
    sizeBytes: bytes.byteLength,
    channels,
    async open() {
      if (reads) reads.count += 1;
      return byteStream(bytes);
    },
  };
}

const throttling = {
  provoke: () => {
    transcribe.fault = (request) => (request.operation === "StartTranscriptionJob" ? { kind: "throttled" } : undefined);
  },
  retryAfterMs: 2_000,
};

describeSpeechToTextContract({
  name: "transcribe, recordings in the S3 store (read in place)",
  create: () => createSpeech(),
  audio: async () => inS3("mono", 1),
  perChannelAudio: async () => inS3("stereo", 2),
  rejectedAudio: async () => inS3("document", null),
  expectedWords: ["sleeping", "better"],
  maxPollWaitMs: 5,
  capabilities: { pendingJobs: true, monoDiarization: true, perChannel: true, wordTimings: true, throttling },
});

describeSpeechToTextContract({
  name: "transcribe, recordings elsewhere (staged)",
  create: () => createSpeech(),
  audio: async () => elsewhere(mono, 1),
  perChannelAudio: async () => elsewhere(stereo, 2),
  rejectedAudio: async () => elsewhere(notAudio, null),
  expectedWords: ["sleeping", "better"],
  maxPollWaitMs: 5,
  capabilities: { pendingJobs: true, monoDiarization: true, perChannel: true, wordTimings: true, throttling },
});

type Done = Extract<SpeechResult, { status: "done" }>;

/** Submits, then polls until done (at most 20 polls). */
async function transcribed(speech: SpeechToText, audio: AudioSource, settings: TranscriptionSettings = defaultTranscriptionSettings): Promise<{ result: Done; ref: string }> {
  let result = await speech.submit(audio, settings);
  expect(result.status).toBe("pending");
  const ref = result.status === "pending" ? result.ref : "";
  for (let polls = 0; result.status === "pending"; polls += 1) {
    if (polls > 20) throw new Error("still pending after 20 polls");
    result = await speech.poll(ref, settings);
  }
  return { result, ref };
}

/** The StartTranscriptionJob request the fake received last. */
function lastStart(): Record<string, unknown> {
  const start = transcribe.received.filter((request) => request.operation === "StartTranscriptionJob").at(-1);
  expect(start, "a StartTranscriptionJob was sent").toBeDefined();
  return start!.body as Record<string, unknown>;
}

async function objectExists(bucket: string, key: string): Promise<boolean> {
  try {
    await raw.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

describe("transcribe: the StartTranscriptionJob request", () => {
  it("reads a recording of the S3 store in place and asks for speaker labels on a mono recording, the transcript in our bucket", async () => {
    const speech = await createSpeech();
    const result = await speech.submit(inS3("mono", 1), { ...defaultTranscriptionSettings, maxSpeakers: 3 });
    const request = lastStart();

    expect(result).toMatchObject({ status: "pending", retryAfterMs: 1_000 });
    const jobName = result.status === "pending" ? result.ref : "";
    expect(jobName).toMatch(/^confide-[0-9a-f-]{36}$/);
    expect(request).toEqual({
      TranscriptionJobName: jobName,
      Media: { MediaFileUri: "s3://recordings/sessions/mono/audio.wav" },
      MediaFormat: "wav",
      LanguageCode: "en-US",
      OutputBucketName: "transcripts",
      OutputKey: `transcribe-output/${jobName}.json`,
      Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 3 },
    });
    // Nothing was copied: the staging bucket holds nothing of the job.
    expect(await objectExists("staging", `transcribe-staging/${jobName}`)).toBe(false);
    await speech.discard(jobName);
  });

  it("asks for channel identification, not speaker labels, for a one-speaker-per-channel recording", async () => {
    const speech = await createSpeech();
    const perChannel: TranscriptionSettings = { ...defaultTranscriptionSettings, channelLayout: "per-channel", channelRoles: ["therapist", "patient"] };

    const { result, ref } = await transcribed(speech, inS3("stereo", 2), perChannel);

    expect(lastStart().Settings).toEqual({ ChannelIdentification: true });
    expect(result.transcript.speakers).toEqual([
      { label: "ch_0", channel: 0 },
      { label: "ch_1", channel: 1 },
    ]);
    // Channels are the speakers: no speaker labels, so no minimum of speakers to report.
    expect(result.warnings).toEqual([]);
    await speech.discard(ref);
  });

  it("names every job anew, within Transcribe's name pattern", async () => {
    const speech = await createSpeech();
    const refs = new Set<string>();
    for (let index = 0; index < 3; index += 1) {
      const result = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);
      if (result.status === "pending") refs.add(result.ref);
    }
    expect(refs.size).toBe(3);
    for (const ref of refs) {
      expect(ref).toMatch(/^[0-9a-zA-Z._-]{1,200}$/);
      await speech.discard(ref);
    }
  });

  it("identifies the language among two or more candidates, and takes a single candidate as the language", async () => {
    const speech = await createSpeech();
    transcribe.plan = { outcome: { kind: "completed", transcript: { ...defaultTranscribeTranscript, identifiedLanguage: "es-US" } } };

    const { result, ref } = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, candidateLanguages: ["en-US", "es-US", "en-US"] });
    const identifying = lastStart();
    await speech.discard(ref);
    const single = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, language: "en-US", candidateLanguages: ["de-DE"] });
    await speech.discard(single.ref);

    expect(identifying).toMatchObject({ IdentifyLanguage: true, LanguageOptions: ["en-US", "es-US"] });
    expect(identifying).not.toHaveProperty("LanguageCode");
    expect(result.transcript.language).toBe("es-US");
    expect(lastStart()).toMatchObject({ LanguageCode: "de-DE" });
    expect(lastStart()).not.toHaveProperty("IdentifyLanguage");
    expect(single.result.transcript.language).toBe("de-DE");
  });

  it("uses no vocabulary filter by default and reports profanity filtering as unsupported", async () => {
    const speech = await createSpeech();

    const { result, ref } = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, profanity: "masked" });

    expect(lastStart().Settings).not.toHaveProperty("VocabularyFilterName");
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "profanity" }));
    await speech.discard(ref);
  });

  it("reports what Transcribe cannot honour: a minimum of speakers, more than 30 speakers, one channel for per-channel", async () => {
    const speech = await createSpeech();

    const many = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, minSpeakers: 2, maxSpeakers: 40 });
    expect(lastStart().Settings).toEqual({ ShowSpeakerLabels: true, MaxSpeakerLabels: 30 });
    expect(many.result.warnings.map((warning) => [warning.type, warning.feature])).toEqual([
      ["other", "maxSpeakers"],
      ["unsupported", "minSpeakers"],
    ]);
    await speech.discard(many.ref);

    const oneChannel = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, minSpeakers: 1, channelLayout: "per-channel" });
    expect(lastStart().Settings).toEqual({ ShowSpeakerLabels: true, MaxSpeakerLabels: 2 });
    expect(oneChannel.result.warnings.map((warning) => [warning.type, warning.feature])).toEqual([["unsupported", "channelLayout"]]);
    expect(oneChannel.result.transcript.speakers.map((speaker) => speaker.label)).toEqual(["spk_0", "spk_1"]);
    await speech.discard(oneChannel.ref);

    const solo = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, diarization: false });
    expect(lastStart().Settings).toEqual({});
    expect(solo.result.warnings).toEqual([]);
    expect(solo.result.transcript.speakers).toEqual([{ label: "spk_0" }]);
    await speech.discard(solo.ref);
  });

  it("refuses a per-channel recording of more than two channels before starting anything", async () => {
    const speech = await createSpeech();
    const before = transcribe.received.length;

    const error = await expectConfideError(speech.submit(inS3("surround", 6), { ...defaultTranscriptionSettings, channelLayout: "per-channel" }), "provider.unsupported");

    expect(error.retryable).toBe(false);
    expect(transcribe.received.length).toBe(before);
  });
});

describe("transcribe: recordings past Transcribe's quotas are refused before staging", () => {
  it("a recording over four hours (the length core measured at upload, any container) or over 2 GB: provider.unsupported, nothing read, staged or started", async () => {
    const speech = await createSpeech();
    const before = transcribe.received.length;
    const reads = { count: 0 };
    const long = { ...elsewhere(stereo, 2, reads), contentType: "audio/webm", durationMs: 14_400_000 + 60_000 };
    const tooLong = await expectConfideError(speech.submit(long, defaultTranscriptionSettings), "provider.unsupported");
    expect(tooLong).toMatchObject({ retryable: false, details: { reason: "recording_too_long", durationMs: 14_460_000 } });
    expect(tooLong.message).toBe("The recording lasts 241 minutes; Amazon Transcribe takes recordings of at most 240 minutes. Split it into shorter parts.");
    const tooLarge = await expectConfideError(speech.submit({ ...elsewhere(stereo, 2, reads), sizeBytes: 2_100_000_000 }, defaultTranscriptionSettings), "provider.unsupported");
    expect(tooLarge.details).toMatchObject({ reason: "recording_too_large" });
    expect(reads.count).toBe(0);
    expect(transcribe.received.length).toBe(before);
  });
});

describe("transcribe: recordings Transcribe cannot read in place are staged", () => {
  it("streams the recording into the staging bucket, starts the job on that copy, and deletes the copy when the job ends", async () => {
    const speech = await createSpeech();
    const reads = { count: 0 };

    const submitted = await speech.submit(elsewhere(stereo, 2, reads), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";
    const stagedKey = `transcribe-staging/${ref}`;

    expect(reads.count).toBe(1);
    expect(lastStart().Media).toEqual({ MediaFileUri: `s3://staging/${stagedKey}` });
    const staged = await raw.send(new GetObjectCommand({ Bucket: "staging", Key: stagedKey }));
    expect(sha256(await staged.Body!.transformToByteArray())).toBe(sha256(stereo));
    expect(transcribe.mediaReads.at(-1)).toMatchObject({ jobName: ref, bucket: "staging", key: stagedKey, sha256: sha256(stereo) });

    let result = submitted;
    while (result.status === "pending") result = await speech.poll(ref, defaultTranscriptionSettings);
    expect(result.status).toBe("done");
    expect(await objectExists("staging", stagedKey), "the copy is gone once the job has ended").toBe(false);
    expect(await objectExists("transcripts", `transcribe-output/${ref}.json`), "the transcript stays until discard").toBe(true);

    await speech.discard(ref);
    expect(await objectExists("transcripts", `transcribe-output/${ref}.json`)).toBe(false);
  });

  it("stages a recording whose signed URL is not Amazon S3 of Transcribe's region", async () => {
    const speech = await createSpeech();
    const audio: AudioSource = {
      ...elsewhere(mono, 1),
      readUrl: async () => "https://recordings.s3.us-west-2.amazonaws.com/sessions/mono/audio.wav?X-Amz-Signature=abc",
    };

    const submitted = await speech.submit(audio, defaultTranscriptionSettings);

    const ref = submitted.status === "pending" ? submitted.ref : "";
    expect(lastStart().Media).toEqual({ MediaFileUri: `s3://staging/transcribe-staging/${ref}` });
    await speech.discard(ref);
    expect(await objectExists("staging", `transcribe-staging/${ref}`)).toBe(false);
  });

  it("deletes the copy when Transcribe refuses the job, and on discard of a job that failed", async () => {
    const speech = await createSpeech();
    transcribe.fault = (request) => (request.operation === "StartTranscriptionJob" ? { kind: "server-error" } : undefined);

    await expectConfideError(speech.submit(elsewhere(mono, 1), defaultTranscriptionSettings), "provider.unavailable");

    const jobName = (lastStart().TranscriptionJobName as string) ?? "";
    expect(await objectExists("staging", `transcribe-staging/${jobName}`)).toBe(false);

    transcribe.fault = () => undefined;
    transcribe.plan = { outcome: { kind: "failed", failureReason: "Invalid sample rate for audio file." } };
    const submitted = await speech.submit(elsewhere(mono, 1), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";
    await speech.discard(ref);
    expect(transcribe.deleted).toContain(ref);
    expect(await objectExists("staging", `transcribe-staging/${ref}`)).toBe(false);
  });
});

describe("transcribe: reading both shapes of the transcript file", () => {
  const script: FakeTranscribeTranscript = {
    segments: [
      { speaker: 0, channel: 0, startMs: 0, endMs: 1600, text: "How have you been sleeping?", confidence: 0.9 },
      { speaker: 1, channel: 1, startMs: 2000, endMs: 4400, text: "Badly. I wake at four, every night.", confidence: 0.8 },
      { speaker: 0, channel: 0, startMs: 5000, endMs: 5800, text: "I see.", confidence: 0.95 },
    ],
  };

  async function read(shape: "items" | "items-and-audio-segments", settings: TranscriptionSettings = defaultTranscriptionSettings) {
    const speech = await createSpeech();
    transcribe.plan = { outcome: { kind: "completed", transcript: script, shape } };
    const { result, ref } = await transcribed(speech, inS3("mono", 1), settings);
    await speech.discard(ref);
    return result;
  }

  it("gives segments with speakers, times in ms, text and words from the items-only file", async () => {
    const { transcript } = await read("items");

    expect(transcript.speakers).toEqual([{ label: "spk_0" }, { label: "spk_1" }]);
    expect(transcript.durationMs).toBe(5800);
    expect(transcript.segments.map(({ speaker, startMs, endMs, text }) => ({ speaker, startMs, endMs, text }))).toEqual([
      { speaker: "spk_0", startMs: 0, endMs: 1600, text: "How have you been sleeping?" },
      // Items only: a speaker's turn is cut after each sentence.
      // The fake shares a segment's time evenly among its 7 words: 2400 / 7 ms each.
      { speaker: "spk_1", startMs: 2000, endMs: 2343, text: "Badly." },
      { speaker: "spk_1", startMs: 2343, endMs: 4400, text: "I wake at four, every night." },
      { speaker: "spk_0", startMs: 5000, endMs: 5800, text: "I see." },
    ]);
    expect(transcript.segments[0]!.words).toEqual([
      { text: "How", startMs: 0, endMs: 320, confidence: 0.9 },
      { text: "have", startMs: 320, endMs: 640, confidence: 0.9 },
      { text: "you", startMs: 640, endMs: 960, confidence: 0.9 },
      { text: "been", startMs: 960, endMs: 1280, confidence: 0.9 },
      { text: "sleeping", startMs: 1280, endMs: 1600, confidence: 0.9 },
    ]);
    expect(transcript.segments[1]!.confidence).toBeCloseTo(0.8);
  });

  it("takes the segments of audio_segments as they are, with the same words", async () => {
    const items = await read("items");
    const segmented = await read("items-and-audio-segments");

    expect(segmented.transcript.segments.map(({ speaker, startMs, endMs, text }) => ({ speaker, startMs, endMs, text }))).toEqual([
      { speaker: "spk_0", startMs: 0, endMs: 1600, text: "How have you been sleeping?" },
      { speaker: "spk_1", startMs: 2000, endMs: 4400, text: "Badly. I wake at four, every night." },
      { speaker: "spk_0", startMs: 5000, endMs: 5800, text: "I see." },
    ]);
    expect(segmented.transcript.segments.flatMap((segment) => segment.words)).toEqual(items.transcript.segments.flatMap((segment) => segment.words));
    expect(segmented.transcript.speakers).toEqual(items.transcript.speakers);
  });

  it("leaves punctuation out when asked, and words out without word timestamps", async () => {
    const { transcript } = await read("items-and-audio-segments", { ...defaultTranscriptionSettings, punctuation: "none", wordTimestamps: false });

    expect(transcript.segments.map((segment) => segment.text)).toEqual(["How have you been sleeping", "Badly I wake at four every night", "I see"]);
    expect(transcript.segments.every((segment) => segment.words === undefined)).toBe(true);
  });

  it("reads channels as speakers with their channel numbers, in both shapes", async () => {
    const perChannel: TranscriptionSettings = { ...defaultTranscriptionSettings, channelLayout: "per-channel" };
    for (const shape of ["items", "items-and-audio-segments"] as const) {
      const speech = await createSpeech();
      transcribe.plan = { outcome: { kind: "completed", transcript: script, shape } };
      const { result, ref } = await transcribed(speech, inS3("stereo", 2), perChannel);
      await speech.discard(ref);

      expect(result.transcript.speakers, shape).toEqual([
        { label: "ch_0", channel: 0 },
        { label: "ch_1", channel: 1 },
      ]);
      expect(result.transcript.segments.map((segment) => segment.speaker), shape).toEqual(
        shape === "items" ? ["ch_0", "ch_1", "ch_1", "ch_0"] : ["ch_0", "ch_1", "ch_0"],
      );
    }
  });

  it("answers a transcript file that is not JSON with provider.bad_response", async () => {
    const speech = await createSpeech();
    const submitted = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";
    let result = submitted;
    while (result.status === "pending") result = await speech.poll(ref, defaultTranscriptionSettings);
    // The job stays COMPLETED: the next poll reads the transcript file again, spoilt now.
    await raw.send(new PutObjectCommand({ Bucket: "transcripts", Key: `transcribe-output/${ref}.json`, Body: '{"results": {"items": [' }));

    const error = await expectConfideError(speech.poll(ref, defaultTranscriptionSettings), "provider.bad_response");

    expect(error.message).toMatch(/not JSON/);
    await speech.discard(ref);
  });
});

describe("transcribe: faults", () => {
  it("answers ThrottlingException with a retryable provider.throttled after 2 s, LimitExceededException after 30 s", async () => {
    const speech = await createSpeech();
    transcribe.fault = () => ({ kind: "throttled" });
    const throttled = await expectConfideError(speech.poll("confide-some-job", defaultTranscriptionSettings), "provider.throttled");
    transcribe.fault = () => ({ kind: "throttled", errorType: "LimitExceededException", message: "You've reached your limit of concurrent jobs." });
    const limited = await expectConfideError(speech.submit(inS3("mono", 1), defaultTranscriptionSettings), "provider.throttled");

    expect(throttled).toMatchObject({ retryable: true, retryAfterMs: 2_000 });
    expect(limited).toMatchObject({ retryable: true, retryAfterMs: 30_000 });
  });

  it("lets the SDK retry a throttled call (maxAttempts 2): the second attempt succeeds", async () => {
    const speech = await createSpeech({ maxAttempts: 2 });
    let throttled = 0;
    transcribe.fault = (request) => (request.operation === "StartTranscriptionJob" && throttled++ === 0 ? { kind: "throttled" } : undefined);
    const before = transcribe.received.length;

    const result = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);

    expect(result.status).toBe("pending");
    expect(transcribe.received.slice(before).filter((request) => request.operation === "StartTranscriptionJob")).toHaveLength(2);
    if (result.status === "pending") await speech.discard(result.ref);
  });

  it("answers BadRequestException with provider.rejected, not retryable, in Transcribe's words", async () => {
    const speech = await createSpeech();

    const error = await expectConfideError(speech.submit(inS3("mono", 1), { ...defaultTranscriptionSettings, language: "xx-XX" }), "provider.rejected");

    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/languageCode/);
  });

  it("answers a FAILED job with provider.rejected carrying the FailureReason", async () => {
    const speech = await createSpeech();
    transcribe.plan = { outcome: { kind: "failed", failureReason: "Invalid sample rate for audio file." } };

    const submitted = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";
    expect((await speech.poll(ref, defaultTranscriptionSettings)).status).toBe("pending");
    const error = await expectConfideError(speech.poll(ref, defaultTranscriptionSettings), "provider.rejected");

    expect(error.retryable).toBe(false);
    expect(error.message).toContain("Invalid sample rate for audio file.");
    expect(error.details).toMatchObject({ failureReason: "Invalid sample rate for audio file." });
    await speech.discard(ref);
  });

  it("ends a request that hangs at the request timeout with a retryable provider.timeout", async () => {
    const speech = await createSpeech({ requestTimeoutMs: 300 });
    transcribe.fault = () => ({ kind: "hang" });

    const startedAt = performance.now();
    const error = await expectConfideError(speech.poll("confide-some-job", defaultTranscriptionSettings), "provider.timeout");

    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(error.retryable).toBe(true);
  });

  it("ends a hung poll at once when the caller aborts, with the caller's reason", async () => {
    const speech = await createSpeech({ requestTimeoutMs: 60_000 });
    transcribe.fault = () => ({ kind: "hang" });
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 100);

    const outcome = await speech.poll("confide-some-job", defaultTranscriptionSettings, { signal: controller.signal }).catch((error: unknown) => error);

    expect(outcome).toBe(reason);
  });

  it("answers a malformed body with provider.bad_response", async () => {
    const speech = await createSpeech();
    transcribe.fault = () => ({ kind: "malformed" });

    const error = await expectConfideError(speech.poll("confide-some-job", defaultTranscriptionSettings), "provider.bad_response");

    expect(error.message).toMatch(/could not be read/);
  });

  it("answers InternalFailureException (500) with a retryable provider.unavailable", async () => {
    const speech = await createSpeech();
    transcribe.fault = () => ({ kind: "server-error" });

    const error = await expectConfideError(speech.submit(inS3("mono", 1), defaultTranscriptionSettings), "provider.unavailable");

    expect(error.retryable).toBe(true);
  });

  it("answers refused credentials with provider.unavailable, not retryable", async () => {
    const speech = await createSpeech({ credentials: { accessKeyId: "AKIAWRONGKEY", secretAccessKey: "x" } });

    const error = await expectConfideError(speech.check(), "provider.unavailable");

    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/credentials/);
  });
});

describe("transcribe: discard", () => {
  it("deletes the job and its transcript; a second discard succeeds; a poll afterwards is provider.rejected", async () => {
    const speech = await createSpeech();
    const { ref } = await transcribed(speech, inS3("mono", 1));
    const outputKey = `transcribe-output/${ref}.json`;
    expect(await objectExists("transcripts", outputKey)).toBe(true);

    await speech.discard(ref);
    await speech.discard(ref);

    expect(transcribe.jobs.has(ref)).toBe(false);
    expect(transcribe.deleted.filter((name) => name === ref)).toHaveLength(1);
    expect(await objectExists("transcripts", outputKey)).toBe(false);
    await expectConfideError(speech.poll(ref, defaultTranscriptionSettings), "provider.rejected");
  });

  it("waits for a running job to end before deleting it (Transcribe deletes only finished jobs)", async () => {
    const speech = await createSpeech();
    transcribe.plan = { pollsInProgress: 3, outcome: { kind: "completed", transcript: defaultTranscribeTranscript } };
    const submitted = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";

    await speech.discard(ref);

    expect(transcribe.deleted).toContain(ref);
    expect(await objectExists("transcripts", `transcribe-output/${ref}.json`)).toBe(false);
  });

  it("fails retryably when a job is still running after the wait; the job stays for a later discard", async () => {
    const speech = await createSpeech({ discardWaitSeconds: 0 });
    transcribe.plan = { outcome: { kind: "in-progress-forever" } };
    const submitted = await speech.submit(inS3("mono", 1), defaultTranscriptionSettings);
    const ref = submitted.status === "pending" ? submitted.ref : "";

    const error = await expectConfideError(speech.discard(ref), "provider.timeout");

    expect(error.retryable).toBe(true);
    expect(transcribe.jobs.get(ref)?.status).toBe("IN_PROGRESS");
    // Nothing was deleted with the job still running.
    expect(transcribe.received.filter((request) => request.operation === "DeleteTranscriptionJob" && (request.body as { TranscriptionJobName?: string }).TranscriptionJobName === ref)).toEqual([]);
  });

  it("resolves for a ref that is no job name at all, without asking Transcribe", async () => {
    const speech = await createSpeech();
    const before = transcribe.received.length;

    await speech.discard("../sessions/other/audio.wav");

    expect(transcribe.received.length).toBe(before);
    await expectConfideError(speech.poll("../sessions/other/audio.wav", defaultTranscriptionSettings), "provider.rejected");
  });

  it("fails retryably when Transcribe cannot be reached, leaving the job", async () => {
    const speech = await createSpeech();
    const { ref } = await transcribed(speech, inS3("mono", 1));
    transcribe.fault = () => ({ kind: "server-error" });

    const error = await expectConfideError(speech.discard(ref), "provider.unavailable");

    expect(error.retryable).toBe(true);
    expect(transcribe.jobs.has(ref)).toBe(true);
    transcribe.fault = () => undefined;
    await speech.discard(ref);
    expect(transcribe.jobs.has(ref)).toBe(false);
  });
});

describe("transcribe: vocabulary filters per language", () => {
  const texts = (result: Done) => result.transcript.segments.map((segment) => segment.text);
  const german: FakeTranscribeJobPlan = {
    outcome: { kind: "completed", transcript: { identifiedLanguage: "de-DE", segments: [{ speaker: 0, startMs: 0, endMs: 1_500, text: "Ich schlafe schlecht." }] } },
  };

  it("uses each language's own filter in Settings for a one-language job, and the words come back masked or removed", async () => {
    const speech = await createSpeech({ vocabularyFilters: { "en-US": "profanity-en", "de-DE": "profanity-de" } });

    const masked = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, profanity: "masked" });
    expect(lastStart().Settings).toMatchObject({ VocabularyFilterName: "profanity-en", VocabularyFilterMethod: "mask" });
    transcribe.plan = german;
    const removed = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, language: "de-DE", profanity: "removed" });
    expect(lastStart().Settings).toMatchObject({ VocabularyFilterName: "profanity-de", VocabularyFilterMethod: "remove" });

    expect(texts(masked.result)[0]).toBe("How have you been ***?");
    expect(texts(removed.result)).toEqual(["Ich schlafe."]);
    expect([...masked.result.warnings, ...removed.result.warnings].filter((warning) => warning.feature === "profanity")).toEqual([]);
    await speech.discard(masked.ref);
    await speech.discard(removed.ref);
  });

  it("with language identification names the filters in LanguageIdSettings, never in Settings; the identified language's filter masks", async () => {
    const speech = await createSpeech({ vocabularyFilters: { "en-US": "profanity-en", "de-DE": "profanity-de" } });
    transcribe.plan = german;

    const { result, ref } = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, candidateLanguages: ["en-US", "de-DE"], profanity: "masked" });

    expect(lastStart()).toMatchObject({
      IdentifyLanguage: true,
      LanguageIdSettings: { "en-US": { VocabularyFilterName: "profanity-en" }, "de-DE": { VocabularyFilterName: "profanity-de" } },
      Settings: { VocabularyFilterMethod: "mask" },
    });
    expect(lastStart().Settings).not.toHaveProperty("VocabularyFilterName");
    expect(texts(result)).toEqual(["Ich schlafe ***."]);
    expect(result.warnings.filter((warning) => warning.feature === "profanity")).toEqual([]);
    await speech.discard(ref);
  });

  it("a language without a filter gets no masking and a warning that says it was not masked, never one that says it was", async () => {
    const speech = await createSpeech({ vocabularyFilters: { "en-US": "profanity-en" } });
    transcribe.plan = german;

    const identified = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, candidateLanguages: ["en-US", "de-DE"], profanity: "masked" });
    expect(lastStart()).toMatchObject({ LanguageIdSettings: { "en-US": { VocabularyFilterName: "profanity-en" } } });
    const single = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, language: "de-DE", profanity: "masked" });
    expect(lastStart().Settings).not.toHaveProperty("VocabularyFilterName");

    for (const { result } of [identified, single]) {
      expect(texts(result)).toEqual(["Ich schlafe schlecht."]);
      const warning = result.warnings.find((candidate) => candidate.feature === "profanity");
      expect(warning).toMatchObject({ type: "unsupported" });
      expect(warning?.message).toMatch(/de-DE/);
      expect(warning?.message).toMatch(/verbatim/);
    }
    await speech.discard(identified.ref);
    await speech.discard(single.ref);
  });

  it("takes the single CONFIDE_TRANSCRIBE_VOCABULARY_FILTER for its own language only, asking Transcribe which that is", async () => {
    const speech = await createSpeech({ vocabularyFilterName: "profanity-en" });

    const english = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, profanity: "masked" });
    expect(lastStart().Settings).toMatchObject({ VocabularyFilterName: "profanity-en" });
    transcribe.plan = german;
    const other = await transcribed(speech, inS3("mono", 1), { ...defaultTranscriptionSettings, language: "de-DE", profanity: "masked" });
    expect(lastStart().Settings).not.toHaveProperty("VocabularyFilterName");

    expect(texts(english.result)[0]).toBe("How have you been ***?");
    expect(other.result.warnings.find((warning) => warning.feature === "profanity")?.message).toMatch(/de-DE/);
    expect(transcribe.received.filter((request) => request.operation === "GetVocabularyFilter")).toHaveLength(1);
    await speech.discard(english.ref);
    await speech.discard(other.ref);
  });

  it("check fails for a configured filter that does not exist or is of another language", async () => {
    const missing = await createSpeech({ vocabularyFilters: { "en-US": "no-such-filter" } });
    const misplaced = await createSpeech({ vocabularyFilters: { "fr-FR": "profanity-de" } });

    expect(ConfideError.is(await missing.check().catch((error: unknown) => error), "dependency.unavailable")).toBe(true);
    const error = await misplaced.check().catch((caught: unknown) => caught);
    expect(ConfideError.is(error, "dependency.unavailable")).toBe(true);
    expect((error as ConfideError).message).toMatch(/de-DE, not fr-FR/);
    await (await createSpeech({ vocabularyFilters: { "de-DE": "profanity-de" } })).check();
  });
});

describe("transcribe: the service's other answers", () => {
  it("takes NotFoundException as 'no such job' too: discard resolves, check passes, poll is the unknown-job rejection", async () => {
    const speech = await createSpeech();
    transcribe.jobNotFoundAs = "NotFoundException";

    await speech.discard("confide-never-started");
    await speech.check();
    const error = await expectConfideError(speech.poll("confide-never-started", defaultTranscriptionSettings), "provider.rejected");

    expect(error.message).toMatch(/no such transcription job/);
  });

  it("refuses a LimitExceededException that says the input is too long, not retryable, and starts nothing", async () => {
    const speech = await createSpeech();
    transcribe.maxMediaBytes = mono.byteLength - 1;
    const before = transcribe.jobs.size;

    const error = await expectConfideError(speech.submit(inS3("mono", 1), defaultTranscriptionSettings), "provider.rejected");

    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ reason: "input_too_long" });
    expect(transcribe.jobs.size).toBe(before);
  });

  it("still takes a LimitExceededException about the quota of concurrent jobs as throttling", async () => {
    const speech = await createSpeech();
    transcribe.fault = () => ({ kind: "throttled", errorType: "LimitExceededException", message: "You've reached your limit of concurrent jobs." });

    const error = await expectConfideError(speech.submit(inS3("mono", 1), defaultTranscriptionSettings), "provider.throttled");

    expect(error.retryable).toBe(true);
  });
});

describe("transcribe: check", () => {
  it("fails when the output bucket does not exist", async () => {
    const speech = await createSpeech({ outputBucket: "no-such-bucket", stagingBucket: "staging" });

    const error = await speech.check().catch((caught: unknown) => caught);

    expect(ConfideError.is(error, "dependency.unavailable")).toBe(true);
  });
});
