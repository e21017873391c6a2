import { resolveFcmSettings } from "@confide/adapters-local";
import { ConfideError } from "@confide/core";
import { configIssueMessages } from "./config-messages.ts";
import { environmentSchema } from "./config-schema.ts";
import { readJsonFileSetting } from "./json-file-setting.ts";
import { profiles, type ProfileName } from "./profiles.ts";

export interface ConfideConfig {
  profile: ProfileName;
  adapters: {
    repository: "pglite" | "postgres";
    storage: "filesystem";
    speech: "pocketsphinx" | "whisper";
    language: "vader";
    queue: "in-process" | "bullmq";
    push: "log" | "fcm";
  };
  host: string;
  port: number;
  dataDir: string;
  /** Absent only in the embedded profile, where the host generates and keeps one. */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  maxUploadBytes: number;
  /**
   * Encryption at rest of the filesystem blob store: `current` encrypts new recordings, all of
   * them decrypt. Undefined: recordings are stored as sent.
   */
  dataKeys: { current: Buffer; previous: Buffer[] } | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  queuePrefix: string;
  queueStalledMs: number;
  workerConcurrency: number;
  whisper: { url: string | undefined; model: string; apiKey: string | undefined };
  /** The service account JSON read from CONFIDE_FCM_SERVICE_ACCOUNT_FILE (fcm push only). */
  fcmServiceAccount: Record<string, unknown> | undefined;
  leaseMs: number;
  transcriptionTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** Proxy hops trusted in `X-Forwarded-For` (0: the socket's address). */
  trustProxyHops: number;
  uploadQuota: { uploadsPerHour: number; bytesPerDay: number; maxSessionsInProcessing: number };
  logLevel: "debug" | "info" | "warn" | "error";
  passwordCost: number | undefined;
}

/**
 * Reads the configuration from environment variables. Every problem is collected, so one
 * start-up attempt shows all of them.
 * @throws ConfideError `validation.invalid_input` with `details.problems` (one line each).
 */
export function loadConfig(env: Record<string, string | undefined>): ConfideConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = environmentSchema.safeParse(present, { error: configIssueMessages(present) });
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // Settings required by the chosen adapters are checked even when other values are wrong,
  // so one attempt lists every problem.
  const profile = (present.CONFIDE_PROFILE ?? "embedded") as ProfileName;
  // An unknown profile is reported above; its own requirements are unknown, so none are added.
  const knownProfile = Object.hasOwn(profiles, profile);
  const defaults = knownProfile ? profiles[profile] : profiles.embedded;
  const choose = <K extends keyof typeof defaults>(port: K, variable: string) =>
    (present[variable] ?? defaults[port]) as (typeof defaults)[K] | string;
  const adapters = {
    repository: choose("repository", "CONFIDE_REPOSITORY"),
    storage: choose("storage", "CONFIDE_STORAGE"),
    speech: choose("speech", "CONFIDE_SPEECH"),
    language: choose("language", "CONFIDE_LANGUAGE"),
    queue: choose("queue", "CONFIDE_QUEUE"),
    push: choose("push", "CONFIDE_PUSH"),
  };
  const need = (condition: boolean, problem: string) => condition || problems.push(problem);
  need(adapters.repository !== "postgres" || !!present.CONFIDE_DATABASE_URL, "CONFIDE_DATABASE_URL: required by the postgres repository");
  need(adapters.queue !== "bullmq" || !!present.CONFIDE_REDIS_URL, "CONFIDE_REDIS_URL: required by the bullmq queue");
  need(adapters.speech !== "whisper" || !!present.CONFIDE_WHISPER_URL, "CONFIDE_WHISPER_URL: required by the whisper speech adapter");
  need(adapters.push !== "fcm" || !!present.CONFIDE_FCM_SERVICE_ACCOUNT_FILE, "CONFIDE_FCM_SERVICE_ACCOUNT_FILE: required by the fcm push adapter");
  need(
    !present.CONFIDE_DATA_KEYS_PREVIOUS || !!present.CONFIDE_DATA_KEY,
    "CONFIDE_DATA_KEYS_PREVIOUS: needs CONFIDE_DATA_KEY, the key new recordings are encrypted with",
  );
  need(
    !knownProfile || profile === "embedded" || !!present.CONFIDE_JWT_SECRET,
    "CONFIDE_JWT_SECRET: required outside the embedded profile (at least 32 random characters)",
  );
  const fcmServiceAccount =
    adapters.push === "fcm" && present.CONFIDE_FCM_SERVICE_ACCOUNT_FILE
      ? fcmServiceAccountFrom(present.CONFIDE_FCM_SERVICE_ACCOUNT_FILE, problems)
      : undefined;
  if (!parsed.success || problems.length > 0) throw configError(problems);
  const e = parsed.data;
  return {
    profile: e.CONFIDE_PROFILE,
    adapters: adapters as ConfideConfig["adapters"],
    host: e.CONFIDE_HOST,
    port: e.CONFIDE_PORT,
    dataDir: e.CONFIDE_DATA_DIR,
    jwtSecret: e.CONFIDE_JWT_SECRET,
    accessTokenTtlSeconds: e.CONFIDE_ACCESS_TOKEN_TTL_SECONDS,
    maxUploadBytes: e.CONFIDE_MAX_UPLOAD_BYTES,
    dataKeys: e.CONFIDE_DATA_KEY === undefined ? undefined : { current: e.CONFIDE_DATA_KEY, previous: e.CONFIDE_DATA_KEYS_PREVIOUS ?? [] },
    databaseUrl: e.CONFIDE_DATABASE_URL,
    redisUrl: e.CONFIDE_REDIS_URL,
    queuePrefix: e.CONFIDE_QUEUE_PREFIX,
    queueStalledMs: e.CONFIDE_QUEUE_STALLED_MS,
    workerConcurrency: e.CONFIDE_WORKER_CONCURRENCY,
    whisper: { url: e.CONFIDE_WHISPER_URL, model: e.CONFIDE_WHISPER_MODEL, apiKey: e.CONFIDE_WHISPER_API_KEY },
    fcmServiceAccount,
    leaseMs: e.CONFIDE_LEASE_MS,
    transcriptionTimeoutMs: e.CONFIDE_TRANSCRIPTION_TIMEOUT,
    shutdownTimeoutMs: e.CONFIDE_SHUTDOWN_TIMEOUT_MS,
    trustProxyHops: e.CONFIDE_TRUST_PROXY,
    uploadQuota: {
      uploadsPerHour: e.CONFIDE_UPLOAD_LIMIT_PER_HOUR,
      bytesPerDay: e.CONFIDE_UPLOAD_BYTES_PER_DAY,
      maxSessionsInProcessing: e.CONFIDE_MAX_SESSIONS_IN_PROCESSING,
    },
    logLevel: e.CONFIDE_LOG_LEVEL,
    passwordCost: e.CONFIDE_PASSWORD_COST,
  };
}

/** The service account in the file, checked as the FCM adapter will; a problem is added to `problems`. */
function fcmServiceAccountFrom(path: string, problems: string[]): Record<string, unknown> | undefined {
  const file = readJsonFileSetting(path);
  if (file.problem !== undefined) {
    problems.push(`CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${file.problem}`);
    return undefined;
  }
  try {
    resolveFcmSettings({ serviceAccount: file.value });
    return file.value;
  } catch (error) {
    if (!ConfideError.is(error)) throw error;
    problems.push(`CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${path}: ${error.message}`);
    return undefined;
  }
}

function configError(problems: string[]): ConfideError {
  return new ConfideError("validation.invalid_input", `Confide cannot start; fix the configuration:\n  ${problems.join("\n  ")}`, {
    details: { problems },
  });
}
