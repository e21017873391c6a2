/**
 * Bounded property-based fuzzing of the real `confide serve` process (embedded profile, temporary
 * data directory) over real HTTP: the streamed upload with mutated multipart bodies, and every
 * JSON operation of its own `/openapi.json` with mutated parameters and bodies, signed in as a
 * therapist and as a patient (and as nobody for the sign-in routes).
 *
 * Properties: no answer is a 5xx, the process stays alive (its exit is watched on every request,
 * `/healthz` every batch), and refused uploads leave nothing in the blob store.
 *
 * Fixed seed by default, printed; `FUZZ_SEED` and `FUZZ_RUNS` (runs of the upload property; the
 * others scale with it) change them. A failure prints the request that caused it and the seed.
 */
import { once } from "node:events";
import { Agent, request as httpRequest } from "node:http";
import { relative, sep } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "../support/confide-api-client.ts";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server.ts";
import { makeToneWav } from "../support/tone-wav.ts";
import { uploadRequests } from "./multipart-bodies.ts";
import { operationsOf, requestsFor, type FuzzRequest, type OpenApiDocument } from "./openapi-requests.ts";

const seed = Number(process.env.FUZZ_SEED ?? 20_261_122);
const uploadRuns = Number(process.env.FUZZ_RUNS ?? 250);
const jsonRuns = uploadRuns * 2;
const signInRuns = Math.max(10, Math.round(uploadRuns / 4));
const healthEveryRuns = 25;
const maxUploadBytes = 64 * 1024;
const requestTimeoutMs = 30_000;

let server: EmbeddedServer;
let document: OpenApiDocument;
const tokens = new Map<FuzzRequest["as"], string>();
const acceptedSessionIds = new Set<string>();
const tally = new Map<string, number>();
let sent = 0;

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Most writes of one chunked body (a socket takes only so many buffers at once). */
const maxChunks = 512;

/**
 * Keeps connections open between requests, as browsers and HTTP libraries do: an early answer
 * (404, 415) then leaves the server to discard the rest of the body instead of closing.
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Sends the request byte for byte (raw path, body even on GET, chunked when asked). Uploads go
 * with `Connection: close`: the upload route promises to read a refused body to its end before
 * answering, so the client never sees a broken pipe instead of the answer.
 */
function send(request: FuzzRequest, reuseConnection = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const token = tokens.get(request.as);
    const headers: Record<string, string> = { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    if (request.body && request.chunkBytes === undefined) headers["content-length"] = String(request.body.byteLength);
    const upload = request.method === "POST" && request.path === "/v1/sessions";
    const outgoing = httpRequest({ host: "127.0.0.1", port: server.process.port, method: request.method, path: request.path, headers, agent: upload || !reuseConnection ? false : keepAlive });
    const timer = setTimeout(() => outgoing.destroy(new Error(`no answer within ${requestTimeoutMs} ms`)), requestTimeoutMs);
    let answered = false;
    outgoing.on("response", (incoming) => {
      answered = true;
      const contentType = String(incoming.headers["content-type"] ?? "");
      const status = incoming.statusCode ?? 0;
      if (contentType.includes("event-stream")) {
        clearTimeout(timer);
        incoming.destroy();
        resolve({ status, contentType, text: "" });
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        clearTimeout(timer);
        resolve({ status, contentType, text: Buffer.concat(chunks).toString("utf8").slice(0, 2_000) });
      });
      incoming.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    outgoing.on("error", (error) => {
      // The server may answer and close before the whole body was sent (an early 413): the answer counts.
      if (answered) return;
      clearTimeout(timer);
      // A kept-alive connection the server closed meanwhile: send again on a new one, as browsers do.
      if (outgoing.reusedSocket) send(request, false).then(resolve, reject);
      else reject(error);
    });
    const body = request.body;
    if (body && request.chunkBytes !== undefined) {
      const chunkBytes = Math.max(request.chunkBytes, Math.ceil(body.byteLength / maxChunks));
      void (async () => {
        for (let offset = 0; offset < body.byteLength; offset += chunkBytes) {
          if (!outgoing.write(body.subarray(offset, offset + chunkBytes))) await once(outgoing, "drain");
        }
        outgoing.end();
      })().catch(() => {
        // Reported by the request's 'error' event.
      });
    } else {
      outgoing.end(body);
    }
  });
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body ? Buffer.from(request.body) : undefined;
  const preview = body ? JSON.stringify(body.subarray(0, 600).toString("latin1")) : "none";
  return `${request.as} ${request.method} ${request.path.slice(0, 300)} headers=${JSON.stringify(request.headers).slice(0, 300)} body(${body?.byteLength ?? 0} bytes, ${request.chunkBytes === undefined ? "length" : `chunked by ${request.chunkBytes}`})=${preview}`;
}

function expectAlive(): void {
  const child = server.process.child;
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`confide serve ended (exit ${child.exitCode}, signal ${child.signalCode}). stderr:\n${server.process.stderr().slice(-4_000)}\nLast log lines:\n${server.process.lines.slice(-5).join("\n")}`);
  }
}

async function expectServing(): Promise<void> {
  expectAlive();
  if (!(await server.isServing())) throw new Error("confide serve no longer answers /healthz");
}

