/**
 * Builders for complete, valid domain objects. Every builder gives a fresh object with a
 * unique id; pass overrides for the fields a test cares about. Dates are whole milliseconds
 * so they survive every store (PostgreSQL keeps microseconds, JSON keeps milliseconds).
 */
import { randomUUID } from "node:crypto";
import { defaultTranscriptionSettings, type SessionSentiment, type Transcript } from "@confide/core";
import type { AudioSource, AuditEvent, CareRelation, Device, LegalHold, RefreshToken, Session, TranscriptionSettings, User } from "@confide/core/ports";
import { byteStream } from "@confide/core/testing";

/** A fixed instant all fixture dates are measured from. */
export const fixtureEpoch = new Date("2026-03-02T09:30:00.000Z");

/** `fixtureEpoch` shifted by a number of minutes. */
export function minutesAfterEpoch(minutes: number): Date {
  return new Date(fixtureEpoch.getTime() + minutes * 60_000);
}

/** A unique id in the shape `Ids.newId()` promises: URL-safe, not all digits, no `:`. */
export function fixtureId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function buildUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? fixtureId("user");
  return {
    id,
    email: `${id}@example.test`,
    displayName: "Alex Morgan",
    role: "therapist",
    // Shape of a scrypt hash; no test logs in with it.
    passwordHash: "scrypt$32768$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
    consent: { terms: "recording-and-analysis-v1", agreedAt: minutesAfterEpoch(-60 * 24) },
    active: true,
    tokenGeneration: 0,
    createdAt: minutesAfterEpoch(-60 * 24),
    updatedAt: minutesAfterEpoch(-60),
    ...overrides,
  };
}

export function buildCareRelation(overrides: Partial<CareRelation> = {}): CareRelation {
  return {
    therapistId: fixtureId("therapist"),
    patientId: fixtureId("patient"),
    createdAt: minutesAfterEpoch(-30),
    ...overrides,
  };
}

export function buildTranscriptionSettings(overrides: Partial<TranscriptionSettings> = {}): TranscriptionSettings {
  return { ...defaultTranscriptionSettings, ...overrides };
}

/** A two-speaker transcript with word timings and confidences. */
export function buildTranscript(overrides: Partial<Transcript> = {}): Transcript {
  return {
    language: "en-US",
    durationMs: 95_000,
    speakers: [
      { label: "S1", role: "therapist" },
      { label: "S2", role: "patient" },
    ],
    segments: [
      {
        id: "seg-1",
        speaker: "S1",
        startMs: 0,
        endMs: 2_400,
        text: "How have you been sleeping?",
        confidence: 0.93,
        words: [
          { text: "How", startMs: 0, endMs: 300, confidence: 0.95 },
          { text: "have", startMs: 300, endMs: 550, confidence: 0.94 },
          { text: "you", startMs: 550, endMs: 800, confidence: 0.96 },
          { text: "been", startMs: 800, endMs: 1_100, confidence: 0.9 },
          { text: "sleeping?", startMs: 1_100, endMs: 2_400, confidence: 0.91 },
        ],
      },
      {
        id: "seg-2",
        speaker: "S2",
        startMs: 2_900,
        endMs: 7_800,
        text: "Better this week, the evening walks help a lot.",
        confidence: 0.88,
      },
      {
        id: "seg-3",
        speaker: "S2",
        startMs: 61_000,
        endMs: 66_500,
        text: "Mornings are still hard before work.",
      },
    ],
    provider: "scripted",
    revision: 1,
    warnings: [],
    ...overrides,
  };
}

/** Sentiment for the patient segments of `buildTranscript()`. */
export function buildSessionSentiment(overrides: Partial<SessionSentiment> = {}): SessionSentiment {
  const positive = { positive: 0.81, neutral: 0.15, negative: 0.03, mixed: 0.01 };
  const negative = { positive: 0.05, neutral: 0.25, negative: 0.68, mixed: 0.02 };
  return {
    language: "en-US",
    segments: [
      { segmentId: "seg-2", label: "positive", scores: positive },
      { segmentId: "seg-3", label: "negative", scores: negative },
    ],
    speakers: [
      {
        speaker: "S2",
        segmentCount: 2,
        label: "positive",
        scores: { positive: 0.43, neutral: 0.2, negative: 0.355, mixed: 0.015 },
      },
    ],
    windowMs: 60_000,
    timeline: [
      { startMs: 0, endMs: 60_000, segmentCount: 1, label: "positive", scores: positive },
      { startMs: 60_000, endMs: 120_000, segmentCount: 1, label: "negative", scores: negative },
    ],
    transcriptRevision: 1,
    ...overrides,
  };
}

