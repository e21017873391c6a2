/**
 * A fake of Azure Speech batch transcription, REST API version 2024-11-15, on 127.0.0.1 over
 * HTTP. Base URL = the Speech resource endpoint (`url`); paths as the service has them:
 *
 *   POST   /speechtotext/transcriptions:submit?api-version=2024-11-15   → 201 Transcription (+ Location)
 *   GET    /speechtotext/transcriptions/{id}?api-version=2024-11-15      → 200 Transcription
 *   GET    /speechtotext/transcriptions/{id}/files?api-version=…&skip&top → 200 { values, @nextLink }
 *   GET    /speechtotext/transcriptions/{id}/files/{fileId}?api-version=… → 200 File
 *   GET    /speechtotext/transcriptions?api-version=…&skip&top            → 200 { values, @nextLink }
 *   PATCH  /speechtotext/transcriptions/{id}?api-version=2024-11-15      → 200 Transcription (TranscriptionUpdate:
 *                                          displayName, description, customProperties)
 *   GET    /speechtotext/transcriptions?filter=description eq '…'         → only the jobs so described
 *   DELETE /speechtotext/transcriptions/{id}?api-version=2024-11-15      → 204 (also when missing); 400
 *                                          DeleteNotAllowed while the job is NotStarted or Running
 *   GET    /results/{id}/{fileId}?sig=…   the files' `links.contentUrl`, SAS-style: no key, a
 *                                          wrong or missing `sig` → 403, a deleted job → 404
 *
 * Requests to the API need `Ocp-Apim-Subscription-Key: <key>` or `Authorization: Bearer
 * <bearerToken>` (401 otherwise, in the Cognitive Services gateway's format). The submit body
 * is validated against the 2024-11-15 schema (azure-speech-batch-validation.ts).
 *
 * A job moves on when it is read (GET), so tests need no clock: `pollsNotStarted` reads answer
 * NotStarted; the next read starts it — the fake then DOWNLOADS every content URL (proving the
 * URL works: an unreachable or refused URL fails the job as the service does, "Authentication
 * failed for recordings URI." / "The recordings URI contains invalid data.", and diarization
 * of a recording with more than one channel fails too, in any container: its channels are read
 * by ffprobe) and answers Running; after `pollsRunning`
 * more reads and `runningForMs` since the start, it ends as the plan says: Succeeded with
 * result files made from the test's transcript script, Failed with `properties.error`, or
 * never (Running forever). Scripted faults (`fault`) answer any request instead: 429 with
 * Retry-After, 5xx, a hang, a malformed body.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  transcriptionReportFile,
  transcriptionResultFile,
  type FakeSpeechTranscript,
  type ResultShaping,
} from "./azure-speech-batch-result.ts";
import { admitCognitiveServicesCaller } from "./cognitive-services-gateway.ts";
import { audioInfo } from "./fake-audio-channels.ts";
import { readBody, sendJson, startLocalHttpServer } from "./local-http-server.ts";
import { isSpeechError, validateSubmission, type SpeechError, type SubmittedTranscription } from "./azure-speech-batch-validation.ts";

export const speechApiVersion = "2024-11-15";

export type FakeSpeechOutcome =
  | { kind: "succeeded"; transcript: FakeSpeechTranscript }
  | { kind: "failed"; code?: string; message?: string }
  | { kind: "running-forever" };

export interface FakeSpeechJobPlan {
  /** Reads answered NotStarted before the job starts (default 0). */
  pollsNotStarted?: number;
  /** Reads answered Running, the one that starts the job included (default 1). */
  pollsRunning?: number;
  /** The job also stays Running until this long after it started (default 0). */
  runningForMs?: number;
  outcome: FakeSpeechOutcome;
}

export type SpeechOperation = "submit" | "get" | "update" | "list" | "list-files" | "get-file" | "file-content" | "delete" | "unknown";

export interface ReceivedSpeechRequest {
  operation: SpeechOperation;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  receivedAt: number;
}

