import { defaultTranscriptionSettings, silentLogger } from "@confide/core/ports";
import { byteStream, pcmWav } from "@confide/core/testing";
import { startFakeTranscribeServer, type FakeTranscribeServer } from "@confide/contracts/fakes";
import { startS3Server, type S3Server } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { transcribeDescriptor } from "./descriptor.ts";

let s3: S3Server;
let transcribe: FakeTranscribeServer;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ["transcripts", "staging"] });
  // One credential chain reaches both: the fake admits the S3 stand-in's key.
  transcribe = await startFakeTranscribeServer({ s3Endpoint: s3.endpoint, region: "eu-west-1", credentials: s3.credentials });
});

afterAll(async () => {
  await transcribe?.close();
  await s3?.stop();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const issuesOf = (variables: Record<string, string>) =>
  transcribeDescriptor.settings.safeParse(variables).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("transcribe descriptor", () => {
  it("needs an output bucket; documents its defaults", () => {
    expect(issuesOf({})?.map(([path]) => path)).toEqual(["CONFIDE_TRANSCRIBE_OUTPUT_BUCKET"]);
    expect(transcribeDescriptor.settings.parse({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts" })).toEqual({
      CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts",
      CONFIDE_TRANSCRIBE_OUTPUT_PREFIX: "transcribe-output/",
      CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: 15,
      CONFIDE_TRANSCRIBE_DISCARD_WAIT_SECONDS: 30,
    });
  });

  it("reads vocabulary filters per language and refuses a list that is not <language>=<filter>", () => {
    const parsed = transcribeDescriptor.settings.parse({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts", CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS: "en-US=profanity-en, de-DE=profanity-de" });
    expect(parsed.CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS).toEqual({ "en-US": "profanity-en", "de-DE": "profanity-de" });
    for (const wrong of ["profanity-en", "english=profanity-en", "en-US=bad/name", "en-US=a,en-US=b"]) {
      expect(issuesOf({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts", CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS: wrong })?.map(([path]) => path)).toEqual([
        "CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS",
      ]);
    }
  });

  it("refuses bucket names S3 refuses, prefixes Transcribe's OutputKey refuses, and a poll interval of zero", () => {
    expect(issuesOf({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "Transcripts_Bucket" })?.map(([path]) => path)).toEqual(["CONFIDE_TRANSCRIBE_OUTPUT_BUCKET"]);
    expect(issuesOf({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts", CONFIDE_TRANSCRIBE_STAGING_BUCKET: "s" })?.map(([path]) => path)).toEqual([
      "CONFIDE_TRANSCRIBE_STAGING_BUCKET",
    ]);
    expect(issuesOf({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts", CONFIDE_TRANSCRIBE_OUTPUT_PREFIX: "out put/" })?.map(([path]) => path)).toEqual([
      "CONFIDE_TRANSCRIBE_OUTPUT_PREFIX",
    ]);
    expect(issuesOf({ CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts", CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: "0" })?.map(([path]) => path)).toEqual([
      "CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS",
    ]);
  });

  it("starts jobs in the region, through the endpoints, with credentials from the SDK's chain, writing where the variables say", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = transcribeDescriptor.settings.parse({
      CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts",
      CONFIDE_TRANSCRIBE_OUTPUT_PREFIX: "confide/transcripts",
      CONFIDE_TRANSCRIBE_STAGING_BUCKET: "staging",
      CONFIDE_TRANSCRIBE_REGION: "eu-west-1",
      CONFIDE_TRANSCRIBE_ENDPOINT: transcribe.url,
      CONFIDE_TRANSCRIBE_S3_ENDPOINT: s3.endpoint,
      CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: "7",
    });
    const speech = await transcribeDescriptor.create(settings, { logger: silentLogger, dataDir: "/nonexistent" });
    const wav = pcmWav({ channels: 1, dataBytes: 16_000 });
    try {
      await speech.check();
      const result = await speech.submit(
        { key: "sessions/s1/audio.wav", contentType: "audio/wav", sizeBytes: wav.byteLength, channels: 1, open: async () => byteStream(wav) },
        defaultTranscriptionSettings,
      );

      expect(result).toMatchObject({ status: "pending", retryAfterMs: 7_000 });
      const ref = result.status === "pending" ? result.ref : "";
      const start = transcribe.received.find((request) => request.operation === "StartTranscriptionJob");
      expect(start?.body).toMatchObject({
        Media: { MediaFileUri: `s3://staging/transcribe-staging/${ref}` },
        OutputBucketName: "transcripts",
        OutputKey: `confide/transcripts/${ref}.json`,
      });
      expect(start?.headers.authorization).toMatch(/Credential=S3RVER\/\d{8}\/eu-west-1\/transcribe\/aws4_request/);
      expect(transcribe.mediaReads.at(-1)).toMatchObject({ bucket: "staging", status: 200, sizeBytes: wav.byteLength });
      await speech.discard(ref);
      expect(transcribe.deleted).toContain(ref);
    } finally {
      await speech.close();
    }
  });
});
