import type { HostErrorCode } from "../errors/host-error-codes.ts";

/**
 * A resumable-upload request refused for a reason of the tus exchange itself (a wrong offset,
 * a checksum mismatch, a locked or expired upload). The route answers it with
 * `problemResponse(code)`; core never sees it.
 */
export class UploadRefusal extends Error {
  readonly code: HostErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: HostErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "UploadRefusal";
    this.code = code;
    this.details = details;
  }

  static is(error: unknown): error is UploadRefusal {
    return error instanceof Error && error.name === "UploadRefusal" && "code" in error;
  }
}
