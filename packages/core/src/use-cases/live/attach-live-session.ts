import { timingSafeEqual } from "node:crypto";
import type { RecordOnlyReason } from "../../domain/live-session.ts";
import type { Session } from "../../domain/session.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { LiveAudioDecoding } from "../../ports/live-audio-decoder.ts";
import type { LiveRecognition } from "../../ports/live-speech-to-text.ts";
import { assertRole } from "../policies/session-access.ts";
import type { LiveStreamSlot } from "./live-capacity.ts";
import type { LiveDeps } from "./live-deps.ts";
import { LiveRun, liveOf, type LiveUpdateListener } from "./live-run.ts";
import { resumeTokenSha256, startLiveSession, type StartLiveSessionInput } from "./start-live-session.ts";

export interface StartedLiveRun {
  run: LiveRun;
  session: Session;
  /** Only on a start: the token that resumes the session. */
  resumeToken?: string;
  /**
   * Null when the session has live text; otherwise why it is recorded only: its
   * recording is transcribed when it ends. The client is told at the start (`recordOnlyNotice`).
   */
  recordOnly: RecordOnlyReason | null;
}

/**
 * What the client is told when its session is recorded only: a stable code and a plain sentence
 * (the console shows its own words for the code).
 */
export function recordOnlyNotice(reason: RecordOnlyReason): { code: string; message: string } {
  return reason === "engine_failed"
    ? { code: "live.record_only", message: "Live transcription stopped; the audio is still recorded and will be transcribed when the session ends." }
    : { code: "live.capacity", message: "Live text is busy right now; this session is being recorded and will be transcribed when it ends." };
}

/**
 * Starts a live session and holds it (`startLiveSession`, then a `LiveRun` on a new recognition,
 * or on none when the session is recorded only: past this process's live capacity).
 * @throws what `startLiveSession` throws, and the engine's `open` errors that are not retryable
 * (the session is then ended at once, with no audio: failed); an engine that cannot be reached
 * now records the session only.
 */
export async function startLiveRun(deps: LiveDeps, actor: Actor, input: StartLiveSessionInput, listener: LiveUpdateListener): Promise<StartedLiveRun> {
  const started = await startLiveSession(deps, actor, input);
  const { slot, resumeToken } = started;
  const { run, session } = await openRun(deps, started.session, slot, listener).catch((error: unknown) => {
    slot?.release();
    throw error;
  });
  return { run, session, resumeToken, recordOnly: session.live?.recordOnly ?? null };
}

/**
 * Takes a live session back after a dropped connection (within the resume window,
 * with its token, by its own therapist). The client resends its audio from
 * `run.storedBytes`; the new recognition's times continue from there. Attaching takes the
 * session over from any earlier holder: that one's next write conflicts and it stops.
 * @throws ConfideError `session.not_found` (unknown, or another therapist's: ids cannot be
 * probed), `live.resume_refused` (wrong token, past the window, or a WebM stream: a
 * MediaRecorder's new stream cannot continue the stored one), `session.invalid_state` (the
 * session has ended).
 */
