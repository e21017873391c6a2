import { ConfideError } from "../errors.ts";

const segment = /^[A-Za-z0-9._-]+$/;

/**
 * Blob keys are relative paths of `[A-Za-z0-9._-]` segments joined by `/`, with no `.` or `..`
 * segment. Every BlobStore adapter checks keys with this before touching storage.
 * @throws ConfideError `blob.invalid_key`
 */
export function assertBlobKey(key: string): void {
  const parts = key.split("/");
  const valid =
    key.length > 0 &&
    key.length <= 1024 &&
    parts.every((part) => segment.test(part) && part !== "." && part !== "..");
  if (!valid) throw new ConfideError("blob.invalid_key", "The storage key is not valid.", { details: { key: key.slice(0, 100) } });
}
