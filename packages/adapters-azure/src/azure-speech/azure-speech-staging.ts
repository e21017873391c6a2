import { randomUUID } from "node:crypto";
import { ConfideError, type AudioSource, type BlobStore } from "@confide/core/ports";
import { createAzureBlobStore } from "../azure-blob/azure-blob-store.ts";
import type { z } from "zod";
import type { azureSpeechSettings } from "./settings.ts";

/** Staged recordings are `speech-staging/<uuid>` in the staging container (the service reads the format from the bytes). */
const stagedKeyPattern = /^speech-staging\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a key this staging area makes (a ref's staged part is checked before use). */
export function isStagedKey(key: string): boolean {
  return stagedKeyPattern.test(key);
}

export interface SpeechStaging {
  /**
   * Copies the recording into the staging container, streaming it.
   * @returns the blob's key and a signed read URL valid `expiresInSeconds`.
   * @throws the caller's abort reason; ConfideError as `BlobStore.put` and `signedUrl`.
   */
  stage(audio: AudioSource, options: { expiresInSeconds: number; signal: AbortSignal | undefined }): Promise<{ key: string; url: string }>;
  /** Deletes a staged blob; a missing one is no error. @throws ConfideError `dependency.unavailable`. */
  remove(key: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** @throws ConfideError `dependency.unavailable` when the container cannot be used. */
  check(options?: { signal?: AbortSignal }): Promise<void>;
}

/**
 * The staging container for recordings that are not in Azure Blob Storage: the azure-blob
 * store itself (its client, its upload in blocks, its SAS signer) on the staging container.
 * @returns undefined when no staging container is configured (none of `stagingConnectionString`,
 * `stagingAccountUrl` and `stagingClient`).
 * @throws ConfideError `validation.invalid_input` when its credentials cannot sign read URLs
 * (a SAS-only connection string).
 */
export async function createSpeechStaging(settings: z.output<typeof azureSpeechSettings>): Promise<SpeechStaging | undefined> {
  const { stagingConnectionString: connectionString, stagingAccountUrl: accountUrl, stagingClient: client } = settings;
  if (connectionString === undefined && accountUrl === undefined && client === undefined) return undefined;
  const store: BlobStore = await createAzureBlobStore({
    connectionString,
    accountUrl,
    client,
    credential: settings.stagingCredential,
    clientOptions: settings.stagingClientOptions,
    containerName: settings.stagingContainerName,
  });
  const sign = store.signedUrl?.bind(store);
  if (sign === undefined) {
    throw new ConfideError(
      "validation.invalid_input",
      "The speech staging container's credentials cannot sign read URLs: give an account key or an account URL (Entra ID), not a SAS.",
      { details: { setting: "stagingConnectionString" } },
    );
  }
  return {
    async stage(audio, { expiresInSeconds, signal }) {
      const key = `speech-staging/${randomUUID()}`;
      const body = await audio.open(signal);
      try {
        await store.put(key, body, { contentType: audio.contentType, ...(signal === undefined ? {} : { signal }) });
      } catch (error) {
        await body.cancel().catch(() => undefined);
        throw error;
      }
      return { key, url: await sign(key, { expiresInSeconds, access: "read" }) };
    },
    remove: (key, options = {}) => store.delete(key, options),
    check: (options = {}) => store.check(options),
  };
}