export type FakeSpeechFault =
  /** 429 with Retry-After (seconds; default 1). */
  | { kind: "throttled"; retryAfterSeconds?: number }
  /** 500 by default; 503 comes with Retry-After when given. */
  | { kind: "server-error"; status?: number; retryAfterSeconds?: number }
  /** Reads the request, never answers. */
  | { kind: "hang" }
  /** 200 with JSON cut off in the middle. */
  | { kind: "malformed" };

export interface AudioFetch {
  jobId: string;
  url: string;
  /** HTTP status, or 0 when the request failed. */
  status: number;
  sizeBytes: number;
  sha256: string;
  /** From the WAV header when the body is a RIFF/WAVE file. */
  wavChannels: number | undefined;
  /** The WAV header's, or for another container with diarization asked, ffprobe's (undefined: not read, or no audio stream). */
  channels: number | undefined;
}

export type FakeSpeechStatus = "NotStarted" | "Running" | "Succeeded" | "Failed";

export interface FakeSpeechJob {
  id: string;
  submitted: SubmittedTranscription;
  plan: FakeSpeechJobPlan;
  status: FakeSpeechStatus;
  createdAt: Date;
  lastActionAt: Date;
  startedAt: number | undefined;
  reads: number;
  error: { code: string; message: string } | undefined;
  /** Set by PATCH (TranscriptionUpdate). */
  description: string | undefined;
  customProperties: Record<string, string> | undefined;
  /** The audio URLs the job fetched (its content URLs, or the blobs listed in its container). */
  sources: string[];
  files: FakeSpeechFile[];
  /** True while the job fetches its audio: it stays Running, whoever reads it meanwhile. */
  fetchingAudio?: boolean;
}

interface FakeSpeechFile {
  id: string;
  name: string;
  kind: "Transcription" | "TranscriptionReport";
  content: string;
  createdAt: Date;
}

export interface FakeSpeechBatchServer {
  /** The Speech resource endpoint, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  key: string;
  bearerToken: string;
  /** Decides each new job's course. Default: Succeeded after one Running read with `defaultSpeechTranscript`. */
  plan: FakeSpeechJobPlan | ((submitted: SubmittedTranscription, index: number) => FakeSpeechJobPlan);
  /** Answers a request instead of the service when it returns a fault; index counts every request. */
  fault: (request: ReceivedSpeechRequest, index: number) => FakeSpeechFault | undefined;
  /** Files per page of `/files` when the request has no `top` (default 100, the service's). */
  filesPageSize: number;
  /**
   * Batch limits per file, enforced when the job reads its audio (defaults: the service's —
   * Speech quotas and limits, "Batch transcription": 1 GB per file, 240 minutes with
   * diarization). Tests lower them to provoke the failure without gigabytes.
   */
  limits: { maxFileBytes: number; maxDiarizedDurationMs: number };
  /**
   * Bring-your-own-storage mode: a Speech resource with its own storage account returns result
   * URLs **without** a SAS (2024-11-15 spec, `sasLifetimeQueryParameter`: "… not used when
   * BYOS is configured"): the content is read with the storage account's credentials —
   * here `Authorization: Bearer <storageBearerToken>` with an `x-ms-version` — and an anonymous
   * read answers 403 as Storage does. Off by default.
   */
  byos: boolean;
  /** The token a BYOS content read must carry. */
  storageBearerToken: string;
  /**
   * false: a job's `properties` do not echo `diarization` (answers seen without it), while its
   * phrases still carry `speaker` — the phrases are what tells a diarized result. Default true.
   */
  echoDiarization: boolean;
  /** Downloads a content URL (default global fetch); replace to reach an HTTPS stand-in. */
  fetchAudio: (url: string) => Promise<Response>;
  /** Every request, in arrival order. */
  received: ReceivedSpeechRequest[];
  audioFetches: AudioFetch[];
  /** Jobs that exist (deleted ones leave). */
  jobs: Map<string, FakeSpeechJob>;
  /** Ids of deleted jobs, in order. */
  deleted: string[];
  close(): Promise<void>;
}

export interface FakeSpeechBatchServerOptions {
  plan?: FakeSpeechBatchServer["plan"];
  filesPageSize?: number;
}

export const defaultSpeechTranscript: FakeSpeechTranscript = {
  phrases: [
    { channel: 0, speaker: 1, offsetMs: 0, durationMs: 1520, text: "How have you been sleeping?" },
    { channel: 0, speaker: 2, offsetMs: 1900, durationMs: 1350, text: "Better this week, thanks." },
  ],
};

