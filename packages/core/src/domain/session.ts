import { ConfideError } from "../errors.ts";
import { patientSummaryOf, type ClinicalNotes } from "./clinical-notes.ts";
import type { LiveState } from "./live-session.ts";
import type { NoteFormat } from "./note-formats.ts";
import type { AudioRemoval } from "./retention.ts";
import { acknowledgedAlertCount, unacknowledgedRiskFlags } from "./acknowledged-risk-flags.ts";
import type { RiskScreenResult, ScreenedRiskFlag } from "./risk-flag.ts";
import type { SessionSentiment } from "./sentiment.ts";
import { assertMove, inFlightStatuses, type SessionStatus } from "./session-status.ts";
import type { Transcript } from "./transcript.ts";

export type ProfanityMode = "none" | "masked" | "removed";
export type PunctuationMode = "automatic" | "none";

export interface TranscriptionSettings {
  /** BCP-47 locale, e.g. "en-US". */
  language: string;
  /** When set, the provider identifies the language among these. */
  candidateLanguages?: string[];
  diarization: boolean;
  minSpeakers: number;
  maxSpeakers: number;
  profanity: ProfanityMode;
  punctuation: PunctuationMode;
  wordTimestamps: boolean;
  /**
   * "mono": one mixed channel, speakers separated by diarization.
   * "per-channel": one speaker per channel; `channelRoles[i]` is the role of channel i.
   */
  channelLayout: "mono" | "per-channel";
  channelRoles?: Array<"therapist" | "patient">;
}

export const defaultTranscriptionSettings: TranscriptionSettings = {
  language: "en-US",
  diarization: true,
  minSpeakers: 2,
  maxSpeakers: 2,
  profanity: "none",
  punctuation: "automatic",
  wordTimestamps: true,
  channelLayout: "mono",
};

export type AudioFormat = "wav" | "mp3" | "ogg" | "flac" | "mp4" | "webm";

export interface AudioInfo {
  blobKey: string;
  /** The content type Confide derived from the bytes, not the client's claim. */
  contentType: string;
  format: AudioFormat;
  sizeBytes: number;
  sha256: string;
  /** Known from the container header for WAV; otherwise set once transcribed. */
  durationMs: number | null;
  /** Known from the container header for WAV. */
  channels: number | null;
  originalName: string | null;
  /**
   * Set when the retention policy deleted the recording (the transcript and the rest stay):
   * when, under which rule. `blobKey` then names nothing; the audio route answers
   * `audio.deleted`. Absent while the recording is kept.
   */
  removed?: AudioRemoval;
}

export interface ProcessingError {
  code: string;
  message: string;
  retryable: boolean;
}

export interface Processing {
  /** Provider attempts of the current run (reset by retry). */
  attempts: number;
  lastError: ProcessingError | null;
  /**
   * Reference of a long-running cloud transcription job. Kept on a failed session until the job
   * is discarded (by a retry or the deletion of the session), so its provider copies are not lost.
   */
  providerRef: string | null;
  /**
   * When the job `providerRef` was submitted: the start of the core's limit on pending
   * transcriptions. Absent while there is no job, and in sessions stored before it was kept
   * (for such a job the limit runs from its next poll).
   */
  submittedAt?: Date;
  /** How many polls the current provider job has had. */
  polls: number;
  notifiedAt: Date | null;
  /** Incremented by every user retry; part of job ids so retries are new jobs. */
  run: number;
}

export interface ReviewEdit {
  at: Date;
  by: string;
  /**
   * `segment`: a segment's text; `speaker`: a speaker's role; `segment-speaker`: who spoke a
   * segment (before/after are speaker labels), for a diarizer's wrong turn.
   */
  kind: "segment" | "speaker" | "segment-speaker";
  /** Segment id or speaker label. */
  target: string;
  before: string;
  after: string;
}

export interface Review {
  edits: ReviewEdit[];
  /**
   * The sign-off: when and by whom the notes were attested by finalizing — the note's
   * signature (the FHIR export's authenticator).
   */
  finalizedAt: Date | null;
  finalizedBy: string | null;
  /**
   * True when the therapist chose, at sign-off, to release the patient summary to the patient.
   * Absent or false: the patient sees the finalized session without any summary — also for
   * sessions finalized before the choice existed (`releasedPatientSummary`).
   */
  summaryReleased?: boolean;
}

