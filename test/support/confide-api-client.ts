import { readSseEvents } from "@confide/contracts/support";
import { testConsentForm } from "@confide/core/testing";

/**
 * The few calls of Confide's HTTP API the fault tests make, as a phone app would make them,
 * with bounded waits (every request has a timeout; polling loops have a deadline).
 */
export interface SeededAccount {
  user: { id: string; email: string; role: string };
  password: string;
}

export interface SessionView {
  id: string;
  status: string;
  version: number;
  transcript: {
    revision: number;
    segments: Array<{ id: string; speaker: string; text: string }>;
    speakers: Array<{ label: string; role: string }>;
  } | null;
  sentiment: { segments: Array<{ segmentId: string; label: string }>; transcriptRevision?: number } | null;
  processing?: { attempts: number; lastError: { code: string } | null; notifiedAt: string | null };
}

/** Default limit of one request: a fault test must never hang on a request. */
const requestTimeoutMs = 15_000;

/** Codes of a connection reset under a request (Node's, and undici's "other side closed"). */
const resetCodes = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/**
 * `fetch` with a time limit. A GET whose connection was reset is sent once more, as HTTP lets a
 * client retry an idempotent request (RFC 9110, 9.2.2), saying so on stderr: a server that
 * crashed refuses the second one, and the test still fails. A failure names the request and when.
 */
export async function requestWithTimeout(url: string, init: RequestInit = {}, timeoutMs = requestTimeoutMs): Promise<Response> {
  const method = init.method ?? "GET";
  const send = () => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  try {
    try {
      return await send();
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (method !== "GET" || code === undefined || !resetCodes.has(code)) throw error;
      console.warn(`${method} ${url}: connection reset (${code}) at ${new Date().toISOString()}; sent again`);
      return await send();
    }
  } catch (error) {
    throw new Error(`${method} ${url} failed at ${new Date().toISOString()}`, { cause: error });
  }
}

/** An answer as the fault tests check it: status, content type, the JSON body (`{}` when empty), how long it took. */
export interface TimedAnswer {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
  elapsedMs: number;
}

/**
 * Requests `url` and measures how long the whole answer took. The client's own limit (30 s) is
 * well past what a test allows an answer, so a slow answer is measured, not cut.
 */
export async function timedRequest(url: string, init: RequestInit = {}): Promise<TimedAnswer> {
  const startedAt = performance.now();
  const response = await requestWithTimeout(url, init, 30_000);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
    elapsedMs: performance.now() - startedAt,
  };
}

/**
 * `/readyz` of the server at `baseUrl`, asked again every 250 ms until it answers `status` (at most
 * 12 s): the server checks its dependencies at most once every 5 s and may answer a result up to
 * 30 s old while a new check runs, so a change shows on a later call, not the first.
 * @returns the first answer with that status, or the last one when none had it in time.
 */
