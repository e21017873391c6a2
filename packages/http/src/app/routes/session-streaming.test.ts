import { createHash } from "node:crypto";
import { request as httpRequest, type ClientRequest, type IncomingMessage, type Server } from "node:http";
import { once } from "node:events";
import { moveTo } from "@confide/core";
import type { Session } from "@confide/core/ports";
import {
  createInMemoryBlobStore,
  createInMemorySessionRepository,
  createRecordingLogger,
  createTestDeps,
  type InMemoryBlobStore,
  type TestDeps,
} from "@confide/core/testing";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import type { AppEnv } from "../app-env.ts";
import { createTestApp, storeSession, wavBytes, type TestAppOptions } from "../app-fixture.test-support.ts";

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listen(app: Hono<AppEnv>): Promise<number> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port)) as Server;
    servers.push(server);
  });
}

async function serveTestApp(options: TestAppOptions) {
  const testApp = await createTestApp(options);
  const port = await listen(testApp.app);
  const token = await testApp.tokenFor(testApp.therapist);
  return { ...testApp, port, token };
}

const boundary = "confide-stream-boundary";

/** The multipart preamble up to the first byte of the audio part's content. */
function preamble(patientId: string): Buffer {
  return Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="patientId"\r\n\r\n${patientId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="long.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
}
const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);

interface StreamedUpload {
  request: ClientRequest;
  /** Bytes the client has handed to the socket so far. */
  written(): number;
  /** Writes a chunk, waiting for 'drain' when the socket is full. */
  write(chunk: Uint8Array): Promise<void>;
  response: Promise<{ status: number; body: string }>;
}

/** A chunked (no Content-Length) multipart upload over real HTTP. */
function streamUpload(port: number, token: string): StreamedUpload {
  const request = httpRequest({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/v1/sessions",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": `multipart/form-data; boundary=${boundary}` },
  });
  let written = 0;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (incoming: IncomingMessage) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
  });
  return {
    request,
    written: () => written,
    async write(chunk) {
      written += chunk.byteLength;
      if (!request.write(chunk)) await once(request, "drain");
    },
    response,
  };
}

/** Resolves once `read()` has not changed for `quietMs` (the writer is blocked). */
async function settled(read: () => number, quietMs: number): Promise<number> {
  let last = read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = read();
    if (now === last) return now;
    last = now;
  }
}