function sendError(response: ServerResponse, status: number, error: SpeechError, headers: Record<string, string> = {}): void {
  sendJson(response, status, error, headers);
}

function wavChannels(head: Buffer): number | undefined {
  if (head.length < 24 || head.toString("ascii", 0, 4) !== "RIFF" || head.toString("ascii", 8, 12) !== "WAVE") return undefined;
  return head.readUInt16LE(22);
}

/** Playing time of a WAV from its header: data size over byte rate; undefined for other containers. */
function wavDurationOf(bytes: Buffer): number | undefined {
  if (bytes.length >= 44 && bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 36, 4) === "data") {
    const byteRate = bytes.readUInt32LE(28);
    return byteRate > 0 ? Math.round((bytes.readUInt32LE(40) / byteRate) * 1000) : undefined;
  }
  return undefined;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Blob names of a container SAS URL, by the Blob service's List Blobs call. */
async function listContainer(containerUrl: string, fetchAudio: (url: string) => Promise<Response>): Promise<string[]> {
  const url = new URL(containerUrl);
  url.searchParams.set("restype", "container");
  url.searchParams.set("comp", "list");
  const response = await fetchAudio(url.toString());
  if (!response.ok) throw new Error(`list ${response.status}`);
  const xml = await response.text();
  const base = new URL(containerUrl);
  return [...xml.matchAll(/<Name>([^<]+)<\/Name>/g)].map((match) => {
    const blob = new URL(base.toString());
    blob.pathname = `${base.pathname.replace(/\/$/, "")}/${match[1]}`;
    return blob.toString();
  });
}

