import { jobNames, type ConfideDeps } from "../../deps.ts";
import { liveAudioPartKey, livePcmBytesPerSecond, pcmWavHeader, type LiveState } from "../../domain/live-session.ts";
import { moveTo, newProcessing, type Session } from "../../domain/session.ts";
import type { Transcript } from "../../domain/transcript.ts";
import { ConfideError, loggableCode } from "../../errors.ts";
import { byteMeter } from "../sessions/byte-meter.ts";

export interface EndLiveSessionOptions {
  endedBy: NonNullable<LiveState["endedBy"]>;
  /**
   * False when the live recognition failed part way: the live transcript is dropped and the
   * pipeline transcribes the whole recording instead. Default true.
   */
  transcriptComplete?: boolean;
}

/**
 * Ends a live session and hands it to the pipeline, as if its recording had been uploaded
 * (one code path from there on). Joins the part blobs into the recording — a WAV
 * (header + the PCM as received) or the WebM as the client sent it — streamed part after part
 * and measured as uploads are (`byteMeter`), then moves the session to `queued` with its live
 * transcript (the pipeline's transcribe step keeps a stored transcript and goes on to analysis,
 * notes and the notification; a session recorded only, `live.recordOnly`, has none kept and its
 * recording is transcribed) and enqueues the process job, then deletes the parts.
 * A session with no audio at all fails (`speech.no_speech`, not retryable).
 *
 * Idempotent: a session no longer live is returned as it is; a crash between the steps leaves
 * it live (the parts intact) for the abandoned-live sweep to end again.
 * @returns the session as ended (or as found).
 * @throws errors of the blob store and the repository (`dependency.unavailable`);
 * `session.version_conflict` when another holder wrote it meanwhile.
 */
export async function endLiveSession(deps: ConfideDeps, sessionId: string, options: EndLiveSessionOptions): Promise<Session> {
  const session = await deps.sessions.get(sessionId);
  if (!session) throw new ConfideError("session.not_found", "No such session.");
  if (session.status !== "live" || !session.live) return session;
  const live = session.live;
  const meter = byteMeter(Number.MAX_SAFE_INTEGER, deps.sha256);
  await deps.blobs.put(session.audio.blobKey, recordingStream(deps, session, live).pipeThrough(meter.stream), {
    contentType: session.audio.contentType,
  });
  const stored = meter.result();
  const now = deps.clock.now();
  // PCM's length is its bytes'; a WebM recording's is measured from the stored bytes, as an upload's is, so providers' length limits hold for it.
  const durationMs =
    live.format.encoding === "pcm"
      ? Math.round((live.storedBytes / livePcmBytesPerSecond(live.format.channels)) * 1000)
      : ((live.storedBytes === 0 ? null : await measuredLength(deps, session)) ?? session.transcript?.durationMs ?? null);
  const ended: Session = {
    ...session,
    audio: { ...session.audio, sizeBytes: stored.sizeBytes, sha256: stored.sha256, durationMs },
    transcript: options.transcriptComplete === false || live.recordOnly ? null : orderedTranscript(session.transcript, durationMs),
    processing: newProcessing(),
    live: { ...live, detachedAt: live.detachedAt, endedBy: options.endedBy },
  };
  const next =
    live.storedBytes === 0
      ? {
          ...moveTo(ended, "failed", now),
          processing: {
            ...ended.processing,
            lastError: { code: "speech.no_speech", message: "The live session ended before any audio arrived.", retryable: false },
          },
        }
      : moveTo(ended, "queued", now);
  const saved = await deps.sessions.update({ ...next, updatedAt: now }, session.version);
  if (saved.status === "queued") {
    await deps.queue.enqueue(jobNames.processSession, { sessionId }, { jobId: `process-${sessionId}-r0` });
  }
  await deleteParts(deps, session, live);
  deps.logger.info("live.ended", { sessionId, endedBy: options.endedBy, sizeBytes: stored.sizeBytes, status: saved.status });
  return saved;
}

/** The recording: the WAV header for PCM, then each part in order, one part in memory at a time. */
function recordingStream(deps: ConfideDeps, session: Session, live: LiveState): ReadableStream<Uint8Array> {
  let next = 1;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (live.format.encoding === "pcm") controller.enqueue(pcmWavHeader(live.storedBytes, live.format.channels));
    },
    async pull(controller) {
      for (;;) {
        if (reader === null) {
          if (next > live.parts) {
            controller.close();
            return;
          }
          const read = await deps.blobs.get(liveAudioPartKey(session.audio.blobKey, next));
          next += 1;
          reader = read.body.getReader();
        }
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        reader = null;
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}

/** Segments in time order (finals of two channels arrive out of order), ids kept: agenda evidence cites them. */
/** The stored live recording's length by `deps.audioProbe`; null when it measures nothing or fails (logged: the session still ends). */
async function measuredLength(deps: ConfideDeps, session: Session): Promise<number | null> {
  try {
    return await deps.audioProbe.durationMs((await deps.blobs.get(session.audio.blobKey)).body);
  } catch (error) {
    deps.logger.warn("live.length_unmeasured", { sessionId: session.id, code: loggableCode(error) });
    return null;
  }
}

function orderedTranscript(transcript: Transcript | null, durationMs: number | null): Transcript | null {
  if (!transcript) return null;
  const segments = [...transcript.segments].sort((a, b) => a.startMs - b.startMs);
  return { ...transcript, segments, durationMs: Math.max(transcript.durationMs, durationMs ?? 0) };
}

/** Best effort: a part left behind is removed with the session's erasure (`eraseSession`). */
async function deleteParts(deps: ConfideDeps, session: Session, live: LiveState): Promise<void> {
  for (let index = 1; index <= live.parts; index += 1) {
    try {
      await deps.blobs.delete(liveAudioPartKey(session.audio.blobKey, index));
    } catch (error) {
      deps.logger.warn("live.part_delete_failed", { sessionId: session.id, part: index, code: loggableCode(error) });
    }
  }
}
