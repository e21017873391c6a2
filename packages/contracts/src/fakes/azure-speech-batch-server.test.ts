import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeSpeechTranscript } from "./azure-speech-batch-result.ts";
import { startFakeSpeechBatchServer, type FakeSpeechBatchServer } from "./azure-speech-batch-server.ts";

/** A PCM WAV of silence: 16 kHz, 16-bit, the given channel count. */
function wav(channels: number, durationMs = 200): Buffer {
  const sampleRate = 16_000;
  const dataBytes = Math.round((sampleRate * durationMs) / 1000) * channels * 2;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

const stereoScript: FakeSpeechTranscript = {
  phrases: [
    { channel: 0, offsetMs: 0, durationMs: 1500, text: "How have you been sleeping?" },
    { channel: 1, offsetMs: 1900, durationMs: 1300, text: "Better this week, thanks." },
  ],
};

let speech: FakeSpeechBatchServer;
let audioServer: Server;
let audioUrl: string;
/** Audio by path; a path not here answers 403 as a blob with a bad SAS does. */
const audio = new Map<string, Buffer>();

beforeAll(async () => {
  speech = await startFakeSpeechBatchServer();
  audioServer = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://audio");
    if (url.pathname === "/container" && url.searchParams.get("comp") === "list" && url.searchParams.get("sig") === "container-sas") {
      // The Blob service's List Blobs answer, as much of it as the fake reads.
      response.writeHead(200, { "content-type": "application/xml" });
      response.end("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults><Blobs><Blob><Name>a.wav</Name></Blob><Blob><Name>b.wav</Name></Blob></Blobs></EnumerationResults>");
      return;
    }
    const body = audio.get(url.pathname);
    if (body === undefined) {
      response.writeHead(403);
      response.end("AuthenticationFailed");
      return;
    }
    response.writeHead(200, { "content-type": "audio/wav", "content-length": String(body.length) });
    response.end(body);
  });
  await new Promise<void>((resolve) => audioServer.listen(0, "127.0.0.1", resolve));
  audioUrl = `http://127.0.0.1:${(audioServer.address() as AddressInfo).port}`;
  audio.set("/stereo.wav", wav(2));
  audio.set("/mono.wav", wav(1));
  audio.set("/container/a.wav", wav(1));
  audio.set("/container/b.wav", wav(1, 400));
});

afterAll(async () => {
  await speech.close();
  audioServer.closeAllConnections();
  await new Promise<void>((resolve) => audioServer.close(() => resolve()));
});

beforeEach(() => {
  speech.plan = { outcome: { kind: "succeeded", transcript: stereoScript } };
  speech.fault = () => undefined;
  speech.filesPageSize = 100;
  speech.limits = { maxFileBytes: 1_000_000_000, maxDiarizedDurationMs: 240 * 60_000 };
  speech.byos = false;
});

const submitUrl = () => `${speech.url}/speechtotext/transcriptions:submit?api-version=2024-11-15`;

function validBody(overrides: Record<string, unknown> = {}, properties: Record<string, unknown> = {}) {
  return {
    displayName: "session 1",
    locale: "en-US",
    contentUrls: [`${audioUrl}/stereo.wav?sv=1&sig=abc`],
    properties: {
      wordLevelTimestampsEnabled: true,
      punctuationMode: "DictatedAndAutomatic",
      profanityFilterMode: "None",
      channels: [0, 1],
      timeToLiveHours: 48,
      ...properties,
    },
    ...overrides,
  };
}

async function call(url: string, init: RequestInit & { key?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.key !== null) headers.set("Ocp-Apim-Subscription-Key", init.key ?? speech.key);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return fetch(url, { ...init, headers });
}

async function submit(body: unknown) {
  return call(submitUrl(), { method: "POST", body: JSON.stringify(body) });
}

async function poll(self: string) {
  const response = await call(self);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; properties: Record<string, unknown>; links: { files: string } };
}

