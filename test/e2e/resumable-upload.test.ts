/**
 * Resumable uploads (tus 1.0, `/v1/uploads`) against the real `confide serve` process (embedded
 * profile) over real HTTP, with the real `tus-js-client` the console uses: a whole upload in
 * chunks, an upload stopped after its first chunk and resumed by a new client from its URL
 * (bytes stored once, sha256 equal), and a creation refused for consent before any body.
 */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { Upload, type HttpRequest, type HttpResponse } from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { makeToneWav } from "../support/tone-wav.ts";

let server: EmbeddedServer;
/** Two seconds of tone: 64,044 bytes, sent in 16 KiB chunks. */
const recording = Buffer.from(makeToneWav({ durationMs: 2_000 }));
const chunkSize = 16 * 1024;

beforeAll(async () => {
  server = await startEmbeddedServer();
}, 180_000);

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

interface Sent {
  url: string | null;
  sessionId: string | null;
  /** Offsets the PATCH requests started at, in order. */
  patchOffsets: number[];
}

/** Sends `recording` with tus-js-client; `stopAfterChunks` aborts it after that many chunks. */
function send(options: { uploadUrl?: string; stopAfterChunks?: number; token?: string; patientId?: string } = {}): Promise<Sent & { error: Error | null }> {
  const sent: Sent = { url: null, sessionId: null, patchOffsets: [] };
  let chunks = 0;
  return new Promise((resolve) => {
    const upload: Upload = new Upload(recording, {
      endpoint: `${server.baseUrl}/v1/uploads`,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      chunkSize,
      retryDelays: [],
      storeFingerprintForResuming: false,
      headers: { Authorization: `Bearer ${options.token ?? server.tokens.therapist}` },
      metadata: { patientId: options.patientId ?? server.accounts.patient.user.id, title: "Resumed session", filename: "tone.wav" },
      onBeforeRequest(request: HttpRequest) {
        if (request.getMethod() === "PATCH") sent.patchOffsets.push(Number(request.getHeader("Upload-Offset")));
      },
      onAfterResponse(_request: HttpRequest, response: HttpResponse) {
        sent.sessionId = response.getHeader("Confide-Session-Id") ?? sent.sessionId;
      },
      onChunkComplete() {
        chunks += 1;
        if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks) {
          sent.url = upload.url;
          void upload.abort().then(() => resolve({ ...sent, error: null }));
        }
      },
      onSuccess() {
        resolve({ ...sent, url: upload.url, error: null });
      },
      onError(error: Error) {
        resolve({ ...sent, url: upload.url, error });
      },
    });
    upload.start();
  });
}

async function storedSession(sessionId: string): Promise<{ audio: { sha256: string; sizeBytes: number }; title: string }> {
  const response = await fetch(`${server.baseUrl}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${server.tokens.therapist}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { audio: { sha256: string; sizeBytes: number }; title: string };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const stagedFiles = async () => (await readdir(join(server.dataDir, "uploads")).catch(() => [])).filter((name) => name.endsWith(".part"));

describe("resumable uploads with tus-js-client over real HTTP", () => {
  it("uploads a recording in chunks and stores it as one session", async () => {
    const sent = await send();
    expect(sent.error).toBeNull();
    expect(sent.patchOffsets).toEqual([0, 16_384, 32_768, 49_152]);
    expect(sent.sessionId).toBeTruthy();
    const session = await storedSession(sent.sessionId ?? "");
    expect(session.title).toBe("Resumed session");
    expect(session.audio).toMatchObject({ sizeBytes: recording.byteLength, sha256: sha256(recording) });
    expect(await stagedFiles()).toEqual([]);
  });

  it("resumes an upload stopped after its first chunk from where it stood: stored once, sha256 equal", async () => {
    const first = await send({ stopAfterChunks: 1 });
    expect(first.error).toBeNull();
    expect(first.url).toMatch(/\/v1\/uploads\/[\w-]+$/);
    expect(first.sessionId).toBeNull();

    const resumed = await send({ uploadUrl: first.url ?? "" });
    expect(resumed.error).toBeNull();
    // The new client asked where the upload stood (HEAD) and sent only the rest.
    expect(resumed.patchOffsets).toEqual([16_384, 32_768, 49_152]);
    const session = await storedSession(resumed.sessionId ?? "");
    expect(session.audio).toMatchObject({ sizeBytes: recording.byteLength, sha256: sha256(recording) });
    expect(await stagedFiles()).toEqual([]);
  });

  it("is refused at creation, before any byte, for a patient without consent: the client reads the reason", async () => {
    const withdrawn = await fetch(`${server.baseUrl}/v1/me/consent/withdrawals`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.tokens.patient}`, "content-type": "application/json" },
      body: JSON.stringify({ scopes: [{ scope: "recording" }] }),
    });
    expect(withdrawn.status).toBe(201);
    const sent = await send();
    expect(sent.patchOffsets).toEqual([]);
    expect(sent.error).not.toBeNull();
    const response = (sent.error as Error & { originalResponse?: HttpResponse }).originalResponse;
    expect(response?.getStatus()).toBe(403);
    expect(JSON.parse(response?.getBody() ?? "{}")).toMatchObject({ code: "consent.missing" });
  });
});
