import { z } from "zod";
import { dataKeyFormat, decodeDataKey } from "./data-key.ts";
import { adapterChoices, profiles } from "./profiles.ts";

const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => ["true", "1", "yes"].includes(value));

/** A comma-separated list of data keys; an empty entry or one not in the format is refused, without echoing it. */
const dataKeys = z.string().transform((text, context) => {
  const keys = text.split(",").map(decodeDataKey);
  if (keys.some((key) => key === undefined)) {
    context.addIssue({ code: "custom", message: `each key must be ${dataKeyFormat}, separated by commas` });
    return z.NEVER;
  }
  return keys as Buffer[];
});

/**
 * Every environment variable Confide reads. The README's configuration table lists the same
 * names, defaults and profiles.
 */
export const environmentSchema = z.object({
  CONFIDE_PROFILE: z
    .enum(Object.keys(profiles) as [keyof typeof profiles, ...Array<keyof typeof profiles>], {
      message: `must be one of ${Object.keys(profiles).join(", ")} (the azure and aws adapters are not in this build yet)`,
    })
    .default("embedded"),
  CONFIDE_REPOSITORY: z.enum(adapterChoices.repository).optional(),
  CONFIDE_STORAGE: z.enum(adapterChoices.storage).optional(),
  CONFIDE_SPEECH: z.enum(adapterChoices.speech).optional(),
  CONFIDE_LANGUAGE: z.enum(adapterChoices.language).optional(),
  CONFIDE_QUEUE: z.enum(adapterChoices.queue).optional(),
  CONFIDE_PUSH: z.enum(adapterChoices.push).optional(),
  CONFIDE_HOST: z.string().min(1).default("127.0.0.1"),
  CONFIDE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CONFIDE_DATA_DIR: z.string().min(1).default("./data"),
  CONFIDE_JWT_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  CONFIDE_ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(900),
  CONFIDE_MAX_UPLOAD_BYTES: positiveInt.default(2 * 1024 ** 3),
  /** Encrypts recordings in the filesystem blob store (AES-256-GCM); unset: stored as sent. */
  CONFIDE_DATA_KEY: z.string().transform((text, context) => {
    const key = decodeDataKey(text);
    if (key === undefined) {
      context.addIssue({ code: "custom", message: `must be ${dataKeyFormat}` });
      return z.NEVER;
    }
    return key;
  }).optional(),
  /** Keys of earlier rotations, still needed to read the recordings they encrypted. */
  CONFIDE_DATA_KEYS_PREVIOUS: dataKeys.optional(),
  CONFIDE_DATABASE_URL: z.string().url().optional(),
  CONFIDE_REDIS_URL: z.string().url().optional(),
  CONFIDE_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("confide"),
  CONFIDE_WORKER_CONCURRENCY: positiveInt.default(2),
  /** BullMQ job lock and stalled-job check interval: how soon a dead worker's job runs again. */
  CONFIDE_QUEUE_STALLED_MS: positiveInt.min(1_000).default(30_000),
  CONFIDE_WHISPER_URL: z.string().url().optional(),
  CONFIDE_WHISPER_MODEL: z.string().min(1).default("whisper-1"),
  CONFIDE_WHISPER_API_KEY: z.string().min(1).optional(),
  CONFIDE_FCM_SERVICE_ACCOUNT_FILE: z.string().min(1).optional(),
  CONFIDE_LEASE_MS: positiveInt.default(15 * 60_000),
  /** Milliseconds a provider transcription job may stay pending before the session fails with speech.timeout. */
  CONFIDE_TRANSCRIPTION_TIMEOUT: positiveInt.default(6 * 3600_000),
  CONFIDE_SHUTDOWN_TIMEOUT_MS: positiveInt.default(30_000),
  /**
   * Proxies in front of the API that append to `X-Forwarded-For`: the client address is the
   * entry that many places from the right. `true` means 1 (one proxy), `false` 0 (use the socket).
   */
  CONFIDE_TRUST_PROXY: z
    .string()
    .trim()
    .transform((value, context) => {
      const lowered = value.toLowerCase();
      if (["true", "yes"].includes(lowered)) return 1;
      if (["false", "no"].includes(lowered)) return 0;
      if (/^\d{1,2}$/.test(lowered)) return Number(lowered);
      context.addIssue({ code: "custom", message: "must be true, false or the number of proxy hops (0-99)" });
      return z.NEVER;
    })
    .default(0),
  /** Uploads one therapist may start per hour (every API process together). */
  CONFIDE_UPLOAD_LIMIT_PER_HOUR: positiveInt.default(60),
  /** Bytes one therapist may upload per day (a rolling 24-hour window from their first upload). */
  CONFIDE_UPLOAD_BYTES_PER_DAY: positiveInt.default(20 * 1024 ** 3),
  /** Sessions of one therapist being processed at once (uploaded, queued, transcribing or analyzing). */
  CONFIDE_MAX_SESSIONS_IN_PROCESSING: positiveInt.default(10),
  CONFIDE_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** scrypt cost; lower only for tests and demos. */
  CONFIDE_PASSWORD_COST: positiveInt.refine((n) => (n & (n - 1)) === 0, "must be a power of two").optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
