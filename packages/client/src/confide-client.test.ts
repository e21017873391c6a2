import type { Session } from "@confide/core/ports";
import { afterEach, describe, expect, it } from "vitest";
import { ConfideApiError, createConfideClient, dataOf, type SessionEvent, type UploadProgress } from "./index.ts";
import { password, serveTestApp, storeSession, wavBytes, type ServedTestApp } from "./served-test-app.test-support.ts";

const opened: ServedTestApp[] = [];

afterEach(async () => {
  for (const served of opened.splice(0)) await served.close();
});

async function served(options: Parameters<typeof serveTestApp>[0] = {}) {
  const app = await serveTestApp(options);
  opened.push(app);
  return app;
}

/** Access tokens live 900 s by default; the server's clock is the test's. */
const pastAccessTokenExpiryMs = 901_000;

describe("createConfideClient: sign-in and refresh", () => {
  it("signs in and calls a typed route with the access token", async () => {
    const server = await served();
    const client = createConfideClient({ baseUrl: server.baseUrl });
    const user = await client.signIn({ email: server.therapist.email, password });
    expect(user).toMatchObject({ id: server.therapist.id, role: "therapist" });
    const me = await dataOf(client.api.GET("/v1/me"));
    expect(me.email).toBe(server.therapist.email);
  });

  it("answers many concurrent 401s with exactly one refresh, then retries each request", async () => {
    const server = await served();
    const client = createConfideClient({ baseUrl: server.baseUrl });
    await client.signIn({ email: server.therapist.email, password });
    server.deps.clock.advance(pastAccessTokenExpiryMs);

    const results = await Promise.all(Array.from({ length: 8 }, () => dataOf(client.api.GET("/v1/me"))));

    expect(results.map((me) => me.id)).toEqual(Array(8).fill(server.therapist.id));
    expect(server.requestsTo("POST", "/v1/auth/refresh")).toBe(1);
    // Eight rejected, eight retried with the new token.
    expect(server.requestsTo("GET", "/v1/me")).toBe(16);
  });

  it("signs out once when the refresh token is refused, and every waiting call gets the refusal", async () => {
    const server = await served();
    const refreshTokens: string[] = [];
    const signedOut: ConfideApiError[] = [];
    const client = createConfideClient({
      baseUrl: server.baseUrl,
      onRefreshToken: (token) => refreshTokens.push(token),
      onSignedOut: (reason) => signedOut.push(reason),
    });
    await client.signIn({ email: server.therapist.email, password });
    // Someone else uses the client's refresh token first: the client's next refresh is a reuse.
    const stolen = await fetch(`${server.baseUrl}/v1/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: refreshTokens[0] }),
    });
    expect(stolen.status).toBe(200);
    server.deps.clock.advance(pastAccessTokenExpiryMs);

    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.api.GET("/v1/me")));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill("rejected"));
    for (const outcome of outcomes) {
      const reason = (outcome as PromiseRejectedResult).reason as unknown;
      expect(reason).toMatchObject({ name: "ConfideApiError", code: "auth.refresh_reused" });
    }
    expect(signedOut.map((reason) => reason.code)).toEqual(["auth.refresh_reused"]);
    expect(server.requestsTo("POST", "/v1/auth/refresh")).toBe(2);
    expect(client.user).toBeUndefined();
  });

  it("resumes from a saved refresh token, as an app restarting would", async () => {
    const server = await served();
    let saved = "";
    const first = createConfideClient({ baseUrl: server.baseUrl, onRefreshToken: (token) => (saved = token) });
    await first.signIn({ email: server.patient.email, password });
    const second = createConfideClient({ baseUrl: server.baseUrl, refreshToken: saved });
    expect(await second.resume()).toMatchObject({ id: server.patient.id });
    expect((await dataOf(second.api.GET("/v1/me"))).id).toBe(server.patient.id);
    expect(await createConfideClient({ baseUrl: server.baseUrl }).resume()).toBeUndefined();
  });

  it("signs out on the server: the refresh token no longer works", async () => {
    const server = await served();
    let saved = "";
    const client = createConfideClient({ baseUrl: server.baseUrl, onRefreshToken: (token) => (saved = token) });
    await client.signIn({ email: server.therapist.email, password });
    await client.signOut();
    expect(client.user).toBeUndefined();
    const again = await fetch(`${server.baseUrl}/v1/auth/refresh`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: saved }),
    });
    expect(again.status).toBe(401);
  });
});

/** A fetch that keeps the refresh cookie as a browser would for this origin (Node's fetch has no cookie jar). */
function cookieJarFetch() {
  let cookie: string | undefined;
  const jarFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (cookie !== undefined && new URL(request.url).pathname.startsWith("/v1/auth/")) request.headers.set("Cookie", cookie);
    const response = await fetch(request);
    // Only the refresh cookie (a sign-in also sets the device cookie, which this client never reads).
    const setCookie = response.headers.getSetCookie().find((header) => header.startsWith("confide_refresh="));
    if (setCookie) cookie = /max-age=0/i.test(setCookie) ? undefined : setCookie.split(";")[0];
    return response;
  };
  return { fetch: jarFetch, cookie: () => cookie };
}

describe("createConfideClient: cookie mode (the browser console)", () => {
  it("keeps no refresh token itself, refreshes through the cookie with the CSRF header, and resumes after a reload", async () => {
    const server = await served();
    const jar = cookieJarFetch();
    const refreshTokens: string[] = [];
    const client = createConfideClient({ baseUrl: server.baseUrl, refreshTokenIn: "cookie", fetch: jar.fetch, onRefreshToken: (token) => refreshTokens.push(token) });
    await client.signIn({ email: server.therapist.email, password });
    const firstCookie = jar.cookie();
    expect(firstCookie).toMatch(/^confide_refresh=/);
    server.deps.clock.advance(pastAccessTokenExpiryMs);

    await Promise.all([dataOf(client.api.GET("/v1/me")), dataOf(client.api.GET("/v1/me"))]);
    expect(server.requestsTo("POST", "/v1/auth/refresh")).toBe(1);
    expect(jar.cookie()).not.toBe(firstCookie);
    expect(refreshTokens).toEqual([]);

    // A reload: a new client with nothing in memory, the cookie still in the browser.
    const reloaded = createConfideClient({ baseUrl: server.baseUrl, refreshTokenIn: "cookie", fetch: jar.fetch });
    expect(await reloaded.resume()).toMatchObject({ id: server.therapist.id });
    await reloaded.signOut();
    expect(jar.cookie()).toBeUndefined();
    const afterSignOut = createConfideClient({ baseUrl: server.baseUrl, refreshTokenIn: "cookie", fetch: jar.fetch });
    expect(await afterSignOut.resume()).toBeUndefined();
  });
});

describe("createConfideClient: errors", () => {
  it("throws problems as ConfideApiError with the stable code, status, request id and details", async () => {
    const server = await served();
    const client = createConfideClient({ baseUrl: server.baseUrl });
    const wrong = await client.signIn({ email: server.therapist.email, password: "not the password" }).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(ConfideApiError);
    expect(wrong).toMatchObject({ status: 401, code: "auth.invalid_credentials" });

    await client.signIn({ email: server.therapist.email, password });
    const missing = await client.api.GET("/v1/sessions/{id}", { params: { path: { id: "no-such-session" } } }).catch((error: unknown) => error);
    expect(ConfideApiError.is(missing, "session.not_found")).toBe(true);
    expect(missing).toMatchObject({ status: 404, requestId: expect.any(String) });

    const invalid = await client.api
      .GET("/v1/sessions", { params: { query: { limit: 0 } } })
      .catch((error: unknown) => error as ConfideApiError);
    expect(invalid).toMatchObject({ status: 400, code: "validation.invalid_input" });
    expect((invalid as ConfideApiError).details.errors).toEqual([expect.objectContaining({ in: "query", field: "limit" })]);
  });
});

describe("createConfideClient: upload with progress (streamed fetch body, Node)", () => {
  it("reports progress up to the recording's size and returns the created session", async () => {
    const server = await served();
    const client = createConfideClient({ baseUrl: server.baseUrl, uploadTransport: "fetch-stream" });
    await client.signIn({ email: server.therapist.email, password });
    const audio = wavBytes(200_000);
    const progress: UploadProgress[] = [];

    const session = await client.uploadSession(
      { patientId: server.patient.id, title: "Week 3", audio, fileName: "week-3.wav" },
      { onProgress: (update) => progress.push(update) },
    );

    expect(session).toMatchObject({ patientId: server.patient.id, title: "Week 3", status: "queued" });
    expect(session.audio).toMatchObject({ sizeBytes: audio.byteLength, originalName: "week-3.wav" });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ sentBytes: audio.byteLength, totalBytes: audio.byteLength });
    const sent = progress.map((update) => update.sentBytes);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(await server.deps.sessions.get(session.id)).toMatchObject({ id: session.id, status: "queued" });
  });

  it("streams a ReadableStream recording and throws a refused upload as a typed error", async () => {
    const server = await served({ maxUploadBytes: 50_000 });
    const client = createConfideClient({ baseUrl: server.baseUrl, uploadTransport: "fetch-stream" });
    await client.signIn({ email: server.therapist.email, password });
    const bytes = wavBytes(40_000);
    const stream = new Blob([bytes]).stream();
    const session = await client.uploadSession({ patientId: server.patient.id, audio: stream, sizeBytes: bytes.byteLength });
    expect(session.audio.sizeBytes).toBe(bytes.byteLength);

    const tooLarge = await client.uploadSession({ patientId: server.patient.id, audio: wavBytes(60_000) }).catch((error: unknown) => error);
    expect(tooLarge).toMatchObject({ name: "ConfideApiError", status: 413, code: "upload.too_large" });
    const notAudio = await client
      .uploadSession({ patientId: server.patient.id, audio: new TextEncoder().encode("plain text, not a recording") })
      .catch((error: unknown) => error);
    expect(notAudio).toMatchObject({ status: 415, code: "upload.not_audio" });
  });
});

describe("createConfideClient: session events", () => {
  it("delivers every status change until the session is ready", async () => {
    const server = await served({ sessionEventsPollMs: 60_000, sessionEventsTokenCheckMs: 10 });
    const client = createConfideClient({ baseUrl: server.baseUrl });
    await client.signIn({ email: server.therapist.email, password });
    const stored = await storeSession(server.deps, { therapistId: server.therapist.id, patientId: server.patient.id }, { status: "queued", transcript: null });
    const move = async (status: Session["status"]) => {
      const current = (await server.deps.sessions.get(stored.id)) as Session;
      await server.deps.sessions.update({ ...current, status, updatedAt: server.deps.clock.now() }, current.version);
    };

    const seen: SessionEvent[] = [];
    for await (const event of client.sessionEvents(stored.id)) {
      seen.push(event);
      if (event.type === "status" && event.status === "queued") await move("transcribing");
      if (event.type === "status" && event.status === "transcribing") await move("ready");
    }

    expect(seen.map((event) => `${event.type}:${"status" in event ? event.status : ""}`)).toEqual([
      "status:queued",
      "status:transcribing",
      "status:ready",
      "end:ready",
    ]);
  });

  it("refreshes and reconnects when the access token lapses mid-stream, without repeating statuses", async () => {
    const server = await served({ sessionEventsPollMs: 60_000, sessionEventsTokenCheckMs: 10 });
    const client = createConfideClient({ baseUrl: server.baseUrl });
    await client.signIn({ email: server.therapist.email, password });
    const stored = await storeSession(server.deps, { therapistId: server.therapist.id, patientId: server.patient.id }, { status: "queued", transcript: null });

    const eventsPath = `/v1/sessions/${stored.id}/events`;
    const streamReads = async () =>
      (await server.deps.audit.list({ sessionId: stored.id, limit: 100 })).items.filter((event) => event.action === "session.read").length;
    // Once the client has refreshed and the second stream has read the session (its first event
    // repeats `queued`), the session becomes ready.
    const readyAfterReconnect = (async () => {
      while ((await streamReads()) < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const current = (await server.deps.sessions.get(stored.id)) as Session;
      await server.deps.sessions.update({ ...current, status: "ready", updatedAt: server.deps.clock.now() }, current.version);
    })();

    const seen: SessionEvent[] = [];
    for await (const event of client.sessionEvents(stored.id, { reconnectDelayMs: 10 })) {
      seen.push(event);
      // The open stream checks its token: it ends with `unauthenticated` once it lapsed.
      if (seen.length === 1) server.deps.clock.advance(pastAccessTokenExpiryMs);
    }
    await readyAfterReconnect;
    expect(server.requestsTo("POST", "/v1/auth/refresh")).toBe(1);
    expect(server.requestsTo("GET", `/v1/sessions/${stored.id}/events`)).toBe(2);
    expect(seen.map((event) => event.type + ("status" in event ? `:${event.status}` : ""))).toEqual(["status:queued", "status:ready", "end:ready"]);
  });

  it("throws a refused stream (another therapist's session) as a typed error", async () => {
    const server = await served();
    const client = createConfideClient({ baseUrl: server.baseUrl });
    await client.signIn({ email: server.otherTherapist.email, password });
    const stored = await storeSession(server.deps, { therapistId: server.therapist.id, patientId: server.patient.id });
    const iterator = client.sessionEvents(stored.id);
    await expect(iterator.next()).rejects.toMatchObject({ code: "session.not_found", status: 404 });
  });
});
