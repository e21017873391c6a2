/**
 * `@confide/adapters-local/providers`: every provider's factory and settings, for composing
 * adapters by hand (tests, benches, an embedding host that does not use descriptors). Importing
 * it loads every adapter module (each still loads its SDK when created); a host that composes from
 * configuration imports the descriptors instead (`@confide/adapters-local` or a provider's own
 * subpath), which load nothing until chosen.
 */
export { createInProcessJobQueue, type InProcessJobQueueOptions } from "./in-process-queue/in-process-job-queue.ts";
export { createBullMqJobQueue } from "./bullmq/bullmq-job-queue.ts";
export { resolveBullMqSettings, type BullMqJobQueueSettings, type ResolvedBullMqJobQueueSettings } from "./bullmq/bullmq-config.ts";
export { createPostgresRepositories } from "./postgres/postgres-repositories.ts";
export { createPgliteRepositories } from "./pglite/pglite-repositories.ts";
export type { SqlRepositories } from "./sql/sql-repositories.ts";
export { resolvePostgresSettings, type PostgresSettings, type ResolvedPostgresSettings } from "./postgres/postgres-config.ts";
export type { PgliteSettings } from "./pglite/pglite-client.ts";
export { applyMigrations, loadMigrations, migrationsDirectory, type Migration, type MigrateOptions } from "./sql/sql-migrations.ts";
export { createFilesystemBlobStore, type FilesystemBlobStoreSettings } from "./filesystem/filesystem-blob-store.ts";
export { createWhisperSpeechToText } from "./whisper/whisper-speech-to-text.ts";
export { resolveWhisperSettings, type WhisperSettings, type ResolvedWhisperSettings } from "./whisper/whisper-config.ts";
export { createFcmPushNotifier } from "./fcm/fcm-push-notifier.ts";
export { resolveFcmSettings, type FcmSettings, type ResolvedFcmSettings, type FcmCredentialSource } from "./fcm/fcm-config.ts";
export { createPocketSphinxSpeechToText } from "./pocketsphinx/pocketsphinx-speech-to-text.ts";
export { resolvePocketSphinxSettings, type PocketSphinxSettings, type ResolvedPocketSphinxSettings } from "./pocketsphinx/pocketsphinx-config.ts";
export { createVaderLanguageAnalyzer } from "./vader/vader-language-analyzer.ts";
export { createLogPushNotifier, type LogPushNotifierSettings } from "./log-push/log-push-notifier.ts";
export * from "./in-process-events/index.ts";
export * from "./redis-events/index.ts";
export { createEmbeddedNoteWriter, writeEmbeddedNotes, embeddedRulesVersion } from "./embedded-notes/embedded-note-writer.ts";
export { createEmbeddedRiskScreen, screenTranscript } from "./embedded-risk-screen/embedded-risk-screen.ts";
