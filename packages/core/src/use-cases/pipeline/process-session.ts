import { jobNames, type ConfideDeps } from "../../deps.ts";
import { patientSegments, speakerRolesReviewed } from "../../domain/patient-segments.ts";
import { summarizeSentiment, type SentimentResult } from "../../domain/sentiment.ts";
import { moveTo, type ProcessingError, type Session } from "../../domain/session.ts";
import type { Segment, Transcript, TranscriptDraft } from "../../domain/transcript.ts";
import { ConfideError } from "../../errors.ts";
import type { PushMessage } from "../../ports/push-notifier.ts";
import type { AudioSource, SpeechResult, SpeechWarning } from "../../ports/speech-to-text.ts";

export interface ProcessSessionInput {
  sessionId: string;
  /**
   * Set by the delayed jobs this use case schedules (polls and retries): the session version
   * they were scheduled at. A different stored version means another delivery has taken
   * over (a recovery, a duplicate), and this one does nothing, so polling chains never fork.
   */
  expectedVersion?: number;
  /** The worker's shutdown signal: aborts a provider call and leaves the job for redelivery. */
  signal?: AbortSignal;
}

/** A step's outcome: the session to continue from, or null to stop this delivery. */
type Step = Session | null;

/**
 * The process job (DESIGN §3, §6): drives a session forward from its stored status —
 * uploaded → queued → transcribing → analyzing → ready — then notifies the therapist.
 *
 * Idempotent and resumable: every write is conditional on the version read, so of two
 * deliveries only one progresses and the other stops quietly; a session that is missing,
 * ready, finalized or failed (and notified) is left alone. Long cloud transcriptions are not
 * waited on: a `pending` answer schedules a delayed poll job. Retryable provider errors
 * schedule a delayed retry with full-jitter exponential backoff until
 * `maxProviderAttempts`, then fail the session (retryable); other provider errors fail it
 * at once. While a provider call runs, the session's lease is renewed every `leaseMs / 3`.
 *
 * @throws errors of the repositories and the queue (e.g. `dependency.unavailable`), so the
 * queue redelivers the job; provider errors are recorded on the session, never thrown.
 */
export async function processSession(deps: ConfideDeps, input: ProcessSessionInput): Promise<void> {
  let session: Step = await deps.sessions.get(input.sessionId);
  if (session && input.expectedVersion !== undefined && session.version !== input.expectedVersion) {
    deps.logger.info("session.process.superseded", {
      sessionId: input.sessionId,
      version: session.version,
      expectedVersion: input.expectedVersion,
    });
    return;
  }
  while (session) {
    switch (session.status) {
      case "uploaded": {
        const queued = await save(deps, moveTo(session, "queued", deps.clock.now()), session.version);
        if (queued) {
          session = queued;
          break;
        }
        // The upload moves its new session to queued too, right after enqueueing this job:
        // losing that race is no sign of another delivery, so carry on from what it stored.
        // Anything further along is another delivery's progress: leave it to that one.
        const current = await deps.sessions.get(session.id);
        session = current?.status === "queued" ? current : null;
        break;
      }
      case "queued":
        session = await save(deps, moveTo(session, "transcribing", deps.clock.now()), session.version);
        break;
      case "transcribing":
        session = await transcribe(deps, session, input.signal);
        break;
      case "analyzing":
        session = await analyze(deps, session, input.signal);
        break;
      case "ready":
      case "failed":
        await notify(deps, session);
        return;
      case "finalized":
        return;
    }
  }
}

function isSuperseded(error: unknown): error is ConfideError {
  return ConfideError.is(error, "session.version_conflict") || ConfideError.is(error, "session.not_found");
}

/** Conditional write; a conflict or a deleted session means another actor progressed: null. */
async function save(deps: ConfideDeps, next: Session, expectedVersion: number): Promise<Step> {
  try {
    return await deps.sessions.update({ ...next, updatedAt: deps.clock.now() }, expectedVersion);
  } catch (error) {
    if (!isSuperseded(error)) throw error;
    deps.logger.info("session.process.superseded", { sessionId: next.id, status: next.status, code: error.code });
    return null;
  }
}

function audioSource(deps: ConfideDeps, session: Session): AudioSource {
  const { blobKey, contentType, sizeBytes, channels } = session.audio;
  return {
    key: blobKey,
    contentType,
    sizeBytes,
    channels,
    async open(signal) {
      const read = await deps.blobs.get(blobKey, signal ? { signal } : {});
      return read.body;
    },
  };
}