/** Sends one request and checks the properties that hold for every request. */
async function check(request: FuzzRequest, property: string): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await send(request);
  } catch (error) {
    expectAlive();
    throw new Error(`no answer (${(error as Error).message}) to ${describeRequest(request)}`);
  }
  sent += 1;
  const key = `${property}: ${request.method} ${answer.status}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
  expectAlive();
  if (answer.status >= 500) throw new Error(`${answer.status} ${answer.text} for ${describeRequest(request)}`);
  if (answer.status === 401 && request.as !== "nobody") {
    // A fuzzed sign-out may have ended the token: sign in again for the next runs.
    const account = request.as === "therapist" ? server.accounts.therapist : server.accounts.patient;
    tokens.set(request.as, await login(server.baseUrl, account).catch(() => tokens.get(request.as) ?? ""));
  }
  if (sent % healthEveryRuns === 0) await expectServing();
  return answer;
}

async function runProperty(name: string, arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number, after?: (request: FuzzRequest, answer: Answer) => void): Promise<void> {
  const property = fc.asyncProperty(arbitrary, async (request) => {
    const answer = await check(request, name);
    after?.(request, answer);
  });
  const details = await fc.check(property, { seed, numRuns, endOnFailure: true });
  await expectServing();
  if (details.failed) {
    throw new Error(`${name}: ${String(details.errorInstance ?? "failed")}\n(reproduce with FUZZ_SEED=${seed}; counterexample path ${details.counterexamplePath ?? "?"})`);
  }
}

beforeAll(async () => {
  console.log(`API fuzz: seed ${seed} (FUZZ_SEED), ${uploadRuns} upload runs (FUZZ_RUNS), ${jsonRuns} JSON runs, ${signInRuns} sign-in runs`);
  server = await startEmbeddedServer({
    CONFIDE_MAX_UPLOAD_BYTES: String(maxUploadBytes),
    CONFIDE_WORKER_CONCURRENCY: "1",
    // Quotas high enough that every upload body is read: a 429 answers before the body is parsed.
    CONFIDE_UPLOAD_LIMIT_PER_HOUR: "100000",
    CONFIDE_MAX_SESSIONS_IN_PROCESSING: "100000",
  });
  tokens.set("therapist", server.tokens.therapist);
  tokens.set("patient", server.tokens.patient);
  const response = await fetch(`${server.baseUrl}/openapi.json`);
  document = (await response.json()) as OpenApiDocument;
}, 180_000);

afterAll(async () => {
  console.log(`API fuzz: ${sent} requests; answers ${JSON.stringify(Object.fromEntries([...tally.entries()].sort()), null, 1)}`);
  keepAlive.destroy();
  if (server) expect(await server.stop()).toBe(0);
}, 60_000);

describe("fuzzing the real server", () => {
  it(
    "survives mutated multipart uploads with no 5xx, and refused uploads leave nothing in the blob store",
    async () => {
      const wav = makeToneWav({ durationMs: 200 });
      await runProperty("upload", uploadRequests({ patientId: server.accounts.patient.user.id, wav, maxUploadBytes }), uploadRuns, (_request, answer) => {
        if (answer.status === 201) acceptedSessionIds.add((JSON.parse(answer.text) as { id: string }).id);
      });
      const blobsRoot = `${server.dataDir}${sep}blobs${sep}`;
      const strays = (await server.blobFiles())
        .map((path) => relative(blobsRoot, path).split(sep))
        .filter((segments) => !(segments[0] === "sessions" && acceptedSessionIds.has(segments[2] ?? "")));
      expect(strays.map((segments) => segments.join("/"))).toEqual([]);
    },
    300_000,
  );

  it(
    "answers every JSON operation of /openapi.json with no 5xx, signed in as a therapist or a patient",
    async () => {
      const knownIds = [...acceptedSessionIds].slice(0, 3).concat(server.accounts.patient.user.id, server.accounts.therapist.user.id);
      const signIn = new Set(["/v1/auth/login", "/v1/auth/refresh", "/v1/auth/logout", "/v1/auth/password"]);
      // /healthz and /readyz take no input, and /readyz answers 503 by design while a dependency is down.
      const health = new Set(["/healthz", "/readyz"]);
      const operations = operationsOf(
        document,
        (operation) => signIn.has(operation.path) || health.has(operation.path) || (operation.method === "POST" && operation.path === "/v1/sessions"),
      );
      expect(operations.length).toBeGreaterThan(15);
      const arbitrary = fc.oneof(...operations.map((operation) => requestsFor(document, operation, knownIds, ["therapist", "therapist", "patient", "nobody"])));
      await runProperty("JSON operations", arbitrary, jsonRuns);
    },
    300_000,
  );

  it(
    "answers the sign-in operations with no 5xx (last: failed sign-ins throttle the address)",
    async () => {
      const signIn = new Set(["/v1/auth/login", "/v1/auth/refresh", "/v1/auth/logout", "/v1/auth/password"]);
      const operations = operationsOf(document, (operation) => !signIn.has(operation.path));
      expect(operations).toHaveLength(4);
      const arbitrary = fc.oneof(...operations.map((operation) => requestsFor(document, operation, [], ["nobody", "therapist", "patient"])));
      await runProperty("sign-in operations", arbitrary, signInRuns);
      // Refused uploads still left nothing behind once everything else ran.
      expect((await server.blobFiles()).filter((path) => path.includes(`${sep}@tmp${sep}`))).toEqual([]);
    },
    300_000,
  );
});
