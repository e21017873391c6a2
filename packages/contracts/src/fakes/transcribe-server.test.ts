import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateVocabularyFilterCommand,
  DeleteTranscriptionJobCommand,
  DeleteVocabularyFilterCommand,
  GetVocabularyFilterCommand,
  ListTranscriptionJobsCommand,
  GetTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeClient,
  type StartTranscriptionJobCommandInput,
  type TranscriptionJob,
} from "@aws-sdk/client-transcribe";
import { pcmWav } from "@confide/core/testing";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startS3Server, type S3Server } from "../support/s3-server.ts";
import type { FakeTranscribeTranscript } from "./transcribe-output.ts";
import { startFakeTranscribeServer, type FakeTranscribeServer } from "./transcribe-server.ts";

let s3: S3Server;
let storage: S3Client;
let transcribe: FakeTranscribeServer;
let client: TranscribeClient;

const mono = Buffer.from(pcmWav({ channels: 1, dataBytes: 32_000 }));
const stereo = Buffer.from(pcmWav({ channels: 2, dataBytes: 64_000 }));

const dialogue: FakeTranscribeTranscript = {
  segments: [
    { speaker: 0, channel: 0, startMs: 0, endMs: 1500, text: "How have you been sleeping?" },
    { speaker: 1, channel: 1, startMs: 1800, endMs: 3300, text: "Better, thanks.", confidence: 0.87 },
  ],
};

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["recordings", "transcripts"] });
  storage = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
  await storage.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/mono.wav", Body: mono }));
  await storage.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/stereo.wav", Body: stereo }));
  await storage.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/surround.wav", Body: Buffer.from(pcmWav({ channels: 6, dataBytes: 12_000 })) }));
  await storage.send(new PutObjectCommand({ Bucket: "recordings", Key: "sessions/notes.txt", Body: "these are not audio bytes at all" }));
  transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint });
  client = new TranscribeClient({ ...transcribe.clientConfig, maxAttempts: 1 });
});

afterAll(async () => {
  client?.destroy();
  storage?.destroy();
  await transcribe?.close();
  await s3?.stop();
});

beforeEach(() => {
  transcribe.fault = () => undefined;
  transcribe.plan = { outcome: { kind: "completed", transcript: dialogue } };
});

let jobCounter = 0;
const jobName = (label: string) => `${label}-${++jobCounter}`;

function monoRequest(name: string, extra: Partial<StartTranscriptionJobCommandInput> = {}): StartTranscriptionJobCommandInput {
  return {
    TranscriptionJobName: name,
    Media: { MediaFileUri: "s3://recordings/sessions/mono.wav" },
    LanguageCode: "en-US",
    OutputBucketName: "transcripts",
    OutputKey: "sessions/s1/",
    Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2 },
    ...extra,
  };
}

const start = async (input: StartTranscriptionJobCommandInput) => (await client.send(new StartTranscriptionJobCommand(input))).TranscriptionJob!;
const get = async (name: string) => (await client.send(new GetTranscriptionJobCommand({ TranscriptionJobName: name }))).TranscriptionJob!;

/** Polls until the job leaves QUEUED/IN_PROGRESS (at most 20 reads). */
async function finished(name: string): Promise<TranscriptionJob> {
  for (let read = 0; read < 20; read += 1) {
    const job = await get(name);
    if (job.TranscriptionJobStatus === "COMPLETED" || job.TranscriptionJobStatus === "FAILED") return job;
  }
  throw new Error(`${name} did not finish`);
}

async function transcriptOf(job: TranscriptionJob): Promise<any> {
  const uri = new URL(job.Transcript!.TranscriptFileUri!);
  const [, bucket, ...key] = uri.pathname.split("/");
  const object = await storage.send(new GetObjectCommand({ Bucket: bucket, Key: key.join("/") }));
  return JSON.parse(await object.Body!.transformToString());
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: { name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number }; $fault?: string }) => error,
  );

