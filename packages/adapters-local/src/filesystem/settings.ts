import { z } from "zod";
import { dataKeyBytes, dataKeyFormat, decodeDataKey } from "./data-key.ts";

/** A data key's 32 bytes as code gives them, or as its variable writes them (refused without echoing it). */
const dataKey = z
  .custom<string | Uint8Array>((value) => typeof value === "string" || value instanceof Uint8Array)
  .transform((value, context): Uint8Array => {
    if (value instanceof Uint8Array) {
      if (value.byteLength === dataKeyBytes) return value;
      context.addIssue({ code: "custom", message: `A data key is ${dataKeyBytes} bytes; this one has ${value.byteLength}.` });
      return z.NEVER;
    }
    const key = decodeDataKey(value);
    if (key === undefined) {
      context.addIssue({ code: "custom", message: `must be ${dataKeyFormat}` });
      return z.NEVER;
    }
    return key;
  });

/** Earlier data keys as code gives them, or as their variable writes them: separated by commas. Refused without echoing them. */
const dataKeys = z
  .custom<string | readonly Uint8Array[]>(
    (value) => typeof value === "string" || (Array.isArray(value) && value.every((key) => key instanceof Uint8Array)),
  )
  .transform((value, context): Uint8Array[] => {
    if (typeof value !== "string") {
      const wrong = value.find((key) => key.byteLength !== dataKeyBytes);
      if (wrong === undefined) return [...value];
      context.addIssue({ code: "custom", message: `A data key is ${dataKeyBytes} bytes; this one has ${wrong.byteLength}.` });
      return z.NEVER;
    }
    const keys = value.split(",").map(decodeDataKey);
    if (keys.some((key) => key === undefined)) {
      context.addIssue({ code: "custom", message: `each key must be ${dataKeyFormat}, separated by commas` });
      return z.NEVER;
    }
    return keys as Buffer[];
  });

/**
 * The settings of the filesystem blob store: what `createFilesystemBlobStore` takes and what its
 * environment variables set (each setting's `env`): encryption at rest of the recordings.
 */
export const filesystemSettings = z
  .object({
    /**
     * Folder holding the objects, created when missing; the store needs it (the host gives
     * `<data dir>/blobs`, so no variable sets it).
     */
    root: z
      .string()
      .refine((root) => root.trim() !== "", "The blob storage folder (root) is required.")
      .optional(),
    /**
     * Temporary files older than this are left over by a process that died mid-upload; the
     * first write of a store removes them.
     */
    temporaryFileMaxAgeMs: z.number().default(24 * 3600_000),
    /**
     * Encryption at rest: new objects are encrypted with this key (32 bytes; AES-256-GCM in
     * chunks, see blob-encryption.ts), and objects encrypted with it or one of
     * `previousDataKeys` are read. Objects stored before encryption was turned on stay readable
     * as they are. Unset: objects are stored as sent, and reading an encrypted one fails with
     * `dependency.unavailable` (reason `unknown_data_key`).
     */
    dataKey: dataKey
      .optional()
      .describe(
        "encrypts new recordings at rest: 32 random bytes as base64 or 64 hex digits, e.g. `openssl rand -base64 32` (see docs/operations/data-at-rest.md)",
      )
      .meta({ env: "CONFIDE_DATA_KEY", shownDefault: "— (recordings stored as sent)" }),
    /** Earlier data keys, still needed to read the objects they encrypted; needs `dataKey`. */
    previousDataKeys: dataKeys
      .optional()
      .describe(
        "comma-separated earlier data keys (same format), still needed to read the recordings they encrypted; needs `CONFIDE_DATA_KEY`",
      )
      .meta({ env: "CONFIDE_DATA_KEYS_PREVIOUS" }),
    /** Plaintext bytes per encrypted chunk; default 64 KiB. */
    chunkBytes: z.number().optional(),
  })
  .superRefine((settings, context) => {
    if (settings.previousDataKeys !== undefined && settings.dataKey === undefined) {
      context.addIssue({
        code: "custom",
        path: ["previousDataKeys"],
        message: "needs CONFIDE_DATA_KEY, the key new recordings are encrypted with",
      });
    }
  })
  .describe("files under `<data dir>/blobs`");

/** What code creating the store passes (defaults may be left out). */
export type FilesystemSettings = z.input<typeof filesystemSettings>;
