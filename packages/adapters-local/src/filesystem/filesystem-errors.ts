import { ConfideError } from "@confide/core/ports";

/** Conditions that may clear by themselves: a full disk being cleaned, too many open files. */
const transientCodes = new Set(["ENOSPC", "EDQUOT", "EIO", "EMFILE", "ENFILE", "EBUSY", "EAGAIN", "ETIMEDOUT"]);

/** Conditions of the storage itself (rights, read-only mount) that need an operator. */
const storageCodes = new Set(["EACCES", "EPERM", "EROFS"]);

export function errnoOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when a path (or a folder on the way to it) does not exist. */
export function isMissing(error: unknown): boolean {
  const code = errnoOf(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * Maps a failure of the storage folder to ConfideError `dependency.unavailable` (retryable when
 * it may clear by itself); returns other errors unchanged.
 */
export function toFilesystemError(error: unknown, operation: string): unknown {
  const code = errnoOf(error);
  if (code === undefined || ConfideError.is(error)) return error;
  if (!transientCodes.has(code) && !storageCodes.has(code)) return error;
  return new ConfideError("dependency.unavailable", `The blob storage folder failed to ${operation} (${code}).`, {
    retryable: transientCodes.has(code),
    cause: error,
    details: { dependency: "filesystem", reason: code },
  });
}
