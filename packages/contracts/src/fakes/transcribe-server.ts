/**
 * A fake of Amazon Transcribe batch transcription (JSON 1.1, target prefix `Transcribe`, SigV4
 * signing name `transcribe`) on 127.0.0.1 over HTTP, for `@aws-sdk/client-transcribe` with
 * `endpoint` pointed at it (`new TranscribeClient(fake.clientConfig)`). Operations:
 *
 *   StartTranscriptionJob  validated as the service does (transcribe-validation.ts), then:
 *                          a name in use → ConflictException; the media object must exist in
 *                          the S3 stand-in (`s3://bucket/key` or an https S3 URL) and the
 *                          OutputBucketName bucket too → BadRequestException otherwise.
 *   GetTranscriptionJob    moves the job on by one step (below); unknown name → BadRequestException
 *                          "The requested job couldn't be found. …" (as the service answers).
 *   DeleteTranscriptionJob a job still QUEUED or IN_PROGRESS → BadRequestException; unknown name →
 *                          BadRequestException as above. The transcript object in your bucket is
 *                          NOT deleted (the service does not delete it either).
 *
 * A job advances per GetTranscriptionJob call, so tests need no clock: `pollsQueued` reads answer
 * QUEUED (Start answers IN_PROGRESS when it is 0); when the job starts the fake READS the media
 * object from the S3 stand-in (recorded in `mediaReads`) and checks it with core's sniffer —
 * not audio → FAILED "Unsupported media format", a MediaFormat that is not what the bytes are →
 * "The media format provided does not match the detected media format", more than two channels
 * → "Invalid number of channels: number of channels too large" (FailureReason values from the
 * API reference), reported at the next read. After `pollsInProgress` reads answered IN_PROGRESS
 * the plan's outcome happens: COMPLETED — the transcript JSON (transcribe-output.ts) is WRITTEN
 * to OutputBucketName/OutputKey in the S3 stand-in and `Transcript.TranscriptFileUri` names it
 * (`https://s3.<region>.amazonaws.com/<bucket>/<key>`, as the service does; read it with your
 * S3 client, never by that URL) — FAILED with the plan's FailureReason, or never (IN_PROGRESS
 * forever). Without OutputBucketName the transcript is served by the fake itself at
 * `TranscriptFileUri` (the service's temporary URL of its own bucket).
 *
 * OutputKey as the API reference defines it: a key ending in ".json" is the object's key;
 * otherwise it is a folder and the object is `<OutputKey>/<job name>.json`; none →
 * `<job name>.json`.
 */
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sniffAudio } from "@confide/core";
import {
  AwsJsonError,
  fakeAwsCredentials,
  startAwsJsonService,
  type AwsJsonFault,
  type FakeAwsCredentials,
  type LocalAwsClientConfig,
  type ReceivedAwsRequest,
} from "./aws-json-service.ts";
import { ValidationErrors } from "./aws-validation.ts";
import { pathStyleS3Access, type S3ObjectAccess } from "./s3-object-access.ts";
import { transcribeOutputFile, type FakeTranscribeTranscript, type TranscribeOutputShape } from "./transcribe-output.ts";
import { badRequest, validateStartTranscriptionJob, type StartTranscriptionJobInput } from "./transcribe-validation.ts";
import {
  applyVocabularyFilter,
  checkJobVocabularyFilters,
  jobVocabularyFilter,
  vocabularyFilterOperations,
  type FakeVocabularyFilter,
} from "./transcribe-vocabulary-filters.ts";

export type FakeTranscribeOutcome =
  | { kind: "completed"; transcript: FakeTranscribeTranscript; shape?: TranscribeOutputShape }
  | { kind: "failed"; failureReason?: string }
  | { kind: "in-progress-forever" };

export interface FakeTranscribeJobPlan {
  /** GetTranscriptionJob answers QUEUED before the job starts (default 0). */
  pollsQueued?: number;
  /** GetTranscriptionJob answers IN_PROGRESS before the outcome (default 1). */
  pollsInProgress?: number;
  outcome: FakeTranscribeOutcome;
}

