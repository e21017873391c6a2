import { defaultTranscriptionSettings } from "@confide/core";
import { silentLogger } from "@confide/core/adapter-kit";
import { byteStream, pcmWav } from "@confide/core/testing";
import { expectConfideError } from "@confide/contracts";
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

const issuesOf = (settings: Record<string, unknown>) =>
  transcribeDescriptor.settings.safeParse(settings).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("transcribe descriptor", () => {
  it("needs an output bucket; documents its defaults", () => {
    expect(issuesOf({})?.map(([path]) => path)).toEqual(["outputBucket"]);
    expect(transcribeDescriptor.settings.parse({ outputBucket: "transcripts" })).toEqual({
      outputBucket: "transcripts",
      outputPrefix: "transcribe-output/",
      pollIntervalSeconds: 15,
      discardWaitSeconds: 30,
      stagingPrefix: "transcribe-staging/",
      jobNamePrefix: "confide-",
      discardPollIntervalMs: 2_000,
      maxAttempts: 3,
      connectionTimeoutMs: 5_000,
      requestTimeoutMs: 30_000,
    });
    // As the variables give them: text; a prefix gets its "/".
    expect(transcribeDescriptor.settings.parse({ outputBucket: "transcripts", outputPrefix: "confide/out", pollIntervalSeconds: "7", discardWaitSeconds: "0" })).toMatchObject({
      outputPrefix: "confide/out/",
      pollIntervalSeconds: 7,
      discardWaitSeconds: 0,
    });
  });

  it("reads vocabulary filters per language and refuses a list that is not <language>=<filter>", () => {
    const parsed = transcribeDescriptor.settings.parse({ outputBucket: "transcripts", vocabularyFilters: "en-US=profanity-en, de-DE=profanity-de" });
    expect(parsed.vocabularyFilters).toEqual({ "en-US": "profanity-en", "de-DE": "profanity-de" });
    // As code gives them, and as they come out of a first parse (the host's, then the factory's).
    expect(transcribeDescriptor.settings.parse(parsed).vocabularyFilters).toEqual({ "en-US": "profanity-en", "de-DE": "profanity-de" });
    for (const wrong of ["profanity-en", "english=profanity-en", "en-US=bad/name", "en-US=a,en-US=b", { english: "profanity-en" }, { "en-US": "bad/name" }]) {
      expect(issuesOf({ outputBucket: "transcripts", vocabularyFilters: wrong })?.map(([path]) => path)).toEqual(["vocabularyFilters"]);
    }
  });

  it("refuses bucket names S3 refuses, prefixes Transcribe's OutputKey refuses, and a poll interval of zero", () => {
    expect(issuesOf({ outputBucket: "Transcripts_Bucket" })?.map(([path]) => path)).toEqual(["outputBucket"]);
    expect(issuesOf({ outputBucket: "transcripts", stagingBucket: "s" })?.map(([path]) => path)).toEqual(["stagingBucket"]);
    expect(issuesOf({ outputBucket: "transcripts", outputPrefix: "out put/" })?.map(([path]) => path)).toEqual(["outputPrefix"]);
    expect(issuesOf({ outputBucket: "transcripts", pollIntervalSeconds: "0" })?.map(([path]) => path)).toEqual(["pollIntervalSeconds"]);
  });

  it("refuses bad settings from code as validation.invalid_input naming the setting", async () => {
    for (const [setting, value] of [
      ["outputBucket", "Transcripts_Bucket"],
      ["stagingPrefix", "staging area/"],
      ["jobNamePrefix", "confide jobs"],
      ["vocabularyFilterName", "bad/name"],
      ["vocabularyFilters", { english: "profanity-en" }],
      ["endpoint", "transcribe"],
      ["s3Endpoint", "s3"],
      ["pollIntervalSeconds", 0],
      ["discardWaitSeconds", 601],
      ["discardPollIntervalMs", 0],
      ["maxAttempts", 11],
      ["connectionTimeoutMs", 0],
      ["requestTimeoutMs", 600_001],
    ] as const) {
      const error = await expectConfideError(transcribeDescriptor.create({ outputBucket: "transcripts", [setting]: value }, { logger: silentLogger, dataDir: "/nonexistent" }), "validation.invalid_input");
      expect(error.details, setting).toEqual({ setting });
    }
  });

  it("starts jobs in the region, through the endpoints, with credentials from the SDK's chain, writing where the settings say", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", s3.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", s3.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = transcribeDescriptor.settings.parse({
      outputBucket: "transcripts",
      outputPrefix: "confide/transcripts",
      stagingBucket: "staging",
      region: "eu-west-1",
      endpoint: transcribe.url,
      s3Endpoint: s3.endpoint,
      pollIntervalSeconds: "7",
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
