import { Readable } from "node:stream";
import { assertBlobKey, checkByteRange, parseSettings } from "@confide/core/adapter-kit";
import { type BlobInfo, type BlobStore, ConfideError } from "@confide/core/ports";
import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";
import type { z } from "zod";
import { azureBlobSettings, type AzureBlobSettings } from "./settings.ts";
import { isAzureNotFound, isContainerNotFound, toAzureBlobError } from "./azure-blob-errors.ts";
import { blobUrlSigner } from "./azure-blob-signer.ts";
import { uploadInBlocks } from "./block-upload.ts";

type StorageBlobModule = typeof import("@azure/storage-blob");

const defaultContentType = "application/octet-stream";

/** The reason an aborted signal carries, or a standard AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** `bytes <start>-<end>/<size>` of a 206 answer. */
function parseContentRange(header: string | undefined): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? "");
  return match === null ? undefined : { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

/** The client of the one credential source the settings give (the schema checks there is exactly one). */
async function serviceClient(sdk: StorageBlobModule, settings: z.output<typeof azureBlobSettings>): Promise<BlobServiceClient> {
  const clientOptions = settings.clientOptions ?? {};
  if (settings.client !== undefined) return settings.client;
  if (settings.connectionString !== undefined) return sdk.BlobServiceClient.fromConnectionString(settings.connectionString, clientOptions);
  const credential = settings.credential ?? new (await import("@azure/identity")).DefaultAzureCredential();
  return new sdk.BlobServiceClient(settings.accountUrl as string, credential, clientOptions);
}

/**
 * BlobStore on one container of Azure Blob Storage; the object of key `a/b.wav` is the block blob
 * `a/b.wav`, its content type the blob's `Content-Type`.
 *
 * - `put` copies the body into blocks of `uploadBlockBytes`, stages each as it fills and commits
 *   the block list at the end (block-upload.ts): readers see the old blob until the commit, and a
 *   failed or aborted upload commits nothing (its staged blocks are discarded by the service after
 *   7 days). Memory: `uploadBlocks` block buffers, 4 × 4 MiB = 16 MiB per upload with the
 *   defaults, whatever the size of the recording; the body's chunks are not kept.
 * - `get` reads a byte range with `x-ms-range`; `delete` of a missing blob does nothing.
 * - The container is made on first use — the first `put` or `check` (which readiness runs at
 *   start) — when it does not exist yet, not in the factory: creating the store makes no request,
 *   so a host starts and reports storage unready while the account is unreachable, and an
 *   identity given a role on an existing container only never needs the right to create one.
 * - `signedUrl` is present when the credential can sign (see azure-blob-signer.ts).
 *
 * The SDK is imported here, when the store is created. Its own retry policy applies (Storage
 * retries throttling, 5xx and network failures, by default 4 tries); failures then surface as
 * mapped in azure-blob-errors.ts.
 */
export async function createAzureBlobStore(settings: AzureBlobSettings): Promise<BlobStore> {
  const resolved = parseSettings(azureBlobSettings, settings);
  const sdk = await import("@azure/storage-blob");
  const service = await serviceClient(sdk, resolved);
  const container: ContainerClient = service.getContainerClient(resolved.containerName);
  const signer = blobUrlSigner(sdk, service, resolved.containerName);
  let containerReady: Promise<void> | undefined;

  /** Makes the container when it is missing (exists first, so an existing one needs no create right). */
  async function ensureContainer(signal: AbortSignal | undefined): Promise<void> {
    const options = signal === undefined ? {} : { abortSignal: signal };
    try {
      if (!(await container.exists(options))) await container.createIfNotExists(options);
    } catch (error) {
      throw toAzureBlobError(error, "make its container");
    }
  }

  /** The container, made once per store; a failure is tried again by the next call. */
  function containerOnce(): Promise<void> {
    containerReady ??= ensureContainer(undefined).catch((error: unknown) => {
      containerReady = undefined;
      throw error;
    });
    return containerReady;
  }

  const store: BlobStore = {
    async put(key, body, options) {
      assertBlobKey(key);
      const { signal } = options;
      if (signal?.aborted) throw abortReason(signal);
      await containerOnce();
      try {
        await uploadInBlocks(container.getBlockBlobClient(key), body as ReadableStream<Uint8Array>, {
          blockBytes: resolved.uploadBlockBytes,
          blocks: resolved.uploadBlocks,
          commit: { blobHTTPHeaders: { blobContentType: options.contentType } },
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (isContainerNotFound(error)) containerReady = undefined;
        throw toAzureBlobError(error, "store an object");
      }
    },

    async get(key, options = {}) {
      assertBlobKey(key);
      const { range, signal } = options;
      if (range !== undefined) checkByteRange(range);
      const blob = container.getBlobClient(key);
      const count = range?.end === undefined ? undefined : range.end - range.start + 1;
      let response: Awaited<ReturnType<typeof blob.download>>;
      try {
        response = await blob.download(range?.start ?? 0, count, signal === undefined ? {} : { abortSignal: signal });
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        if (isAzureNotFound(error)) throw new ConfideError("blob.not_found", "There is no object at this key.", { cause: error });
        const mapped = toAzureBlobError(error, "read an object");
        if (ConfideError.is(mapped, "blob.range_not_satisfiable")) {
          const info = await store.head(key, signal === undefined ? {} : { signal });
          throw new ConfideError("blob.range_not_satisfiable", mapped.message, {
            cause: error,
            details: { start: range?.start, sizeBytes: info?.sizeBytes },
          });
        }
        throw mapped;
      }
      const contentType = response.contentType ?? defaultContentType;
      const stream = response.readableStreamBody as Readable | undefined;
      const body =
        stream === undefined
          ? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })
          : (Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>);
      const returned = parseContentRange(response.contentRange);
      const sizeBytes = returned?.size ?? response.contentLength ?? 0;
      if (range === undefined) return { body, sizeBytes, contentType };
      // Azure answers 416 for a start past the end; Azurite answers 206 `bytes 1000-999/1000`.
      // `start: 0` without an end is sent as a whole read: an empty object has no byte 0 either.
      if (range.start >= sizeBytes) {
        await body.cancel();
        throw new ConfideError("blob.range_not_satisfiable", "The range starts past the end of the object.", {
          details: { start: range.start, sizeBytes },
        });
      }
      return { body, sizeBytes, contentType, range: returned === undefined ? { start: 0, end: sizeBytes - 1 } : { start: returned.start, end: returned.end } };
    },

    async head(key, options = {}): Promise<BlobInfo | null> {
      assertBlobKey(key);
      try {
        const properties = await container.getBlobClient(key).getProperties(options.signal === undefined ? {} : { abortSignal: options.signal });
        return { sizeBytes: properties.contentLength ?? 0, contentType: properties.contentType ?? defaultContentType };
      } catch (error) {
        if (options.signal?.aborted) throw abortReason(options.signal);
        if (isAzureNotFound(error)) return null;
        throw toAzureBlobError(error, "look up an object");
      }
    },

    async delete(key, options = {}) {
      assertBlobKey(key);
      try {
        await container
          .getBlobClient(key)
          .deleteIfExists({ deleteSnapshots: "include", ...(options.signal === undefined ? {} : { abortSignal: options.signal }) });
      } catch (error) {
        if (options.signal?.aborted) throw abortReason(options.signal);
        // A missing container holds no object either.
        if (isAzureNotFound(error)) return;
        throw toAzureBlobError(error, "delete an object");
      }
    },

    async check(options = {}) {
      // Asks the service every time (the container, made when missing): readiness sees an outage.
      try {
        await ensureContainer(options.signal);
      } catch (error) {
        if (ConfideError.is(error, "dependency.unavailable")) throw error;
        throw new ConfideError("dependency.unavailable", "Azure Blob Storage cannot be reached.", {
          cause: error,
          details: { dependency: "azure-blob" },
        });
      }
      containerReady ??= Promise.resolve();
    },

    async close() {
      // The SDK's HTTP client keeps no connection that needs closing: idle sockets time out.
    },
  };
  if (signer !== undefined) {
    store.signedUrl = async (key, options) => {
      assertBlobKey(key);
      return signer(container.getBlobClient(key).url, key, options);
    };
  }
  return store;
}