export type TranscriptionJobStatus = "QUEUED" | "IN_PROGRESS" | "FAILED" | "COMPLETED";

export interface MediaRead {
  jobName: string;
  bucket: string;
  key: string;
  /** HTTP status of the read (0: no answer). */
  status: number;
  sizeBytes: number;
  sha256: string;
  /** What the bytes are (core's sniffer), null when not audio it knows. */
  format: string | null;
  channels: number | null;
}

export interface FakeTranscriptionJob {
  request: StartTranscriptionJobInput;
  plan: FakeTranscribeJobPlan;
  status: TranscriptionJobStatus;
  createdAt: Date;
  startedAt: Date | undefined;
  completedAt: Date | undefined;
  failureReason: string | undefined;
  /** Set when the media check failed; reported at the next read. */
  pendingFailure: string | undefined;
  reads: number;
  media: MediaRead | undefined;
  /** Where the transcript went: the S3 stand-in, or served by the fake. */
  output: { bucket: string; key: string; uri: string } | { servedAt: string; uri: string } | undefined;
  transcriptJson: string | undefined;
  /** True while a read moves the job on (reading its media, writing its transcript). */
  stepping?: boolean;
}

export interface FakeTranscribeServer {
  /** The service endpoint, e.g. http://127.0.0.1:41234 */
  url: string;
  region: string;
  accountId: string;
  credentials: FakeAwsCredentials;
  /** Spread into `new TranscribeClient(...)`; add `maxAttempts`/`requestHandler` as a test needs. */
  clientConfig: LocalAwsClientConfig;
  /** Decides each new job's course. Default: COMPLETED after one IN_PROGRESS read with `defaultTranscribeTranscript`. */
  plan: FakeTranscribeJobPlan | ((request: StartTranscriptionJobInput, index: number) => FakeTranscribeJobPlan);
  /** Answers a request instead of the service when it returns a fault; index counts every request. */
  fault: (request: ReceivedAwsRequest, index: number) => AwsJsonFault | undefined;
  /** How the fake reads media and writes transcripts (default: path-style HTTP to the S3 stand-in). */
  s3: S3ObjectAccess;
  received: ReceivedAwsRequest[];
  mediaReads: MediaRead[];
  /** Jobs that exist (deleted ones leave). */
  jobs: Map<string, FakeTranscriptionJob>;
  deleted: string[];
  /**
   * How an unknown job name is answered: `BadRequestException` "couldn't be found" (what the
   * service is seen to send) or `NotFoundException` (the error the 2017-10-26 model lists for
   * GetTranscriptionJob and DeleteTranscriptionJob: "We can't find the requested resource").
   * Default BadRequestException; a client must take both as "no such job".
   */
  jobNotFoundAs: "BadRequestException" | "NotFoundException";
  /** Vocabulary filters by name (transcribe-vocabulary-filters.ts): made by CreateVocabularyFilter, or set here by a test. */
  vocabularyFilters: Map<string, FakeVocabularyFilter>;
  /**
   * Largest media object StartTranscriptionJob takes, in bytes. Default 2 GB (API reference,
   * "Guidelines and quotas": media up to 4 hours or 2 GB). Above it the request is refused with
   * `LimitExceededException` "… your input file is too long …" — the exception the API
   * reference documents for "You've either sent too many requests or your input file is too
   * long" (StartTranscriptionJob, Errors). Lower it in tests instead of making 2 GB of audio.
   */
  maxMediaBytes: number;
  close(): Promise<void>;
}

export interface FakeTranscribeServerOptions {
  /** The S3 stand-in's endpoint (path-style), where media is read and transcripts written. */
  s3Endpoint: string;
  region?: string;
  plan?: FakeTranscribeServer["plan"];
  /** The access key the fake admits (default: a random one); e.g. the S3 stand-in's, for a client using one credential chain for both. */
  credentials?: FakeAwsCredentials;
}