async function transcribe(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  if (session.transcript) {
    // A retry after the analysis failed: the transcript stands.
    return save(deps, { ...moveTo(session, "analyzing", deps.clock.now()), processing: { ...session.processing, lastError: null } }, session.version);
  }
  const providerRef = session.processing.providerRef;
  const outcome = await callProvider(deps, session, signal, (callSignal): Promise<SpeechResult> =>
    providerRef === null
      ? deps.speech.submit(audioSource(deps, session), session.settings, { signal: callSignal })
      : deps.speech.poll(providerRef, { signal: callSignal }),
  );
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);

  const current = outcome.session;
  const result = outcome.value;
  if (result.status === "pending") {
    const polls = current.processing.providerRef === null ? 0 : current.processing.polls + 1;
    const saved = await save(
      deps,
      { ...current, processing: { ...current.processing, providerRef: result.ref, polls } },
      current.version,
    );
    if (!saved) return null;
    const delayMs = Math.max(0, result.retryAfterMs);
    await deps.queue.enqueue(
      jobNames.processSession,
      { sessionId: saved.id, version: saved.version },
      { jobId: `process-${saved.id}-r${saved.processing.run}-p${polls}`, delayMs },
    );
    deps.logger.info("session.transcription.pending", { sessionId: saved.id, polls, delayMs });
    return null;
  }

  if (result.warnings.length > 0) {
    deps.logger.warn("session.transcription.warnings", {
      sessionId: current.id,
      features: result.warnings.map((warning) => warning.feature ?? warning.type),
    });
  }
  const transcript = buildTranscript(deps, current, result.transcript, result.warnings);
  deps.logger.info("session.transcribed", {
    sessionId: current.id,
    segments: transcript.segments.length,
    speakers: transcript.speakers.length,
    provider: transcript.provider,
  });
  return save(
    deps,
    {
      ...moveTo(current, "analyzing", deps.clock.now()),
      transcript,
      audio: { ...current.audio, durationMs: current.audio.durationMs ?? transcript.durationMs },
      processing: { ...current.processing, providerRef: null, lastError: null },
    },
    current.version,
  );
}

/**
 * Segment ids `seg-0001`… in time order, roles from `deps.assignRoles`, revision 1, and the
 * engine's warnings (which requested features it did not honour).
 */
function buildTranscript(deps: ConfideDeps, session: Session, draft: TranscriptDraft, warnings: SpeechWarning[]): Transcript {
  const ordered = draft.segments
    .map((segment, index) => ({ segment, index }))
    .sort((a, b) => a.segment.startMs - b.segment.startMs || a.index - b.index);
  const segments: Segment[] = ordered.map(({ segment }, index) => ({
    ...segment,
    id: `seg-${String(index + 1).padStart(4, "0")}`,
  }));
  const speakers = deps.assignRoles({ speakers: draft.speakers, segments, settings: session.settings });
  return {
    language: draft.language,
    durationMs: draft.durationMs,
    speakers,
    segments,
    provider: draft.provider || deps.speech.provider,
    revision: 1,
    warnings: warnings.map(({ type, feature, message }) => (feature === undefined ? { type, message } : { type, feature, message })),
  };
}

async function analyze(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  const transcript = session.transcript;
  if (!transcript) {
    return fail(deps, session, session.processing.attempts, {
      code: "internal",
      message: "The session has no transcript to analyse.",
      retryable: false,
    });
  }
  const segments = patientSegments(transcript, { rolesReviewed: speakerRolesReviewed(session.review.edits) });
  const outcome = await callProvider(deps, session, signal, (callSignal): Promise<SentimentResult[]> =>
    segments.length === 0
      ? Promise.resolve([])
      : deps.language.sentiment(
          segments.map((segment) => segment.text),
          { language: transcript.language, signal: callSignal },
        ),
  );
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);

  const current = outcome.session;
  const results = outcome.value;
  if (results.length !== segments.length) {
    return recordFailure(
      deps,
      current,
      new ConfideError("provider.bad_response", "The language analyzer returned the wrong number of results.", {
        details: { sent: segments.length, received: results.length },
      }),
    );
  }
  const sentiment = summarizeSentiment(
    segments.map((segment, index) => {
      const result = results[index] as SentimentResult;
      return {
        segmentId: segment.id,
        speaker: segment.speaker,
        startMs: segment.startMs,
        endMs: segment.endMs,
        result: { label: result.label, scores: result.scores },
      };
    }),
    { language: transcript.language, windowMs: deps.settings.sentimentWindowMs, transcriptRevision: transcript.revision },
  );
  deps.logger.info("session.analyzed", { sessionId: current.id, segments: sentiment.segments.length });
  return finish(
    deps,
    { ...moveTo(current, "ready", deps.clock.now()), sentiment, processing: { ...current.processing, lastError: null } },
    current.version,
  );
}

