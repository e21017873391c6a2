/**
 * The uploader side of a self-hosted benchmark (bench/pipeline.ts, bench/speech-in-flight.ts),
 * in the benchmark's own process: core's deps as a self-hosted API builds them — PostgreSQL
 * repositories, the run's BullMQ queue and Redis session events, VADER, the embedded note writer
 * and risk screen, a log push notifier writing to nowhere — around the blob store the benchmark
 * chose; and the therapists who upload, each with a linked, consenting patient and a phone.
 */
import { createConfideDeps, createUser, linkPatient, registerDevice, type Actor, type ConfideDeps } from "@confide/core";
import { silentLogger } from "@confide/core/adapter-kit";
import type { BlobStore } from "@confide/core/ports";
import { createScriptedSpeechToText, recordTestConsent } from "@confide/core/testing";
import {
  createBullMqJobQueue,
  createEmbeddedNoteWriter,
  createEmbeddedRiskScreen,
  createLogPushNotifier,
  createPostgresRepositories,
  createRedisSessionEvents,
  createVaderLanguageAnalyzer,
} from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import { deferCleanup } from "./cleanup.ts";
import { redisUrl } from "./local-services.ts";

export interface BenchUploaderOptions {
  databaseUrl: string;
  /** The run's BullMQ and session events prefix. */
  prefix: string;
  blobs: BlobStore;
  /** Uploads at once: one database connection each, and a spare. */
  uploadConcurrency: number;
}

/** The uploader's deps on the run's database (its tables created) and Redis; every client closed at the end. */
export async function createBenchUploaderDeps(options: BenchUploaderOptions): Promise<ConfideDeps> {
  const { prefix } = options;
  const repositories = await createPostgresRepositories({ connectionString: options.databaseUrl, max: options.uploadConcurrency + 1 });
  deferCleanup(() => repositories.close());
  await repositories.prepare();
  const queue = createBullMqJobQueue({ url: redisUrl, prefix });
  deferCleanup(() => queue.close());
  // As a self-hosted API does: every session write is announced on the deployment's Redis.
  const events = createRedisSessionEvents({ url: redisUrl, prefix });
  deferCleanup(() => events.close());
  return createConfideDeps({
    blobs: options.blobs,
    // Never called here: the workers transcribe.
    speech: createScriptedSpeechToText(),
    language: createVaderLanguageAnalyzer(),
    notes: createEmbeddedNoteWriter(),
    claims: createWinkClaimReader(),
    risk: createEmbeddedRiskScreen(),
    queue,
    push: createLogPushNotifier({ logger: silentLogger }),
    events,
    repositories,
    // A cheap password hash: accounts are set up before anything is measured.
    // Every session of the run is in processing at once: the per-therapist cap is not what is measured.
    settings: { passwordCost: 1024, maxSessionsInProcessing: Number.MAX_SAFE_INTEGER },
  });
}

export interface UploadingTherapist {
  therapist: Actor;
  patientId: string;
}

/** `count` therapists, each with a linked patient who consented and a registered phone (so the push is sent). */
export async function createUploadingTherapists(deps: ConfideDeps, count: number): Promise<UploadingTherapist[]> {
  const operator: Actor = { userId: "bench-operator", role: "admin" };
  const password = "benchmark-password-not-secret";
  const pairs: UploadingTherapist[] = [];
  for (let index = 0; index < count; index += 1) {
    const therapist = await createUser(deps, operator, {
      email: `therapist-${index}@bench.example`,
      displayName: `Therapist ${index}`,
      role: "therapist",
      password,
    });
    const patient = await createUser(deps, operator, {
      email: `patient-${index}@bench.example`,
      displayName: `Patient ${index}`,
      role: "patient",
      password,
    });
    await linkPatient(deps, operator, { therapistId: therapist.id, patientId: patient.id });
    await recordTestConsent(deps, patient.id, { recordedBy: therapist.id });
    const actor: Actor = { userId: therapist.id, role: "therapist" };
    await registerDevice(deps, actor, { token: `bench-token-${index}`, platform: "android" });
    pairs.push({ therapist: actor, patientId: patient.id });
  }
  return pairs;
}