export async function readinessOnceItSays(baseUrl: string, status: 200 | 503): Promise<TimedAnswer> {
  const deadline = performance.now() + 12_000;
  for (;;) {
    const answer = await timedRequest(`${baseUrl}/readyz`);
    if (answer.status === status || performance.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status}: ${await response.text()}`);
  }
}

/** The `POST /v1/auth/login` request of `account` with its password, for `fetch` with `${baseUrl}/v1/auth/login`. */
export function loginRequest(account: SeededAccount): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.user.email, password: account.password }),
  };
}

export async function login(baseUrl: string, account: SeededAccount): Promise<string> {
  const response = await requestWithTimeout(`${baseUrl}/v1/auth/login`, loginRequest(account));
  await expectStatus(response, 200, "login");
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Registers a phone for the caller, so finished sessions produce a push notification. */
export async function registerDevice(baseUrl: string, token: string, deviceToken: string): Promise<void> {
  const response = await requestWithTimeout(`${baseUrl}/v1/devices`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ token: deviceToken, platform: "android" }),
  });
  await expectStatus(response, 201, "register device");
}

/**
 * Every cloud provider an adapter may name, for test consent: consent to a provider the
 * deployment does not use is harmless, and one list fits every profile.
 */
export const testCloudProviders = ["azure-speech", "azure-text-analytics", "azure-live", "comprehend", "openai", "azure-openai", "bedrock", "transcribe", "transcribe-streaming", "whisper", "whisper-live"];

/**
 * Records, as the patient's therapist, the patient's written consent to `scopes` (default:
 * recording, transcription, ai_notes and cloud processing by every provider in
 * `testCloudProviders`): what a test does before it uploads for a patient, as a clinic does
 * (`POST /v1/patients/{patientId}/consent`).
 */
export async function recordTestConsent(
  baseUrl: string,
  therapistToken: string,
  patientId: string,
  scopes: Array<{ scope: string; providers?: string[] }> = [
    { scope: "recording" },
    { scope: "transcription" },
    { scope: "ai_notes" },
    { scope: "cloud_processing", providers: testCloudProviders },
  ],
): Promise<void> {
  const response = await requestWithTimeout(`${baseUrl}/v1/patients/${encodeURIComponent(patientId)}/consent`, {
    method: "POST",
    headers: { authorization: `Bearer ${therapistToken}`, "content-type": "application/json" },
    // The form core's test set-ups record too (`testConsentForm` of @confide/core/testing).
    body: JSON.stringify({ method: "written", form: testConsentForm, scopes }),
  });
  await expectStatus(response, 201, "record consent");
}

/** Uploads a recording (text fields first, then the audio part) and returns the new session. */
export async function uploadSession(
  baseUrl: string,
  token: string,
  input: { patientId: string; title: string; audio: Uint8Array<ArrayBuffer>; settings?: Record<string, unknown>; titleShared?: boolean },
): Promise<SessionView> {
  const form = new FormData();
  form.append("patientId", input.patientId);
  form.append("title", input.title);
  if (input.titleShared !== undefined) form.append("titleShared", String(input.titleShared));
  // Azure Speech takes a full locale ("en-US"), not "en".
  form.append("settings", JSON.stringify(input.settings ?? { language: "en" }));
  form.append("audio", new Blob([input.audio], { type: "audio/wav" }), "session.wav");
  const response = await requestWithTimeout(`${baseUrl}/v1/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  await expectStatus(response, 201, `upload "${input.title}"`);
  return (await response.json()) as SessionView;
}

/**
 * Follows a session's event stream (`GET /v1/sessions/{id}/events`) until processing ends.
 * @returns the statuses it reported, in order, the last one `ready` or `failed`.
 */
export async function sessionStatusesUntilDone(baseUrl: string, token: string, sessionId: string): Promise<string[]> {
  const stream = await fetch(`${baseUrl}/v1/sessions/${sessionId}/events`, { headers: { authorization: `Bearer ${token}` } });
  const events = await readSseEvents(stream, (event) => /"(ready|failed)"/.test(event.data));
  return events.filter((event) => event.event === "status").map((event) => (JSON.parse(event.data) as { status: string }).status);
}

export async function getSession(baseUrl: string, token: string, sessionId: string): Promise<SessionView> {
  const response = await requestWithTimeout(`${baseUrl}/v1/sessions/${sessionId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await expectStatus(response, 200, `get session ${sessionId}`);
  return (await response.json()) as SessionView;
}

/** Every session the caller can list, following `nextCursor` to the end. */
export async function listAllSessions(baseUrl: string, token: string): Promise<Array<{ id: string; status: string }>> {
  const items: Array<{ id: string; status: string }> = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const query: string = cursor === null ? "?limit=100" : `?limit=100&cursor=${encodeURIComponent(cursor)}`;
    const response = await requestWithTimeout(`${baseUrl}/v1/sessions${query}`, { headers: { authorization: `Bearer ${token}` } });
    await expectStatus(response, 200, "list sessions");
    const body = (await response.json()) as { items: Array<{ id: string; status: string }>; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error("list sessions: more than 100 pages");
}

/**
 * Polls until `check` returns a value (not undefined), every `intervalMs`, failing after
 * `timeoutMs` with `describe()`'s account of the last state.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs} ms: ${options.describe()}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

/** Polls the sessions until every one is `ready`; fails at once on `failed`. */
export async function waitUntilReady(
  baseUrl: string,
  token: string,
  sessionIds: string[],
  timeoutMs: number,
): Promise<SessionView[]> {
  const latest = new Map<string, SessionView>();
  return waitFor(
    async () => {
      const pending = sessionIds.filter((id) => latest.get(id)?.status !== "ready");
      const views = await Promise.all(pending.map((id) => getSession(baseUrl, token, id)));
      for (const view of views) {
        if (view.status === "failed") {
          throw new Error(`Session ${view.id} failed: ${JSON.stringify(view.processing?.lastError)}`);
        }
        latest.set(view.id, view);
      }
      return sessionIds.every((id) => latest.get(id)?.status === "ready")
        ? sessionIds.map((id) => latest.get(id) as SessionView)
        : undefined;
    },
    {
      timeoutMs,
      intervalMs: 250,
      describe: () => {
        const counts = new Map<string, number>();
        for (const id of sessionIds) {
          const status = latest.get(id)?.status ?? "unknown";
          counts.set(status, (counts.get(status) ?? 0) + 1);
        }
        return `sessions not all ready: ${JSON.stringify(Object.fromEntries(counts))}`;
      },
    },
  );
}
