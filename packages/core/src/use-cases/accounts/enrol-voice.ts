import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import {
  summarizeVoiceEnrolment,
  voiceEnrolmentTerms,
  voiceSampleLimits,
  type VoiceEnrolment,
  type VoiceEnrolmentSummary,
} from "../../domain/voice-enrolment.ts";
import { ConfideError } from "../../errors.ts";
import type { ByteStream } from "../../ports/blob-store.ts";
import { audit } from "../policies/audit.ts";
import { assertRole } from "../policies/session-access.ts";
import { byteMeter } from "../sessions/byte-meter.ts";
import { sniffHead } from "../sessions/recording-head.ts";
import { releaseUnread, SourceReader, toReadableStream } from "../sessions/upload-source.ts";

export interface EnrolVoiceInput {
  /** The read-aloud sample (20–30 s asked for), in any format uploads accept. Read once, never stored. */
  audio: ByteStream;
  /** The terms the therapist agreed to; must be `voiceEnrolmentTerms`. */
  consentTerms: string | undefined;
  signal?: AbortSignal;
}

const tooLong = () =>
  new ConfideError("voice.too_long", `The sample is longer than ${voiceSampleLimits.maxDurationMs / 1000} s: read the paragraph once (20–30 s).`, {
    details: { maxDurationMs: voiceSampleLimits.maxDurationMs },
  });

/**
 * A therapist enrols their voice: the sample streams to the diarizer's voice
 * embedding (`Diarizer.embedVoice`, which deletes any decoded copy) and only the embedding is
 * kept on the account, with the therapist's consent and when. Enrolling again replaces the
 * enrolment. Checked before anything is kept: the consent terms, the format (sniffed from the
 * bytes), the size, the length (from a WAV header before decoding, and as decoded) and the
 * voiced speech heard; any failure leaves the previous enrolment (or none) as it was.
 * @returns the enrolment's summary (never the embedding).
 * @throws ConfideError `auth.forbidden` for a non-therapist, `voice.consent_required`,
 * `upload.empty`, `upload.not_audio`, `upload.too_large` (over `voiceSampleLimits.maxBytes`),
 * `voice.too_long`, `voice.unreadable` (not decodable), `voice.no_speech` (silence, noise,
 * music), `voice.too_short` (under 10 s of voiced speech), `voice.unavailable` when the
 * deployment's diarizer embeds no voices, `user.not_found`.
 */
export async function enrolVoice(deps: ConfideDeps, actor: Actor, input: EnrolVoiceInput): Promise<VoiceEnrolmentSummary> {
  try {
    assertRole(actor, "therapist");
    if (input.consentTerms !== voiceEnrolmentTerms) {
      throw new ConfideError(
        "voice.consent_required",
        `Enrolling a voice needs the therapist's consent to the terms "${voiceEnrolmentTerms}" (send consent=${voiceEnrolmentTerms}).`,
        { details: { terms: voiceEnrolmentTerms } },
      );
    }
  } catch (error) {
    await releaseUnread(deps, input.audio);
    throw error;
  }
  const source = new SourceReader(toReadableStream(input.audio));
  let sample;
  const meter = byteMeter(voiceSampleLimits.maxBytes, deps.sha256);
  try {
    const head = await source.readHead(input.signal);
    const sniffed = sniffHead(head);
    if (sniffed.durationMs !== null && sniffed.durationMs > voiceSampleLimits.maxDurationMs) throw tooLong();
    const body = source.replayThenRest().pipeThrough(meter.stream, input.signal ? { signal: input.signal } : {});
    sample = await deps.diarizer.embedVoice(
      { contentType: sniffed.contentType, open: async () => body },
      input.signal ? { signal: input.signal } : {},
    );
  } catch (error) {
    await source.stop(deps, error);
    // The meter failed the decoder's input: whatever the decoder made of it, the sample was too large.
    throw meter.sizeBytes() > voiceSampleLimits.maxBytes ? tooLarge() : translated(error);
  }
  if (sample.durationMs > voiceSampleLimits.maxDurationMs) throw tooLong();
  if (sample.speechMs < voiceSampleLimits.noSpeechBelowMs) {
    throw new ConfideError("voice.no_speech", "No speaking voice was heard in the sample (silence, noise or music).");
  }
  if (sample.speechMs < voiceSampleLimits.minSpeechMs) {
    throw new ConfideError(
      "voice.too_short",
      `The sample holds ${Math.round(sample.speechMs / 1000)} s of speech; at least ${voiceSampleLimits.minSpeechMs / 1000} s are needed (read the whole paragraph).`,
      { details: { speechMs: sample.speechMs, minSpeechMs: voiceSampleLimits.minSpeechMs } },
    );
  }
  const user = await deps.users.get(actor.userId);
  if (!user) throw new ConfideError("user.not_found", "The account no longer exists.");
  const now = deps.clock.now();
  const voice: VoiceEnrolment = {
    embedding: sample.embedding,
    embedder: sample.embedder,
    speechMs: Math.round(sample.speechMs),
    durationMs: Math.round(sample.durationMs),
    quality: Math.round(Math.max(0, Math.min(1, sample.consistency)) * 1000) / 1000,
    consent: { terms: voiceEnrolmentTerms, agreedAt: now },
    enrolledAt: now,
  };
  await deps.users.update({ ...user, voice, updatedAt: now });
  await audit(deps, actor, "user.voice.enrol", {
    subjectUserId: user.id,
    detail: { speechMs: voice.speechMs, replaced: user.voice !== undefined },
  });
  return summarizeVoiceEnrolment(voice);
}

function tooLarge(): ConfideError {
  return new ConfideError("upload.too_large", `The sample is larger than ${voiceSampleLimits.maxBytes} bytes.`, {
    details: { maxBytes: voiceSampleLimits.maxBytes },
  });
}

/** The diarizer's failures as the enrolment's: an undecodable sample is the client's, not a provider outage. */
function translated(error: unknown): unknown {
  if (ConfideError.is(error, "provider.rejected")) {
    return new ConfideError("voice.unreadable", "The sample could not be decoded as audio.", { cause: error });
  }
  if (ConfideError.is(error, "provider.unsupported")) {
    return new ConfideError("voice.unavailable", "This deployment cannot enrol voices (no diarizer with voice embeddings).", { cause: error });
  }
  return error;
}
