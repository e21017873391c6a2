/**
 * Processes one recording with the core and the embedded adapters — no HTTP, no servers.
 * What a team embedding Confide in its own host starts from.
 *
 *   npm run example:process-one-file -- <audio file> [--per-channel]
 *
 * Prints the transcript (speaker role, time, text), the patient's sentiment and the clinical notes
 * (every item with its evidence) as JSON.
 */
import { type Actor, createConfideDeps, createJobHandlers, createUser, getSession, grantConsent, linkPatient, uploadSession } from "@confide/core";
import type { Session } from "@confide/core/ports";
import {
  createFilesystemBlobStore,
  createInProcessJobQueue,
  createInProcessSessionEvents,
  createLogPushNotifier,
  createPgliteRepositories,
  createPocketSphinxSpeechToText,
  createEmbeddedNoteWriter,
  createEmbeddedRiskScreen,
  createVaderLanguageAnalyzer,
} from "@confide/adapters-local/providers";
import { createWinkClaimReader } from "@confide/adapters-local/wink-claims";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable } from "node:stream";

/** The consent form this example's patient "signed". */
const exampleConsentFormText = "I consent to the recording of my sessions, their transcription and AI-written notes.";

const logger = {
  info: (message: string, fields?: Record<string, unknown>) => process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`),
  warn: (message: string, fields?: Record<string, unknown>) => process.stderr.write(`warn: ${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message: string, fields?: Record<string, unknown>) => process.stderr.write(`error: ${message} ${JSON.stringify(fields ?? {})}\n`),
};

export async function processOneFile(path: string, options: { perChannel: boolean }): Promise<Session> {
  const workDir = await mkdtemp(join(tmpdir(), "confide-example-"));
  const repositories = await createPgliteRepositories(); // in memory
  await repositories.prepare();
  const deps = createConfideDeps({
    blobs: createFilesystemBlobStore({ root: join(workDir, "blobs") }),
    speech: createPocketSphinxSpeechToText(),
    language: createVaderLanguageAnalyzer(),
    notes: createEmbeddedNoteWriter(),
    claims: createWinkClaimReader(),
    risk: createEmbeddedRiskScreen(),
    queue: createInProcessJobQueue(),
    push: createLogPushNotifier({ logger }),
    events: createInProcessSessionEvents(),
    repositories,
    logger,
    settings: { passwordCost: 1024 },
  });
  try {
    const operator: Actor = { userId: "example", role: "admin" };
    const password = "example-password-not-for-production";
    const therapist = await createUser(deps, operator, { email: "t@example.org", displayName: "Therapist", role: "therapist", password });
    const patient = await createUser(deps, operator, { email: "p@example.org", displayName: "Patient", role: "patient", password });
    await linkPatient(deps, operator, { therapistId: therapist.id, patientId: patient.id });
    const actor: Actor = { userId: therapist.id, role: "therapist" };
    // Without the patient's consent Confide refuses the upload (403 consent.missing): the
    // therapist records the consent form the patient signed — its version and the sha256 of its text.
    await grantConsent(deps, actor, {
      patientId: patient.id,
      scopes: [{ scope: "recording" }, { scope: "transcription" }, { scope: "ai_notes" }],
      form: { version: "example-consent-form-1", textSha256: createHash("sha256").update(exampleConsentFormText).digest("hex") },
      method: "written",
    });

    await deps.queue.start(createJobHandlers(deps), { concurrency: 1 });
    const uploaded = await uploadSession(deps, actor, {
      patientId: patient.id,
      title: basename(path),
      originalName: basename(path),
      audio: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
      ...(options.perChannel ? { settings: { channelLayout: "per-channel", channelRoles: ["therapist", "patient"] } } : {}),
    });

    // The worker runs in this process; wait for the session to leave the pipeline.
    for (;;) {
      const session = (await getSession(deps, actor, { sessionId: uploaded.id })) as Session;
      if (["ready", "failed"].includes(session.status)) return session;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await deps.queue.close();
    await deps.events.close();
    await repositories.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run example:process-one-file -- <audio file> [--per-channel]\n");
    process.exit(2);
  }
  const session = await processOneFile(file, { perChannel: process.argv.includes("--per-channel") });
  const roles = new Map(session.transcript?.speakers.map((s) => [s.label, s.role]));
  process.stdout.write(
    `${JSON.stringify(
      {
        status: session.status,
        error: session.processing.lastError,
        transcript: session.transcript?.segments.map((s) => ({ role: roles.get(s.speaker), startMs: s.startMs, text: s.text })),
        sentiment: session.sentiment?.speakers,
        notes: session.notes,
      },
      null,
      2,
    )}\n`,
  );
}
