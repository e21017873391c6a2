import { Worker } from "node:worker_threads";
import type { Sha256Digest, Sha256Hashing } from "@confide/core/ports";

/**
 * The worker's code (a script, so it runs the same from the sources and from dist): one
 * node:crypto sha256 per digest id; each batch is hashed and its buffer handed back for reuse.
 */
const workerSource = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const hashes = new Map();
parentPort.on("message", (message) => {
  const { id } = message;
  if (message.discard) {
    hashes.delete(id);
    return;
  }
  let hash = hashes.get(id);
  if (hash === undefined) {
    hash = createHash("sha256");
    hashes.set(id, hash);
  }
  if (message.buffer !== undefined) {
    hash.update(new Uint8Array(message.buffer, 0, message.length));
    parentPort.postMessage({ id, buffer: message.buffer }, [message.buffer]);
  }
  if (message.end) {
    hashes.delete(id);
    parentPort.postMessage({ id, digest: hash.digest("hex") });
  }
});
`;

export interface WorkerSha256Options {
  /** Bytes gathered per message to the worker. Default 1 MiB. */
  batchBytes?: number;
  /** Batches a digest may have at the worker at once (its memory: this × batchBytes). Default 4. */
  batchesInFlight?: number;
}

interface Pending {
  /** A batch's buffer came back. */
  returned(buffer: ArrayBuffer): void;
  finished(digest: string): void;
  failed(error: Error): void;
}

/**
 * sha256 in a worker thread, so the thread that receives an upload does not also hash it: the
 * recording's chunks are copied into a few reused 1 MiB buffers, each sent (transferred, not
 * copied) to the worker when full and sent back once hashed. A digest holds at most
 * `batchesInFlight` of them: when the worker is behind, `update` asks the stream to wait. One
 * worker serves every digest of the process; it is started at the first digest, and keeps the
 * process alive only while a digest is under way. When it fails, the digests under way fail and
 * the next digest starts a new one.
 */
export function createWorkerSha256(options: WorkerSha256Options = {}): Sha256Hashing {
  const batchBytes = options.batchBytes ?? 1024 * 1024;
  const batchesInFlight = options.batchesInFlight ?? 4;
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const workerFor = (): Worker => {
    if (worker) return worker;
    const started = new Worker(workerSource, { eval: true });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      const failed = [...pending.values()];
      pending.clear();
      for (const digest of failed) digest.failed(error);
    };
    started.on("message", (message: { id: number; buffer?: ArrayBuffer; digest?: string }) => {
      const digest = pending.get(message.id);
      if (digest === undefined) return;
      if (message.buffer !== undefined) digest.returned(message.buffer);
      if (message.digest !== undefined) {
        pending.delete(message.id);
        digest.finished(message.digest);
        if (pending.size === 0) started.unref();
      }
    });
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`The sha256 worker exited (${code}).`)));
    started.unref();
    worker = started;
    return started;
  };

  return (): Sha256Digest => {
    const id = nextId;
    nextId += 1;
    const free: ArrayBuffer[] = [];
    let allocated = 0;
    let current: Uint8Array | null = null;
    let filled = 0;
    let failure: Error | null = null;
    let waitingForBuffer: (() => void) | null = null;
    let settle: { resolve: (digest: string) => void; reject: (error: Error) => void } | null = null;
    let done = false;
    let target: Worker | null = null;

    const register = () => {
      if (target) return target;
      target = workerFor();
      target.ref();
      pending.set(id, {
        returned(buffer) {
          free.push(buffer);
          const wake = waitingForBuffer;
          waitingForBuffer = null;
          wake?.();
        },
        finished(digest) {
          settle?.resolve(digest);
        },
        failed(error) {
          failure = error;
          const wake = waitingForBuffer;
          waitingForBuffer = null;
          wake?.();
          settle?.reject(error);
        },
      });
      return target;
    };
    const release = () => {
      if (pending.delete(id) && pending.size === 0) target?.unref();
    };
    /** Sends the filled part of the current buffer (transferred: it is the worker's until it comes back). */
    const send = (end: boolean) => {
      const to = register();
      if (current !== null && filled > 0) {
        const buffer = current.buffer as ArrayBuffer;
        to.postMessage({ id, buffer, length: filled, end }, [buffer]);
      } else {
        to.postMessage({ id, end });
      }
      current = null;
      filled = 0;
    };
    /** A buffer to fill: a returned one, a new one while fewer than `batchesInFlight` exist, else wait. */
    const takeBuffer = async (): Promise<void> => {
      for (;;) {
        if (failure) throw failure;
        const reused = free.pop();
        if (reused !== undefined) {
          current = new Uint8Array(reused);
          return;
        }
        if (allocated < batchesInFlight) {
          allocated += 1;
          current = new Uint8Array(batchBytes);
          return;
        }
        await new Promise<void>((resolve) => (waitingForBuffer = resolve));
      }
    };

    const update = async (chunk: Uint8Array, from: number): Promise<void> => {
      let offset = from;
      while (offset < chunk.byteLength) {
        if (current === null) await takeBuffer();
        const into = current as unknown as Uint8Array;
        const length = Math.min(chunk.byteLength - offset, into.byteLength - filled);
        into.set(chunk.subarray(offset, offset + length), filled);
        filled += length;
        offset += length;
        if (filled === into.byteLength) send(false);
      }
    };

    return {
      update(chunk) {
        if (done) throw new TypeError("This digest has ended.");
        if (failure) throw failure;
        // The common case needs no promise: there is room in the buffer being filled.
        if (current !== null && chunk.byteLength < current.byteLength - filled) {
          current.set(chunk, filled);
          filled += chunk.byteLength;
          return;
        }
        return update(chunk, 0);
      },
      digest() {
        if (done) return Promise.reject(new TypeError("This digest has ended."));
        done = true;
        if (failure) return Promise.reject(failure);
        const result = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
        send(true);
        return result.finally(release);
      },
      discard() {
        if (done) return;
        done = true;
        if (target) target.postMessage({ id, discard: true });
        release();
      },
    };
  };
}
