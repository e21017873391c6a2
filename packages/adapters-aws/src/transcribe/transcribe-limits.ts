/**
 * Amazon Transcribe's limits per media file, from "Guidelines and quotas" (Amazon Transcribe
 * developer guide), whose table of quotas that cannot be increased reads "Maximum audio file
 * length | 14,400 seconds" and "Maximum audio file size | 2 GB". A recording past them is refused
 * before it is staged or a job is started, never a job that fails late. Core measures every
 * recording's length at upload; an unknown one (a session stored before that) is left to the
 * service.
 */
import { ConfideError } from "@confide/core/ports";

export const transcribeLimits = { maxFileBytes: 2_000_000_000, maxDurationMs: 14_400_000 } as const;

/** @throws ConfideError `provider.unsupported`, not retryable, `details.reason` `recording_too_large` or `recording_too_long`. */
export function assertWithinTranscribeLimits(audio: { sizeBytes: number; durationMs?: number | null }, limits: { maxFileBytes: number; maxDurationMs: number } = transcribeLimits): void {
  if (audio.sizeBytes > limits.maxFileBytes) {
    throw new ConfideError(
      "provider.unsupported",
      `The recording is ${(audio.sizeBytes / 1e9).toFixed(1)} GB; Amazon Transcribe takes files of at most ${limits.maxFileBytes / 1e9} GB. Record in a compressed format (MP3, M4A) or in shorter parts.`,
      { retryable: false, details: { provider: "aws-transcribe", reason: "recording_too_large", sizeBytes: audio.sizeBytes, maxBytes: limits.maxFileBytes } },
    );
  }
  const durationMs = audio.durationMs ?? null;
  if (durationMs !== null && durationMs > limits.maxDurationMs) {
    throw new ConfideError(
      "provider.unsupported",
      `The recording lasts ${Math.round(durationMs / 60_000)} minutes; Amazon Transcribe takes recordings of at most ${Math.round(limits.maxDurationMs / 60_000)} minutes. Split it into shorter parts.`,
      { retryable: false, details: { provider: "aws-transcribe", reason: "recording_too_long", durationMs, maxDurationMs: limits.maxDurationMs } },
    );
  }
}
