import type { ConfideDeps } from "../deps.ts";
import type { Session } from "../domain/session.ts";
import { createJobHandlers } from "../use-cases/pipeline/job-handlers.ts";
import { uploadSession } from "../use-cases/sessions/upload-session.ts";
import { byteStream } from "./byte-stream.ts";
import { seedLinkedPair } from "./linked-pair.ts";
import { pcmWav } from "./pcm-wav.ts";
import { createTestDeps, type TestDeps } from "./test-deps.ts";

/**
 * An adapter under core's processing pipeline: test deps with `overrides` (the adapter in place
 * of its in-memory stand-in), the linked pair seeded (`seedLinkedPair`) and the queue running
 * the job handlers; jobs run when the test calls `deps.queue.runDue()`. The caller closes
 * `deps.queue` and the adapter.
 */
export async function startTestPipeline(overrides: Parameters<typeof createTestDeps>[0]): Promise<TestDeps> {
  const deps = createTestDeps(overrides);
  await seedLinkedPair(deps);
  await deps.queue.start(createJobHandlers(deps));
  return deps;
}

/**
 * therapist-1 uploads a recording of patient-1, "Weekly session" (`session.wav`): one second of
 * 16 kHz mono silence. @returns the session as the upload left it.
 */
export function uploadTestRecording(deps: ConfideDeps): Promise<Session> {
  return uploadSession(deps, { userId: "therapist-1", role: "therapist" }, {
    patientId: "patient-1",
    title: "Weekly session",
    audio: byteStream(pcmWav({ channels: 1, dataBytes: 32_000 })),
    originalName: "session.wav",
    declaredContentType: "audio/wav",
  });
}

/** The session as stored now. @throws Error when it is gone. */
export async function storedTestSession(deps: ConfideDeps, session: Pick<Session, "id">): Promise<Session> {
  const current = await deps.sessions.get(session.id);
  if (current === null) throw new Error("the session is gone");
  return current;
}