/**
 * A session ready for review: audio, transcript, sentiment, one review edit and a
 * notification time, so every nested Date and optional field is present.
 */
export function buildSession(overrides: Partial<Session> = {}): Session {
  const id = overrides.id ?? fixtureId("session");
  return {
    id,
    therapistId: fixtureId("therapist"),
    patientId: fixtureId("patient"),
    title: "Weekly check-in",
    recordedAt: minutesAfterEpoch(-120),
    createdAt: minutesAfterEpoch(-110),
    updatedAt: minutesAfterEpoch(-100),
    version: 1,
    status: "ready",
    audio: {
      blobKey: `sessions/${id}/audio.wav`,
      contentType: "audio/wav",
      format: "wav",
      sizeBytes: 3_040_044,
      sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      durationMs: 95_000,
      channels: 1,
      originalName: "check-in.wav",
    },
    settings: buildTranscriptionSettings({ candidateLanguages: ["en-US", "en-GB"] }),
    transcript: buildTranscript(),
    sentiment: buildSessionSentiment(),
    review: {
      edits: [
        {
          at: minutesAfterEpoch(-105),
          by: "reviewer-1",
          kind: "segment",
          target: "seg-2",
          before: "Better this week the evening walk help a lot.",
          after: "Better this week, the evening walks help a lot.",
        },
      ],
      finalizedAt: null,
      finalizedBy: null,
    },
    processing: {
      attempts: 1,
      lastError: null,
      providerRef: null,
      polls: 0,
      notifiedAt: minutesAfterEpoch(-106),
      run: 0,
    },
    ...overrides,
  };
}

/** A session just uploaded: no transcript, sentiment or review yet. */
export function buildUploadedSession(overrides: Partial<Session> = {}): Session {
  return buildSession({
    status: "uploaded",
    transcript: null,
    sentiment: null,
    review: { edits: [], finalizedAt: null, finalizedBy: null },
    processing: { attempts: 0, lastError: null, providerRef: null, polls: 0, notifiedAt: null, run: 0 },
    ...overrides,
  });
}

export function buildRefreshToken(overrides: Partial<RefreshToken> = {}): RefreshToken {
  const id = overrides.id ?? fixtureId("token");
  return {
    id,
    familyId: fixtureId("family"),
    userId: fixtureId("user"),
    tokenHash: `hash-${randomUUID().replaceAll("-", "")}`,
    createdAt: minutesAfterEpoch(-10),
    expiresAt: minutesAfterEpoch(60 * 24 * 30),
    usedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function buildDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: fixtureId("device"),
    userId: fixtureId("user"),
    token: `push-${randomUUID()}`,
    platform: "android",
    createdAt: minutesAfterEpoch(-20),
    lastSeenAt: minutesAfterEpoch(-5),
    ...overrides,
  };
}

export function buildAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: fixtureId("audit"),
    at: minutesAfterEpoch(0),
    actorId: fixtureId("therapist"),
    actorRole: "therapist",
    action: "session.read",
    sessionId: fixtureId("session"),
    subjectUserId: fixtureId("patient"),
    detail: { segments: 3, includeAudio: false, via: "api" },
    ...overrides,
  };
}

/** An `AudioSource` over bytes held in memory; `open()` may be called any number of times. */
export function buildAudioSource(
  bytes: Uint8Array,
  overrides: Partial<Omit<AudioSource, "open">> = {},
): AudioSource {
  return {
    key: overrides.key ?? `sessions/${fixtureId("session")}/audio.wav`,
    contentType: overrides.contentType ?? "audio/wav",
    sizeBytes: overrides.sizeBytes ?? bytes.byteLength,
    channels: overrides.channels ?? null,
    async open() {
      return byteStream(bytes);
    },
  };
}

/** An active legal hold on a patient (pass `sessionId` for one on a session). */
export function buildLegalHold(overrides: Partial<LegalHold> = {}): LegalHold {
  return {
    id: fixtureId("hold"),
    patientId: fixtureId("patient"),
    sessionId: null,
    reason: "Litigation hold, case 2026-117",
    setAt: minutesAfterEpoch(-30),
    setBy: fixtureId("admin"),
    setByRole: "admin",
    releasedAt: null,
    releasedBy: null,
    ...overrides,
  };
}
