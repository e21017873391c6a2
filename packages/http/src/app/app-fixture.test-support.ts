import { createHash } from "node:crypto";
import { createUser, defaultTranscriptionSettings, newProcessing, type PublicUser } from "@confide/core";
import type { Role, Session } from "@confide/core/ports";
import { createRecordingLogger, createTestDeps, pcmWav, recordTestConsent, type RecordingLogger, type TestDeps } from "@confide/core/testing";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";
import { createApp, type AppOptions } from "./create-app.ts";
import { createOpenApiResponseCheck, type OpenApiResponseCheck } from "./openapi-response-check.test-support.ts";

/** Test-only: an app over in-memory deps, seeded accounts and request helpers. */

export const password = "correct horse battery staple";

export interface TestApp {
  app: Hono<AppEnv>;
  deps: TestDeps;
  logger: RecordingLogger;
  admin: PublicUser;
  therapist: PublicUser;
  otherTherapist: PublicUser;
  patient: PublicUser;
  /** Signs in and returns an access token. */
  tokenFor(user: PublicUser): Promise<string>;
  /** `app.request` with a bearer token and JSON body when given. */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
}

const setupActor = { userId: "setup", role: "admin" as const };

export async function seedUser(deps: TestDeps, role: Role, email: string, displayName = email): Promise<PublicUser> {
  return createUser(deps, setupActor, { email, displayName, role, password });
}

export interface TestAppOptions extends Partial<Omit<AppOptions, "deps">> {
  deps?: TestDeps;
  /** false: the patient has no consent recorded (default: everything processing needs, `recordTestConsent`). */
  consent?: boolean;
  /** The deps' `settings.maxUploadBytes`; 256 KiB for deps made here. */
  maxUploadBytes?: number;
  /** The deps' upload quotas (`settings.uploadsPerHour`, `settings.uploadBytesPerDay`). */
  uploadQuota?: { uploadsPerHour?: number; bytesPerDay?: number };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const logger = createRecordingLogger();
  const { consent: _consent, maxUploadBytes, uploadQuota, deps: givenDeps, ...appOptions } = options;
  const limits = {
    ...(maxUploadBytes === undefined ? {} : { maxUploadBytes }),
    ...(uploadQuota?.uploadsPerHour === undefined ? {} : { uploadsPerHour: uploadQuota.uploadsPerHour }),
    ...(uploadQuota?.bytesPerDay === undefined ? {} : { uploadBytesPerDay: uploadQuota.bytesPerDay }),
  };
  const deps: TestDeps =
    givenDeps === undefined
      ? createTestDeps({ logger, settings: { maxUploadBytes: 256 * 1024, ...limits } })
      : Object.keys(limits).length === 0
        ? givenDeps
        : { ...givenDeps, settings: { ...givenDeps.settings, ...limits } };
  const app = createApp({
    deps,
    jwtSecret: "test-secret-that-is-long-enough-for-hs256",
    readiness: async () => [{ name: "database", ok: true }],
    ...appOptions,
  });
  const admin = await seedUser(deps, "admin", "admin@example.org", "Ada Admin");
  const therapist = await seedUser(deps, "therapist", "therapist@example.org", "Theo Therapist");
  const otherTherapist = await seedUser(deps, "therapist", "other@example.org", "Olga Other");
  const patient = await seedUser(deps, "patient", "patient@example.org", "Pat Patient");
  await deps.users.link({ therapistId: therapist.id, patientId: patient.id, createdAt: deps.clock.now() });
  if (options.consent !== false) await recordTestConsent(deps, patient.id, { recordedBy: therapist.id });

  let responseCheck: OpenApiResponseCheck | undefined;
  const call: TestApp["call"] = async (path, init = {}) => {
    const { token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    if (json !== undefined) headers.set("Content-Type", "application/json");
    const response = await app.request(path, { ...rest, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) });
    responseCheck ??= createOpenApiResponseCheck((await (await app.request("/openapi.json")).json()) as Parameters<typeof createOpenApiResponseCheck>[0]);
    await responseCheck.check({ method: rest.method ?? "GET", path }, response);
    return response;
  };
  const tokenFor = async (user: PublicUser) => {
    const response = await call("/v1/auth/login", { method: "POST", json: { email: user.email, password } });
    if (response.status !== 200) throw new Error(`login of ${user.email} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  return { app, deps, logger, admin, therapist, otherTherapist, patient, tokenFor, call };
}

/** A valid 16-bit PCM mono WAV: canonical 44-byte header and `dataBytes` of silence. */
export function wavBytes(dataBytes: number, sampleRate = 16_000): Uint8Array {
  return pcmWav({ dataBytes, sampleRateHz: sampleRate, silent: true });
}

/** A multipart body with text fields then one file part, as a browser would send it. */
export function multipartBody(
  parts: Array<{ name: string; value: string } | { name: string; filename: string; type: string; bytes: Uint8Array }>,
  boundary = "confide-test-boundary",
): { body: Uint8Array; contentType: string } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    if ("value" in part) {
      chunks.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        encoder.encode(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`,
        ),
        part.bytes,
        encoder.encode("\r\n"),
      );
    }
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Stores a session straight into the repositories (ready, with a two-speaker transcript). */
export async function storeSession(
  deps: TestDeps,
  owner: { therapistId: string; patientId: string },
  overrides: Partial<Session> & { audioBytes?: Uint8Array } = {},
): Promise<Session> {
  const { audioBytes: audio = Uint8Array.from({ length: 1_000 }, (_, index) => index % 256), ...fields } = overrides;
  const id = fields.id ?? deps.ids.newId();
  const blobKey = `sessions/${owner.therapistId}/${id}/audio.wav`;
  await deps.blobs.put(
    blobKey,
    new ReadableStream({
      start(controller) {
        controller.enqueue(audio);
        controller.close();
      },
    }),
    { contentType: "audio/wav" },
  );
  const now = deps.clock.now();
  const session: Session = {
    id,
    therapistId: owner.therapistId,
    patientId: owner.patientId,
    title: "Weekly session",
    recordedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
    status: "ready",
    audio: {
      blobKey,
      contentType: "audio/wav",
      format: "wav",
      sizeBytes: audio.byteLength,
      sha256: createHash("sha256").update(audio).digest("hex"),
      durationMs: 1_000,
      channels: 1,
      originalName: "session.wav",
    },
    settings: defaultTranscriptionSettings,
    transcript: {
      language: "en-US",
      durationMs: 10_000,
      provider: "scripted",
      revision: 1,
      warnings: [],
      speakers: [
        { label: "S1", role: "therapist" },
        { label: "S2", role: "patient" },
      ],
      segments: [
        { id: "seg-1", speaker: "S1", startMs: 0, endMs: 3_000, text: "How have you been sleeping?" },
        { id: "seg-2", speaker: "S2", startMs: 3_500, endMs: 7_000, text: "Better, thank you." },
      ],
    },
    sentiment: null,
    review: { edits: [], finalizedAt: null, finalizedBy: null },
    processing: newProcessing(),
    ...fields,
  };
  await deps.sessions.create(session);
  return session;
}