export async function resumeLiveRun(
  deps: LiveDeps,
  actor: Actor,
  input: { sessionId: string; resumeToken: string },
  listener: LiveUpdateListener,
): Promise<StartedLiveRun> {
  assertRole(actor, "therapist");
  const session = typeof input.sessionId === "string" ? await deps.sessions.get(input.sessionId) : null;
  if (!session || session.therapistId !== actor.userId || !session.live) throw new ConfideError("session.not_found", "No such session.");
  if (session.status !== "live") {
    throw new ConfideError("session.invalid_state", `The live session has ended (it is ${session.status}).`, { details: { status: session.status } });
  }
  const live = session.live;
  if (!tokenMatches(input.resumeToken, live.resumeTokenSha256)) throw new ConfideError("live.resume_refused", "The resume token does not match this session.");
  if (live.format.encoding === "webm") {
    throw new ConfideError("live.resume_refused", "A WebM live session cannot be resumed: start a new one (this one ends with what it received).");
  }
  const lastSeen = (live.detachedAt ?? session.updatedAt).getTime();
  if (deps.clock.now().getTime() - lastSeen > deps.settings.live.resumeWindowMs) {
    throw new ConfideError("live.resume_refused", "The resume window has passed; the session ends with what it received.", {
      details: { resumeWindowMs: deps.settings.live.resumeWindowMs },
    });
  }
  // A session with live text is admitted again (the capacity may have gone meanwhile); one
  // recorded only stays so: the pipeline transcribes its whole recording anyway.
  const admission = live.recordOnly ? null : (deps.liveCapacity?.admit() ?? null);
  const slot = admission !== null && "slot" in admission ? admission.slot : null;
  const recordOnly = live.recordOnly ?? (admission !== null && "recordOnly" in admission ? admission.recordOnly : undefined);
  try {
    const attached = await deps.sessions.update(
      { ...session, live: { ...live, detachedAt: null, ...(recordOnly ? { recordOnly } : {}) }, updatedAt: deps.clock.now() },
      session.version,
    );
    deps.logger.info("live.resumed", { sessionId: session.id, storedBytes: live.storedBytes, ...(recordOnly ? { recordOnly } : {}) });
    const { run, session: running } = await openRun(deps, attached, slot, listener);
    return { run, session: running, recordOnly: running.live?.recordOnly ?? null };
  } catch (error) {
    slot?.release();
    throw error;
  }
}

/**
 * A run on a new recognition holding `slot`, or on none for a session recorded only. An engine
 * that cannot be reached now (a retryable error from `open`) does not refuse the session: it is
 * recorded only (`engine_failed`) and transcribed when it ends.
 */
async function openRun(deps: LiveDeps, session: Session, slot: LiveStreamSlot | null, listener: LiveUpdateListener): Promise<{ run: LiveRun; session: Session }> {
  const live = liveOf(session);
  if (live.recordOnly) return { run: new LiveRun(deps, session, null, null, listener), session };
  const channels = live.format.channels;
  let recognition: LiveRecognition;
  try {
    recognition = await deps.liveSpeech.open({
      language: session.settings.language,
      format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels },
      channelLayout: session.settings.channelLayout,
      maxSpeakers: session.settings.maxSpeakers,
    });
  } catch (error) {
    if (!ConfideError.is(error) || !error.retryable) throw error;
    slot?.release();
    deps.logger.warn("live.engine_unavailable", { sessionId: session.id, code: error.code });
    const recorded = await deps.sessions.update({ ...session, live: { ...live, recordOnly: "engine_failed" }, updatedAt: deps.clock.now() }, session.version);
    return { run: new LiveRun(deps, recorded, null, null, listener), session: recorded };
  }
  let opened = session;
  if (recognition.turnEnds !== undefined && recognition.turnEnds !== live.turnEnds) {
    try {
      opened = await deps.sessions.update({ ...session, live: { ...live, turnEnds: recognition.turnEnds }, updatedAt: deps.clock.now() }, session.version);
    } catch (error) {
      recognition.abort();
      throw error;
    }
  }
  let decoding: LiveAudioDecoding | null = null;
  if (live.format.encoding === "webm") {
    if (!deps.webmDecoder) {
      recognition.abort();
      throw new ConfideError("provider.unsupported", "This deployment cannot decode WebM live audio.");
    }
    decoding = deps.webmDecoder.open({ channels });
  }
  return { run: new LiveRun(deps, opened, recognition, decoding, listener, slot), session: opened };
}

function tokenMatches(token: unknown, expectedSha256: string): boolean {
  if (typeof token !== "string" || token === "") return false;
  const given = Buffer.from(resumeTokenSha256(token), "hex");
  const expected = Buffer.from(expectedSha256, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