type ProviderOutcome<T> =
  | { kind: "ok"; value: T; session: Session }
  | { kind: "failed"; error: unknown; session: Session }
  /** Another delivery took the session (lease renewal conflicted) or it was deleted. */
  | { kind: "lost" };

/**
 * Runs one provider call while holding the session's lease: every `leaseMs / 3` the session
 * is rewritten unchanged (a new updatedAt and version) so the recovery sweep leaves it alone.
 * If that write conflicts, someone else owns the session: the call is aborted.
 * @returns the call's value or error, with the session as last written.
 * @throws when the worker's own signal aborted the call, or the provider reports
 * `provider.interrupted` (the job is left for redelivery).
 */
async function callProvider<T>(
  deps: ConfideDeps,
  session: Session,
  signal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<ProviderOutcome<T>> {
  const lease = new AbortController();
  const callSignal = signal ? AbortSignal.any([signal, lease.signal]) : lease.signal;
  let current = session;
  let lost = false;
  let renewal = Promise.resolve();

  const renew = async () => {
    if (lost) return;
    try {
      current = await deps.sessions.update({ ...current, updatedAt: deps.clock.now() }, current.version);
    } catch (error) {
      if (isSuperseded(error)) {
        lost = true;
        deps.logger.info("session.lease.lost", { sessionId: session.id, code: error.code });
        lease.abort(new ConfideError("session.version_conflict", "Another delivery took over the session."));
      } else {
        deps.logger.warn("session.lease.renew_failed", { sessionId: session.id, code: codeOf(error) });
      }
    }
  };
  const timer = setInterval(
    () => {
      renewal = renewal.then(renew);
    },
    Math.max(1, Math.floor(deps.settings.leaseMs / 3)),
  );

  let result: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    result = { ok: true, value: await call(callSignal) };
  } catch (error) {
    result = { ok: false, error };
  } finally {
    clearInterval(timer);
    await renewal;
  }

  if (lost) return { kind: "lost" };
  if (!result.ok) {
    // The worker is stopping, or its engine was stopped from outside (a terminal's Ctrl-C, a
    // service manager's SIGTERM): an interruption, not a failure of the recording. Nothing is
    // recorded and no attempt counted; the job is left for redelivery, or the recovery sweep.
    const interrupted = ConfideError.is(result.error, "provider.interrupted");
    if (signal?.aborted || interrupted) {
      deps.logger.info("session.process.interrupted", { sessionId: session.id, by: interrupted ? "engine" : "worker" });
      throw new ConfideError("dependency.unavailable", "The worker stopped during a provider call.", {
        retryable: true,
        cause: result.error,
      });
    }
    return { kind: "failed", error: result.error, session: current };
  }
  return { kind: "ok", value: result.value, session: current };
}

/** Full-jitter exponential backoff, never sooner than the provider asked. */
function retryDelayMs(deps: ConfideDeps, attempts: number, retryAfterMs: number | undefined): number {
  const ceiling = Math.min(deps.settings.maxRetryDelayMs, deps.settings.baseRetryDelayMs * 2 ** (attempts - 1));
  return Math.max(Math.floor(ceiling * deps.random()), retryAfterMs ?? 0);
}

