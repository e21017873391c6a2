/**
 * Runs every port contract against the in-memory adapters of @confide/core/testing, the
 * reference implementations the other adapters are compared with.
 */
import {
  createInMemoryAuditLog,
  createInMemoryBlobStore,
  createInMemoryConsentRepository,
  createInMemoryDeviceRepository,
  createInMemoryJobQueue,
  createInMemoryLegalHoldRepository,
  createInMemoryPushNotifier,
  createInMemoryRepositories,
  createInMemorySessionEvents,
  createInMemorySessionRepository,
  createInMemoryTokenRepository,
  createInMemoryUserRepository,
  createKeywordLanguageAnalyzer,
  createScriptedSpeechToText,
} from "@confide/core/testing";
import { describeAuditLogContract } from "./audit-log.contract.ts";
import { describeBlobStoreContract } from "./blob-store.contract.ts";
import { describeConsentRepositoryContract } from "./consent-repository.contract.ts";
import { describeDeviceRepositoryContract } from "./device-repository.contract.ts";
import { buildAudioSource } from "./fixtures.ts";
import { describeJobQueueContract } from "./job-queue.contract.ts";
import { describeLanguageAnalyzerContract } from "./language-analyzer.contract.ts";
import { describeLegalHoldRepositoryContract } from "./legal-hold-repository.contract.ts";
import { describePushNotifierContract } from "./push-notifier.contract.ts";
import { describeRepositoriesContract } from "./repositories.contract.ts";
import { describeSessionEventsContract } from "./session-events.contract.ts";
import { describeSessionRepositoryContract } from "./session-repository.contract.ts";
import { describeSpeechToTextContract } from "./speech-to-text.contract.ts";
import { describeTokenRepositoryContract } from "./token-repository.contract.ts";
import { describeUserRepositoryContract } from "./user-repository.contract.ts";

describeBlobStoreContract({ name: "in-memory", create: async () => createInMemoryBlobStore() });

const scriptedAudio = new TextEncoder().encode("RIFF\0\0\0\0WAVE scripted audio");

describeSpeechToTextContract({
  name: "scripted",
  create: async () => createScriptedSpeechToText(),
  audio: async () => buildAudioSource(scriptedAudio),
  perChannelAudio: async () => buildAudioSource(scriptedAudio, { channels: 2 }),
  expectedWords: ["sleeping", "worried"],
  capabilities: {
    pendingJobs: false,
    monoDiarization: true,
    perChannel: true,
    wordTimings: false,
    throttling: { provoke: (speech) => speech.script({ throttledFailures: 1 }), retryAfterMs: 30_000 },
  },
});

describeSpeechToTextContract({
  name: "scripted, answering pending twice",
  create: async () => createScriptedSpeechToText({ pendingPolls: 2, retryAfterMs: 5 }),
  audio: async () => buildAudioSource(scriptedAudio),
  perChannelAudio: async () => buildAudioSource(scriptedAudio, { channels: 2 }),
  expectedWords: ["sleeping"],
  capabilities: {
    pendingJobs: true,
    monoDiarization: true,
    perChannel: true,
    wordTimings: false,
    throttling: { provoke: (speech) => speech.script({ throttledFailures: 1 }), retryAfterMs: 5 },
  },
});

describeLanguageAnalyzerContract({ name: "keywords", create: async () => createKeywordLanguageAnalyzer() });

describeJobQueueContract({ name: "in-memory", create: async () => createInMemoryJobQueue() });

describePushNotifierContract({
  name: "in-memory",
  create: async () => createInMemoryPushNotifier({ invalidTokens: ["device-token-unregistered"] }),
  invalidToken: "device-token-unregistered",
});

describeSessionRepositoryContract({
  name: "in-memory",
  create: async () => createInMemorySessionRepository(),
  // Whole words as written: "run" does not find "running".
  capabilities: { stemming: false },
});
describeSessionEventsContract({
  name: "in-memory",
  create: async () => {
    const events = createInMemorySessionEvents();
    return { publisher: events, subscriber: events };
  },
  capabilities: { sharedChannel: false },
});
describeUserRepositoryContract({ name: "in-memory", create: async () => createInMemoryUserRepository() });
describeTokenRepositoryContract({ name: "in-memory", create: async () => createInMemoryTokenRepository() });
describeDeviceRepositoryContract({ name: "in-memory", create: async () => createInMemoryDeviceRepository() });
describeAuditLogContract({ name: "in-memory", create: async () => createInMemoryAuditLog() });
describeLegalHoldRepositoryContract({ name: "in-memory", create: async () => createInMemoryLegalHoldRepository() });
describeConsentRepositoryContract({ name: "in-memory", create: async () => createInMemoryConsentRepository() });

describeRepositoriesContract({ name: "in-memory", create: async () => createInMemoryRepositories() });