describe("fake Amazon Transcribe through @aws-sdk/client-transcribe", () => {
  it("speaks JSON 1.1 with a SigV4 header and reads the media from the S3 stand-in when the job starts", async () => {
    const name = jobName("wire");
    const job = await start(monoRequest(name));
    expect(job).toMatchObject({ TranscriptionJobName: name, TranscriptionJobStatus: "IN_PROGRESS", LanguageCode: "en-US", MediaFormat: "wav" });
    expect(job.CreationTime).toBeInstanceOf(Date);

    const request = transcribe.received.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/", operation: "StartTranscriptionJob" });
    expect(request.headers["x-amz-target"]).toBe("Transcribe.StartTranscriptionJob");
    expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(request.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${transcribe.credentials.accessKeyId}/\\d{8}/us-east-1/transcribe/aws4_request, SignedHeaders=`),
    );
    expect(request.body).toMatchObject({ TranscriptionJobName: name, Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2 } });

    expect(transcribe.mediaReads.at(-1)).toEqual({
      jobName: name,
      bucket: "recordings",
      key: "sessions/mono.wav",
      status: 200,
      sizeBytes: mono.length,
      sha256: createHash("sha256").update(mono).digest("hex"),
      format: "wav",
      channels: 1,
    });
  });

  it("moves a job one step at a time: a read while it reads its media finds it IN_PROGRESS, never done without it", async () => {
    transcribe.plan = { pollsQueued: 1, pollsInProgress: 1, outcome: { kind: "completed", transcript: dialogue } };
    const direct = transcribe.s3;
    transcribe.s3 = { ...direct, read: async (bucket, key) => (await new Promise((resolve) => setTimeout(resolve, 150)), direct.read(bucket, key)) };
    try {
      const name = jobName("two-readers");
      await start(monoRequest(name));
      expect((await get(name)).TranscriptionJobStatus).toBe("QUEUED");
      // The next read starts the job and reads its media (slowly); another comes meanwhile.
      const [first, second] = await Promise.all([get(name), new Promise((resolve) => setTimeout(resolve, 30)).then(() => get(name))]);
      expect([first.TranscriptionJobStatus, second.TranscriptionJobStatus]).toEqual(["IN_PROGRESS", "IN_PROGRESS"]);
      const done = await get(name);
      expect(done.TranscriptionJobStatus).toBe("COMPLETED");
      expect(transcribe.jobs.get(name)?.media?.status).toBe(200);
    } finally {
      transcribe.s3 = direct;
    }
  });

  it("moves QUEUED → IN_PROGRESS → COMPLETED one GetTranscriptionJob at a time, reading the media only when it starts", async () => {
    transcribe.plan = { pollsQueued: 2, pollsInProgress: 2, outcome: { kind: "completed", transcript: dialogue } };
    const name = jobName("queued");
    expect((await start(monoRequest(name))).TranscriptionJobStatus).toBe("QUEUED");
    const readsBefore = transcribe.mediaReads.length;
    const statuses = [];
    for (let read = 0; read < 5; read += 1) statuses.push((await get(name)).TranscriptionJobStatus);
    expect(statuses).toEqual(["QUEUED", "QUEUED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]);
    expect(transcribe.mediaReads.length - readsBefore).toBe(1);
  });

  it("writes the transcript to OutputBucketName/OutputKey: items with string times and speaker labels, speaker_labels, audio_segments", async () => {
    const name = jobName("diarized");
    await start(monoRequest(name));
    expect((await get(name)).TranscriptionJobStatus).toBe("IN_PROGRESS");
    const job = await get(name);
    expect(job.TranscriptionJobStatus).toBe("COMPLETED");
    expect(job.StartTime).toBeInstanceOf(Date);
    expect(job.CompletionTime).toBeInstanceOf(Date);
    expect(job.Transcript!.TranscriptFileUri).toBe(`https://s3.us-east-1.amazonaws.com/transcripts/sessions/s1/${name}.json`);

    const output = await transcriptOf(job);
    expect(output).toMatchObject({ jobName: name, accountId: transcribe.accountId, status: "COMPLETED" });
    const { results } = output;
    expect(results.transcripts).toEqual([{ transcript: "How have you been sleeping? Better, thanks." }]);
    expect(results.items[0]).toEqual({
      id: 0,
      type: "pronunciation",
      start_time: "0",
      end_time: "0.3",
      alternatives: [{ confidence: "0.99", content: "How" }],
      speaker_label: "spk_0",
    });
    expect(results.items[5]).toEqual({ id: 5, type: "punctuation", alternatives: [{ confidence: "0.0", content: "?" }], speaker_label: "spk_0" });
    expect(results.items[6]).toMatchObject({ start_time: "1.8", end_time: "2.55", speaker_label: "spk_1" });
    expect(results.items[6].alternatives).toEqual([{ confidence: "0.87", content: "Better" }]);
    for (const item of results.items.filter((candidate: { type: string }) => candidate.type === "pronunciation")) {
      expect(typeof item.start_time).toBe("string");
      expect(typeof item.end_time).toBe("string");
    }
    expect(results.speaker_labels).toMatchObject({ channel_label: "ch_0", speakers: 2 });
    expect(results.speaker_labels.segments[1]).toEqual({
      start_time: "1.8",
      speaker_label: "spk_1",
      end_time: "3.3",
      items: [
        { start_time: "1.8", speaker_label: "spk_1", end_time: "2.55" },
        { start_time: "2.55", speaker_label: "spk_1", end_time: "3.3" },
      ],
    });
    expect(results.audio_segments).toEqual([
      { id: 0, transcript: "How have you been sleeping?", start_time: "0", end_time: "1.5", speaker_label: "spk_0", items: [0, 1, 2, 3, 4, 5] },
      { id: 1, transcript: "Better, thanks.", start_time: "1.8", end_time: "3.3", speaker_label: "spk_1", items: [6, 7, 8, 9] },
    ]);
    expect(results.channel_labels).toBeUndefined();
  });

  it("writes the older shape without audio_segments when the plan says so, and merges speakers beyond MaxSpeakerLabels", async () => {
    transcribe.plan = {
      outcome: {
        kind: "completed",
        shape: "items",
        transcript: { segments: [...dialogue.segments, { speaker: 2, startMs: 3500, endMs: 4000, text: "Mm." }] },
      },
    };
    const name = jobName("older");
    await start(monoRequest(name, { OutputKey: `custom/${name}-transcript.json` }));
    const job = await finished(name);
    expect(job.Transcript!.TranscriptFileUri).toBe(`https://s3.us-east-1.amazonaws.com/transcripts/custom/${name}-transcript.json`);
    const { results } = await transcriptOf(job);
    expect(results.audio_segments).toBeUndefined();
    expect(new Set(results.items.map((item: { speaker_label: string }) => item.speaker_label))).toEqual(new Set(["spk_0", "spk_1"]));
    expect(results.speaker_labels.speakers).toBe(2);
  });

  it("labels channels, not speakers, with ChannelIdentification on stereo audio", async () => {
    const name = jobName("channels");
    await start(
      monoRequest(name, { Media: { MediaFileUri: "https://s3.us-east-1.amazonaws.com/recordings/sessions/stereo.wav" }, Settings: { ChannelIdentification: true } }),
    );
    const job = await finished(name);
    expect(transcribe.mediaReads.at(-1)).toMatchObject({ key: "sessions/stereo.wav", channels: 2 });
    const { results } = await transcriptOf(job);
    expect(results.speaker_labels).toBeUndefined();
    expect(results.items[0]).not.toHaveProperty("speaker_label");
    expect(results.items[0].channel_label).toBe("ch_0");
    expect(results.channel_labels.number_of_channels).toBe(2);
    expect(results.channel_labels.channels.map((channel: { channel_label: string; items: unknown[] }) => [channel.channel_label, channel.items.length])).toEqual([
      ["ch_0", 6],
      ["ch_1", 4],
    ]);
    expect(results.audio_segments.map((segment: { channel_label: string }) => segment.channel_label)).toEqual(["ch_0", "ch_1"]);
  });

  it("reports the identified language with IdentifyLanguage and LanguageOptions", async () => {
    transcribe.plan = { outcome: { kind: "completed", transcript: { ...dialogue, identifiedLanguage: "de-DE", identifiedLanguageScore: 0.91 } } };
    const name = jobName("identify");
    await start(monoRequest(name, { LanguageCode: undefined, IdentifyLanguage: true, LanguageOptions: ["en-US", "de-DE"] }));
    const job = await finished(name);
    expect(job).toMatchObject({ LanguageCode: "de-DE", IdentifiedLanguageScore: 0.91, IdentifyLanguage: true, LanguageOptions: ["en-US", "de-DE"] });
  });

  it("serves the transcript itself when the job names no OutputBucketName", async () => {
    const name = jobName("service-bucket");
    await start(monoRequest(name, { OutputBucketName: undefined, OutputKey: undefined }));
    const job = await finished(name);
    const uri = job.Transcript!.TranscriptFileUri!;
    expect(uri.startsWith(transcribe.url)).toBe(true);
    const response = await fetch(uri);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { jobName: string }).jobName).toBe(name);
  });

  describe("failures of a job", () => {
    it("FAILED with the plan's FailureReason", async () => {
      transcribe.plan = { pollsInProgress: 3, outcome: { kind: "failed", failureReason: "Invalid file size: file size too large." } };
      const name = jobName("failed");
      await start(monoRequest(name));
      const job = await finished(name);
      expect(job).toMatchObject({ TranscriptionJobStatus: "FAILED", FailureReason: "Invalid file size: file size too large." });
      expect(job.Transcript).toBeUndefined();
    });

    it.each([
      ["not audio", "s3://recordings/sessions/notes.txt", undefined, "Unsupported media format"],
      ["a MediaFormat that is not what the bytes are", "s3://recordings/sessions/mono.wav", "mp3", "The media format provided does not match the detected media format"],
      ["more than two channels", "s3://recordings/sessions/surround.wav", undefined, "Invalid number of channels: number of channels too large"],
    ] as const)("FAILED when the media is %s (checked on the bytes read from S3)", async (_label, uri, mediaFormat, reason) => {
      const name = jobName("media");
      await start(monoRequest(name, { Media: { MediaFileUri: uri }, ...(mediaFormat ? { MediaFormat: mediaFormat } : {}) }));
      const job = await get(name);
      expect(job).toMatchObject({ TranscriptionJobStatus: "FAILED", FailureReason: reason });
    });

    it("stays IN_PROGRESS forever when the plan says so", async () => {
      transcribe.plan = { outcome: { kind: "in-progress-forever" } };
      const name = jobName("forever");
      await start(monoRequest(name));
      for (let read = 0; read < 12; read += 1) expect((await get(name)).TranscriptionJobStatus).toBe("IN_PROGRESS");
    });
  });

  describe("vocabulary filters: one language each, placed per language with identification, applied", () => {
    it("creates, reads and deletes a filter; a name in use is ConflictException, an unknown one NotFoundException", async () => {
      await client.send(new CreateVocabularyFilterCommand({ VocabularyFilterName: "crud-filter", LanguageCode: "en-US", Words: ["damn"] }));
      const conflict = await rejection(client.send(new CreateVocabularyFilterCommand({ VocabularyFilterName: "crud-filter", LanguageCode: "en-US", Words: ["damn"] })));
      expect((await client.send(new GetVocabularyFilterCommand({ VocabularyFilterName: "crud-filter" }))).LanguageCode).toBe("en-US");
      await client.send(new DeleteVocabularyFilterCommand({ VocabularyFilterName: "crud-filter" }));
      const missing = await rejection(client.send(new GetVocabularyFilterCommand({ VocabularyFilterName: "crud-filter" })));
      expect([conflict.name, missing.name]).toEqual(["ConflictException", "NotFoundException"]);
    });

    it("refuses a filter in Settings with language identification, a filter of another language, and LanguageIdSettings without identification", async () => {
      await client.send(new CreateVocabularyFilterCommand({ VocabularyFilterName: "refusal-en", LanguageCode: "en-US", Words: ["sleeping"] }));
      const identify: Partial<StartTranscriptionJobCommandInput> = { LanguageCode: undefined, IdentifyLanguage: true, LanguageOptions: ["en-US", "de-DE"] };
      const filterInSettings = { ShowSpeakerLabels: true, MaxSpeakerLabels: 2, VocabularyFilterName: "refusal-en", VocabularyFilterMethod: "mask" } as const;

      const placement = await rejection(start(monoRequest(jobName("placement"), { ...identify, Settings: filterInSettings })));
      const language = await rejection(start(monoRequest(jobName("language"), { LanguageCode: "de-DE", Settings: filterInSettings })));
      const keyLanguage = await rejection(
        start(monoRequest(jobName("key"), { ...identify, LanguageIdSettings: { "de-DE": { VocabularyFilterName: "refusal-en" } }, Settings: { VocabularyFilterMethod: "mask" } })),
      );
      const withoutIdentification = await rejection(start(monoRequest(jobName("noid"), { LanguageIdSettings: { "en-US": { VocabularyFilterName: "refusal-en" } } })));

      expect([placement, language, keyLanguage, withoutIdentification].map((error) => error.name)).toEqual(Array(4).fill("BadRequestException"));
      expect(placement.message).toMatch(/LanguageIdSettings/);
      expect(language.message).toMatch(/en-US/);
    });

    it("masks the identified language's filtered words as *** (pronunciation items) when the filter is in LanguageIdSettings", async () => {
      await client.send(new CreateVocabularyFilterCommand({ VocabularyFilterName: "applied-en", LanguageCode: "en-US", Words: ["Sleeping"] }));
      const name = jobName("masked");
      await start(
        monoRequest(name, {
          LanguageCode: undefined,
          IdentifyLanguage: true,
          LanguageOptions: ["en-US", "de-DE"],
          LanguageIdSettings: { "en-US": { VocabularyFilterName: "applied-en" } },
          Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2, VocabularyFilterMethod: "mask" },
        }),
      );
      const file = await transcriptOf(await finished(name));
      expect(file.results.transcripts[0].transcript).toMatch(/^How have you been \*\*\*\?/);
      expect(file.results.items.find((item: { alternatives: Array<{ content: string }> }) => item.alternatives[0]!.content === "***")).toMatchObject({ type: "pronunciation" });
    });
  });

  describe("requests the service refuses with BadRequestException", () => {
    it("a job name outside the model's pattern, in AWS's validation format", async () => {
      const error = await rejection(start(monoRequest("sessions/one")));
      expect(error.name).toBe("BadRequestException");
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(
        "1 validation error detected: Value 'sessions/one' at 'transcriptionJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z._-]+",
      );
    });

    it("several constraint violations at once", async () => {
      const error = await rejection(start(monoRequest(jobName("limits"), { Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 31 }, LanguageCode: "xx-XX" as never })));
      expect(error.message).toMatch(/^2 validation errors detected: Value 'xx-XX' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: \[af-ZA, /);
      expect(error.message).toContain("; Value '31' at 'settings.maxSpeakerLabels' failed to satisfy constraint: Member must have value less than or equal to 30");
    });

    const cases: [string, Partial<StartTranscriptionJobCommandInput>, RegExp][] = [
      ["ShowSpeakerLabels with ChannelIdentification", { Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2, ChannelIdentification: true } }, /ChannelIdentification/],
      ["ShowSpeakerLabels without MaxSpeakerLabels", { Settings: { ShowSpeakerLabels: true } }, /requires MaxSpeakerLabels/],
      ["MaxSpeakerLabels without ShowSpeakerLabels", { Settings: { MaxSpeakerLabels: 2 } }, /requires ShowSpeakerLabels/],
      ["LanguageCode with IdentifyLanguage", { IdentifyLanguage: true }, /only one of LanguageCode/],
      ["no language at all", { LanguageCode: undefined }, /one of LanguageCode/],
      ["LanguageOptions with LanguageCode", { LanguageOptions: ["en-US", "de-DE"] }, /LanguageOptions can only be used/],
      ["a single LanguageOption", { LanguageCode: undefined, IdentifyLanguage: true, LanguageOptions: ["en-US"] }, /two or more/],
      ["OutputKey without OutputBucketName", { OutputBucketName: undefined }, /OutputKey requires OutputBucketName/],
      ["a media URI that is not a URI", { Media: { MediaFileUri: "recordings/mono.wav" } }, /at 'media\.mediaFileUri' failed to satisfy constraint/],
      ["a media object that does not exist", { Media: { MediaFileUri: "s3://recordings/sessions/missing.wav" } }, /doesn't point to an S3 object/],
      ["an output bucket that does not exist", { OutputBucketName: "no-such-bucket" }, /no-such-bucket/],
      ["a vocabulary filter (none exist)", { Settings: { VocabularyFilterName: "therapy", VocabularyFilterMethod: "mask" } }, /vocabulary filter couldn't be found/],
    ];
    it.each(cases)("%s", async (_label, change, message) => {
      const error = await rejection(start(monoRequest(jobName("refused"), change)));
      expect(error.name).toBe("BadRequestException");
      expect(error.message).toMatch(message);
    });
  });

  describe("job names and deletion", () => {
    it("lists jobs whose name contains a string (case-insensitive), newest first, in pages", async () => {
      const names = [jobName("Listed-run"), jobName("listed-run"), jobName("listed-run")];
      for (const name of names) await start(monoRequest(name));

      const first = await client.send(new ListTranscriptionJobsCommand({ JobNameContains: "LISTED-RUN", MaxResults: 2 }));
      const second = await client.send(new ListTranscriptionJobsCommand({ JobNameContains: "listed-run", MaxResults: 2, NextToken: first.NextToken }));

      expect([...first.TranscriptionJobSummaries!, ...second.TranscriptionJobSummaries!].map((job) => job.TranscriptionJobName)).toEqual([...names].reverse());
      expect(second.NextToken).toBeUndefined();
    });

    it("refuses a name in use with ConflictException, also after the job completed; a deleted job's name is free again", async () => {
      const name = jobName("conflict");
      await start(monoRequest(name));
      const inProgress = await rejection(start(monoRequest(name)));
      expect(inProgress).toMatchObject({ name: "ConflictException", message: "The requested job name already exists. Use a different job name." });
      await finished(name);
      expect((await rejection(start(monoRequest(name)))).name).toBe("ConflictException");
      await client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: name }));
      expect((await start(monoRequest(name))).TranscriptionJobStatus).toBe("IN_PROGRESS");
    });

    it("answers an unknown job name with BadRequestException, as the service does", async () => {
      const error = await rejection(get("never-started"));
      expect(error).toMatchObject({ name: "BadRequestException", message: "The requested job couldn't be found. Check the job name and try your request again." });
      const deleting = await rejection(client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: "never-started" })));
      expect(deleting.name).toBe("BadRequestException");
    });

    it("refuses to delete a job in progress; deleting a finished one leaves its transcript in your bucket", async () => {
      const name = jobName("delete");
      await start(monoRequest(name));
      expect((await rejection(client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: name })))).name).toBe("BadRequestException");
      const job = await finished(name);
      await client.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: name }));
      expect(transcribe.jobs.has(name)).toBe(false);
      expect(transcribe.deleted).toContain(name);
      expect((await rejection(get(name))).name).toBe("BadRequestException");
      expect((await transcriptOf(job)).jobName).toBe(name);
    });
  });

  describe("faults, and what the SDK's retries make of them", () => {
    it("ThrottlingException (400 with __type) with retries off: thrown, marked throttling", async () => {
      transcribe.fault = () => ({ kind: "throttled" });
      const error = await rejection(get("any"));
      expect(error).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400, attempts: 1 } });
      expect(error.$fault).toBe("client");
      const answer = transcribe.received.at(-1)!;
      expect(answer.operation).toBe("GetTranscriptionJob");
    });

    it("ThrottlingException with the SDK's default retries (3 attempts): retried after a back-off, then succeeds", async () => {
      const retrying = new TranscribeClient(transcribe.clientConfig);
      const name = jobName("retried");
      await start(monoRequest(name));
      const first = transcribe.received.length;
      transcribe.fault = (_request, index) => (index === first ? { kind: "throttled" } : undefined);
      const response = await retrying.send(new GetTranscriptionJobCommand({ TranscriptionJobName: name }));
      expect(response.$metadata.attempts).toBe(2);
      expect(transcribe.received.length - first).toBe(2);
      retrying.destroy();
    });

    it("LimitExceededException is modelled and also retried as throttling", async () => {
      transcribe.fault = () => ({ kind: "throttled", errorType: "LimitExceededException", message: "You've either sent too many requests or your input file is too long." });
      const retrying = new TranscribeClient({ ...transcribe.clientConfig, maxAttempts: 2 });
      const error = await rejection(retrying.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" })));
      expect(error).toMatchObject({ name: "LimitExceededException", $fault: "client", $metadata: { httpStatusCode: 400, attempts: 2 } });
      retrying.destroy();
    });

    it("500 InternalFailureException: thrown as a server fault; the default client tries 3 times", async () => {
      transcribe.fault = () => ({ kind: "server-error" });
      const error = await rejection(get("any"));
      expect(error).toMatchObject({ name: "InternalFailureException", $fault: "server", $metadata: { httpStatusCode: 500 } });
      const before = transcribe.received.length;
      const retrying = new TranscribeClient(transcribe.clientConfig);
      const retried = await rejection(retrying.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" })));
      expect(retried.$metadata.attempts).toBe(3);
      expect(transcribe.received.length - before).toBe(3);
      retrying.destroy();
    });

    it("a hang ends only with throwOnRequestTimeout (TimeoutError) or the caller's abortSignal — requestTimeout alone just logs a warning", async () => {
      transcribe.fault = () => ({ kind: "hang" });
      const throwing = new TranscribeClient({ ...transcribe.clientConfig, maxAttempts: 1, requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true } });
      const timedOut = await rejection(throwing.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" })));
      expect(timedOut.name).toBe("TimeoutError");
      throwing.destroy();

      const warning = new TranscribeClient({ ...transcribe.clientConfig, maxAttempts: 1, requestHandler: { requestTimeout: 100 } });
      const startedAt = Date.now();
      await expect(warning.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" }), { abortSignal: AbortSignal.timeout(600) })).rejects.toThrow(/abort/i);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(550);
      warning.destroy();
    });

    it("a malformed body is a deserialization error", async () => {
      transcribe.fault = () => ({ kind: "malformed" });
      await expect(get("any")).rejects.toThrow(/JSON|Deserializ|Unexpected end/i);
    });

    it("refuses unknown credentials and a signature scoped to another region", async () => {
      const stranger = new TranscribeClient({ ...transcribe.clientConfig, credentials: { accessKeyId: "AKIASOMEONEELSE", secretAccessKey: "x" }, maxAttempts: 1 });
      expect(await rejection(stranger.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" })))).toMatchObject({ name: "UnrecognizedClientException" });
      stranger.destroy();
      const elsewhere = new TranscribeClient({ ...transcribe.clientConfig, region: "eu-west-1", maxAttempts: 1 });
      expect(await rejection(elsewhere.send(new GetTranscriptionJobCommand({ TranscriptionJobName: "any" })))).toMatchObject({ name: "InvalidSignatureException" });
      elsewhere.destroy();
    });
  });
});
