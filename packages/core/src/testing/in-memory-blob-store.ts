import { assertBlobKey } from "../domain/blob-key.ts";
import { ConfideError } from "../errors.ts";
import type { BlobInfo, BlobRead, BlobStore, ByteRange } from "../ports/blob-store.ts";

interface StoredBlob {
  bytes: Uint8Array;
  contentType: string;
}

export interface InMemoryBlobStore extends BlobStore {
  /** Keys currently stored, for assertions. */
  keys(): string[];
}

async function collect(body: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    signal?.throwIfAborted();
    chunks.push(chunk);
  }
  signal?.throwIfAborted();
  return Buffer.concat(chunks);
}

function clampRange(range: ByteRange, size: number): { start: number; end: number } {
  if (range.start >= size || range.start < 0) {
    throw new ConfideError("blob.range_not_satisfiable", "The requested range is outside the object.", {
      details: { sizeBytes: size },
    });
  }
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

export interface InMemoryBlobStoreOptions {
  /**
   * Give the store `signedUrl`, a stand-in signer making `memory://` URLs that name the key, the
   * access and the expiry (nothing can fetch them): for tests of what callers do with a store
   * that signs. Off by default, as a filesystem store has no signer.
   */
  signUrls?: boolean;
  /** The expiry's time base when signing; default the system clock. */
  now?: () => Date;
}

/** Holds blobs in memory. For tests and small embeddings only: it buffers whole objects. */
export function createInMemoryBlobStore(options: InMemoryBlobStoreOptions = {}): InMemoryBlobStore {
  const blobs = new Map<string, StoredBlob>();
  const find = (key: string) => {
    assertBlobKey(key);
    return blobs.get(key);
  };
  const now = options.now ?? (() => new Date());
  const signer: Pick<BlobStore, "signedUrl"> = options.signUrls
    ? {
        async signedUrl(key, { expiresInSeconds, access }) {
          assertBlobKey(key);
          const expires = new Date(now().getTime() + expiresInSeconds * 1_000).toISOString();
          return `memory://blobs/${key}?${new URLSearchParams({ access, expires }).toString()}`;
        },
      }
    : {};
  return {
    ...signer,
    async put(key, body, options) {
      assertBlobKey(key);
      const bytes = await collect(body, options.signal);
      blobs.set(key, { bytes, contentType: options.contentType });
    },
    async get(key, options = {}): Promise<BlobRead> {
      const blob = find(key);
      if (!blob) throw new ConfideError("blob.not_found", "No stored object at this key.");
      const range = options.range ? clampRange(options.range, blob.bytes.byteLength) : undefined;
      const bytes = range ? blob.bytes.subarray(range.start, range.end + 1) : blob.bytes;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes.slice());
          controller.close();
        },
      });
      return { body, sizeBytes: blob.bytes.byteLength, contentType: blob.contentType, ...(range ? { range } : {}) };
    },
    async head(key): Promise<BlobInfo | null> {
      const blob = find(key);
      return blob ? { sizeBytes: blob.bytes.byteLength, contentType: blob.contentType } : null;
    },
    async delete(key) {
      assertBlobKey(key);
      blobs.delete(key);
    },
    async check() {},
    async close() {},
    keys: () => [...blobs.keys()],
  };
}
