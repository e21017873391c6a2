import { assignRolesByQuestions, type SpeakerRoleAssigner } from "./domain/speaker-roles.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { ConsentRepository } from "./ports/consent-repository.ts";
import type { BlobStore } from "./ports/blob-store.ts";
import { systemClock, type Clock } from "./ports/clock.ts";
import type { Diarizer } from "./ports/diarizer.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Ids } from "./ports/ids.ts";
import { noDiarizer } from "./ports/no-diarizer.ts";
import { randomIds } from "./ports/random-ids.ts";
import { inlineSha256 } from "./ports/inline-sha256.ts";
import type { Sha256Hashing } from "./ports/sha256-hashing.ts";
import type { AudioProbe } from "./ports/audio-probe.ts";
import { unmeasuredAudio } from "./ports/unmeasured-audio.ts";
import type { JobQueue } from "./ports/job-queue.ts";
import type { LegalHoldRepository } from "./ports/legal-hold-repository.ts";
import type { LanguageAnalyzer } from "./ports/language-analyzer.ts";
import type { ClaimReader } from "./ports/claim-reader.ts";
import type { NoteWriter } from "./ports/note-writer.ts";
import type { RiskScreen } from "./ports/risk-screen.ts";
import { silentLogger, type Logger } from "./ports/logger.ts";
import type { PushNotifier } from "./ports/push-notifier.ts";
import type { RepositoryPorts } from "./ports/repositories.ts";
import type { SessionEvents } from "./ports/session-events.ts";
import type { SessionRepository } from "./ports/session-repository.ts";
import { publishingSessionRepository } from "./events/publishing-session-repository.ts";
import type { SpeechToText } from "./ports/speech-to-text.ts";
import type { TokenRepository } from "./ports/token-repository.ts";
import type { UserRepository } from "./ports/user-repository.ts";
import { defaultCoreSettings, type CoreSettings } from "./settings.ts";

/** Everything a use case may touch. Hosts build it once; tests build it from @confide/core/testing. */
export interface ConfideDeps {
  blobs: BlobStore;
  speech: SpeechToText;
  language: LanguageAnalyzer;
  /** Writes the clinical notes after analysis; core verifies their evidence. */
  notes: NoteWriter;
  /** Reads claims and cited words (lemmas, negation) for the claim-support check of the notes. */
  claims: ClaimReader;
  /** Screens every transcript for risk language, whatever the note writer. */
  risk: RiskScreen;
  queue: JobQueue;
  push: PushNotifier;
  /** Session changes for the event streams; every session write through `sessions` publishes here. */
  events: SessionEvents;
  sessions: SessionRepository;
  users: UserRepository;
  tokens: TokenRepository;
  devices: DeviceRepository;
  audit: AuditLog;
  holds: LegalHoldRepository;
  /** Patients' consent histories: what the pipeline may do with their sessions (policies/consent.ts). */
  consents: ConsentRepository;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  settings: CoreSettings;
  assignRoles: SpeakerRoleAssigner;
  /**
   * Embeds therapists' enrolment samples (`embedVoice`); the same diarizer's voices of a
   * session's speakers come with its transcript. A deployment without one answers `voice.unavailable`.
   */
  diarizer: Diarizer;
  /** Uniform in [0, 1); used for retry jitter. */
  random: () => number;
  /** The sha256 of the recordings stored (`byteMeter`); default `inlineSha256`. */
  sha256: Sha256Hashing;
  /**
   * Times each stored recording whose header does not say how long it plays (upload), so that
   * the providers' length limits hold for every container; default `unmeasuredAudio` (nothing
   * measured: only a header's length is known). The HTTP host sets ffmpeg's.
   */
  audioProbe: AudioProbe;
}

/** Names of the jobs core enqueues and handles. */
export const jobNames = {
  processSession: "session.process",
  retentionSweep: "retention.sweep",
} as const;

export interface ConfideDepsParts
  extends Pick<ConfideDeps, "blobs" | "speech" | "language" | "notes" | "claims" | "risk" | "queue" | "push" | "events">,
    Partial<Pick<ConfideDeps, "clock" | "ids" | "logger" | "assignRoles" | "random" | "diarizer" | "sha256" | "audioProbe">> {
  /** A repositories adapter's bundle (ports/repositories.ts), or its repositories alone. */
  repositories: RepositoryPorts;
  /** Merged over `defaultCoreSettings`. */
  settings?: Partial<CoreSettings>;
}

/**
 * Builds the deps of the use cases from adapters, filling the rest with the production
 * defaults: system clock, random ids, silent logger, default settings, the question-counting
 * role heuristic, no diarizer (voice enrolment unavailable), Math.random, sha256 on the calling thread and no audio probe (only headers' lengths known). The session repository is wrapped so that every successful
 * write publishes its change on `events` (`publishingSessionRepository`).
 */
export function createConfideDeps(parts: ConfideDepsParts): ConfideDeps {
  const { repositories } = parts;
  const clock = parts.clock ?? systemClock;
  const logger = parts.logger ?? silentLogger;
  return {
    blobs: parts.blobs,
    speech: parts.speech,
    language: parts.language,
    notes: parts.notes,
    claims: parts.claims,
    risk: parts.risk,
    queue: parts.queue,
    push: parts.push,
    events: parts.events,
    sessions: publishingSessionRepository(repositories.sessions, { events: parts.events, logger, clock }),
    users: repositories.users,
    tokens: repositories.tokens,
    devices: repositories.devices,
    audit: repositories.audit,
    holds: repositories.holds,
    consents: repositories.consents,
    clock,
    ids: parts.ids ?? randomIds,
    logger,
    settings: { ...defaultCoreSettings, ...parts.settings },
    assignRoles: parts.assignRoles ?? assignRolesByQuestions,
    diarizer: parts.diarizer ?? noDiarizer,
    random: parts.random ?? Math.random,
    sha256: parts.sha256 ?? inlineSha256,
    audioProbe: parts.audioProbe ?? unmeasuredAudio,
  };
}
