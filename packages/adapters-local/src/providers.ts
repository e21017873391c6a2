/**
 * `@confide/adapters-local/providers`: every provider's factory and settings, for composing
 * adapters by hand (tests, benches, an embedding host that does not use descriptors). Importing
 * it loads every adapter module (each still loads its SDK when created); a host that composes from
 * configuration imports the descriptors instead (`@confide/adapters-local` or a provider's own
 * subpath), which load nothing until chosen.
 */
export { createInProcessJobQueue, type InProcessJobQueueOptions } from "./in-process-queue/in-process-job-queue.ts";
export { createBullMqJobQueue } from "./bullmq/bullmq-job-queue.ts";
export type { BullMqSettings } from "./bullmq/settings.ts";
export { createPostgresRepositories } from "./postgres/postgres-repositories.ts";
export { createPgliteRepositories } from "./pglite/pglite-repositories.ts";
export type { SqlRepositories } from "./sql/sql-repositories.ts";
export type { PostgresSettings } from "./postgres/settings.ts";
export type { PgliteSettings } from "./pglite/pglite-client.ts";
export { applyMigrations, loadMigrations, migrationsDirectory, type Migration, type MigrateOptions } from "./sql/sql-migrations.ts";
export { createFilesystemBlobStore } from "./filesystem/filesystem-blob-store.ts";
export type { FilesystemSettings } from "./filesystem/settings.ts";
export { createWhisperSpeechToText } from "./whisper/whisper-speech-to-text.ts";
export type { WhisperSettings } from "./whisper/settings.ts";
export { createPocketSphinxSpeechToText } from "./pocketsphinx/pocketsphinx-speech-to-text.ts";
export type { PocketSphinxSettings } from "./pocketsphinx/settings.ts";
export { createVaderLanguageAnalyzer } from "./vader/vader-language-analyzer.ts";
export { createLogPushNotifier, type LogPushNotifierSettings } from "./log-push/log-push-notifier.ts";
export * from "./in-process-events/index.ts";
export * from "./redis-events/index.ts";
export { createEmbeddedNoteWriter, writeEmbeddedNotes, embeddedRulesVersion } from "./embedded-notes/embedded-note-writer.ts";
export { createEmbeddedRiskScreen, screenTranscript } from "./embedded-risk-screen/embedded-risk-screen.ts";
export { createEncoderRiskScreen } from "./encoder-risk-screen/encoder-risk-screen.ts";
export type { EncoderRiskScreenSettings } from "./encoder-risk-screen/settings.ts";
