import { jobNames, type ConfideDeps } from "../../deps.ts";
import { moveTo, type Session } from "../../domain/session.ts";
import type { Segment, Transcript, TranscriptDraft } from "../../domain/transcript.ts";
import type { AudioSource, SpeechResult, SpeechWarning } from "../../ports/speech-to-text.ts";
import { callProvider } from "./provider-call.ts";
import { recordFailure } from "./retry-policy.ts";
import { save, type Step } from "./session-write.ts";

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

export async function transcribe(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
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