export const defaultTranscribeTranscript: FakeTranscribeTranscript = {
  segments: [
    { speaker: 0, channel: 0, startMs: 0, endMs: 1520, text: "How have you been sleeping?" },
    { speaker: 1, channel: 1, startMs: 1900, endMs: 3250, text: "Better this week, thanks." },
  ],
};

const jobNotFoundMessage = "The requested job couldn't be found. Check the job name and try your request again.";

/** Bucket and key of an S3 media URI (s3://, path-style or virtual-hosted https). */
export function s3Location(uri: string): { bucket: string; key: string } | undefined {
  const match =
    /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) ??
    /^https?:\/\/s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/]+)\/(.+)$/.exec(uri) ??
    /^https?:\/\/([^/]+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/(.+)$/.exec(uri);
  if (match === null) return undefined;
  let key = match[2]!;
  try {
    if (!uri.startsWith("s3://")) key = decodeURIComponent(key);
  } catch {
    // Not percent-encoded after all: the key as written.
  }
  return { bucket: match[1]!, key };
}

/** The key of the transcript object, as OutputKey is defined. */
export function transcribeOutputKey(jobName: string, outputKey: string | undefined): string {
  if (outputKey === undefined) return `${jobName}.json`;
  if (outputKey.endsWith(".json")) return outputKey;
  return `${outputKey.replace(/\/+$/, "")}/${jobName}.json`;
}

/** Transcribe's MediaFormat names for what core's sniffer finds. */
const mediaFormatsOf: Record<string, string[]> = { wav: ["wav"], mp3: ["mp3"], ogg: ["ogg"], flac: ["flac"], mp4: ["mp4", "m4a"], webm: ["webm"] };

const epochSeconds = (date: Date | undefined) => (date === undefined ? undefined : date.getTime() / 1000);

