import { describe, expect, it } from "vitest";
import { createTestApp, storeSession } from "../app-fixture.test-support.ts";

const audio = Uint8Array.from({ length: 1_000 }, (_, index) => (index * 7) % 256);
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

async function setup() {
  const testApp = await createTestApp();
  const session = await storeSession(testApp.deps, { therapistId: testApp.therapist.id, patientId: testApp.patient.id }, { audioBytes: audio });
  const token = await testApp.tokenFor(testApp.therapist);
  const linkFor = async (sessionId: string, bearer = token) => {
    const response = await testApp.call(`/v1/sessions/${sessionId}/audio:link`, { method: "POST", token: bearer });
    return { response, body: (await response.json()) as { url: string; expiresAt: string; code?: string } };
  };
  return { ...testApp, session, token, linkFor };
}

describe("POST /v1/sessions/:id/audio:link and GET …/audio?access=", () => {
  it("gives a link that streams the recording with Range and no Authorization header, audited as the therapist", async () => {
    const { app, deps, session, therapist, linkFor } = await setup();
    const { response, body } = await linkFor(session.id);
    expect(response.status).toBe(200);
    expect(body.url).toMatch(new RegExp(`^/v1/sessions/${session.id}/audio\\?access=[A-Za-z0-9._-]+$`));
    expect(Date.parse(body.expiresAt) - deps.clock.now().getTime()).toBe(600_000);

    const whole = await app.request(body.url);
    expect(whole.status).toBe(200);
    expect(await bytesOf(whole)).toEqual(audio);
    const part = await app.request(body.url, { headers: { Range: "bytes=10-19" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(await bytesOf(part)).toEqual(audio.slice(10, 20));
    expect(deps.audit.events().filter((event) => event.action === "session.audio.read")).toEqual([
      expect.objectContaining({ actorId: therapist.id, sessionId: session.id }),
      expect.objectContaining({ actorId: therapist.id, sessionId: session.id }),
    ]);
  });

  it("opens that one session's recording only: not another session, not any other route", async () => {
    const { app, deps, session, therapist, patient, linkFor } = await setup();
    const other = await storeSession(deps, { therapistId: therapist.id, patientId: patient.id }, { audioBytes: audio });
    const { body } = await linkFor(session.id);
    const access = new URL(body.url, "http://confide.test").searchParams.get("access") ?? "";

    const elsewhere = await app.request(`/v1/sessions/${other.id}/audio?access=${access}`);
    expect(elsewhere.status).toBe(401);
    expect(await elsewhere.json()).toMatchObject({ code: "auth.unauthenticated", reason: "invalid" });
    const asBearer = await app.request(`/v1/sessions/${session.id}`, { headers: { Authorization: `Bearer ${access}` } });
    expect(asBearer.status).toBe(401);
    const asQuery = await app.request(`/v1/sessions/${session.id}?access=${access}`);
    expect(asQuery.status).toBe(401);
    const forged = await app.request(`/v1/sessions/${session.id}/audio?access=${access.slice(0, -2)}xx`);
    expect(forged.status).toBe(401);
  });

  it("refuses an access token as a link, and a link with a bearer token beside it", async () => {
    const { app, session, token, linkFor } = await setup();
    const tokenAsLink = await app.request(`/v1/sessions/${session.id}/audio?access=${token}`);
    expect(tokenAsLink.status).toBe(401);
    const { body } = await linkFor(session.id);
    const both = await app.request(body.url, { headers: { Authorization: `Bearer ${token}` } });
    expect(both.status).toBe(400);
  });

  it("expires, and dies with a sign-out", async () => {
    const { app, deps, session, token, linkFor, call } = await setup();
    const { body } = await linkFor(session.id);
    deps.clock.advance(600_000);
    const expired = await app.request(body.url);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: "auth.unauthenticated", reason: "expired" });

    const fresh = await linkFor(session.id);
    expect((await app.request(fresh.body.url)).status).toBe(200);
    const login = await call("/v1/auth/login", { method: "POST", json: { email: "therapist@example.org", password: "correct horse battery staple" } });
    const { refreshToken } = (await login.json()) as { refreshToken: string };
    expect((await call("/v1/auth/logout", { method: "POST", token, json: { refreshToken } })).status).toBe(204);
    const afterLogout = await app.request(fresh.body.url);
    expect(afterLogout.status).toBe(401);
    expect(await afterLogout.json()).toMatchObject({ code: "auth.unauthenticated", reason: "revoked" });
  });

  it("is made only for whoever may hear the recording, and only with a bearer token", async () => {
    const { session, linkFor, tokenFor, otherTherapist, patient, admin, app } = await setup();
    expect((await linkFor(session.id, await tokenFor(otherTherapist))).response.status).toBe(404);
    expect((await linkFor(session.id, await tokenFor(patient))).response.status).toBe(404);
    expect((await linkFor(session.id, await tokenFor(admin))).response.status).toBe(403);
    expect((await linkFor("no-such-session")).response.status).toBe(404);
    expect((await app.request(`/v1/sessions/${session.id}/audio:link`, { method: "POST" })).status).toBe(401);
  });
});
