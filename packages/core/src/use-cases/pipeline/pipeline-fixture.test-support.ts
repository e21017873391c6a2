import { byteStream } from "../../testing/byte-stream.ts";
import { pcmWav } from "../../testing/pcm-wav.ts";

export { byteStream };
import type { ConfideDeps } from "../../deps.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { seedLinkedPair, testUser } from "../../testing/linked-pair.ts";
import { createTestDeps, type TestDeps } from "../../testing/test-deps.ts";
import { createJobHandlers } from "./job-handlers.ts";
import { uploadSession, type UploadSessionInput } from "../sessions/upload-session.ts";

/** Test-only helpers of the processing-pipeline tests: people, recordings, queue driving. */

export interface CareTeam {
  therapist: Actor;
  patient: Actor;
  /** A therapist with no link to the patient. */
  otherTherapist: Actor;
}


/**
 * A therapist linked to a patient (with the patient's consent unless `consent: false`), an
 * unlinked therapist, and the therapist's phone(s).
 */
export async function seedCareTeam(
  deps: TestDeps,
  options: { deviceTokens?: string[]; consent?: boolean } = {},
): Promise<CareTeam> {
  const now = deps.clock.now();
  const { therapist, patient } = await seedLinkedPair(deps, options.consent === false ? { consent: false } : {});
  await deps.users.create(testUser("therapist-2", "therapist", now));
  for (const [index, token] of (options.deviceTokens ?? ["phone-token"]).entries()) {
    await deps.devices.upsert({
      id: `device-${index + 1}`,
      userId: "therapist-1",
      token,
      platform: "android",
      createdAt: now,
      lastSeenAt: now,
    });
  }
  return {
    therapist,
    patient,
    otherTherapist: { userId: "therapist-2", role: "therapist" },
  };
}

/** Test deps (with `overrides`), the care team seeded, and the queue running the job handlers. */
export async function setUpPipeline(
  overrides: Parameters<typeof createTestDeps>[0] = {},
  deviceTokens?: string[],
): Promise<{ deps: TestDeps; team: CareTeam }> {
  const deps = createTestDeps(overrides);
  const team = await seedCareTeam(deps, deviceTokens ? { deviceTokens } : {});
  await deps.queue.start(createJobHandlers(deps));
  return { deps, team };
}

/** The session as stored now; throws when it is gone. */
export async function storedSession(deps: ConfideDeps, session: Pick<Session, "id">): Promise<Session> {
  const current = await deps.sessions.get(session.id);
  if (!current) throw new Error(`Session ${session.id} is gone.`);
  return current;
}

/** A canonical 16-bit PCM WAV file: 44-byte header, then `dataBytes` of samples. */
export function wavBytes(options: { dataBytes?: number; channels?: number; sampleRate?: number } = {}): Uint8Array {
  return pcmWav({
    ...(options.dataBytes === undefined ? {} : { dataBytes: options.dataBytes }),
    ...(options.channels === undefined ? {} : { channels: options.channels }),
    ...(options.sampleRate === undefined ? {} : { sampleRateHz: options.sampleRate }),
  });
}

/** Uploads a two-second WAV for patient-1. */
export function uploadSample(
  deps: ConfideDeps,
  team: CareTeam,
  overrides: Partial<UploadSessionInput> = {},
): Promise<Session> {
  return uploadSession(deps, team.therapist, {
    patientId: team.patient.userId,
    title: "Weekly session",
    audio: byteStream(wavBytes()),
    originalName: "session.wav",
    declaredContentType: "audio/wav",
    ...overrides,
  });
}

/**
 * Runs due jobs, then moves the manual clock to the next delayed job and runs again, until no
 * job is left (or `maxSteps`, so a bug cannot loop forever).
 * @returns the clock steps taken.
 */
export async function runUntilIdle(deps: TestDeps, maxSteps = 50): Promise<number> {
  await deps.queue.runDue();
  let steps = 0;
  while (deps.queue.pending().length > 0) {
    if (steps === maxSteps) throw new Error(`The queue was still busy after ${maxSteps} clock steps.`);
    const next = Math.min(...deps.queue.pending().map((job) => job.runAt));
    if (next > deps.clock.now().getTime()) deps.clock.set(new Date(next));
    await deps.queue.runDue();
    steps += 1;
  }
  return steps;
}