/** Records a provider failure: schedules a retry, or fails the session. */
async function recordFailure(deps: ConfideDeps, session: Session, error: unknown): Promise<Step> {
  const known = ConfideError.is(error) ? error : null;
  const lastError: ProcessingError = known
    ? { code: known.code, message: known.message, retryable: known.retryable }
    : { code: "provider.unavailable", message: "The provider failed unexpectedly.", retryable: true };
  const attempts = session.processing.attempts + 1;
  deps.logger.warn("session.provider_failed", {
    sessionId: session.id,
    status: session.status,
    code: lastError.code,
    retryable: lastError.retryable,
    attempts,
    ...(known ? {} : { errorName: codeOf(error) }),
  });

  if (lastError.retryable && attempts < deps.settings.maxProviderAttempts) {
    const delayMs = retryDelayMs(deps, attempts, known?.retryAfterMs);
    const saved = await save(
      deps,
      { ...session, processing: { ...session.processing, attempts, lastError } },
      session.version,
    );
    if (!saved) return null;
    await deps.queue.enqueue(
      jobNames.processSession,
      { sessionId: saved.id, version: saved.version },
      { jobId: `process-${saved.id}-r${saved.processing.run}-a${attempts}`, delayMs },
    );
    deps.logger.info("session.retry_scheduled", { sessionId: saved.id, attempts, delayMs });
    return null;
  }
  return fail(deps, session, attempts, lastError);
}

async function fail(deps: ConfideDeps, session: Session, attempts: number, lastError: ProcessingError): Promise<Step> {
  deps.logger.warn("session.failed", { sessionId: session.id, code: lastError.code, retryable: lastError.retryable });
  return finish(
    deps,
    { ...moveTo(session, "failed", deps.clock.now()), processing: { ...session.processing, attempts, lastError } },
    session.version,
  );
}

function messageFor(session: Session): PushMessage {
  const data = { sessionId: session.id, status: session.status };
  if (session.status === "ready") {
    return { title: "Session ready for review", body: "A recorded session has been transcribed and analysed.", data };
  }
  return {
    title: "Session processing failed",
    body:
      session.processing.lastError?.retryable === true
        ? "A recorded session could not be processed. You can retry it in the app."
        : "A recorded session could not be processed.",
    data,
  };
}

/**
 * The run's last write (ready or failed) also claims the notification, so the delivery that
 * makes it, and only that one, sends the push: one conditional write where a separate claim
 * would take two. Stops the delivery.
 */
async function finish(deps: ConfideDeps, next: Session, expectedVersion: number): Promise<Step> {
  const claim = next.processing.notifiedAt === null;
  const saved = await save(
    deps,
    claim ? { ...next, processing: { ...next.processing, notifiedAt: deps.clock.now() } } : next,
    expectedVersion,
  );
  if (saved && claim) await send(deps, saved);
  return null;
}

/**
 * Tells the therapist's devices, at most once per run: `notifiedAt` is claimed with a
 * conditional write before anything is sent. The message carries ids and status only.
 * For a session that reached ready or failed without the claim (a run that ended before
 * `finish` claimed it).
 */
async function notify(deps: ConfideDeps, session: Session): Promise<void> {
  let current: Session | null = session;
  // A conflicting write (a review edit, another delivery) is re-read and the claim retried.
  for (let tries = 0; tries < 3 && current; tries += 1) {
    if (current.processing.notifiedAt !== null) return;
    if (current.status !== "ready" && current.status !== "failed") return;
    const now = deps.clock.now();
    let claimed: Session;
    try {
      claimed = await deps.sessions.update(
        { ...current, updatedAt: now, processing: { ...current.processing, notifiedAt: now } },
        current.version,
      );
    } catch (error) {
      if (!isSuperseded(error)) throw error;
      current = await deps.sessions.get(current.id);
      continue;
    }
    await send(deps, claimed);
    return;
  }
}

/** Sends the push. The claim is made, so failures are logged, never retried. */
async function send(deps: ConfideDeps, session: Session): Promise<void> {
  try {
    const devices = await deps.devices.listByUser(session.therapistId);
    if (devices.length === 0) {
      deps.logger.info("session.notify.no_devices", { sessionId: session.id });
      return;
    }
    const outcomes = await deps.push.send(
      devices.map((device) => device.token),
      messageFor(session),
    );
    const invalidTokens = outcomes.filter((outcome) => outcome.status === "invalid-token").map((outcome) => outcome.token);
    if (invalidTokens.length > 0) await deps.devices.deleteTokens(invalidTokens);
    deps.logger.info("session.notified", {
      sessionId: session.id,
      status: session.status,
      delivered: outcomes.filter((outcome) => outcome.status === "ok").length,
      failed: outcomes.filter((outcome) => outcome.status === "failed").length,
      removedDevices: invalidTokens.length,
    });
  } catch (error) {
    deps.logger.error("session.notify.failed", { sessionId: session.id, code: codeOf(error) });
  }
}

function codeOf(error: unknown): string {
  return ConfideError.is(error) ? error.code : error instanceof Error ? error.name : "unknown";
}
