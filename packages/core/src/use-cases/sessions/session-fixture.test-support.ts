import { patientSegments, speakerRolesReviewed } from "../../domain/patient-segments.ts";
import { summarizeSentiment } from "../../domain/sentiment.ts";
import { defaultTranscriptionSettings, newProcessing, type Session } from "../../domain/session.ts";
import type { Transcript } from "../../domain/transcript.ts";
import type { Actor } from "../../domain/user.ts";
import type { TestDeps } from "../../testing/test-deps.ts";
import { recordTestConsent } from "../../testing/test-consent.ts";
import { createUser } from "../accounts/create-user.ts";
import { linkPatient } from "../accounts/link-patient.ts";
import { byteMeter } from "./byte-meter.ts";

/** Test-only: actors and ready-made sessions written straight into `deps.sessions`. */
export const therapist: Actor = { userId: "therapist-1", role: "therapist" };
export const otherTherapist: Actor = { userId: "therapist-2", role: "therapist" };
export const patient: Actor = { userId: "patient-1", role: "patient" };
export const otherPatient: Actor = { userId: "patient-2", role: "patient" };
export const admin: Actor = { userId: "admin-1", role: "admin" };

/** S1 is the therapist, S2 the patient; seg-2 is positive, seg-4 negative. */
export function sampleTranscript(): Transcript {
  return {
    language: "en-US",
    durationMs: 20_000,
    provider: "scripted",
    revision: 1,
    warnings: [],
    speakers: [
      { label: "S1", role: "therapist" },
      { label: "S2", role: "patient" },
    ],
    segments: [
      { id: "seg-1", speaker: "S1", startMs: 0, endMs: 3_000, text: "How have you been sleeping this week?", confidence: 0.9 },
      {
        id: "seg-2",
        speaker: "S2",
        startMs: 3_500,
        endMs: 7_000,
        text: "I feel much better and happy, thank you.",
        confidence: 0.8,
        words: [{ text: "I", startMs: 3_500, endMs: 3_600 }],
      },
      { id: "seg-3", speaker: "S1", startMs: 7_500, endMs: 10_000, text: "Are you worried about work?" },
      { id: "seg-4", speaker: "S2", startMs: 65_000, endMs: 69_000, text: "I am worried and sad about my job." },
    ],
  };
}

let counter = 0;

export interface SessionOverrides extends Partial<Session> {
  /** Bytes stored as the recording; defaults to 1,000 bytes 0..255 repeating. */
  audioBytes?: Uint8Array;
}

/**
 * Builds a session (ready by default, with the sample transcript and its keyword sentiment),
 * stores its audio in `deps.blobs` and the record in `deps.sessions`, and the patient's consent
 * (`recordTestConsent`) when they have no consent history yet.
 */
export async function storeSession(deps: TestDeps, overrides: SessionOverrides = {}): Promise<Session> {
  const { audioBytes = Uint8Array.from({ length: 1_000 }, (_, index) => index % 256), ...fields } = overrides;
  counter += 1;
  const id = fields.id ?? `session-${String(counter).padStart(4, "0")}`;
  const now = deps.clock.now();
  const status = fields.status ?? "ready";
  const hasTranscript = status === "ready" || status === "finalized";
  const transcript = fields.transcript !== undefined ? fields.transcript : hasTranscript ? sampleTranscript() : null;
  const blobKey = `sessions/${id}/audio.wav`;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(audioBytes);
      controller.close();
    },
  });
  const meter = byteMeter(Number.POSITIVE_INFINITY);
  await deps.blobs.put(blobKey, body.pipeThrough(meter.stream), { contentType: "audio/wav" });
  const stored = meter.result();

  let sentiment = fields.sentiment ?? null;
  if (fields.sentiment === undefined && transcript && hasTranscript) {
    const analysed = patientSegments(transcript, { rolesReviewed: speakerRolesReviewed(fields.review?.edits ?? []) });
    const results = await deps.language.sentiment(
      analysed.map((s) => s.text),
      { language: transcript.language },
    );
    sentiment = summarizeSentiment(
      analysed.map((segment, index) => ({
        segmentId: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        endMs: segment.endMs,
        result: results[index] ?? { label: "neutral", scores: { positive: 0, neutral: 1, negative: 0, mixed: 0 } },
      })),
      { language: transcript.language, windowMs: deps.settings.sentimentWindowMs, transcriptRevision: transcript.revision },
    );
  }

  const session: Session = {
    id,
    therapistId: therapist.userId,
    patientId: patient.userId,
    title: "Weekly session",
    recordedAt: new Date("2026-01-01T10:00:00.000Z"),
    createdAt: now,
    updatedAt: now,
    version: 1,
    status,
    audio: {
      blobKey,
      contentType: "audio/wav",
      format: "wav",
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      durationMs: 20_000,
      channels: 1,
      originalName: "session.wav",
    },
    settings: defaultTranscriptionSettings,
    transcript,
    sentiment,
    review: {
      edits: [],
      finalizedAt: status === "finalized" ? now : null,
      finalizedBy: status === "finalized" ? (fields.therapistId ?? therapist.userId) : null,
    },
    processing: newProcessing(),
    ...fields,
  };
  await deps.sessions.create(session);
  // A stored session was uploaded with the patient's consent: record it, once per patient.
  if ((await deps.consents.history(session.patientId)).length === 0) await recordTestConsent(deps, session.patientId);
  return session;
}

/** The password of every account made by `createCareTeam`. */
export const careTeamPassword = "a long enough password";

/**
 * Real accounts through the use cases: a therapist linked to two patients. Returns the
 * actors and the second patient's id.
 */
export async function createCareTeam(deps: TestDeps): Promise<{ therapist: Actor; patient: Actor; otherPatientId: string }> {
  const add = (email: string, displayName: string, role: Actor["role"]) =>
    createUser(deps, admin, { email, displayName, role, password: careTeamPassword });
  const therapistUser = await add("therapist@example.org", "Dr Field", "therapist");
  const patientUser = await add("patient@example.org", "Pat Moss", "patient");
  const otherPatientUser = await add("other@example.org", "Oli Reed", "patient");
  await linkPatient(deps, admin, { therapistId: therapistUser.id, patientId: patientUser.id });
  await linkPatient(deps, admin, { therapistId: therapistUser.id, patientId: otherPatientUser.id });
  return {
    therapist: { userId: therapistUser.id, role: "therapist" },
    patient: { userId: patientUser.id, role: "patient" },
    otherPatientId: otherPatientUser.id,
  };
}