export async function startFakeSpeechBatchServer(options: FakeSpeechBatchServerOptions = {}): Promise<FakeSpeechBatchServer> {
  const fake: FakeSpeechBatchServer = {
    url: "",
    key: `fake-speech-key-${randomBytes(8).toString("hex")}`,
    bearerToken: `fake-speech-token-${randomBytes(8).toString("hex")}`,
    plan: options.plan ?? { outcome: { kind: "succeeded", transcript: defaultSpeechTranscript } },
    fault: () => undefined,
    filesPageSize: options.filesPageSize ?? 100,
    limits: { maxFileBytes: 1_000_000_000, maxDiarizedDurationMs: 240 * 60_000 },
    byos: false,
    echoDiarization: true,
    storageBearerToken: `fake-storage-token-${randomBytes(8).toString("hex")}`,
    fetchAudio: (url) => fetch(url),
    received: [],
    audioFetches: [],
    jobs: new Map(),
    deleted: [],
    close: async () => {},
  };
  /** Per file id: the signature its content URL carries. */
  const signatures = new Map<string, string>();
  let submissions = 0;

  const apiUrl = (path: string, query: Record<string, string | number> = {}) => {
    const url = new URL(`${fake.url}/speechtotext${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    url.searchParams.set("api-version", speechApiVersion);
    return url.toString();
  };

  const transcriptionBody = (job: FakeSpeechJob) => {
    const { submitted } = job;
    const properties: Record<string, unknown> = {
      wordLevelTimestampsEnabled: submitted.properties.wordLevelTimestampsEnabled,
      displayFormWordLevelTimestampsEnabled: submitted.properties.displayFormWordLevelTimestampsEnabled,
      channels: submitted.properties.channels ?? [0, 1],
      punctuationMode: submitted.properties.punctuationMode ?? "DictatedAndAutomatic",
      profanityFilterMode: submitted.properties.profanityFilterMode ?? "Masked",
      timeToLiveHours: submitted.properties.timeToLiveHours,
      ...(submitted.properties.diarization && fake.echoDiarization ? { diarization: submitted.properties.diarization } : {}),
      ...(submitted.properties.languageIdentification ? { languageIdentification: submitted.properties.languageIdentification } : {}),
      ...(job.status === "Succeeded" ? { durationMilliseconds: resultDurationMs(job) } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
    return {
      self: apiUrl(`/transcriptions/${job.id}`),
      displayName: submitted.displayName,
      locale: submitted.locale,
      createdDateTime: timestamp(job.createdAt),
      lastActionDateTime: timestamp(job.lastActionAt),
      links: { files: apiUrl(`/transcriptions/${job.id}/files`) },
      properties,
      status: job.status,
      ...submitted.rest,
      ...(job.description === undefined ? {} : { description: job.description }),
      ...(job.customProperties === undefined ? {} : { customProperties: job.customProperties }),
    };
  };

  const resultDurationMs = (job: FakeSpeechJob) =>
    job.plan.outcome.kind === "succeeded"
      ? (job.plan.outcome.transcript.durationMs ??
        job.plan.outcome.transcript.phrases.reduce((end, phrase) => Math.max(end, phrase.offsetMs + phrase.durationMs), 0))
      : 0;

  const fileBody = (job: FakeSpeechJob, file: FakeSpeechFile) => ({
    self: apiUrl(`/transcriptions/${job.id}/files/${file.id}`),
    name: file.name,
    kind: file.kind,
    links: { contentUrl: fake.byos ? `${fake.url}/results/${job.id}/${file.id}` : `${fake.url}/results/${job.id}/${file.id}?sv=2024-11-04&sr=b&sp=r&sig=${signatures.get(file.id)}` },
    properties: { size: Buffer.byteLength(file.content) },
    createdDateTime: timestamp(file.createdAt),
  });

  const addFile = (job: FakeSpeechJob, name: string, kind: FakeSpeechFile["kind"], content: unknown) => {
    const file: FakeSpeechFile = { id: randomUUID(), name, kind, content: JSON.stringify(content), createdAt: new Date() };
    signatures.set(file.id, randomBytes(16).toString("base64url"));
    job.files.push(file);
  };

  const fail = (job: FakeSpeechJob, code: string, message: string) => {
    job.status = "Failed";
    job.error = { code, message };
    job.lastActionAt = new Date();
  };

  /** Downloads the job's audio; a failure ends the job as the service reports it. */
  const fetchJobAudio = async (job: FakeSpeechJob): Promise<string[] | undefined> => {
    let urls = job.submitted.contentUrls;
    if (job.submitted.contentContainerUrl !== undefined) {
      try {
        urls = await listContainer(job.submitted.contentContainerUrl, fake.fetchAudio);
      } catch {
        fail(job, "InvalidData", "Authentication failed for recordings URI.");
        return undefined;
      }
    }
    for (const url of urls) {
      let status = 0;
      let bytes = Buffer.alloc(0);
      try {
        const response = await fake.fetchAudio(url);
        status = response.status;
        bytes = Buffer.from(await response.arrayBuffer());
      } catch {
        status = 0;
      }
      const wavHeaderChannels = wavChannels(bytes.subarray(0, 64));
      // ffprobe (≈ 50 ms), once, only where the answer matters: a recording to diarize whose channels
      // or length its WAV header does not tell.
      const probe =
        job.submitted.properties.diarization?.enabled === true &&
        status >= 200 &&
        status <= 299 &&
        bytes.length > 0 &&
        (wavHeaderChannels === undefined || wavDurationOf(bytes) === undefined);
      const probed = probe ? await audioInfo(bytes) : undefined;
      const channels = wavHeaderChannels ?? probed?.channels;
      fake.audioFetches.push({
        jobId: job.id,
        url,
        status,
        sizeBytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        wavChannels: wavHeaderChannels,
        channels,
      });
      if (status < 200 || status > 299) {
        fail(job, "InvalidData", "Authentication failed for recordings URI.");
        return undefined;
      }
      // "For stereo files, diarization is not possible": the service fails a stereo recording
      // with diarization in WAV and M4A alike (Azure-Samples/cognitive-services-speech-sdk
      // issues 1051, 1109, 1340), so the fake does in every container ffprobe reads.
      // Past the batch limits the job fails after it started, as the service's does (its exact
      // words are not documented; these are the fake's).
      const diarized = job.submitted.properties.diarization?.enabled === true;
      const durationMs = diarized ? (wavDurationOf(bytes) ?? probed?.durationMs) : undefined;
      if (bytes.length > fake.limits.maxFileBytes || (durationMs !== undefined && durationMs > fake.limits.maxDiarizedDurationMs)) {
        fail(job, "InvalidData", bytes.length > fake.limits.maxFileBytes ? "The audio file exceeds the maximum size." : "The audio is longer than diarization supports.");
        return undefined;
      }
      if (bytes.length === 0 || (job.submitted.properties.diarization?.enabled && channels !== undefined && channels > 1)) {
        fail(job, "InvalidData", "The recordings URI contains invalid data.");
        return undefined;
      }
    }
    return urls;
  };

  const shaping = (submitted: SubmittedTranscription): ResultShaping => ({
    locale: submitted.locale,
    wordLevelTimestamps: submitted.properties.wordLevelTimestampsEnabled,
    displayFormWordLevelTimestamps: submitted.properties.displayFormWordLevelTimestampsEnabled,
    diarization: submitted.properties.diarization?.enabled ?? false,
    languageIdentification: submitted.properties.languageIdentification !== undefined,
  });

  /** Moves a job on by one read (see the file comment). */
  const advance = async (job: FakeSpeechJob) => {
    job.reads += 1;
    const { plan } = job;
    if (job.status === "NotStarted") {
      if (job.reads <= (plan.pollsNotStarted ?? 0)) return;
      job.status = "Running";
      job.startedAt = Date.now();
      job.lastActionAt = new Date();
      job.reads = 0;
      // A read that comes while the audio is fetched (two pollers of one job) finds it Running:
      // the service never reports a job done before it has read the recording.
      job.fetchingAudio = true;
      try {
        job.sources = (await fetchJobAudio(job)) ?? [];
      } finally {
        job.fetchingAudio = false;
      }
      return;
    }
    if (job.status !== "Running" || job.fetchingAudio === true) return;
    if (plan.outcome.kind === "running-forever") return;
    if (job.reads < (plan.pollsRunning ?? 1) || Date.now() - job.startedAt! < (plan.runningForMs ?? 0)) return;
    const { sources } = job;
    if (plan.outcome.kind === "failed") {
      fail(job, plan.outcome.code ?? "InvalidData", plan.outcome.message ?? "The recordings URI contains invalid data.");
      addFile(job, "report.json", "TranscriptionReport", transcriptionReportFile(sources.map((source) => ({ source, succeeded: false, errorMessage: job.error!.message }))));
      return;
    }
    const { transcript } = plan.outcome;
    sources.forEach((source, index) =>
      addFile(job, `contenturl_${index}.json`, "Transcription", transcriptionResultFile(source, transcript, shaping(job.submitted), new Date())),
    );
    addFile(job, "report.json", "TranscriptionReport", transcriptionReportFile(sources.map((source) => ({ source, succeeded: true }))));
    job.status = "Succeeded";
    job.lastActionAt = new Date();
  };

  const page = <T>(items: T[], query: Record<string, string>, path: string, defaultTop: number) => {
    const skip = Math.max(0, Number.parseInt(query.skip ?? "0", 10) || 0);
    const top = Math.max(1, Number.parseInt(query.top ?? String(defaultTop), 10) || defaultTop);
    const values = items.slice(skip, skip + top);
    return {
      values,
      ...(skip + top < items.length ? { "@nextLink": apiUrl(path, { skip: skip + top, top }) } : {}),
    };
  };

  const notFound = (response: ServerResponse) =>
    sendError(response, 404, { code: "NotFound", message: "The specified entity cannot be found.", innerError: { code: "NotFound", message: "The specified entity cannot be found." } });

  function classify(method: string, path: string): { operation: SpeechOperation; id?: string; fileId?: string } {
    let match: RegExpExecArray | null;
    if (method === "POST" && path === "/speechtotext/transcriptions:submit") return { operation: "submit" };
    if (method === "GET" && path === "/speechtotext/transcriptions") return { operation: "list" };
    if ((match = /^\/speechtotext\/transcriptions\/([^/:]+)$/.exec(path)))
      return { operation: method === "DELETE" ? "delete" : method === "GET" ? "get" : method === "PATCH" ? "update" : "unknown", id: match[1]! };
    if (method === "GET" && (match = /^\/speechtotext\/transcriptions\/([^/]+)\/files$/.exec(path))) return { operation: "list-files", id: match[1]! };
    if (method === "GET" && (match = /^\/speechtotext\/transcriptions\/([^/]+)\/files\/([^/]+)$/.exec(path)))
      return { operation: "get-file", id: match[1]!, fileId: match[2]! };
    if (method === "GET" && (match = /^\/results\/([^/]+)\/([^/]+)$/.exec(path))) return { operation: "file-content", id: match[1]!, fileId: match[2]! };
    return { operation: "unknown" };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const method = request.method ?? "GET";
    const { operation, id, fileId } = classify(method, url.pathname);
    const text = (await readBody(request)).toString("utf8");
    let body: unknown = text.length === 0 ? undefined : text;
    try {
      if (text.length > 0) body = JSON.parse(text);
    } catch {
      // Kept as text: the submit handler answers the malformed body.
    }
    const received: ReceivedSpeechRequest = {
      operation,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers },
      body,
      receivedAt: Date.now(),
    };
    const index = fake.received.push(received) - 1;

    const fault = fake.fault(received, index);
    if (fault !== undefined) {
      switch (fault.kind) {
        case "throttled":
          sendError(
            response,
            429,
            { code: "TooManyRequests", message: "Too many requests. Please retry after the time in the Retry-After header." },
            { "retry-after": String(fault.retryAfterSeconds ?? 1) },
          );
          return;
        case "server-error":
          sendError(
            response,
            fault.status ?? 500,
            { code: fault.status === 503 ? "ServiceUnavailable" : "InternalServerError", message: "An internal error occurred. Please retry." },
            fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) },
          );
          return;
        case "hang":
          return;
        case "malformed":
          response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
          response.end('{"self": "' + fake.url + '/speechtotext/transcriptions/', "utf8");
          return;
      }
    }

    if (operation === "file-content") {
      const job = fake.jobs.get(id!);
      const file = job?.files.find((candidate) => candidate.id === fileId);
      if (job === undefined || file === undefined) {
        response.writeHead(404, { "content-type": "application/xml", "x-ms-error-code": "BlobNotFound" });
        response.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.</Message></Error>');
        return;
      }
      const byosReader = fake.byos && request.headers.authorization === `Bearer ${fake.storageBearerToken}` && typeof request.headers["x-ms-version"] === "string";
      if (!byosReader && url.searchParams.get("sig") !== signatures.get(file.id)) {
        response.writeHead(403, { "content-type": "application/xml", "x-ms-error-code": "AuthenticationFailed" });
        response.end(
          '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.</Message></Error>',
        );
        return;
      }
      response.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(file.content)) });
      response.end(file.content);
      return;
    }
    if (!admitCognitiveServicesCaller(request, response, fake)) return;
    if (operation === "unknown") {
      sendError(response, 404, { code: "NotFound", message: `No operation ${method} ${url.pathname} in api-version ${speechApiVersion}.` });
      return;
    }
    if (url.searchParams.get("api-version") !== speechApiVersion) {
      sendError(response, 400, {
        code: "InvalidRequest",
        message: `This fake serves api-version ${speechApiVersion} only; the request asked for '${url.searchParams.get("api-version") ?? ""}'.`,
        innerError: { code: "InvalidParameterValue", message: "Unsupported api-version." },
      });
      return;
    }

    switch (operation) {
      case "submit": {
        if (typeof body === "string") {
          sendError(response, 400, { code: "InvalidRequest", message: "The request body is not valid JSON.", innerError: { code: "InvalidRequestBodyFormat", message: "The request body is not valid JSON." } });
          return;
        }
        const submitted = validateSubmission(body);
        if (isSpeechError(submitted)) {
          sendError(response, 400, submitted);
          return;
        }
        const plan = typeof fake.plan === "function" ? fake.plan(submitted, submissions) : fake.plan;
        submissions += 1;
        const now = new Date();
        const job: FakeSpeechJob = {
          id: randomUUID(),
          submitted,
          plan,
          status: "NotStarted",
          createdAt: now,
          lastActionAt: now,
          startedAt: undefined,
          reads: 0,
          error: undefined,
          description: undefined,
          customProperties: undefined,
          sources: [],
          files: [],
        };
        fake.jobs.set(job.id, job);
        sendJson(response, 201, transcriptionBody(job), { location: apiUrl(`/transcriptions/${job.id}`) });
        return;
      }
      case "get": {
        const job = fake.jobs.get(id!);
        if (job === undefined) return notFound(response);
        await advance(job);
        sendJson(response, 200, transcriptionBody(job), job.status === "Succeeded" || job.status === "Failed" ? {} : { "retry-after": "1" });
        return;
      }
      case "list": {
        // The list's `filter` (2024-11-15: "displayName, description, createdDateTime,
        // lastActionDateTime, status and locale"); the fake reads `<property> eq '<value>'` joined
        // by `and`, for description, displayName and status, and refuses the rest.
        const clauses = received.query.filter === undefined ? [] : received.query.filter.split(/\s+and\s+/i).map((clause) => /^(description|displayName|status) eq '([^']*)'$/.exec(clause.trim()));
        if (clauses.some((clause) => clause === null)) {
          sendError(response, 400, { code: "InvalidRequest", message: "The filter is not supported by this fake.", innerError: { code: "InvalidParameterValue", message: "Unsupported filter." } });
          return;
        }
        const matches = (job: FakeSpeechJob) =>
          clauses.every((clause) => {
            const [, property, value] = clause!;
            const actual = property === "description" ? job.description : property === "displayName" ? job.submitted.displayName : job.status;
            return actual === value;
          });
        const jobs = [...fake.jobs.values()].filter(matches).map(transcriptionBody);
        sendJson(response, 200, page(jobs, received.query, "/transcriptions", 100));
        return;
      }
      case "list-files": {
        const job = fake.jobs.get(id!);
        if (job === undefined) return notFound(response);
        const files = job.files.map((file) => fileBody(job, file));
        sendJson(response, 200, page(files, received.query, `/transcriptions/${job.id}/files`, fake.filesPageSize));
        return;
      }
      case "get-file": {
        const job = fake.jobs.get(id!);
        const file = job?.files.find((candidate) => candidate.id === fileId);
        if (job === undefined || file === undefined) return notFound(response);
        sendJson(response, 200, fileBody(job, file));
        return;
      }
      case "update": {
        const job = fake.jobs.get(id!);
        if (job === undefined) return notFound(response);
        const update = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
        const unknown = update === undefined ? [] : Object.keys(update).filter((name) => !["displayName", "description", "customProperties"].includes(name));
        if (update === undefined || unknown.length > 0) {
          sendError(response, 400, { code: "InvalidRequest", message: `Not a TranscriptionUpdate${unknown.length > 0 ? `: ${unknown.join(", ")}` : ""}.`, innerError: { code: "InvalidParameterValue", message: "Invalid update." } });
          return;
        }
        if (typeof update.description === "string") job.description = update.description;
        if (typeof update.customProperties === "object" && update.customProperties !== null) job.customProperties = update.customProperties as Record<string, string>;
        sendJson(response, 200, transcriptionBody(job));
        return;
      }
      case "delete": {
        // "DeleteNotAllowed: Deletion of the entity is not allowed (it is still being processed)"
        // — the 2024-11-15 spec's DetailedErrorCode; maintainers: "there is no way to stop a
        // running task". A NotStarted or Running job cannot be deleted.
        const running = fake.jobs.get(id!);
        if (running !== undefined && (running.status === "NotStarted" || running.status === "Running")) {
          sendError(response, 400, {
            code: "InvalidRequest",
            message: "The transcription cannot be deleted while it is being processed.",
            innerError: { code: "DeleteNotAllowed", message: "Deletion of a NotStarted or Running transcription is not allowed." },
          });
          return;
        }
        if (fake.jobs.delete(id!)) fake.deleted.push(id!);
        response.writeHead(204);
        response.end();
        return;
      }
    }
  }

  const listener = await startLocalHttpServer(handle, (response, error) =>
    sendError(response, 500, { code: "InternalServerError", message: `fake server: ${String(error)}` }),
  );
  fake.url = listener.url;
  fake.close = listener.close;
  return fake;
}