describe("streamed upload over real HTTP", () => {
  it("applies backpressure: a slow store stops the client instead of filling memory", async () => {
    const totalAudioBytes = 128 * 1024 * 1024;
    let storeStarted!: () => void;
    const started = new Promise<void>((resolve) => (storeStarted = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let storedBytes = 0;
    const memory = createInMemoryBlobStore();
    // Counts instead of keeping 128 MiB; holds the first chunk until the gate opens.
    const slowStore: InMemoryBlobStore = {
      ...memory,
      async put(_key: string, body: ReadableStream<Uint8Array>) {
        for await (const chunk of body) {
          if (storedBytes === 0) {
            storeStarted();
            await gate;
          }
          storedBytes += chunk.byteLength;
        }
      },
    };
    const logger = createRecordingLogger();
    const maxUploadBytes = 256 * 1024 * 1024;
    const deps = createTestDeps({ blobs: slowStore, logger, settings: { maxUploadBytes } });
    const { port, token, patient } = await serveTestApp({ deps, maxUploadBytes });

    const upload = streamUpload(port, token);
    const writing = (async () => {
      await upload.write(preamble(patient.id));
      await upload.write(wavBytes(0).subarray(0, 44));
      const zeros = new Uint8Array(256 * 1024);
      for (let sent = 0; sent < totalAudioBytes; sent += zeros.byteLength) await upload.write(zeros);
      await upload.write(epilogue);
      upload.request.end();
    })();

    await started;
    const blockedAt = await settled(upload.written, 200);
    // Socket buffers and a few stream buffers, far from the 128 MiB the client wants to send.
    expect(blockedAt).toBeLessThan(48 * 1024 * 1024);
    expect(storedBytes).toBe(0);

    openGate();
    await writing;
    const response = await upload.response;
    expect(response.status).toBe(201);
    const session = JSON.parse(response.body) as Session;
    expect(session.audio.sizeBytes).toBe(44 + totalAudioBytes);
    expect(storedBytes).toBe(44 + totalAudioBytes);
    const expectedHash = createHash("sha256").update(wavBytes(0).subarray(0, 44));
    for (let hashed = 0; hashed < totalAudioBytes; hashed += 256 * 1024) expectedHash.update(new Uint8Array(256 * 1024));
    expect(session.audio.sha256).toBe(expectedHash.digest("hex"));
  });

  it("lets a slow client finish sending a refused upload and read the answer (no broken pipe)", async () => {
    const deps = createTestDeps({ settings: { maxUploadBytes: 1024 * 1024 } });
    const { port, token, patient } = await serveTestApp({ deps, maxUploadBytes: 1024 * 1024 });
    const slowly = async (upload: StreamedUpload, audio: Uint8Array, totalBytes: number) => {
      await upload.write(preamble(patient.id));
      await upload.write(audio);
      const chunk = new Uint8Array(64 * 1024);
      // About 1.5 s of sending: longer than the server's own unread-body grace.
      for (let sent = audio.byteLength; sent < totalBytes; sent += chunk.byteLength) {
        await upload.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      await upload.write(epilogue);
      upload.request.end();
    };

    const notAudio = streamUpload(port, token);
    const notAudioSent = slowly(notAudio, Buffer.from("just some notes, not a recording ".repeat(4)), 2 * 1024 * 1024);
    expect(await notAudio.response).toMatchObject({ status: 415 });
    await notAudioSent;

    const tooLarge = streamUpload(port, token);
    const tooLargeSent = slowly(tooLarge, wavBytes(0).subarray(0, 44), 2 * 1024 * 1024);
    expect(await tooLarge.response).toMatchObject({ status: 413 });
    await tooLargeSent;
    expect(deps.blobs.keys()).toEqual([]);
  });

  it("stores nothing when the client disconnects mid-upload", async () => {
    let received!: () => void;
    const receiving = new Promise<void>((resolve) => (received = resolve));
    const memory = createInMemoryBlobStore();
    const watchedStore: InMemoryBlobStore = {
      ...memory,
      put(key, body, options) {
        const watched = (body as ReadableStream<Uint8Array>).pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              received();
              controller.enqueue(chunk);
            },
          }),
        );
        return memory.put(key, watched, options);
      },
    };
    const logger = createRecordingLogger();
    const deps = createTestDeps({ blobs: watchedStore, logger, settings: { maxUploadBytes: 64 * 1024 * 1024 } });
    const { port, token, patient } = await serveTestApp({ deps, maxUploadBytes: 64 * 1024 * 1024 });

    const upload = streamUpload(port, token);
    upload.response.catch(() => undefined);
    await upload.write(preamble(patient.id));
    await upload.write(wavBytes(1024 * 1024));
    await receiving;
    upload.request.destroy();

    const accessLine = await logger.waitFor((entry) => entry.message === "request" && entry.fields.path === "/v1/sessions");
    expect(accessLine.fields.method).toBe("POST");
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ message: "upload.failed", fields: expect.objectContaining({ code: "upload.aborted" }) }),
    );
    expect(memory.keys()).toEqual([]);
    expect((await deps.sessions.list({ limit: 10 })).items).toEqual([]);
    expect(deps.queue.pending()).toEqual([]);
  });
});

interface ServerSentEvent {
  event?: string;
  data?: string;
  comment?: string;
}

/** Parses a text/event-stream body into events and comments as they arrive. */
async function* readEvents(response: Response): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerSentEvent = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) event.comment = line.slice(1).trim();
        else if (line.startsWith("event: ")) event.event = line.slice(7);
        else if (line.startsWith("data: ")) event.data = (event.data === undefined ? "" : `${event.data}\n`) + line.slice(6);
      }
      yield event;
    }
  }
}

