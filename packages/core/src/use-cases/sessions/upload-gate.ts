import type { ConfideDeps } from "../../deps.ts";
import type { Actor } from "../../domain/user.ts";
import { ConfideError } from "../../errors.ts";
import type { RateLimitStore } from "../../ports/rate-limit-store.ts";
import { assertRole } from "../policies/session-access.ts";
import { checkUploadAllowed } from "./check-upload-allowed.ts";

/** The use cases' deps and where the upload quotas are counted (shared by every API process). */
export type UploadGateDeps = ConfideDeps & { rateLimits: RateLimitStore };

export interface AdmitUploadInput {
  /** The length the client declared before sending (Content-Length, tus `Upload-Length`), when it did. */
  declaredBytes?: number;
  /** Bytes the declared length holds besides the recording (multipart boundaries and fields); default 0. */
  envelopeBytes?: number;
  /**
   * The patient, when the host knows it before the body (a resumable upload's metadata): the
   * link, the patient's consent and the sessions in processing are then checked here too.
   */
  patientId?: string;
}

/** Taken by `admitUpload`: says how the upload ended, once (later calls do nothing). */
export interface UploadAdmission {
  /** Stored: the recording's actual size is what counts against the daily bytes. */
  stored(sizeBytes: number): Promise<void>;
  /** Nothing stored: the bytes reserved from the declared length are given back. */
  abandoned(): Promise<void>;
}

const exceeded = (quota: "uploads_per_hour" | "bytes_per_day", limit: number, retryAfterMs: number) =>
  new ConfideError(
    "upload.quota_exceeded",
    quota === "uploads_per_hour"
      ? `You have started ${limit} uploads in the last hour; try again later.`
      : `You have uploaded ${limit} bytes today; try again later.`,
    { retryable: true, retryAfterMs, details: { quota, limit } },
  );

/**
 * The gate every upload passes before a byte of it is read (OWASP API4: unrestricted resource
 * consumption): every upload limit and quota is here, and `uploadSession` enforces the rest as
 * the bytes flow (the actual size, by its byte meter).
 *
 * In order: the caller is a therapist; a declared length is not 0 and not over
 * `settings.maxUploadBytes` (plus the envelope); with `patientId`, `checkUploadAllowed` (link,
 * consent, sessions in processing); then one upload is taken from the therapist's hourly count
 * and the declared bytes from the daily bytes (without a declared length, only whether any
 * bytes are left). Refused at any step, nothing stays taken.
 *
 * @returns the admission: hand it to `uploadSession` (which settles it), or settle it yourself
 * when the recording is stored later (a resumable upload).
 * @throws ConfideError `auth.forbidden`, `upload.empty`, `upload.too_large` (`details.maxBytes`),
 * those of `checkUploadAllowed`, `upload.quota_exceeded` (retryable, `retryAfterMs`: when the
 * window frees enough; `details.quota` `uploads_per_hour` or `bytes_per_day`),
 * `dependency.unavailable` (the counters' store).
 */
export async function admitUpload(deps: UploadGateDeps, actor: Actor, input: AdmitUploadInput): Promise<UploadAdmission> {
  assertRole(actor, "therapist");
  const { settings } = deps;
  const declared = input.declaredBytes;
  const known = declared !== undefined && Number.isSafeInteger(declared) && declared >= 0;
  if (known && declared === 0) throw new ConfideError("upload.empty", "The recording is empty.");
  if (known && declared > settings.maxUploadBytes + (input.envelopeBytes ?? 0)) {
    throw new ConfideError("upload.too_large", `The recording is larger than ${settings.maxUploadBytes} bytes.`, {
      details: { maxBytes: settings.maxUploadBytes },
    });
  }
  if (input.patientId !== undefined) await checkUploadAllowed(deps, actor, { patientId: input.patientId });

  const therapist = actor.userId;
  const uploads = deps.rateLimits.counter("upload-count", { points: settings.uploadsPerHour, durationSeconds: 3600 });
  const bytes = deps.rateLimits.counter("upload-bytes", { points: settings.uploadBytesPerDay, durationSeconds: 24 * 3600 });
  const counted = await uploads.consume(therapist);
  if (!counted.allowed) throw exceeded("uploads_per_hour", settings.uploadsPerHour, counted.retryAfterMs);
  let reservedBytes = 0;
  if (known) {
    const taken = await bytes.consume(therapist, declared);
    // Refused points are taken too: give them back, and the upload with them.
    if (!taken.allowed) {
      await Promise.all([bytes.refund(therapist, declared), uploads.refund(therapist, 1)]);
      throw exceeded("bytes_per_day", settings.uploadBytesPerDay, taken.retryAfterMs);
    }
    reservedBytes = declared;
  } else {
    const left = await bytes.peek(therapist);
    if (left.remainingPoints === 0) {
      await uploads.refund(therapist, 1);
      throw exceeded("bytes_per_day", settings.uploadBytesPerDay, Math.max(1, left.resetInMs));
    }
  }
  let settled = false;
  return {
    async stored(sizeBytes) {
      if (settled) return;
      settled = true;
      // The declared length may include an envelope: the recording's size is what counts.
      if (known) await bytes.refund(therapist, Math.max(0, reservedBytes - sizeBytes));
      else await bytes.consume(therapist, sizeBytes);
    },
    async abandoned() {
      if (settled) return;
      settled = true;
      await bytes.refund(therapist, reservedBytes);
    },
  };
}
