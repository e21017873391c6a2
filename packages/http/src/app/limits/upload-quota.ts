import { ConfideError } from "@confide/core";
import type { RateLimiters } from "./rate-limiter.ts";

/** Per-therapist upload quotas (OWASP API4: unrestricted resource consumption). */
export interface UploadQuotaLimits {
  /** Uploads started per hour; every attempt that gets past the quotas counts. */
  uploadsPerHour: number;
  /** Recording bytes per 24 hours (a window from the first upload counted in it). */
  bytesPerDay: number;
}

export const defaultUploadQuota: UploadQuotaLimits = { uploadsPerHour: 60, bytesPerDay: 20 * 1024 ** 3 };

/** Taken by `reserve`: say how the upload ended, once. */
export interface UploadReservation {
  /** Stored: the recording's actual size is what counts against the daily bytes. */
  stored(sizeBytes: number): Promise<void>;
  /** Nothing stored: the bytes reserved from Content-Length are given back. */
  abandoned(): Promise<void>;
}

export interface UploadQuota {
  /**
   * Checks and takes the quotas before the body is read: one upload, and the declared length's
   * bytes when the request has a Content-Length (else only whether any bytes are left).
   * @throws ConfideError `upload.quota_exceeded` (retryable, retryAfterMs: when the window
   * frees enough) with `details.quota` `uploads_per_hour` or `bytes_per_day`.
   */
  reserve(therapistId: string, declaredBytes: number | undefined): Promise<UploadReservation>;
}

const exceeded = (quota: "uploads_per_hour" | "bytes_per_day", limit: number, retryAfterMs: number) =>
  new ConfideError(
    "upload.quota_exceeded",
    quota === "uploads_per_hour"
      ? `You have started ${limit} uploads in the last hour; try again later.`
      : `You have uploaded ${limit} bytes today; try again later.`,
    { retryable: true, retryAfterMs, details: { quota, limit } },
  );

export function createUploadQuota(options: { limiters: RateLimiters; limits: UploadQuotaLimits }): UploadQuota {
  const { limits } = options;
  const uploads = options.limiters.create("upload-count", { points: limits.uploadsPerHour, durationSeconds: 3600 });
  const bytes = options.limiters.create("upload-bytes", { points: limits.bytesPerDay, durationSeconds: 24 * 3600 });

  return {
    async reserve(therapistId, declaredBytes) {
      const counted = await uploads.consume(therapistId);
      if (!counted.allowed) throw exceeded("uploads_per_hour", limits.uploadsPerHour, counted.retryAfterMs);
      const known = declaredBytes !== undefined && Number.isSafeInteger(declaredBytes) && declaredBytes >= 0;
      let reservedBytes = 0;
      if (known) {
        const taken = await bytes.consume(therapistId, declaredBytes);
        // Refused points are taken too: give them back, and the upload with them.
        if (!taken.allowed) {
          await Promise.all([bytes.refund(therapistId, declaredBytes), uploads.refund(therapistId, 1)]);
          throw exceeded("bytes_per_day", limits.bytesPerDay, taken.retryAfterMs);
        }
        reservedBytes = declaredBytes;
      } else {
        const left = await bytes.peek(therapistId);
        if (left.remainingPoints === 0) {
          await uploads.refund(therapistId, 1);
          throw exceeded("bytes_per_day", limits.bytesPerDay, Math.max(1, left.resetInMs));
        }
      }
      let settled = false;
      return {
        async stored(sizeBytes) {
          if (settled) return;
          settled = true;
          // The declared length includes the multipart framing; the recording's size counts.
          if (known) await bytes.refund(therapistId, Math.max(0, reservedBytes - sizeBytes));
          else await bytes.consume(therapistId, sizeBytes);
        },
        async abandoned() {
          if (settled) return;
          settled = true;
          await bytes.refund(therapistId, reservedBytes);
        },
      };
    },
  };
}