describe("GET /v1/sessions/:id/events (Server-Sent Events)", () => {
  // The safety poll is a minute away: changes reach these streams through deps.events. The
  // token is checked every 10 ms.
  async function setup(options: TestAppOptions = {}) {
    const testApp = await serveTestApp({ sessionEventsPollMs: 60_000, sessionEventsTokenCheckMs: 10, ...options });
    const session = await storeSession(
      testApp.deps,
      { therapistId: testApp.therapist.id, patientId: testApp.patient.id },
      { status: "queued", transcript: null },
    );
    const open = (token = testApp.token, signal?: AbortSignal) =>
      fetch(`http://127.0.0.1:${testApp.port}/v1/sessions/${session.id}/events`, {
        headers: { Authorization: `Bearer ${token}` },
        ...(signal ? { signal } : {}),
      });
    const move = async (status: Session["status"]) => {
      const current = (await testApp.deps.sessions.get(session.id)) as Session;
      testApp.deps.clock.advance(1_000);
      await testApp.deps.sessions.update({ ...current, status, updatedAt: testApp.deps.clock.now() }, current.version);
    };
    return { ...testApp, session, open, move };
  }

  it("sends the current status, then every change, and ends after ready", async () => {
    const { open, move, deps, session } = await setup();
    const response = await open();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = readEvents(response);
    const next = async () => (await events.next()).value as ServerSentEvent;

    expect(await next()).toEqual({ event: "status", data: JSON.stringify({ status: "queued", version: 1, updatedAt: "2026-01-05T09:00:00.000Z" }) });
    await move("transcribing");
    expect(JSON.parse((await next()).data ?? "")).toEqual({ status: "transcribing", version: 2, updatedAt: "2026-01-05T09:00:01.000Z" });
    await move("analyzing");
    expect(JSON.parse((await next()).data ?? "")).toMatchObject({ status: "analyzing", version: 3 });
    await move("ready");
    expect(await next()).toMatchObject({ event: "status", data: expect.stringContaining('"ready"') });
    expect(await next()).toMatchObject({ event: "end", data: expect.stringContaining('"ready"') });
    expect((await events.next()).done).toBe(true);

    // Authorised and audited once; the polls read the repository without an audit event each.
    const reads = (await deps.audit.list({ sessionId: session.id, limit: 100 })).items.filter((event) => event.action === "session.read");
    expect(reads).toHaveLength(1);
  });

  it("sends a deleted event and ends when the session is erased", async () => {
    const { open, deps, session } = await setup();
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });
    await deps.sessions.delete(session.id);
    expect((await events.next()).value).toEqual({ event: "deleted", data: JSON.stringify({ id: session.id }) });
    expect((await events.next()).done).toBe(true);
  });

  it("ends open streams with a shutdown event when the host stops", async () => {
    const stopping = new AbortController();
    const { open } = await setup({ shutdown: stopping.signal });
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });
    stopping.abort();
    expect((await events.next()).value).toMatchObject({ event: "shutdown" });
    expect((await events.next()).done).toBe(true);
  });

  it("answers another therapist 404 before opening a stream", async () => {
    const testApp = await setup();
    const { open, tokenFor, otherTherapist } = testApp;
    const response = await open(await tokenFor(otherTherapist));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "session.not_found" });
    expect(testApp.deps.events.listenerCount()).toBe(0);
  });

  it("keeps an idle stream alive with comments", async () => {
    const { open } = await setup({ sessionEventsKeepAliveMs: 30 });
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });
    expect((await events.next()).value).toEqual({ comment: "keep-alive" });
  });

  /** Counts the session reads of the stream (full and cheap ones) from now on. */
  function countReads(deps: TestDeps): { full: number; cheap: number } {
    const reads = { full: 0, cheap: 0 };
    const get = deps.sessions.get.bind(deps.sessions);
    const getStatus = deps.sessions.getStatus.bind(deps.sessions);
    deps.sessions.get = async (id) => {
      reads.full += 1;
      return get(id);
    };
    deps.sessions.getStatus = async (id) => {
      reads.cheap += 1;
      return getStatus(id);
    };
    return reads;
  }

  it("stops polling and unsubscribes when the client disconnects", async () => {
    const { open, deps } = await setup({ sessionEventsPollMs: 10 });
    const reads = countReads(deps);
    const client = new AbortController();
    const events = readEvents(await open(undefined, client.signal));
    expect((await events.next()).value).toMatchObject({ event: "status" });
    expect(deps.events.listenerCount()).toBe(1);
    await settled(() => (reads.cheap > 3 ? 1 : reads.cheap), 10);
    client.abort();
    const afterAbort = await settled(() => reads.cheap + reads.full, 100);
    expect(await settled(() => reads.cheap + reads.full, 100)).toBe(afterAbort);
    expect(deps.events.listenerCount()).toBe(0);
  });

  it("reads nothing while nothing changes, then one cheap read per announced change", async () => {
    const { open, deps, session } = await setup();
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });
    const queued = (await deps.sessions.get(session.id)) as Session;
    const reads = countReads(deps);
    // 200 ms of token checks every 10 ms: no session read without a change.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toEqual({ full: 0, cheap: 0 });

    await deps.sessions.update({ ...queued, status: "transcribing" }, queued.version);
    expect(JSON.parse((await events.next()).value?.data ?? "")).toMatchObject({ status: "transcribing", version: 2 });
    expect(reads).toEqual({ full: 0, cheap: 1 });
  });

  it("reports the statuses of writes it was not told about, in order, from the session's history", async () => {
    const sessions = createInMemorySessionRepository();
    const deps = createTestDeps({ sessions, logger: createRecordingLogger() });
    const { open, session, deps: appDeps } = await setup({ deps });
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status", data: expect.stringContaining('"queued"') });

    // Straight to the underlying repository: no announcement of version 2.
    const queued = (await sessions.get(session.id)) as Session;
    appDeps.clock.advance(1_000);
    const transcribing = await sessions.update({ ...moveTo(queued, "transcribing", appDeps.clock.now()), updatedAt: appDeps.clock.now() }, 1);
    appDeps.clock.advance(1_000);
    await appDeps.sessions.update({ ...moveTo(transcribing, "analyzing", appDeps.clock.now()), updatedAt: appDeps.clock.now() }, 2);

    expect(JSON.parse((await events.next()).value?.data ?? "")).toEqual({ status: "transcribing", version: 2, updatedAt: "2026-01-05T09:00:01.000Z" });
    expect(JSON.parse((await events.next()).value?.data ?? "")).toEqual({ status: "analyzing", version: 3, updatedAt: "2026-01-05T09:00:02.000Z" });
  });

  it("reads again on a resync: a change whose announcement was lost is reported", async () => {
    const sessions = createInMemorySessionRepository();
    const deps = createTestDeps({ sessions, logger: createRecordingLogger() });
    const { open, session } = await setup({ deps });
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });

    const queued = (await sessions.get(session.id)) as Session;
    await sessions.update({ ...queued, status: "transcribing" }, 1);
    deps.events.resync();
    expect(JSON.parse((await events.next()).value?.data ?? "")).toMatchObject({ status: "transcribing", version: 2 });
  });

  it("catches up a change that was never announced on its safety poll", async () => {
    const sessions = createInMemorySessionRepository();
    const deps = createTestDeps({ sessions, logger: createRecordingLogger() });
    const { open, session } = await setup({ deps, sessionEventsPollMs: 50 });
    const events = readEvents(await open());
    expect((await events.next()).value).toMatchObject({ event: "status" });

    const queued = (await sessions.get(session.id)) as Session;
    await sessions.update({ ...queued, status: "transcribing" }, 1);
    expect(JSON.parse((await events.next()).value?.data ?? "")).toMatchObject({ status: "transcribing", version: 2 });
  });

  it("lets a user hold 5 streams open: the 6th is 429 with Retry-After until one closes; others are unaffected", async () => {
    const testApp = await setup();
    const { open, tokenFor, otherTherapist, deps, patient } = testApp;
    const clients = Array.from({ length: 5 }, () => new AbortController());
    for (const client of clients) {
      const response = await open(undefined, client.signal);
      expect(response.status).toBe(200);
      expect((await readEvents(response).next()).value).toMatchObject({ event: "status" });
    }

    const refused = await open();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(await refused.json()).toMatchObject({ status: 429, code: "events.too_many_streams", maxStreams: 5 });

    // Another user's streams are counted apart.
    await deps.users.link({ therapistId: otherTherapist.id, patientId: patient.id, createdAt: deps.clock.now() });
    const theirs = await storeSession(deps, { therapistId: otherTherapist.id, patientId: patient.id }, { status: "queued", transcript: null });
    const otherClient = new AbortController();
    const other = await fetch(`http://127.0.0.1:${testApp.port}/v1/sessions/${theirs.id}/events`, {
      headers: { Authorization: `Bearer ${await tokenFor(otherTherapist)}` },
      signal: otherClient.signal,
    });
    expect(other.status).toBe(200);
    otherClient.abort();

    // A closed stream gives its slot back (the server notices the disconnect asynchronously).
    clients[0]?.abort();
    const reopened = await settledResponse(() => open(), (response) => response.status !== 429);
    expect(reopened.status).toBe(200);
    await reopened.body?.cancel();
    for (const client of clients) client.abort();
  });
});

/** Calls `request` until `done` accepts its response (at most 200 tries, 25 ms apart). */
async function settledResponse(request: () => Promise<Response>, done: (response: Response) => boolean): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await request();
    if (done(response) || attempt >= 200) return response;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
