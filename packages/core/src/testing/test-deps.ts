import { createConfideDeps, type ConfideDeps } from "../deps.ts";
import { assignRolesByQuestions } from "../domain/speaker-roles.ts";
import { silentLogger } from "../ports/logger.ts";
import { defaultLiveSessionSettings, type CoreSettings } from "../settings.ts";
import { testConsentForm } from "./test-consent.ts";
import { createInMemoryAuditLog, type InMemoryAuditLog } from "./in-memory-audit-log.ts";
import { createInMemoryConsentRepository } from "./in-memory-consent-repository.ts";
import { createInMemoryBlobStore, type InMemoryBlobStore } from "./in-memory-blob-store.ts";
import { createInMemoryDeviceRepository } from "./in-memory-device-repository.ts";
import { createInMemoryLegalHoldRepository } from "./in-memory-legal-hold-repository.ts";
import { createInMemoryJobQueue, type InMemoryJobQueue } from "./in-memory-job-queue.ts";
import { createInMemoryPushNotifier, type InMemoryPushNotifier } from "./in-memory-push-notifier.ts";
import { createInMemorySessionEvents, type InMemorySessionEvents } from "./in-memory-session-events.ts";
import { createInMemorySessionRepository } from "./in-memory-session-repository.ts";
import { createInMemoryTokenRepository } from "./in-memory-token-repository.ts";
import { createInMemoryUserRepository } from "./in-memory-user-repository.ts";
import { createKeywordLanguageAnalyzer } from "./keyword-language-analyzer.ts";
import { createPlainWordsClaimReader } from "./plain-words-claim-reader.ts";
import { createManualClock, type ManualClock } from "./manual-clock.ts";
import { createScriptedNoteWriter, type ScriptedNoteWriter } from "./scripted-note-writer.ts";
import { createScriptedRiskScreen, type ScriptedRiskScreen } from "./scripted-risk-screen.ts";
import { createScriptedSpeechToText, type ScriptedSpeechToText } from "./scripted-speech-to-text.ts";
import { createSequentialIds } from "./sequential-ids.ts";

export interface TestDeps extends ConfideDeps {
  blobs: InMemoryBlobStore;
  speech: ScriptedSpeechToText;
  notes: ScriptedNoteWriter;
  risk: ScriptedRiskScreen;
  queue: InMemoryJobQueue;
  push: InMemoryPushNotifier;
  events: InMemorySessionEvents;
  audit: InMemoryAuditLog;
  clock: ManualClock;
}

/**
 * Every port in memory, a manual clock, sequential ids, a manual queue, a cheap password cost
 * and the test consent form among those that tell of live reflections: what core's use-case
 * tests run on. Override any part. Built by `createConfideDeps`, as
 * a host's are: session writes publish their changes on `events`.
 */
export function createTestDeps(
  overrides: Partial<Omit<TestDeps, "settings">> & { settings?: Partial<CoreSettings>; invalidTokens?: string[] } = {},
): TestDeps {
  const { settings, invalidTokens, ...rest } = overrides;
  const clock = rest.clock ?? createManualClock();
  const parts = {
    blobs: createInMemoryBlobStore(),
    speech: createScriptedSpeechToText(),
    language: createKeywordLanguageAnalyzer(),
    notes: createScriptedNoteWriter(),
    claims: createPlainWordsClaimReader(),
    risk: createScriptedRiskScreen(),
    queue: createInMemoryJobQueue({ clock, manual: true }),
    push: createInMemoryPushNotifier({ invalidTokens: invalidTokens ?? [] }),
    events: createInMemorySessionEvents(),
    sessions: createInMemorySessionRepository(),
    users: createInMemoryUserRepository(),
    tokens: createInMemoryTokenRepository(),
    devices: createInMemoryDeviceRepository(),
    audit: createInMemoryAuditLog(),
    holds: createInMemoryLegalHoldRepository(),
    consents: createInMemoryConsentRepository(),
    ids: createSequentialIds(),
    logger: silentLogger,
    assignRoles: assignRolesByQuestions,
    random: () => 0.5,
    ...rest,
    clock,
  };
  // The consent test set-ups record is taken as a form that tells of live reflections too.
  const live = { ...defaultLiveSessionSettings, reflectionConsentForms: [...defaultLiveSessionSettings.reflectionConsentForms, testConsentForm.version] };
  const deps = createConfideDeps({ ...parts, repositories: parts, settings: { passwordCost: 1024, live, ...settings } });
  return { ...deps, blobs: parts.blobs, speech: parts.speech, notes: parts.notes, risk: parts.risk, queue: parts.queue, push: parts.push, events: parts.events, audit: parts.audit, clock };
}
