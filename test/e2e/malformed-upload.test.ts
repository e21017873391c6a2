/**
 * Malformed multipart uploads against the real `confide serve` process (embedded profile) over
 * real HTTP: each one used to end the process with an unhandled 'error' event on busboy's file
 * stream. Every such body must be refused with a 4xx problem, store nothing, and leave the
 * server serving.
 */
import { once } from "node:events";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const maxUploadBytes = 64 * 1024;
const boundary = "X";
let server: EmbeddedServer;
let patientId: string;
/** A short valid recording (0.1 s), well under the limit. */
const smallWav = Buffer.from(makeToneWav({ durationMs: 100 }));

const field = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const audioHead = (filename = "a.wav") =>
  `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${filename}"\r\nContent-Type: audio/wav\r\n\r\n`;
const closing = `--${boundary}--\r\n`;
const bytes = (...parts: Array<string | Uint8Array>) => Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));

interface Answer {
  status: number;
  contentType: string;
  body: { code?: string; detail?: string };
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Answer["body"] = {};
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    // Not JSON: the assertions on content type and code report it.
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body };
}

/** Sends a body with a Content-Length. */
async function post(body: Uint8Array, token = server.tokens.therapist): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return answerOf(response);
}

/** Sends a body chunked (no Content-Length), one write per chunk. */
function postChunked(chunks: Uint8Array[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: "127.0.0.1",
      port: server.process.port,
      method: "POST",
      path: "/v1/sessions",
      headers: { authorization: `Bearer ${server.tokens.therapist}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      timeout: 30_000,
    });
    request.on("response", (incoming) => {
      const received: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => received.push(chunk));
      incoming.on("end", () => {
        const text = Buffer.concat(received).toString("utf8");
        let body: Answer["body"] = {};
        try {
          body = JSON.parse(text) as Answer["body"];
        } catch {
          // Reported by the assertions.
        }
        resolve({ status: incoming.statusCode ?? 0, contentType: String(incoming.headers["content-type"] ?? ""), body });
      });
    });
    request.on("error", reject);
    request.on("timeout", () => request.destroy(new Error("no answer in time")));
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

/**
 * Sends `totalBytes` chunked (a client that does not stop when the server answers early), with
 * `Connection: close`, writing as fast as the server reads; resolves with the answer once the
 * whole request was sent.
 */
function postLargeChunked(contentType: string, head: Uint8Array, totalBytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: "127.0.0.1",
      port: server.process.port,
      method: "POST",
      path: "/v1/sessions",
      headers: { authorization: `Bearer ${server.tokens.therapist}`, "content-type": contentType, connection: "close" },
      agent: false,
      timeout: 60_000,
    });
    let answer: Answer | null = null;
    let sent = false;
    const settle = () => {
      if (answer && sent) resolve(answer);
    };
    request.on("response", (incoming) => {
      const received: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => received.push(chunk));
      incoming.on("end", () => {
        answer = { status: incoming.statusCode ?? 0, contentType: String(incoming.headers["content-type"] ?? ""), body: JSON.parse(Buffer.concat(received).toString("utf8")) as Answer["body"] };
        settle();
      });
    });
    request.on("error", reject);
    request.on("timeout", () => request.destroy(new Error("no answer in time")));
    const filler = Buffer.alloc(64 * 1024, 0x61);
    void (async () => {
      if (!request.write(head)) await once(request, "drain");
      for (let written = head.byteLength; written < totalBytes; written += filler.byteLength) {
        if (!request.write(filler)) await once(request, "drain");
      }
      request.end(() => {
        sent = true;
        settle();
      });
    })().catch(reject);
  });
}

async function expectRefusedAndServing(answer: Answer, status: number, code: string): Promise<void> {
  expect(await server.isServing(), "the server process must survive the request").toBe(true);
  expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(await server.blobFiles()).toEqual([]);
  const list = await fetch(`${server.baseUrl}/v1/sessions`, { headers: { authorization: `Bearer ${server.tokens.therapist}` } });
  expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
}

beforeAll(async () => {
  server = await startEmbeddedServer({ CONFIDE_MAX_UPLOAD_BYTES: String(maxUploadBytes) });
  patientId = server.accounts.patient.user.id;
}, 180_000);

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

describe("malformed multipart uploads over real HTTP", () => {
  it("the report's curl (an unknown patient, a body that ends inside the audio part) is a 404", async () => {
    // The patient is checked before the recording is read: the unknown patient is what is reported.
    const answer = await post(bytes(field("patientId", "x"), audioHead(), "RIFF"));
    await expectRefusedAndServing(answer, 404, "user.not_found");
  });

  it("a body that ends inside the audio part of a real patient's upload is a 400", async () => {
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("more than 20 fields after the audio part is a 400", async () => {
    const late = Array.from({ length: 21 }, (_, index) => field(`extra${index}`, "1")).join("");
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav, "\r\n", late, closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("more than 40 parts after the audio part is a 400", async () => {
    // Empty-named parts with no Content-Disposition name are still parts.
    const late = Array.from({ length: 45 }, () => `--${boundary}\r\nContent-Type: text/plain\r\n\r\nz\r\n`).join("");
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav, "\r\n", late, closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a chunked body without the closing boundary is a 400", async () => {
    const answer = await postChunked([bytes(field("patientId", patientId), audioHead()), smallWav.subarray(0, 2048), smallWav.subarray(2048)]);
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a malformed part after the audio part is a 400", async () => {
    const malformed = `--${boundary}\r\nthis line is not a header\r\n\r\nvalue\r\n`;
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav, "\r\n", malformed, closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a second file part after the audio part is a 400", async () => {
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav, "\r\n", audioHead("b.wav"), smallWav, "\r\n", closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("an over-limit recording whose Content-Length fits the overhead allowance is a 413", async () => {
    const large = Buffer.from(makeToneWav({ durationMs: 4_000 }));
    expect(large.byteLength).toBeGreaterThan(maxUploadBytes);
    const answer = await post(bytes(field("patientId", patientId), audioHead(), large, "\r\n", closing));
    await expectRefusedAndServing(answer, 413, "upload.too_large");
  });

  it("a settings field after the audio part is a 400 that says to send it first", async () => {
    const settings = JSON.stringify({ channelLayout: "per-channel", channelRoles: ["therapist", "patient"] });
    const answer = await post(bytes(field("patientId", patientId), audioHead(), smallWav, "\r\n", field("settings", settings), closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
    expect(answer.body.detail).toMatch(/before the audio part/);
  });

  it("a patientId after the audio part is the same 400", async () => {
    const answer = await post(bytes(audioHead(), smallWav, "\r\n", field("patientId", patientId), closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
    expect(answer.body.detail).toMatch(/before the audio part/);
  });

  it("a large body with a broken multipart Content-Type is read to its end and answered 400 (no broken pipe)", async () => {
    const answer = await postLargeChunked("multipart/form-data; boundary=with space", Buffer.from(field("patientId", patientId)), 4 * 1024 * 1024);
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a large body with too many fields before the audio part is read to its end and answered 400", async () => {
    const fields = Array.from({ length: 25 }, (_, index) => field(`early${index}`, "1")).join("");
    const answer = await postLargeChunked(`multipart/form-data; boundary=${boundary}`, Buffer.from(fields), 4 * 1024 * 1024);
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a large body that is not multipart is read to its end and answered 415", async () => {
    const answer = await postLargeChunked("application/octet-stream", Buffer.from("RIFF"), 4 * 1024 * 1024);
    await expectRefusedAndServing(answer, 415, "request.unsupported_media_type");
  });

  it("a part without a name and a value over 64 KB (found by the API fuzz) is a 400", async () => {
    const unnamed = `--${boundary}\r\nContent-Disposition: form-data\r\n\r\n${"v".repeat(70_000)}\r\n`;
    const answer = await post(bytes(field("patientId", patientId), unnamed, audioHead(), smallWav, "\r\n", closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a file part without a name before the audio part is a 400", async () => {
    const unnamed = `--${boundary}\r\nContent-Disposition: form-data; filename="x.wav"\r\n\r\nRIFF\r\n`;
    const answer = await post(bytes(field("patientId", patientId), unnamed, audioHead(), smallWav, "\r\n", closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
  });

  it("a WAV header that claims 65,535 channels is a 400 that names the limit", async () => {
    const wav = Buffer.from(smallWav);
    wav.writeUInt16LE(65_535, 22);
    const answer = await post(bytes(field("patientId", patientId), audioHead(), wav, "\r\n", closing));
    await expectRefusedAndServing(answer, 400, "validation.invalid_input");
    expect(answer.body.detail).toMatch(/65535 channels.*1 to 8/);
  });

  it("stores a well-formed upload (unknown fields after the audio are ignored) with the duration its bytes allow", async () => {
    // 0.1 s of samples whose header claims almost 4 GiB of data.
    const wav = Buffer.from(smallWav);
    wav.writeUInt32LE(0xfffffff0, 40);
    const answer = await post(bytes(field("patientId", patientId), audioHead(), wav, "\r\n", field("note", "kept out"), closing));
    expect(answer.status).toBe(201);
    expect((answer.body as { audio?: { durationMs: number } }).audio?.durationMs).toBe(100);
    // The recording and its metadata file.
    expect((await server.blobFiles()).some((path) => path.endsWith("audio.wav"))).toBe(true);
    expect(await server.isServing()).toBe(true);
  });
  it("a 40 KB Upload-Metadata header is a JSON 431 request.header_too_large, not a bare status or a reset", async () => {
    const response = await fetch(`${server.baseUrl}/v1/uploads`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${server.tokens.therapist}`,
        "tus-resumable": "1.0.0",
        "upload-length": "100",
        "upload-metadata": `patientId ${Buffer.from(patientId).toString("base64")},title ${Buffer.from("x".repeat(30_000)).toString("base64")}`,
      },
      signal: AbortSignal.timeout(30_000),
    });
    const answer = await answerOf(response);
    await expectRefusedAndServing(answer, 431, "request.header_too_large");
  });
});
