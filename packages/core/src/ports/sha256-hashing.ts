/**
 * An incremental sha256 of a stream of bytes, for the recordings core measures (`byteMeter`).
 * A port so a host can hash off the thread that moves the bytes (the HTTP host hashes uploads in
 * a worker thread, `workerSha256`); core's default hashes on the calling thread (`inlineSha256`).
 */
export interface Sha256Digest {
  /**
   * Takes the next bytes, in order. The chunk is the caller's again once this returns (or once
   * its promise settles): what the digest needs of it is copied or consumed by then. A promise
   * means "wait before the next update" (backpressure), never a failure of the bytes.
   */
  update(chunk: Uint8Array): void | Promise<void>;
  /** The lowercase hex sha256 of every byte given. Call once, after the last update. */
  digest(): Promise<string>;
  /** Gives up without a result (the stream failed or was cancelled): frees what it holds. */
  discard(): void;
}

/** Starts a new digest. */
export type Sha256Hashing = () => Sha256Digest;