export async function startFakeTranscribeServer(options: FakeTranscribeServerOptions): Promise<FakeTranscribeServer> {
  const region = options.region ?? "us-east-1";
  const credentials = options.credentials ?? fakeAwsCredentials();
  const fake: FakeTranscribeServer = {
    url: "",
    region,
    accountId: "123456789012",
    credentials,
    clientConfig: { endpoint: "", region, credentials },
    plan: options.plan ?? { outcome: { kind: "completed", transcript: defaultTranscribeTranscript } },
    fault: () => undefined,
    s3: pathStyleS3Access(options.s3Endpoint),
    received: [],
    mediaReads: [],
    jobs: new Map(),
    deleted: [],
    jobNotFoundAs: "BadRequestException",
    vocabularyFilters: new Map(),
    maxMediaBytes: 2 * 1000 ** 3,
    close: async () => {},
  };
  const jobNotFound = () =>
    fake.jobNotFoundAs === "NotFoundException" ? new AwsJsonError(400, "NotFoundException", jobNotFoundMessage) : badRequest(jobNotFoundMessage);
  let starts = 0;

  const view = (job: FakeTranscriptionJob) => {
    const { request } = job;
    const identified =
      job.status === "COMPLETED" && job.plan.outcome.kind === "completed" && (request.IdentifyLanguage || request.IdentifyMultipleLanguages)
        ? {
            code: job.plan.outcome.transcript.identifiedLanguage ?? request.LanguageOptions?.[0] ?? "en-US",
            score: job.plan.outcome.transcript.identifiedLanguageScore ?? 0.98,
          }
        : undefined;
    const detectedFormat = job.media?.format === null || job.media === undefined ? undefined : mediaFormatsOf[job.media.format]?.[0];
    return {
      TranscriptionJobName: request.TranscriptionJobName,
      TranscriptionJobStatus: job.status,
      ...(request.LanguageCode !== undefined ? { LanguageCode: request.LanguageCode } : identified ? { LanguageCode: identified.code } : {}),
      ...(request.MediaSampleRateHertz === undefined ? {} : { MediaSampleRateHertz: request.MediaSampleRateHertz }),
      ...(request.MediaFormat !== undefined ? { MediaFormat: request.MediaFormat } : detectedFormat ? { MediaFormat: detectedFormat } : {}),
      Media: request.Media,
      ...(job.status === "COMPLETED" && job.output ? { Transcript: { TranscriptFileUri: job.output.uri } } : {}),
      ...(job.startedAt ? { StartTime: epochSeconds(job.startedAt) } : {}),
      CreationTime: epochSeconds(job.createdAt),
      ...(job.completedAt ? { CompletionTime: epochSeconds(job.completedAt) } : {}),
      ...(job.failureReason === undefined ? {} : { FailureReason: job.failureReason }),
      Settings: { ChannelIdentification: false, ShowAlternatives: false, ...request.Settings },
      ...(request.IdentifyLanguage === undefined ? {} : { IdentifyLanguage: request.IdentifyLanguage }),
      ...(request.IdentifyMultipleLanguages === undefined ? {} : { IdentifyMultipleLanguages: request.IdentifyMultipleLanguages }),
      ...(request.LanguageOptions === undefined ? {} : { LanguageOptions: request.LanguageOptions }),
      ...(request.LanguageIdSettings === undefined ? {} : { LanguageIdSettings: request.LanguageIdSettings }),
      ...(identified ? { IdentifiedLanguageScore: identified.score } : {}),
      ...(identified && request.IdentifyMultipleLanguages ? { LanguageCodes: [{ LanguageCode: identified.code, DurationInSeconds: 0 }] } : {}),
    };
  };

  /** The job starts: the media is read from S3 and checked; a problem fails it at the next read. */
  const begin = async (job: FakeTranscriptionJob, reads: number) => {
    job.status = "IN_PROGRESS";
    job.startedAt = new Date();
    job.reads = reads;
    const { bucket, key } = s3Location(job.request.Media.MediaFileUri)!;
    const { status, bytes } = await fake.s3.read(bucket, key);
    const sniffed = sniffAudio(bytes.subarray(0, 64));
    job.media = {
      jobName: job.request.TranscriptionJobName,
      bucket,
      key,
      status,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      format: sniffed?.format ?? null,
      channels: sniffed?.channels ?? null,
    };
    fake.mediaReads.push(job.media);
    if (status < 200 || status > 299) job.pendingFailure = "The media file couldn't be read from Amazon S3.";
    else if (sniffed === null) job.pendingFailure = "Unsupported media format";
    else if (job.request.MediaFormat !== undefined && !mediaFormatsOf[sniffed.format]!.includes(job.request.MediaFormat)) {
      job.pendingFailure = "The media format provided does not match the detected media format";
    } else if ((sniffed.channels ?? 1) > 2) job.pendingFailure = "Invalid number of channels: number of channels too large";
  };

  const fail = (job: FakeTranscriptionJob, reason: string) => {
    job.status = "FAILED";
    job.failureReason = reason;
    job.completedAt = new Date();
  };

  const complete = async (job: FakeTranscriptionJob, outcome: Extract<FakeTranscribeOutcome, { kind: "completed" }>) => {
    const { request } = job;
    const name = request.TranscriptionJobName;
    const settings = request.Settings ?? {};
    const language = request.LanguageCode ?? outcome.transcript.identifiedLanguage ?? request.LanguageOptions?.[0] ?? "en-US";
    const filtering = jobVocabularyFilter(request, language, fake.vocabularyFilters);
    const transcript = filtering === undefined ? outcome.transcript : { ...outcome.transcript, segments: applyVocabularyFilter(outcome.transcript.segments, filtering) };
    job.transcriptJson = JSON.stringify(
      transcribeOutputFile(transcript, {
        jobName: name,
        accountId: fake.accountId,
        shape: outcome.shape ?? "items-and-audio-segments",
        maxSpeakerLabels: settings.ShowSpeakerLabels ? settings.MaxSpeakerLabels : undefined,
        channelIdentification: settings.ChannelIdentification === true,
        mediaChannels: job.media?.channels ?? null,
      }),
    );
    if (request.OutputBucketName === undefined) {
      const servedAt = `/service-output/${encodeURIComponent(name)}/asrOutput.json`;
      job.output = { servedAt, uri: `${fake.url}${servedAt}` };
    } else {
      const bucket = request.OutputBucketName;
      const key = transcribeOutputKey(name, request.OutputKey);
      try {
        await fake.s3.write(bucket, key, job.transcriptJson, "application/json");
      } catch {
        fail(job, "The transcript couldn't be written to the output bucket.");
        return;
      }
      job.output = { bucket, key, uri: `https://s3.${region}.amazonaws.com/${bucket}/${key}` };
    }
    job.status = "COMPLETED";
    job.completedAt = new Date();
  };

  /** Moves a job on by one GetTranscriptionJob (see the file comment). */
  /** One step at a time: a read while the job reads its media or writes its transcript finds it as it was, never done without them. */
  const advance = async (job: FakeTranscriptionJob) => {
    job.reads += 1;
    if (job.stepping === true) return;
    job.stepping = true;
    try {
      await step(job);
    } finally {
      job.stepping = false;
    }
  };

  const step = async (job: FakeTranscriptionJob) => {
    const { plan } = job;
    if (job.status === "QUEUED") {
      if (job.reads > (plan.pollsQueued ?? 0)) await begin(job, 1);
      return;
    }
    if (job.status !== "IN_PROGRESS") return;
    if (job.pendingFailure !== undefined) {
      fail(job, job.pendingFailure);
      return;
    }
    if (plan.outcome.kind === "in-progress-forever" || job.reads <= (plan.pollsInProgress ?? 1)) return;
    if (plan.outcome.kind === "failed") fail(job, plan.outcome.failureReason ?? "Unsupported media format");
    else await complete(job, plan.outcome);
  };

  const jobNamed = (input: Record<string, unknown>) => {
    const errors = new ValidationErrors();
    errors.required(input.TranscriptionJobName, "transcriptionJobName");
    const invalid = errors.toError("BadRequestException");
    if (invalid !== undefined) throw invalid;
    const job = fake.jobs.get(String(input.TranscriptionJobName));
    if (job === undefined) throw jobNotFound();
    return job;
  };

  const operations = {
    ...vocabularyFilterOperations(fake.vocabularyFilters),
    async StartTranscriptionJob(input: Record<string, unknown>) {
      const request = validateStartTranscriptionJob(input);
      const name = request.TranscriptionJobName;
      if (fake.jobs.has(name)) throw new AwsJsonError(400, "ConflictException", "The requested job name already exists. Use a different job name.");
      const media = s3Location(request.Media.MediaFileUri);
      const mediaBytes = media === undefined ? undefined : await fake.s3.size(media.bucket, media.key);
      if (media === undefined || mediaBytes === undefined) {
        throw badRequest("The URI that you provided doesn't point to an S3 object. Make sure that the object exists and try your request again.");
      }
      if (mediaBytes > fake.maxMediaBytes) {
        throw new AwsJsonError(
          400,
          "LimitExceededException",
          `You've either sent too many requests or your input file is too long: the media file is ${mediaBytes} bytes, more than the maximum size of ${fake.maxMediaBytes} bytes. Use a smaller file and try your request again.`,
        );
      }
      if (request.OutputBucketName !== undefined && !(await fake.s3.bucketExists(request.OutputBucketName))) {
        throw badRequest(`The specified S3 bucket ${request.OutputBucketName} doesn't exist or you don't have permission to write to it.`);
      }
      const settings = request.Settings ?? {};
      if (settings.VocabularyName !== undefined) throw badRequest("The requested vocabulary couldn't be found. Check the vocabulary name and try your request again.");
      checkJobVocabularyFilters(request, fake.vocabularyFilters);
      const plan = typeof fake.plan === "function" ? fake.plan(request, starts) : fake.plan;
      starts += 1;
      const job: FakeTranscriptionJob = {
        request,
        plan,
        status: "QUEUED",
        createdAt: new Date(),
        startedAt: undefined,
        completedAt: undefined,
        failureReason: undefined,
        pendingFailure: undefined,
        reads: 0,
        media: undefined,
        output: undefined,
        transcriptJson: undefined,
      };
      fake.jobs.set(name, job);
      if ((plan.pollsQueued ?? 0) === 0) {
        job.stepping = true;
        try {
          await begin(job, 0);
        } finally {
          job.stepping = false;
        }
      }
      return { TranscriptionJob: view(job) };
    },
    async GetTranscriptionJob(input: Record<string, unknown>) {
      const job = jobNamed(input);
      await advance(job);
      return { TranscriptionJob: view(job) };
    },
    /**
     * ListTranscriptionJobs: `JobNameContains` (case-insensitive, as the API reference says),
     * `Status`, newest first, `MaxResults` 1–100 (default 5) per page with `NextToken`.
     */
    async ListTranscriptionJobs(input: Record<string, unknown>) {
      const errors = new ValidationErrors();
      if (input.MaxResults !== undefined) errors.range(Number(input.MaxResults), "maxResults", 1, 100);
      if (input.Status !== undefined) errors.oneOf(String(input.Status), "status", ["QUEUED", "IN_PROGRESS", "FAILED", "COMPLETED"]);
      const invalid = errors.toError("BadRequestException");
      if (invalid !== undefined) throw invalid;
      const contains = input.JobNameContains === undefined ? undefined : String(input.JobNameContains).toLowerCase();
      // Newest first: the map holds jobs in the order they were started.
      const matching = [...fake.jobs.values()]
        .reverse()
        .filter((job) => (contains === undefined || job.request.TranscriptionJobName.toLowerCase().includes(contains)) && (input.Status === undefined || job.status === input.Status));
      const from = input.NextToken === undefined ? 0 : Number(input.NextToken);
      if (!Number.isInteger(from) || from < 0) throw badRequest("The NextToken isn't valid.");
      const size = input.MaxResults === undefined ? 5 : Number(input.MaxResults);
      const page = matching.slice(from, from + size);
      return {
        ...(input.Status === undefined ? {} : { Status: input.Status }),
        TranscriptionJobSummaries: page.map((job) => ({
          TranscriptionJobName: job.request.TranscriptionJobName,
          TranscriptionJobStatus: job.status,
          CreationTime: epochSeconds(job.createdAt),
          ...(job.request.LanguageCode === undefined ? {} : { LanguageCode: job.request.LanguageCode }),
        })),
        ...(from + size < matching.length ? { NextToken: String(from + size) } : {}),
      };
    },
    async DeleteTranscriptionJob(input: Record<string, unknown>) {
      const job = jobNamed(input);
      if (job.status === "QUEUED" || job.status === "IN_PROGRESS") {
        throw badRequest(`The job ${job.request.TranscriptionJobName} couldn't be deleted because it is ${job.status}. Wait until it has finished and try again.`);
      }
      fake.jobs.delete(job.request.TranscriptionJobName);
      fake.deleted.push(job.request.TranscriptionJobName);
      return {};
    },
  };

  /** The service bucket's temporary URL of a transcript when the job named no OutputBucketName. */
  const serveGet = (path: string, response: ServerResponse) => {
    const job = [...fake.jobs.values()].find((candidate) => candidate.output !== undefined && "servedAt" in candidate.output && candidate.output.servedAt === path);
    if (job === undefined) return false;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(job.transcriptJson);
    return true;
  };

  const listener = await startAwsJsonService({
    targetPrefix: "Transcribe",
    signingName: "transcribe",
    region,
    credentials,
    internalErrorType: "InternalFailureException",
    operations,
    received: fake.received,
    fault: () => fake.fault,
    serveGet,
  });
  fake.url = listener.url;
  fake.clientConfig.endpoint = listener.url;
  fake.close = listener.close;
  return fake;
}

