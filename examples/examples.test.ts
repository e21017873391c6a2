/** Smoke tests: both examples run for real (PocketSphinx, VADER, PGlite, filesystem blobs). */
import "reflect-metadata";
import { type Actor, createUser, linkPatient } from "@confide/core";
import type { Session } from "@confide/core/ports";
import { recordTestConsent } from "@confide/core/testing";
import { createJsonLogger, createRuntime, loadConfig, startServer, startWorker } from "@confide/http";
import { createConfide, type Confide } from "@confide/http/compose";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { uploadAndFollow } from "./api-client.ts";
import { createCustomHost } from "./custom-host.ts";
import { processOneFile } from "./process-one-file.ts";
import { createExpressHost } from "./embedding/express-host.ts";
import { createFastifyHost } from "./embedding/fastify-host.ts";
import { sqsHandler } from "./embedding/queue-function.ts";

let dir: string;
/** The first four turns of the dialogue (about 18 s): both roles, the patient's feelings and a worry. */
let audio: DialogueAudio;
/** Its first two turns (about 9 s): for the hosts, which only need real speech to pass through. */
let shortAudio: DialogueAudio;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "confide-examples-"));
  [audio, shortAudio] = await Promise.all([
    makeDialogueWav({ directory: dir, script: therapyDialogue.slice(0, 4) }),
    makeDialogueWav({ directory: dir, name: "short", script: therapyDialogue.slice(0, 2) }),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("examples", () => {
  it("process-one-file turns a stereo recording into a transcript of both roles, patient sentiment and grounded notes", async () => {
    const session = await processOneFile(audio.stereoPath, { perChannel: true });
    expect(session.status).toBe("ready");
    const roles = new Set(session.transcript?.speakers.map((s) => s.role));
    expect(roles).toEqual(new Set(["therapist", "patient"]));
    expect(session.transcript?.segments.length).toBeGreaterThan(2);
    expect(session.sentiment?.segments.length).toBeGreaterThan(0);
    expect(session.notes).toMatchObject({ provenance: { provider: "embedded" }, quality: { unverified: 0 }, stale: false });
  }, 180_000);

  it("custom-host serves uploads and reads through the composition root", async () => {
    const dataDir = join(dir, "host-data");
    const runtime = await createRuntime(
      loadConfig({ CONFIDE_DATA_DIR: dataDir, CONFIDE_PASSWORD_COST: "1024" }),
      createJsonLogger({ level: "error" }),
    );
    const worker = await startWorker(runtime);
    const server = createCustomHost(runtime).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const operator: Actor = { userId: "test", role: "admin" };
      const password = "custom-host-password-1";
      const therapist = await createUser(runtime.deps, operator, { email: "t@host.test", displayName: "T", role: "therapist", password });
      const patient = await createUser(runtime.deps, operator, { email: "p@host.test", displayName: "P", role: "patient", password });
      await linkPatient(runtime.deps, operator, { therapistId: therapist.id, patientId: patient.id });
      await recordTestConsent(runtime.deps, patient.id, { recordedBy: therapist.id });
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const authorization = `Basic ${Buffer.from(`t@host.test:${password}`).toString("base64")}`;

      const created = await fetch(`${base}/sessions?patientId=${patient.id}`, {
        method: "POST",
        headers: { authorization },
        body: await readFile(shortAudio.monoPath),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as Session;

      let session: Session | undefined;
      for (let attempt = 0; attempt < 600; attempt += 1) {
        session = (await (await fetch(`${base}/sessions/${id}`, { headers: { authorization } })).json()) as Session;
        if (session.status === "ready" || session.status === "failed") break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(session?.status).toBe("ready");
      expect(session?.transcript?.segments.length).toBeGreaterThan(0);

      const refused = await fetch(`${base}/sessions?patientId=${patient.id}`, {
        method: "POST",
        headers: { authorization },
        body: "plain text, not audio",
      });
      expect(refused.status).toBe(415);

      // Refused before the body is read (no such patient): the host answers and keeps serving.
      const unknownPatient = await fetch(`${base}/sessions?patientId=no-such-patient`, {
        method: "POST",
        headers: { authorization },
        body: await readFile(shortAudio.stereoPath),
      });
      expect(unknownPatient.status).toBeGreaterThanOrEqual(400);
      expect(unknownPatient.status).toBeLessThan(500);
      expect((await fetch(`${base}/sessions/${id}`, { headers: { authorization } })).status).toBe(200);
    } finally {
      server.close();
      worker.stop();
      await runtime.close();
    }
  }, 180_000);

  it("api-client signs in, uploads with progress and follows the session to ready through @confide/client", async () => {
    const runtime = await createRuntime(
      loadConfig({ CONFIDE_DATA_DIR: join(dir, "client-data"), CONFIDE_PASSWORD_COST: "1024", CONFIDE_PORT: "0" }),
      createJsonLogger({ level: "error" }),
    );
    const server = await startServer(runtime, { withWorker: true });
    try {
      const operator: Actor = { userId: "test", role: "admin" };
      const password = "api-client-password-1";
      const therapist = await createUser(runtime.deps, operator, { email: "t@client.test", displayName: "T", role: "therapist", password });
      const patient = await createUser(runtime.deps, operator, { email: "p@client.test", displayName: "P", role: "patient", password });
      await linkPatient(runtime.deps, operator, { therapistId: therapist.id, patientId: patient.id });
      // The consent the patient signed, as the README's first requests record it before uploading.
      await recordTestConsent(runtime.deps, patient.id, { recordedBy: therapist.id });
      const sentBytes: number[] = [];
      const statuses: string[] = [];

      const session = await uploadAndFollow({
        baseUrl: `http://127.0.0.1:${server.port}`,
        email: "t@client.test",
        password,
        file: shortAudio.stereoPath,
        perChannel: true,
        onProgress: (progress) => sentBytes.push(progress.sentBytes),
        onStatus: (status) => statuses.push(status),
      });

      expect(sentBytes.at(-1)).toBe((await readFile(shortAudio.stereoPath)).byteLength);
      expect(statuses.at(-1)).toBe("ready");
      expect(session).toMatchObject({ status: "ready", patientId: patient.id });
      expect(new Set(session.transcript?.speakers.map((speaker) => speaker.role))).toEqual(new Set(["therapist", "patient"]));
    } finally {
      await server.shutdown();
      await runtime.close();
    }
  }, 180_000);
});

/** One second of 16 kHz mono silence: a recording the embedded engines process in a moment. */
function silentWav(): Uint8Array {
  const dataBytes = 32_000;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(dataBytes)]));
}

/** A therapist with a consenting patient, made through the composition's bound use cases. */
async function careTeam(confide: Confide, name: string): Promise<{ therapist: Actor; patientId: string; authorization: string }> {
  const operator: Actor = { userId: "test", role: "admin" };
  const password = `${name}-password-1`;
  const therapist = await confide.createUser(operator, { email: `t@${name}.test`, displayName: "T", role: "therapist", password });
  const patient = await confide.createUser(operator, { email: `p@${name}.test`, displayName: "P", role: "patient", password });
  await confide.linkPatient(operator, { therapistId: therapist.id, patientId: patient.id });
  await recordTestConsent(confide.deps, patient.id, { recordedBy: therapist.id });
  return {
    therapist: { userId: therapist.id, role: "therapist" },
    patientId: patient.id,
    authorization: `Basic ${Buffer.from(`t@${name}.test:${password}`).toString("base64")}`,
  };
}

describe("embedding without the HTTP host (@confide/http/compose)", () => {
  let confide: Confide;

  beforeAll(async () => {
    confide = await createConfide({
      profile: "embedded",
      dataDir: join(dir, "embedding-data"),
      variables: { CONFIDE_PASSWORD_COST: "1024" },
      logger: createJsonLogger({ level: "error" }),
    });
    await confide.start();
  }, 60_000);

  afterAll(async () => {
    await confide?.close();
  });

  /** Uploads through a host at `base`, follows the session to the end, and checks the refusals a user would meet. */
  async function uploadThroughHost(base: string, name: string): Promise<void> {
    const { patientId, authorization } = await careTeam(confide, name);
    const created = await fetch(`${base}/sessions?patientId=${patientId}`, {
      method: "POST",
      headers: { authorization, "content-type": "audio/wav" },
      body: silentWav(),
    });
    expect(created.status).toBe(201);
    const { id, status } = (await created.json()) as Session;
    expect(status).toBe("queued");

    let session: Session | undefined;
    for (let attempt = 0; attempt < 300; attempt += 1) {
      session = (await (await fetch(`${base}/sessions/${id}`, { headers: { authorization } })).json()) as Session;
      if (session.status === "ready" || session.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(session).toMatchObject({ id, status: "ready", patientId });

    const notAudio = await fetch(`${base}/sessions?patientId=${patientId}`, { method: "POST", headers: { authorization }, body: "plain text, not audio" });
    expect(notAudio.status).toBe(415);
    expect(await notAudio.json()).toMatchObject({ code: "upload.not_audio" });

    const missing = await fetch(`${base}/sessions/no-such-session`, { headers: { authorization } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "session.not_found" });

    const wrongPassword = await fetch(`${base}/sessions/${id}`, { headers: { authorization: `Basic ${Buffer.from(`t@${name}.test:wrong-password`).toString("base64")}` } });
    expect(wrongPassword.status).toBe(401);
    expect(await wrongPassword.json()).toMatchObject({ code: "auth.invalid_credentials" });
  }

  it("an Express host uploads (streamed) and reads sessions through the bound use cases", async () => {
    const server = createExpressHost(confide).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      await uploadThroughHost(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, "express");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it("a Fastify host uploads (streamed) and reads sessions through the bound use cases", async () => {
    const app = createFastifyHost(confide);
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      await uploadThroughHost(base, "fastify");
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe("a queue-triggered function (@confide/http/compose)", () => {
  it("processes the job of an uploaded session as Lambda would deliver it: the session becomes ready", async () => {
    // No worker in this process: the function is what runs the job.
    const confide = await createConfide({
      dataDir: join(dir, "function-data"),
      variables: { CONFIDE_PASSWORD_COST: "1024" },
      logger: createJsonLogger({ level: "error" }),
    });
    try {
      const { therapist, patientId } = await careTeam(confide, "function");
      const uploaded = await confide.uploadSession(therapist, { patientId, audio: new Blob([silentWav()]).stream(), originalName: "silence.wav" });
      expect(uploaded.status).toBe("queued");
      const handler = sqsHandler(confide);

      await handler({ Records: [{ messageId: "message-1", body: JSON.stringify({ name: "session.process", payload: { sessionId: uploaded.id } }) }] });

      expect(await confide.getSession(therapist, { sessionId: uploaded.id })).toMatchObject({ status: "ready", transcript: { segments: [] } });
      // A message that names no job of Confide's is refused, so the queue can set it aside.
      await expect(handler({ Records: [{ messageId: "message-2", body: JSON.stringify({ name: "session.unknown", payload: {} }) }] })).rejects.toMatchObject({
        code: "validation.invalid_input",
      });
      await expect(handler({ Records: [{ messageId: "message-3", body: "not json" }] })).rejects.toMatchObject({ code: "validation.invalid_input" });
    } finally {
      await confide.close();
    }
  }, 60_000);
});