describe("fake Azure Speech batch transcription 2024-11-15", () => {
  it("stays Running for every reader while it fetches the audio: two pollers at once never see it done without files", async () => {
    // The audio answers slowly, so the second poll comes while the first one's fetch is under way.
    audio.set("/slow.wav", wav(2));
    const slowly = speech.fetchAudio;
    speech.fetchAudio = async (url) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return slowly(url.replace("/slow.wav", "/stereo.wav"));
    };
    try {
      const job = (await (await submit(validBody({ contentUrls: [`${audioUrl}/slow.wav?sv=1&sig=abc`] }))).json()) as { self: string };
      const [first, second] = await Promise.all([poll(job.self), new Promise((resolve) => setTimeout(resolve, 30)).then(() => poll(job.self))]);
      expect([first.status, second.status]).toEqual(["Running", "Running"]);
      const done = await poll(job.self);
      expect(done.status).toBe("Succeeded");
      const files = (await (await call(done.links.files)).json()) as { values: { kind: string }[] };
      expect(files.values.map((file) => file.kind)).toEqual(["Transcription", "TranscriptionReport"]);
    } finally {
      speech.fetchAudio = slowly;
    }
  });

  it("submits, runs after downloading the audio, lists result files and serves their content", async () => {
    const created = await submit(validBody());
    expect(created.status).toBe(201);
    const job = (await created.json()) as { self: string; status: string; links: { files: string } };
    expect(job.status).toBe("NotStarted");
    expect(created.headers.get("location")).toBe(job.self);
    expect(job.self).toMatch(/\/speechtotext\/transcriptions\/[0-9a-f-]{36}\?api-version=2024-11-15$/);

    const fetchesBefore = speech.audioFetches.length;
    expect((await poll(job.self)).status).toBe("Running");
    const fetched = speech.audioFetches.slice(fetchesBefore);
    expect(fetched).toEqual([expect.objectContaining({ status: 200, sizeBytes: wav(2).length, wavChannels: 2 })]);

    const done = await poll(job.self);
    expect(done.status).toBe("Succeeded");
    expect(done.properties.durationMilliseconds).toBe(3200);

    const files = (await (await call(done.links.files)).json()) as {
      values: { name: string; kind: string; links: { contentUrl: string }; properties: { size: number } }[];
    };
    expect(files.values.map((file) => [file.name, file.kind])).toEqual([
      ["contenturl_0.json", "Transcription"],
      ["report.json", "TranscriptionReport"],
    ]);
    // Content URLs are SAS-style: fetched without the subscription key.
    const content = await fetch(files.values[0]!.links.contentUrl);
    expect(content.status).toBe(200);
    const result = (await content.json()) as {
      source: string;
      durationInTicks: number;
      combinedRecognizedPhrases: { channel: number; display: string }[];
      recognizedPhrases: {
        channel: number;
        speaker?: number;
        offsetInTicks: number;
        durationInTicks: number;
        offset: string;
        nBest: { display: string; lexical: string; words: { word: string; offsetInTicks: number; durationInTicks: number }[] }[];
      }[];
    };
    expect(Buffer.byteLength(JSON.stringify(result))).toBe(files.values[0]!.properties.size);
    expect(result.source).toBe(`${audioUrl}/stereo.wav?sv=1&sig=abc`);
    expect(result.durationInTicks).toBe(32_000_000);
    expect(result.combinedRecognizedPhrases).toEqual([
      expect.objectContaining({ channel: 0, display: "How have you been sleeping?" }),
      expect.objectContaining({ channel: 1, display: "Better this week, thanks." }),
    ]);
    const [first, second] = result.recognizedPhrases;
    expect(first).toMatchObject({ channel: 0, offsetInTicks: 0, durationInTicks: 15_000_000, offset: "PT0S" });
    expect(first!.speaker).toBeUndefined();
    expect(second).toMatchObject({ channel: 1, offsetInTicks: 19_000_000, duration: "PT1.3S" });
    expect(second!.nBest[0]!.display).toBe("Better this week, thanks.");
    expect(second!.nBest[0]!.lexical).toBe("better this week thanks");
    expect(second!.nBest[0]!.words.map((word) => word.word)).toEqual(["better", "this", "week", "thanks"]);
    expect(second!.nBest[0]!.words[0]).toMatchObject({ offsetInTicks: 19_000_000, durationInTicks: 3_250_000 });

    const report = (await (await fetch(files.values[1]!.links.contentUrl)).json()) as Record<string, unknown>;
    expect(report).toMatchObject({ successfulTranscriptionsCount: 1, failedTranscriptionsCount: 0 });
  });

  it("reports speakers with diarization of mono audio, and fails diarization of stereo audio as the service does", async () => {
    speech.plan = {
      outcome: {
        kind: "succeeded",
        transcript: {
          phrases: [
            { speaker: 1, offsetMs: 0, durationMs: 1000, text: "Hello." },
            { speaker: 2, offsetMs: 1200, durationMs: 800, text: "Hi." },
          ],
        },
      },
    };
    const diarized = { diarization: { enabled: true, maxSpeakers: 2 }, channels: undefined };
    const mono = (await (await submit(validBody({ contentUrls: [`${audioUrl}/mono.wav`] }, diarized))).json()) as { self: string };
    await poll(mono.self);
    const monoDone = await poll(mono.self);
    expect(monoDone.status).toBe("Succeeded");
    const files = (await (await call(monoDone.links.files)).json()) as { values: { kind: string; links: { contentUrl: string } }[] };
    const result = (await (await fetch(files.values.find((file) => file.kind === "Transcription")!.links.contentUrl)).json()) as {
      recognizedPhrases: { speaker: number }[];
    };
    expect(result.recognizedPhrases.map((phrase) => phrase.speaker)).toEqual([1, 2]);

    const stereo = (await (await submit(validBody({}, diarized))).json()) as { self: string };
    const failed = await poll(stereo.self);
    expect(failed.status).toBe("Failed");
    expect(failed.properties.error).toEqual({ code: "InvalidData", message: "The recordings URI contains invalid data." });
  });

  it("fails diarization of a stereo recording in any container (MP3, OGG here), read by ffprobe; diarizes a mono one", async () => {
    const directory = await mkdtemp(join(tmpdir(), "confide-fake-stereo-"));
    await promisify(execFile)("ffmpeg", [
      "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1",
      "-ac", "2", "-c:a", "libmp3lame", "-f", "mp3", "-y", join(directory, "stereo.mp3"),
      "-ac", "2", "-c:a", "libvorbis", "-f", "ogg", "-y", join(directory, "stereo.ogg"),
      "-ac", "1", "-c:a", "libmp3lame", "-f", "mp3", "-y", join(directory, "mono.mp3"),
    ]);
    for (const name of ["stereo.mp3", "stereo.ogg", "mono.mp3"]) audio.set(`/${name}`, await readFile(join(directory, name)));
    await rm(directory, { recursive: true, force: true });
    const diarized = { diarization: { enabled: true, maxSpeakers: 2 }, channels: undefined };

    for (const [name, status] of [["stereo.mp3", "Failed"], ["stereo.ogg", "Failed"], ["mono.mp3", "Running"]] as const) {
      const job = (await (await submit(validBody({ contentUrls: [`${audioUrl}/${name}`] }, diarized))).json()) as { self: string };
      const read = await poll(job.self);
      expect(read.status, name).toBe(status);
      if (status === "Failed") expect(read.properties.error).toEqual({ code: "InvalidData", message: "The recordings URI contains invalid data." });
    }
    expect(speech.audioFetches.slice(-3).map((fetched) => fetched.channels)).toEqual([2, 2, 1]);
  });

  it("fails a job past the batch limits once it reads the audio: a file over the size limit, a diarized one over the duration limit", async () => {
    const diarized = { diarization: { enabled: true, maxSpeakers: 2 }, channels: undefined };
    speech.limits = { maxFileBytes: 1_000, maxDiarizedDurationMs: 240 * 60_000 };
    const big = (await (await submit(validBody({ contentUrls: [`${audioUrl}/mono.wav`] }))).json()) as { self: string };
    expect(await poll(big.self)).toMatchObject({ status: "Failed", properties: { error: { message: "The audio file exceeds the maximum size." } } });

    speech.limits = { maxFileBytes: 1_000_000_000, maxDiarizedDurationMs: 100 };
    const long = (await (await submit(validBody({ contentUrls: [`${audioUrl}/mono.wav`] }, diarized))).json()) as { self: string };
    expect(await poll(long.self)).toMatchObject({ status: "Failed", properties: { error: { message: "The audio is longer than diarization supports." } } });
    // Without diarization the duration limit does not apply.
    const plain = (await (await submit(validBody({ contentUrls: [`${audioUrl}/mono.wav`] }, { channels: [0] }))).json()) as { self: string };
    expect((await poll(plain.self)).status).toBe("Running");
  });

  it("lists a container SAS URL and transcribes every blob in it, one result file each", async () => {
    const job = (await (await submit(validBody({ contentUrls: undefined, contentContainerUrl: `${audioUrl}/container?sp=rl&sig=container-sas` }))).json()) as {
      self: string;
    };
    await poll(job.self);
    const done = await poll(job.self);
    expect(done.status).toBe("Succeeded");
    expect(speech.audioFetches.slice(-2).map((fetched) => [new URL(fetched.url).pathname, fetched.status])).toEqual([
      ["/container/a.wav", 200],
      ["/container/b.wav", 200],
    ]);
    const files = (await (await call(done.links.files)).json()) as { values: { name: string }[] };
    expect(files.values.map((file) => file.name)).toEqual(["contenturl_0.json", "contenturl_1.json", "report.json"]);
  });

  it("fails a job whose audio URL is refused", async () => {
    const job = (await (await submit(validBody({ contentUrls: [`${audioUrl}/missing.wav?sig=expired`] }))).json()) as { self: string };
    const failed = await poll(job.self);
    expect(failed.status).toBe("Failed");
    expect(failed.properties.error).toEqual({ code: "InvalidData", message: "Authentication failed for recordings URI." });
    expect(speech.audioFetches.at(-1)).toMatchObject({ status: 403, url: `${audioUrl}/missing.wav?sig=expired` });
  });

  it("answers NotStarted and Running for as many reads as planned, and Failed with the planned error", async () => {
    speech.plan = { pollsNotStarted: 2, pollsRunning: 2, outcome: { kind: "failed", code: "InvalidData", message: "Audio too long." } };
    const job = (await (await submit(validBody())).json()) as { self: string };
    const statuses = [];
    for (let read = 0; read < 6; read += 1) statuses.push((await poll(job.self)).status);
    expect(statuses).toEqual(["NotStarted", "NotStarted", "Running", "Running", "Failed", "Failed"]);
    expect((await poll(job.self)).properties.error).toEqual({ code: "InvalidData", message: "Audio too long." });
  });

  it("keeps a job Running forever when planned so", async () => {
    speech.plan = { outcome: { kind: "running-forever" } };
    const job = (await (await submit(validBody())).json()) as { self: string };
    for (let read = 0; read < 20; read += 1) expect((await poll(job.self)).status).toBe("Running");
  });

  it("keeps a job Running for runningForMs of wall time", async () => {
    speech.plan = { runningForMs: 150, outcome: { kind: "succeeded", transcript: stereoScript } };
    const job = (await (await submit(validBody())).json()) as { self: string };
    expect((await poll(job.self)).status).toBe("Running");
    expect((await poll(job.self)).status).toBe("Running");
    await new Promise((resolve) => setTimeout(resolve, 160));
    expect((await poll(job.self)).status).toBe("Succeeded");
  });

  it("pages the result files with @nextLink", async () => {
    speech.filesPageSize = 1;
    const job = (await (await submit(validBody())).json()) as { self: string };
    await poll(job.self);
    const done = await poll(job.self);
    const names: string[] = [];
    let next: string | undefined = done.links.files;
    let pages = 0;
    while (next !== undefined) {
      const page = (await (await call(next)).json()) as { values: { name: string }[]; "@nextLink"?: string };
      names.push(...page.values.map((file) => file.name));
      next = page["@nextLink"];
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(names).toEqual(["contenturl_0.json", "report.json"]);
  });

  it("deletes a job: reads, file lists and content URLs answer 404 afterwards, a second delete 204", async () => {
    const job = (await (await submit(validBody())).json()) as { self: string };
    await poll(job.self);
    const done = await poll(job.self);
    const files = (await (await call(done.links.files)).json()) as { values: { links: { contentUrl: string } }[] };
    const id = new URL(job.self).pathname.split("/").at(-1)!;

    expect((await call(job.self, { method: "DELETE" })).status).toBe(204);
    expect(speech.jobs.has(id)).toBe(false);
    expect(speech.deleted).toContain(id);
    const read = await call(job.self);
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ code: "NotFound" });
    expect((await call(done.links.files)).status).toBe(404);
    expect((await fetch(files.values[0]!.links.contentUrl)).status).toBe(404);
    expect((await call(job.self, { method: "DELETE" })).status).toBe(204);
  });

  it("refuses to delete a NotStarted or Running job (DeleteNotAllowed), takes a description by PATCH, and lists by a description filter", async () => {
    speech.plan = { pollsNotStarted: 1, outcome: { kind: "running-forever" } };
    const job = (await (await submit(validBody())).json()) as { self: string };
    const id = new URL(job.self).pathname.split("/").at(-1)!;

    const notStarted = await call(job.self, { method: "DELETE" });
    expect(notStarted.status).toBe(400);
    expect(await notStarted.json()).toMatchObject({ innerError: { code: "DeleteNotAllowed" } });
    await poll(job.self);
    expect((await poll(job.self)).status).toBe("Running");
    expect((await call(job.self, { method: "DELETE" })).status).toBe(400);
    expect(speech.jobs.has(id)).toBe(true);

    const patched = await call(job.self, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ description: "delete me" }) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ description: "delete me", status: "Running" });
    const listUrl = new URL(`${speech.url}/speechtotext/transcriptions?api-version=2024-11-15`);
    listUrl.searchParams.set("filter", "description eq 'delete me'");
    const listed = (await (await call(listUrl.toString())).json()) as { values: { self: string }[] };
    expect(listed.values.map((value) => value.self)).toEqual([job.self]);
    listUrl.searchParams.set("filter", "description eq 'other'");
    expect(((await (await call(listUrl.toString())).json()) as { values: unknown[] }).values).toEqual([]);

    speech.jobs.get(id)!.status = "Succeeded";
    expect((await call(job.self, { method: "DELETE" })).status).toBe(204);
  });

  it("BYOS mode: result URLs carry no SAS; an anonymous read is 403, a Storage bearer token with x-ms-version reads", async () => {
    speech.byos = true;
    const job = (await (await submit(validBody())).json()) as { self: string };
    await poll(job.self);
    const done = await poll(job.self);
    const files = (await (await call(done.links.files)).json()) as { values: { kind: string; links: { contentUrl: string } }[] };
    const contentUrl = files.values.find((file) => file.kind === "Transcription")!.links.contentUrl;

    expect(new URL(contentUrl).search).toBe("");
    expect((await fetch(contentUrl)).status).toBe(403);
    expect((await fetch(contentUrl, { headers: { authorization: `Bearer ${speech.storageBearerToken}` } })).status).toBe(403);
    const read = await fetch(contentUrl, { headers: { authorization: `Bearer ${speech.storageBearerToken}`, "x-ms-version": "2024-11-04" } });
    expect(read.status).toBe(200);
    expect(await read.json()).toHaveProperty("recognizedPhrases");
  });

  it("refuses a content URL whose signature was tampered with", async () => {
    const job = (await (await submit(validBody())).json()) as { self: string };
    await poll(job.self);
    const done = await poll(job.self);
    const files = (await (await call(done.links.files)).json()) as { values: { links: { contentUrl: string } }[] };
    const tampered = new URL(files.values[0]!.links.contentUrl);
    tampered.searchParams.set("sig", "forged");
    const response = await fetch(tampered);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-ms-error-code")).toBe("AuthenticationFailed");
  });

  it("authenticates by subscription key or bearer token, 401 otherwise", async () => {
    expect((await call(submitUrl(), { method: "POST", body: JSON.stringify(validBody()), key: null })).status).toBe(401);
    expect((await call(submitUrl(), { method: "POST", body: JSON.stringify(validBody()), key: "wrong" })).status).toBe(401);
    const bearer = await fetch(submitUrl(), {
      method: "POST",
      headers: { authorization: `Bearer ${speech.bearerToken}`, "content-type": "application/json" },
      body: JSON.stringify(validBody()),
    });
    expect(bearer.status).toBe(201);
  });

  it.each([
    ["no timeToLiveHours", () => validBody({}, { timeToLiveHours: undefined }), "InvalidTimeToLive"],
    ["timeToLiveHours under 6", () => validBody({}, { timeToLiveHours: 2 }), "InvalidTimeToLive"],
    ["no locale", () => validBody({ locale: undefined }), "InvalidLocale"],
    ["no displayName", () => validBody({ displayName: "" }), "InvalidParameterValue"],
    ["no audio", () => validBody({ contentUrls: undefined }), "OnlyOneOfUrlsOrContainerOrDataset"],
    ["urls and container", () => validBody({ contentContainerUrl: `${audioUrl}/container` }), "OnlyOneOfUrlsOrContainerOrDataset"],
    ["a relative url", () => validBody({ contentUrls: ["/stereo.wav"] }), "InvalidRecordingsUri"],
    ["v3.2 diarizationEnabled", () => validBody({}, { diarizationEnabled: true }), "InvalidPayload"],
    ["v3.2 diarization.speakers", () => validBody({}, { diarization: { speakers: { minCount: 1, maxCount: 2 } } }), "InvalidPayload"],
    ["maxSpeakers 1", () => validBody({}, { diarization: { enabled: true, maxSpeakers: 1 } }), "InvalidParameterValue"],
    ["one candidate locale", () => validBody({}, { languageIdentification: { candidateLocales: ["en-US"] } }), "InvalidParameterValue"],
    ["candidate locales without the main locale", () => validBody({}, { languageIdentification: { candidateLocales: ["es-ES", "en-GB"] } }), "InvalidParameterValue"],
    ["unknown profanity mode", () => validBody({}, { profanityFilterMode: "Off" }), "InvalidParameterValue"],
    ["channels not numbers", () => validBody({}, { channels: ["left"] }), "InvalidChannels"],
  ])("refuses a submission with %s", async (_name, body, innerCode) => {
    const response = await submit(body());
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; innerError: { code: string } };
    expect(error.innerError.code).toBe(innerCode);
  });

  it("refuses a body that is not JSON and an api-version it does not serve", async () => {
    const broken = await call(submitUrl(), { method: "POST", body: '{"displayName": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { innerError: { code: string } }).innerError.code).toBe("InvalidRequestBodyFormat");
    const v32 = await call(`${speech.url}/speechtotext/transcriptions:submit?api-version=v3.2`, { method: "POST", body: JSON.stringify(validBody()) });
    expect(v32.status).toBe(400);
  });

  it("reports language per phrase with language identification", async () => {
    speech.plan = {
      outcome: { kind: "succeeded", transcript: { phrases: [{ offsetMs: 0, durationMs: 900, text: "Hola.", locale: "es-ES" }, { offsetMs: 1000, durationMs: 900, text: "Hello." }] } },
    };
    const job = (await (await submit(validBody({}, { languageIdentification: { candidateLocales: ["en-US", "es-ES"] } }))).json()) as { self: string };
    await poll(job.self);
    const done = await poll(job.self);
    expect(done.properties.languageIdentification).toEqual({ candidateLocales: ["en-US", "es-ES"], mode: "Continuous" });
    const files = (await (await call(done.links.files)).json()) as { values: { links: { contentUrl: string } }[] };
    const result = (await (await fetch(files.values[0]!.links.contentUrl)).json()) as { recognizedPhrases: { locale: string }[] };
    expect(result.recognizedPhrases.map((phrase) => phrase.locale)).toEqual(["es-ES", "en-US"]);
  });

  describe("scripted faults", () => {
    it("429 with Retry-After, then the request succeeds", async () => {
      const before = speech.received.length;
      speech.fault = (request, index) => (request.operation === "submit" && index === before ? { kind: "throttled", retryAfterSeconds: 7 } : undefined);
      const throttled = await submit(validBody());
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get("retry-after")).toBe("7");
      expect(await throttled.json()).toMatchObject({ code: "TooManyRequests" });
      expect((await submit(validBody())).status).toBe(201);
    });

    it("500 and 503", async () => {
      speech.fault = () => ({ kind: "server-error" });
      expect((await submit(validBody())).status).toBe(500);
      speech.fault = () => ({ kind: "server-error", status: 503, retryAfterSeconds: 3 });
      const unavailable = await submit(validBody());
      expect(unavailable.status).toBe(503);
      expect(unavailable.headers.get("retry-after")).toBe("3");
    });

    it("a hang that only the client's timeout ends", async () => {
      speech.fault = (request) => (request.operation === "get" ? { kind: "hang" } : undefined);
      const job = (await (await submit(validBody())).json()) as { self: string };
      const startedAt = Date.now();
      await expect(call(job.self, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/timeout|aborted/i);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
    });

    it("a malformed body", async () => {
      speech.fault = (request) => (request.operation === "get" ? { kind: "malformed" } : undefined);
      const job = (await (await submit(validBody())).json()) as { self: string };
      const response = await call(job.self);
      expect(response.status).toBe(200);
      await expect(response.json()).rejects.toThrow(SyntaxError);
    });
  });

  it("records every request with its operation, headers and body", async () => {
    const before = speech.received.length;
    await submit(validBody());
    const [request] = speech.received.slice(before);
    expect(request).toMatchObject({ operation: "submit", method: "POST", path: "/speechtotext/transcriptions:submit", query: { "api-version": "2024-11-15" } });
    expect(request!.headers["ocp-apim-subscription-key"]).toBe(speech.key);
    expect(request!.body).toMatchObject({ locale: "en-US", properties: { profanityFilterMode: "None" } });
  });
});
