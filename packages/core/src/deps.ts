import type { SpeakerRoleAssigner } from "./domain/speaker-roles.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { BlobStore } from "./ports/blob-store.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { JobQueue } from "./ports/job-queue.ts";
import type { LanguageAnalyzer } from "./ports/language-analyzer.ts";
import type { Logger } from "./ports/logger.ts";
import type { PushNotifier } from "./ports/push-notifier.ts";
import type { SessionRepository } from "./ports/session-repository.ts";
import type { SpeechToText } from "./ports/speech-to-text.ts";
import type { TokenRepository } from "./ports/token-repository.ts";
import type { UserRepository } from "./ports/user-repository.ts";
import type { CoreSettings } from "./settings.ts";

/** Everything a use case may touch. Hosts build it once; tests build it from @confide/core/testing. */
export interface ConfideDeps {
  blobs: BlobStore;
  speech: SpeechToText;
  language: LanguageAnalyzer;
  queue: JobQueue;
  push: PushNotifier;
  sessions: SessionRepository;
  users: UserRepository;
  tokens: TokenRepository;
  devices: DeviceRepository;
  audit: AuditLog;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  settings: CoreSettings;
  assignRoles: SpeakerRoleAssigner;
  /** Uniform in [0, 1); used for retry jitter. */
  random: () => number;
}

/** Names of the jobs core enqueues and handles. */
export const jobNames = {
  processSession: "session.process",
} as const;