export interface Session {
  id: string;
  therapistId: string;
  patientId: string;
  /** The therapist's name for the session: the patient reads it only when `titleShared`. */
  title: string;
  /**
   * True when the therapist chose to show the title to the patient (at upload, live start or
   * later). Absent or false: the patient reads a neutral title (`patientTitle`), never this one.
   */
  titleShared?: boolean;
  recordedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Increments on every write; optimistic concurrency token and HTTP ETag. */
  version: number;
  status: SessionStatus;
  audio: AudioInfo;
  settings: TranscriptionSettings;
  transcript: Transcript | null;
  sentiment: SessionSentiment | null;
  /**
   * The clinical notes, every item checked against the transcript (`verifyNotes`); null until
   * written. Absent in sessions stored before notes were written.
   */
  notes?: ClinicalNotes | null;
  /**
   * The risk screen of the transcript, with a note writer's flags merged; null until
   * screened. Absent in sessions stored before the screen ran. Never shown to the patient.
   */
  risk?: RiskScreenResult | null;
  /**
   * The progress-note format the session's notes are written and shown in, chosen at
   * upload, live start or regeneration (else the therapist's default). Absent in sessions stored
   * before it was chosen: those read as `confide` (`sessionNoteFormat`).
   */
  noteFormat?: NoteFormat;
  review: Review;
  processing: Processing;
  /**
   * Set on sessions recorded live (status `live` while they run): their audio parts, resume
   * token and agenda ("today's topics"). Absent on uploaded sessions.
   */
  live?: LiveState;
  /**
   * The latest status changes, oldest first (at most `statusHistoryLength`): what event streams
   * report, so that a status held for less than one poll (a short `analyzing`) is not missed.
   * Absent in sessions stored before it was kept.
   */
  statusHistory?: StatusChange[];
}

/** One status change: the status, the version of the write that made it, and when. */
export interface StatusChange {
  status: SessionStatus;
  version: number;
  at: Date;
}

export const statusHistoryLength = 20;

/**
 * Returns a copy of the session in the new status, the change appended to its history; the
 * move must be legal. The copy is to be written conditionally on `session.version` (so the
 * change is recorded with the version that write makes, `session.version + 1`), at `at`.
 */
export function moveTo(session: Session, to: SessionStatus, at: Date): Session {
  assertMove(session.status, to);
  const change: StatusChange = { status: to, version: session.version + 1, at };
  return { ...session, status: to, statusHistory: [...(session.statusHistory ?? []), change].slice(-statusHistoryLength) };
}

/** The status changes recorded after version `afterVersion`, up to and including `upToVersion`. */
export function statusChangesBetween(session: Session, afterVersion: number, upToVersion: number): StatusChange[] {
  return (session.statusHistory ?? []).filter((change) => change.version > afterVersion && change.version <= upToVersion);
}

/**
 * True when a session in flight has not been written for longer than the lease: its worker
 * is presumed gone (a live one renews the lease every `leaseMs / 3`), so the recovery sweep,
 * or a therapist's retry, may take it over.
 */
export function isLeaseExpired(session: Session, now: Date, leaseMs: number): boolean {
  return inFlightStatuses.includes(session.status) && now.getTime() - session.updatedAt.getTime() > leaseMs;
}

/** The processing state without its provider job: after the job was discarded. */
export function withoutProviderJob(processing: Processing): Processing {
  const { submittedAt: _submittedAt, ...rest } = processing;
  return { ...rest, providerRef: null };
}

export function newProcessing(run = 0): Processing {
  return { attempts: 0, lastError: null, providerRef: null, polls: 0, notifiedAt: null, run };
}

/**
 * The view a patient gets of their own finalized session: an allow-list, so a field added to the
 * session reaches a patient only when it is added here. No sentiment, review history,
 * processing, risk screen, note format or live state; of the notes only the released summary; the
 * therapist's title only when they shared it.
 */
export interface PatientSessionView {
  id: string;
  therapistId: string;
  patientId: string;
  /** The therapist's title when shared (`titleShared`), else a neutral one (`patientTitle`). */
  title: string;
  recordedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  status: Session["status"];
  settings: TranscriptionSettings;
  transcript: Transcript | null;
  audio: Pick<AudioInfo, "contentType" | "sizeBytes" | "durationMs" | "removed">;
  review: Pick<Review, "finalizedAt">;
  /** What the notes say to the patient (`releasedPatientSummary`); null when they say nothing or the therapist did not release it. */
  patientSummary: string | null;
}

/** The date of a recording as a neutral title says it: "2026-03-03" (UTC). */
const recordedDay = (recordedAt: Date) => recordedAt.toISOString().slice(0, 10);

/**
 * The title a patient reads: the therapist's own only when they shared it; otherwise "Session of
 * <date recorded>", which says nothing the patient does not know.
 */
export function patientTitle(session: Pick<Session, "title" | "titleShared" | "recordedAt">): string {
  return session.titleShared === true ? session.title : `Session of ${recordedDay(session.recordedAt)}`;
}

/**
 * The patient summary as the patient reads it (`patientSummaryOf`), but only once the therapist
 * released it at sign-off: a finalized session with `review.summaryReleased` true. Otherwise null,
 * whatever the notes say — a patient never reads a summary the therapist did not choose to release.
 */
