/** Bytes in motion. Web streams keep core runtime-agnostic. */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive; omitted means to the end. */
  end?: number;
}

export interface BlobInfo {
  /** Size of the whole object, also on a range read (what Content-Range needs). */
  sizeBytes: number;
  contentType: string;
}

export interface BlobRead extends BlobInfo {
  body: ReadableStream<Uint8Array>;
  /** The range actually returned (end clamped to the last byte); absent for a whole read. */
  range?: { start: number; end: number };
}

/**
 * Stores recordings. Keys are relative paths of `[A-Za-z0-9._-]` segments joined by `/`;
 * adapters reject anything else (`..`, absolute paths, NUL) with `blob.invalid_key`.
 */
export interface BlobStore {
  /**
   * Streams `body` to `key`, reading it to its end and never holding the whole of it in memory.
   * Atomic: readers see the old object or the complete new one, and when `body` errors or
   * `signal` aborts, nothing is left at `key` (the error of the stream is rethrown as is).
   * Overwrites an existing object. Size and sha256 are measured by core as the bytes flow
   * (use-cases/sessions/byte-meter.ts), not by the store.
   * @returns once the object is stored durably.
   * @throws ConfideError `blob.invalid_key`, `dependency.unavailable`.
   */
  put(key: string, body: ReadableStream<Uint8Array>, options: { contentType: string; signal?: AbortSignal }): Promise<void>;

  /**
   * Opens the object for reading, whole or a byte range.
   * @throws ConfideError `blob.not_found` when missing, `blob.range_not_satisfiable` when
   * `range.start` is at or past the end, `blob.invalid_key`.
   */
  get(key: string, options?: { range?: ByteRange; signal?: AbortSignal }): Promise<BlobRead>;

  /** @returns size and type, or null when there is no object at `key`. */
  head(key: string, options?: { signal?: AbortSignal }): Promise<BlobInfo | null>;

  /** Removes the object. Deleting a missing key does not throw. */
  delete(key: string, options?: { signal?: AbortSignal }): Promise<void>;

  /**
   * Resolves when the store is usable (a folder store: its folder is writable); used by
   * readiness checks. Writes, reads and sends nothing that stays.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  /**
   * Optional: only stores whose provider can sign URLs have it (Azure Blob SAS, S3 presigning);
   * a filesystem store has none. Core offers a read URL to speech adapters when it is present.
   * Signs a URL that reads (`GET`) or writes (`PUT`) the object at `key` without credentials
   * until `expiresInSeconds` have passed. Made from the store's credentials (offline with a key;
   * a store signed in with a token may first fetch a signing key it then reuses, as Azure's
   * user-delegation keys): it does not check that the object exists (a read of a missing object
   * fails at the URL, not here). A `write` URL takes one `PUT` of the whole object.
   * @returns the absolute URL.
   * @throws ConfideError `blob.invalid_key`; `validation.invalid_input` for an expiry the
   * provider cannot sign (Azure: over 7 days); `dependency.unavailable` when the credentials
   * needed to sign cannot be obtained.
   */
  signedUrl?(key: string, options: { expiresInSeconds: number; access: "read" | "write" }): Promise<string>;

  /** Releases connections; further calls are not allowed. */
  close(): Promise<void>;
}
