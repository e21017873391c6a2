/** Smoke tests: both examples run for real (PocketSphinx, VADER, PGlite, filesystem blobs). */
import "reflect-metadata";
import { createUser, linkPatient, type Actor, type Session } from "@confide/core";
import { recordTestConsent } from "@confide/core/testing";
import { createJsonLogger, createRuntime, loadConfig, startServer, startWorker } from "@confide/http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { uploadAndFollow } from "./api-client.ts";
import { createCustomHost } from "./custom-host.ts";
import { processOneFile } from "./process-one-file.ts";

let dir: string;
let audio: DialogueAudio;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "confide-examples-"));
  audio = await makeDialogueWav({ directory: dir });
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
        body: await readFile(audio.monoPath),
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
        body: await readFile(audio.stereoPath),
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
        file: audio.stereoPath,
        perChannel: true,
        onProgress: (progress) => sentBytes.push(progress.sentBytes),
        onStatus: (status) => statuses.push(status),
      });

      expect(sentBytes.at(-1)).toBe((await readFile(audio.stereoPath)).byteLength);
      expect(statuses.at(-1)).toBe("ready");
      expect(session).toMatchObject({ status: "ready", patientId: patient.id });
      expect(new Set(session.transcript?.speakers.map((speaker) => speaker.role))).toEqual(new Set(["therapist", "patient"]));
    } finally {
      await server.shutdown();
      await runtime.close();
    }
  }, 180_000);
});
