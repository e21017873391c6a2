import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile, type FileHandle } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { assertBlobKey, checkByteRange, invalidSetting, parseSettings } from "@confide/core/adapter-kit";
import { type BlobInfo, type BlobStore, ConfideError } from "@confide/core/ports";
import { createBlobEncryptor, createDataKeyring, headerBytes, openEncryptedBlob, parseEncryptedBlob, type ReadAt } from "./blob-encryption.ts";
import { writeDurably } from "./durable-file-write.ts";
import { errnoOf, isMissing, toFilesystemError } from "./filesystem-errors.ts";
import { ownerOnlyFileMode, ownerOnlyFolderMode } from "../files/owner-only-modes.ts";
import { filesystemSettings, type FilesystemSettings } from "./settings.ts";

/**
 * What sits next to an object. `@` never occurs in a key, so these names cannot collide with
 * an object or a folder of one.
 */
const metaSuffix = "@meta.json";
const temporaryFolder = "@tmp";
const defaultContentType = "application/octet-stream";

interface StoredMeta {
  contentType: string;
  /** Present when the object is stored encrypted: the id of its data key. */
  encryption?: { keyId: string };
}

function keyConflict(key: string, cause: unknown): ConfideError {
  return new ConfideError(
    "blob.invalid_key",
    "The key names a folder of other objects, or passes through an object; a filesystem cannot hold both.",
    { cause, details: { key: key.slice(0, 100) } },
  );
}

function notFound(key: string, cause?: unknown): ConfideError {
  return new ConfideError("blob.not_found", "There is no object at this key.", { cause, details: { key: key.slice(0, 100) } });
}

/** The reason an aborted signal carries, or a standard AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** Reads at explicit positions of an open file; fewer bytes than asked only at its end. */
function readerOf(handle: FileHandle): ReadAt {
  return async (position, length) => {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    try {
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
    } catch (error) {
      throw toFilesystemError(error, "read an object");
    }
    return buffer.subarray(0, filled);
  };
}

/** Makes a folder's new entries survive a crash (a rename is durable once its folder is synced). */
async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * BlobStore on a local folder: the object of key `a/b.wav` is the file `<root>/a/b.wav`, its
 * content type in `<root>/a/b.wav@meta.json`. Writes stream to `<root>/@tmp/` (same filesystem),
 * are fsynced, then renamed into place, so readers see the old object or the whole new one.
 * Files are 0600 in 0700 folders. With a `dataKey`, the file holds the object encrypted
 * (header, then authenticated chunks), its size remains that of the plaintext, and
 * a range read decrypts only the chunks covering it; a file that fails authentication is
 * refused (`dependency.unavailable`, reason `integrity_check_failed`), never served altered.
 */
