import { jobNames, type ConfideDeps } from "../../deps.ts";
import { moveTo, withoutProviderJob, type Session } from "../../domain/session.ts";
import { usesChannelRoles } from "../../domain/speaker-roles.ts";
import {
  speakerDetectionOf,
  type RoleAssignment,
  type Segment,
  type Speaker,
  type Transcript,
  type TranscriptDraft,
} from "../../domain/transcript.ts";
import type { VoiceEnrolment } from "../../domain/voice-enrolment.ts";
import { assignRolesByVoice } from "../../domain/voice-roles.ts";
import type { AudioSource, SpeechResult, SpeechWarning } from "../../ports/speech-to-text.ts";
import { discardProviderJob } from "../policies/provider-job.ts";
import { callProvider } from "./provider-call.ts";
import { recordFailure } from "./retry-policy.ts";
import { save, type Step } from "./session-write.ts";
import { failOverdueTranscription, isTranscriptionOverdue } from "./transcription-timeout.ts";

/** The recording as the speech adapter gets it: a stream, and a read URL when the blob store signs. */
function audioSource(deps: ConfideDeps, session: Session): AudioSource {
  const { blobKey, contentType, sizeBytes, channels, durationMs } = session.audio;
  const { blobs } = deps;
  const sign = blobs.signedUrl?.bind(blobs);
  return {
    key: blobKey,
    contentType,
    sizeBytes,
    channels,
    durationMs,
    async open(signal) {
      const read = await blobs.get(blobKey, signal ? { signal } : {});
      return read.body;
    },
    ...(sign
      ? {
          async readUrl({ expiresInSeconds, signal }: { expiresInSeconds: number; signal?: AbortSignal }) {
            signal?.throwIfAborted();
            return sign(blobKey, { expiresInSeconds, access: "read" });
          },
        }
      : {}),
  };
}

export async function transcribe(deps: ConfideDeps, session: Session, signal: AbortSignal | undefined): Promise<Step> {
  if (session.transcript) {
    // A retry after the analysis failed: the transcript stands.
    return save(deps, { ...moveTo(session, "analyzing", deps.clock.now()), processing: { ...session.processing, lastError: null } }, session.version);
  }
  if (isTranscriptionOverdue(deps, session)) return failOverdueTranscription(deps, session);
  const providerRef = session.processing.providerRef;
  const calledAt = deps.clock.now();
  const outcome = await callProvider(deps, session, signal, (callSignal): Promise<SpeechResult> =>
    providerRef === null
      ? deps.speech.submit(audioSource(deps, session), session.settings, { signal: callSignal })
      : deps.speech.poll(providerRef, session.settings, { signal: callSignal }),
  );
  if (outcome.kind === "lost") return null;
  if (outcome.kind === "failed") return recordFailure(deps, outcome.session, outcome.error);

  const current = outcome.session;
  const result = outcome.value;
  if (result.status === "pending") {
    const submitted = current.processing.providerRef === null;
    const polls = submitted ? 0 : current.processing.polls + 1;
    // The limit on pending jobs runs from the submission; a job stored without it starts now.
    const submittedAt = submitted ? calledAt : (current.processing.submittedAt ?? calledAt);
    const saved = await save(
      deps,
      { ...current, processing: { ...current.processing, providerRef: result.ref, polls, submittedAt } },
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
  // The therapist's enrolled voice is looked up only when the diarizer gave the speakers' voices.
  const enrolment = result.transcript.voices ? ((await deps.users.get(current.therapistId))?.voice ?? null) : null;
  const transcript = buildTranscript(deps, current, result.transcript, result.warnings, enrolment);
  deps.logger.info("session.transcribed", {
    sessionId: current.id,
    segments: transcript.segments.length,
    speakers: transcript.speakers.length,
    provider: transcript.provider,
    roles: transcript.roleAssignment?.method ?? "heuristic",
  });
  const saved = await save(
    deps,
    {
      ...moveTo(current, "analyzing", deps.clock.now()),
      transcript,
      audio: { ...current.audio, durationMs: current.audio.durationMs ?? transcript.durationMs },
      processing: { ...withoutProviderJob(current.processing), lastError: null },
    },
    current.version,
  );
  // The transcript is ours now: the provider's copies go (best effort; a failure is logged
  // with the ref). Not before the write, so a failed write can poll the job again.
  if (saved) await discardProviderJob(deps, current, "transcribed");
  return saved;
}

/**
 * The speakers' roles and the rule that gave them: the therapist's enrolled voice when it
 * matches one of the draft's speaker voices confidently enough (`assignRolesByVoice`), else
 * `deps.assignRoles` (channel roles for a per-channel recording, the heuristic otherwise).
 */
function assignRoles(
  deps: ConfideDeps,
  session: Session,
  draft: TranscriptDraft,
  segments: Segment[],
  enrolment: VoiceEnrolment | null,
): { speakers: Speaker[]; roleAssignment: RoleAssignment } {
  if (enrolment && draft.voices) {
    const byVoice = assignRolesByVoice({ speakers: draft.speakers, voices: draft.voices, enrolment });
    if (byVoice) return { speakers: byVoice.speakers, roleAssignment: { method: "voice", confidence: byVoice.confidence } };
  }
  const speakers = deps.assignRoles({ speakers: draft.speakers, segments, settings: session.settings });
  return { speakers, roleAssignment: { method: usesChannelRoles(session.settings) ? "channels" : "heuristic", confidence: null } };
}

/**
 * Segment ids `seg-0001`… in time order, roles (`assignRoles`), revision 1, and the engine's
 * warnings (which requested features it did not honour). The draft's speaker voices are not kept.
 */
function buildTranscript(
  deps: ConfideDeps,
  session: Session,
  draft: TranscriptDraft,
  warnings: SpeechWarning[],
  enrolment: VoiceEnrolment | null,
): Transcript {
  const ordered = draft.segments
    .map((segment, index) => ({ segment, index }))
    .sort((a, b) => a.segment.startMs - b.segment.startMs || a.index - b.index);
  const segments: Segment[] = ordered.map(({ segment }, index) => ({
    ...segment,
    id: `seg-${String(index + 1).padStart(4, "0")}`,
  }));
  const { speakers, roleAssignment } = assignRoles(deps, session, draft, segments, enrolment);
  return {
    language: draft.language,
    durationMs: draft.durationMs,
    speakers,
    segments,
    provider: draft.provider || deps.speech.provider,
    revision: 1,
    warnings: warnings.map(({ type, feature, message }) => (feature === undefined ? { type, message } : { type, feature, message })),
    speakerDetection: speakerDetectionOf(draft),
    roleAssignment,
  };
}