export function releasedPatientSummary(session: Pick<Session, "status" | "notes" | "review">): string | null {
  if (session.status !== "finalized" || session.review.summaryReleased !== true || !session.notes) return null;
  return patientSummaryOf(session.notes);
}

/** The patient's view of a session, field by field (`PatientSessionView`). */
export function toPatientView(session: Session): PatientSessionView {
  const { audio } = session;
  return {
    id: session.id,
    therapistId: session.therapistId,
    patientId: session.patientId,
    title: patientTitle(session),
    recordedAt: session.recordedAt,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    version: session.version,
    status: session.status,
    settings: session.settings,
    transcript: session.transcript,
    audio: {
      contentType: audio.contentType,
      sizeBytes: audio.sizeBytes,
      durationMs: audio.durationMs,
      ...(audio.removed === undefined ? {} : { removed: audio.removed }),
    },
    review: { finalizedAt: session.review.finalizedAt },
    patientSummary: releasedPatientSummary(session),
  };
}

/**
 * A session as a listing shows it, to its therapist and to its patient alike: what it is and
 * where it stands, never its content (no transcript text or words, no sentiment, no review
 * history). Fetch the session itself for those.
 */
export interface SessionSummary {
  id: string;
  therapistId: string;
  patientId: string;
  title: string;
  /** True when the therapist shared the title with the patient (`Session.titleShared`); given to the therapist only. */
  titleShared?: boolean;
  status: SessionStatus;
  recordedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Length of the recording, from its header or its transcript; null while unknown. */
  durationMs: number | null;
  /** Segments in the transcript; 0 before it is transcribed. */
  segmentCount: number;
  finalizedAt: Date | null;
  /**
   * Current risk flags not yet acknowledged (the ones that block the sign-off), so a
   * list can mark the session; 0 when there are none or the screen has not run. Given to the
   * session's therapist only: a patient's listing leaves it out.
   */
  riskUnacknowledged?: number;
  /**
   * Acknowledged flags that had warranted a high-priority push: the listing keeps a mark for them
   * once nothing waits. Given to the session's therapist only, like `riskUnacknowledged`.
   */
  riskAcknowledgedAlerts?: number;
}

/**
 * What a summary is made of: the session's own fields, the recording's duration, and of the
 * transcript only its duration and segment count. What a store reads to list sessions without
 * reading their transcripts (the SQL repositories keep it in a column of its own); more fields
 * may be present and are ignored.
 */
export interface SessionSummarySource
  extends Pick<Session, "id" | "therapistId" | "patientId" | "title" | "titleShared" | "status" | "recordedAt" | "createdAt" | "updatedAt" | "version"> {
  audio: Pick<AudioInfo, "durationMs">;
  transcript: (Pick<Transcript, "durationMs"> & { segmentCount: number }) | null;
  review: Pick<Review, "finalizedAt">;
  /** The risk screen's flags, as far as the count of unacknowledged ones needs; absent on older stored summaries. */
  risk?: { flags: ReadonlyArray<Pick<ScreenedRiskFlag, "temporality" | "acknowledgement">> } | null;
}

/** The summary rule, in one place: whatever store the source comes from. */
export function summarize(source: SessionSummarySource): SessionSummary {
  return {
    id: source.id,
    therapistId: source.therapistId,
    patientId: source.patientId,
    title: source.title,
    titleShared: source.titleShared === true,
    status: source.status,
    recordedAt: source.recordedAt,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
    version: source.version,
    durationMs: source.audio.durationMs ?? source.transcript?.durationMs ?? null,
    segmentCount: source.transcript?.segmentCount ?? 0,
    finalizedAt: source.review.finalizedAt,
    riskUnacknowledged: unacknowledgedRiskFlags(source.risk).length,
    riskAcknowledgedAlerts: acknowledgedAlertCount(source.risk),
  };
}

/**
 * A listed session as its patient sees it, field by field: the neutral title unless the
 * therapist shared theirs (`patientTitle`), no risk count, no sharing flag.
 */
export function toPatientSummary(summary: SessionSummary): SessionSummary {
  return {
    id: summary.id,
    therapistId: summary.therapistId,
    patientId: summary.patientId,
    title: patientTitle(summary),
    status: summary.status,
    recordedAt: summary.recordedAt,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
    version: summary.version,
    durationMs: summary.durationMs,
    segmentCount: summary.segmentCount,
    finalizedAt: summary.finalizedAt,
  };
}

export function toSessionSummary(session: Session): SessionSummary {
  const { transcript } = session;
  return summarize({
    ...session,
    transcript: transcript === null ? null : { durationMs: transcript.durationMs, segmentCount: transcript.segments.length },
  });
}

export function assertEditable(session: Session): void {
  if (session.status !== "ready") {
    throw new ConfideError(
      "session.invalid_state",
      session.status === "finalized"
        ? "A finalized session is read-only."
        : `A session can be reviewed only when ready (it is ${session.status}).`,
      { details: { status: session.status } },
    );
  }
}