export function createFilesystemBlobStore(settings: FilesystemSettings & { root: string }): BlobStore {
  const parsed = parseSettings(filesystemSettings, settings);
  // The schema leaves the folder out for the host, which gives its own (`<data dir>/blobs`).
  if (parsed.root === undefined) throw invalidSetting("root", "The blob storage folder (root) is required.");
  const root = resolve(parsed.root);
  const keyring = createDataKeyring(parsed.dataKey, parsed.previousDataKeys);
  const { chunkBytes, temporaryFileMaxAgeMs } = parsed;
  const temporaryFolderPath = join(root, temporaryFolder);
  let swept: Promise<void> | undefined;
  const dataPathOf = (key: string) => join(root, ...key.split("/"));
  const metaPathOf = (key: string) => `${dataPathOf(key)}${metaSuffix}`;

  async function readMeta(key: string): Promise<Partial<StoredMeta>> {
    try {
      return JSON.parse(await readFile(metaPathOf(key), "utf8")) as Partial<StoredMeta>;
    } catch (error) {
      // An object written without its sidecar (by hand, or by an older layout) has no declared type.
      if (isMissing(error)) return {};
      throw toFilesystemError(error, "read an object's metadata");
    }
  }

  /** Makes the root and its folder of temporary files (where writes start) when missing. */
  async function makeTemporaryFolder(): Promise<void> {
    try {
      await mkdir(temporaryFolderPath, { recursive: true, mode: ownerOnlyFolderMode });
    } catch (error) {
      throw toFilesystemError(error, "create its folders");
    }
  }

  /** Removes temporary files a crashed process left behind (once per store). */
  async function sweepTemporaryFiles(): Promise<void> {
    const oldestKeptMs = Date.now() - temporaryFileMaxAgeMs;
    for (const name of await readdir(temporaryFolderPath)) {
      const path = join(temporaryFolderPath, name);
      try {
        if ((await stat(path)).mtimeMs < oldestKeptMs) await rm(path, { force: true });
      } catch (error) {
        // Another process swept it first.
        if (!isMissing(error)) throw toFilesystemError(error, "remove a stale temporary file");
      }
    }
  }

  /** Renames a finished temporary file to its key, making the folders on the way. */
  async function moveIntoPlace(key: string, from: string, to: string): Promise<void> {
    // A concurrent delete may remove an emptied folder between mkdir and rename: try again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await mkdir(dirname(to), { recursive: true, mode: ownerOnlyFolderMode });
        await rename(from, to);
        return;
      } catch (error) {
        const code = errnoOf(error);
        if (code === "ENOENT" && attempt < 5) continue;
        if (code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR" || code === "ENOTEMPTY") {
          throw keyConflict(key, error);
        }
        throw toFilesystemError(error, "store an object");
      }
    }
  }

  return {
    async put(key, body, options) {
      assertBlobKey(key);
      const signal = options.signal;
      if (signal?.aborted) throw abortReason(signal);
      await makeTemporaryFolder();
      swept ??= sweepTemporaryFiles().catch((error: unknown) => {
        swept = undefined; // try again on the next write
        throw error;
      });
      await swept;
      const temporaryData = join(temporaryFolderPath, randomUUID());
      const temporaryMeta = `${temporaryData}${metaSuffix}`;
      const dataKey = keyring.current;
      try {
        await writeDurably(temporaryData, body, {
          ...(signal === undefined ? {} : { signal }),
          ...(dataKey === undefined ? {} : { encode: createBlobEncryptor(dataKey, chunkBytes === undefined ? {} : { chunkBytes }) }),
        });
        if (signal?.aborted) throw abortReason(signal);
        const meta: StoredMeta = {
          contentType: options.contentType,
          ...(dataKey === undefined ? {} : { encryption: { keyId: dataKey.id } }),
        };
        try {
          await writeFile(temporaryMeta, JSON.stringify(meta), { flag: "wx", flush: true, mode: ownerOnlyFileMode });
        } catch (error) {
          throw toFilesystemError(error, "write an object's metadata");
        }
        // The sidecar goes first: once the data is in place, its type is already there.
        await moveIntoPlace(key, temporaryMeta, metaPathOf(key));
        await moveIntoPlace(key, temporaryData, dataPathOf(key));
        try {
          await syncFolder(dirname(dataPathOf(key)));
        } catch (error) {
          throw toFilesystemError(error, "sync a folder");
        }
      } finally {
        // Whatever happened, no temporary file outlives the call (after success they are gone already).
        await rm(temporaryData, { force: true });
        await rm(temporaryMeta, { force: true });
      }
    },

    async get(key, options = {}) {
      assertBlobKey(key);
      const { range, signal } = options;
      if (range !== undefined) checkByteRange(range);
      let handle: FileHandle;
      try {
        handle = await open(dataPathOf(key), "r");
      } catch (error) {
        if (isMissing(error) || errnoOf(error) === "EISDIR") throw notFound(key, error);
        throw toFilesystemError(error, "open an object");
      }
      try {
        // Reading through this handle sees this version even if the key is overwritten meanwhile.
        const info = await handle.stat();
        if (!info.isFile()) throw notFound(key);
        const meta = await readMeta(key);
        const readAt = readerOf(handle);
        const layout = parseEncryptedBlob(await readAt(0, headerBytes), info.size, { encrypted: meta.encryption !== undefined });
        const sizeBytes = layout === null ? info.size : layout.plaintextBytes;
        const contentType = meta.contentType ?? defaultContentType;
        let returned: { start: number; end: number } | undefined;
        if (range !== undefined) {
          if (range.start >= sizeBytes) {
            throw new ConfideError("blob.range_not_satisfiable", "The range starts past the end of the object.", {
              details: { start: range.start, sizeBytes },
            });
          }
          returned = { start: range.start, end: Math.min(range.end ?? sizeBytes - 1, sizeBytes - 1) };
        }
        if (layout !== null) {
          const opened = await openEncryptedBlob(layout, keyring, readAt);
          const closeHandle = () => void handle.close().catch(() => undefined);
          let body: ReadableStream<Uint8Array>;
          if (sizeBytes === 0) {
            closeHandle();
            body = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
          } else {
            const span = returned ?? { start: 0, end: sizeBytes - 1 };
            body = opened.read(span, { onDone: closeHandle, ...(signal === undefined ? {} : { signal }) });
          }
          return returned === undefined ? { body, sizeBytes, contentType } : { body, sizeBytes, contentType, range: returned };
        }
        const stream = handle.createReadStream(returned === undefined ? {} : { start: returned.start, end: returned.end });
        if (signal !== undefined) {
          const stop = () => stream.destroy(abortReason(signal) as Error);
          if (signal.aborted) stop();
          else signal.addEventListener("abort", stop, { once: true });
          stream.once("close", () => signal.removeEventListener("abort", stop));
        }
        const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
        return returned === undefined ? { body, sizeBytes, contentType } : { body, sizeBytes, contentType, range: returned };
      } catch (error) {
        await handle.close();
        throw ConfideError.is(error) ? error : toFilesystemError(error, "read an object");
      }
    },

    async head(key): Promise<BlobInfo | null> {
      assertBlobKey(key);
      let handle: FileHandle;
      try {
        handle = await open(dataPathOf(key), "r");
      } catch (error) {
        if (isMissing(error) || errnoOf(error) === "EISDIR") return null;
        throw toFilesystemError(error, "look up an object");
      }
      try {
        const info = await handle.stat();
        if (!info.isFile()) return null;
        const meta = await readMeta(key);
        const layout = parseEncryptedBlob(await readerOf(handle)(0, headerBytes), info.size, { encrypted: meta.encryption !== undefined });
        return { sizeBytes: layout === null ? info.size : layout.plaintextBytes, contentType: meta.contentType ?? defaultContentType };
      } catch (error) {
        throw ConfideError.is(error) ? error : toFilesystemError(error, "look up an object");
      } finally {
        await handle.close();
      }
    },

    async delete(key) {
      assertBlobKey(key);
      const dataPath = dataPathOf(key);
      try {
        const info = await stat(dataPath);
        // A folder of other objects is not an object: nothing to delete at this key.
        if (info.isFile()) await rm(dataPath, { force: true });
        await rm(metaPathOf(key), { force: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw toFilesystemError(error, "delete an object");
      }
      // Leave no empty folders behind (an erased session leaves no trace of its id).
      for (let folder = dirname(dataPath); folder.startsWith(`${root}/`); folder = dirname(folder)) {
        try {
          await rmdir(folder);
        } catch (error) {
          const code = errnoOf(error);
          if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOENT") return;
          throw toFilesystemError(error, "remove an emptied folder");
        }
      }
    },

    async check() {
      // The folders a write needs exist (or can be made) and take new files.
      try {
        await makeTemporaryFolder();
        await access(temporaryFolderPath, constants.W_OK | constants.X_OK);
      } catch (error) {
        const mapped = toFilesystemError(error, "accept new files");
        if (ConfideError.is(mapped)) throw mapped;
        const reason = errnoOf(error) ?? "unknown";
        throw new ConfideError("dependency.unavailable", `The blob storage folder cannot take new files (${reason}).`, {
          cause: error,
          details: { dependency: "filesystem", reason },
        });
      }
    },

    async close() {
      // Holds no open files or connections between calls: nothing to release.
    },
  };
}
