/**
 * `@confide/core/ports`: the ports — each port interface and the types it carries (the
 * domain values that cross a port) — and `ConfideError` with its codes. Types only, but for the
 * error class and its code list: what an adapter implements and a host wires.
 *
 * Written by `npm run core:entries` (scripts/core-entries.ts), from who imports each name.
 */
export type { AuditAction, AuditEvent } from "./domain/audit-event.ts";
export type { Evidence, MoodDraft, MoodTrajectory, MoodWindow, NoteField, NoteItemDraft, NotesDraft, RiskFlagDraft, RiskSeverity, RiskType, SessionMood, TrajectoryDraft } from "./domain/clinical-notes.ts";
export type { ConsentMethod, ConsentRecord, ConsentScopeEntry } from "./domain/consent.ts";
export type { Device, DevicePlatform } from "./domain/device.ts";
export type { LegalHold } from "./domain/legal-hold.ts";
export type { NoteFormat } from "./domain/note-formats.ts";
export type { RefreshToken } from "./domain/refresh-token.ts";
export type { RetentionRule } from "./domain/retention.ts";
export type { RiskCategory } from "./domain/risk-category.ts";
export type { RiskFinding } from "./domain/risk-flag.ts";
export type { SentimentDocument, SentimentDocumentLimits } from "./domain/sentiment-documents.ts";
export type { SegmentSentiment, SentimentLabel, SentimentResult, SentimentScores } from "./domain/sentiment.ts";
export type { SessionDocument } from "./domain/session-document.ts";
export type { SearchAudience } from "./domain/session-search-terms.ts";
export type { SessionStatus } from "./domain/session-status.ts";
export type { Session, SessionSummary, TranscriptionSettings } from "./domain/session.ts";
export type { Diarization } from "./domain/speaker-turns.ts";
export type { Segment, SpeakerRole, TranscriptDraft, TranscriptWarning, Word } from "./domain/transcript.ts";
export type { CareRelation, Role, User } from "./domain/user.ts";
export type { VoiceEnrolmentDocument } from "./domain/voice-enrolment.ts";
export { ConfideError, invalidInput, loggableCode, type ErrorCode } from "./errors.ts";
export type { AdapterContext, AdapterDescriptor, SettingsSchema } from "./ports/adapter-descriptor.ts";
export type { AdapterPort, AdapterPortEntry, AdapterPortTypes, AdapterPortVariable } from "./ports/adapter-ports.ts";
export type { FileSetting, ValidatingSchema } from "./ports/adapter-settings.ts";
export type { AgendaItemText, AgendaMatch, AgendaMatcher, AgendaSegment } from "./ports/agenda-matcher.ts";
export type { AudioProbe } from "./ports/audio-probe.ts";
export type { AuditLog, AuditQuery } from "./ports/audit-log.ts";
export type { BlobInfo, BlobRead, BlobStore, ByteRange, ByteStream } from "./ports/blob-store.ts";
export type { ClaimReader, ClaimWord } from "./ports/claim-reader.ts";
export type { Clock } from "./ports/clock.ts";
export type { ConsentRepository } from "./ports/consent-repository.ts";
export type { DatabaseSnapshot, DatabaseSnapshots, SnapshotTable } from "./ports/database-snapshots.ts";
export type { DeviceRepository } from "./ports/device-repository.ts";
export type { DiarizeOptions, Diarizer, LiveDiarization, VoiceSample } from "./ports/diarizer.ts";
export type { Ids } from "./ports/ids.ts";
export type { EnqueueOptions, JobContext, JobHandler, JobPayload, JobQueue, QueueBacklog } from "./ports/job-queue.ts";
export type { LanguageAnalyzer } from "./ports/language-analyzer.ts";
export type { LegalHoldRepository } from "./ports/legal-hold-repository.ts";
export type { LiveAudioDecoder, LiveAudioDecoding } from "./ports/live-audio-decoder.ts";
export type { LivePcmFormat, LiveRecognition, LiveSpeechCapabilities, LiveSpeechEvent, LiveSpeechSettings, LiveSpeechToText, LiveStreamCost } from "./ports/live-speech-to-text.ts";
export type { Logger } from "./ports/logger.ts";
export type { NoteWriter, NoteWriterInput, NoteWriterResult, Reflection, ReflectionInput } from "./ports/note-writer.ts";
export type { Page, PageRequest } from "./ports/page.ts";
export type { PushMessage, PushNotifier, PushOutcome } from "./ports/push-notifier.ts";
export type { RateLimit, RateLimitCounter, RateLimitOutcome, RateLimitStore } from "./ports/rate-limit-store.ts";
export type { Repositories, RepositoryPorts } from "./ports/repositories.ts";
export type { RiskScreen, RiskScreenInput, RiskScreenOutput } from "./ports/risk-screen.ts";
export type { SessionChange, SessionEvent, SessionEventFilter, SessionEventListener, SessionEvents } from "./ports/session-events.ts";
export type { RetentionCandidate, RetentionCandidateQuery, SessionQuery, SessionRepository, SessionState } from "./ports/session-repository.ts";
export type { Sha256Digest, Sha256Hashing } from "./ports/sha256-hashing.ts";
export type { AudioSource, SpeechDiscardOutcome, SpeechResult, SpeechToText, SpeechWarning } from "./ports/speech-to-text.ts";
export type { TokenRepository } from "./ports/token-repository.ts";
export type { UserQuery, UserRepository } from "./ports/user-repository.ts";
