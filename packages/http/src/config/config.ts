import { defaultModelsDirectory } from "@confide/adapters-local/models";
import { type RetentionPolicy, retentionPolicyProblems } from "@confide/core";
import { type AdapterPort, ConfideError } from "@confide/core/ports";
import { adapterPorts, findAdapter } from "../composition/adapter-registry.ts";
import { settingsFromEnvironment, type VariableProblem } from "./adapter-variables.ts";
import { configIssueMessages } from "./config-messages.ts";
import { choiceVariable, environmentSchema, type Environment } from "./config-schema.ts";
import { profileDefault, profiles, type ProfileName } from "./profiles.ts";

export interface ConfideConfig {
  profile: ProfileName;
  /** The adapter chosen for each port, by its name in the adapter registry. */
  adapters: Record<AdapterPort, string>;
  /** What each chosen adapter's settings schema parsed from the environment; handed to its `create`. */
  adapterSettings: Record<AdapterPort, unknown>;
  host: string;
  port: number;
  dataDir: string;
  /** Absent only in the embedded profile, where the host generates and keeps one. */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  maxUploadBytes: number;
  /** With it, the API's sign-in and upload limits are kept in this Redis, under `<queuePrefix>:limits`. */
  redisUrl: string | undefined;
  queuePrefix: string;
  workerConcurrency: number;
  leaseMs: number;
  transcriptionTimeoutMs: number;
  /** The retention rules set (each unset: kept forever). */
  retention: RetentionPolicy;
  retentionSweepIntervalMs: number;
  shutdownTimeoutMs: number;
  /** Proxy hops trusted in `X-Forwarded-For` (0: the socket's address). */
  trustProxyHops: number;
  uploadQuota: { uploadsPerHour: number; bytesPerDay: number; maxSessionsInProcessing: number };
  /** How long a resumable upload is kept without progress (`CONFIDE_UPLOAD_EXPIRY_HOURS`). */
  uploadExpiryMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** The learned models' folder (`CONFIDE_MODELS_DIR`, default `<dataDir>/models`) and where `confide models install` reads them (`CONFIDE_MODELS_SOURCE`; undefined: upstream). */
  models: { directory: string; source: string | undefined };
  /** OpenTelemetry (`CONFIDE_TELEMETRY`, `CONFIDE_METRICS_*`; the exporter reads the `OTEL_*` variables itself). */
  telemetry: {
    /** Traces made (sampled by `OTEL_TRACES_SAMPLER_ARG`), and exported as `tracesExporter` says. */
    traces: boolean;
    /** `OTEL_TRACES_EXPORTER`: `otlp` over OTLP/HTTP (to `OTEL_EXPORTER_OTLP_ENDPOINT`), or `none` (made, then dropped). */
    tracesExporter: "otlp" | "none";
    /** The Prometheus endpoint, or undefined for none. */
    metrics: { host: string; port: number } | undefined;
  };
  passwordCost: number | undefined;
  live: {
    maxSessions: number;
    /** Live streams of this process (`CONFIDE_LIVE_MAX_STREAMS`); undefined: derived from the cores and the engine. */
    maxStreams: number | undefined;
    /** Undefined: the engine's own target. */
    finalDelayTargetMs: number | undefined;
    maxFrameBytes: number;
    maxDurationMs: number;
    idleTimeoutMs: number;
    resumeWindowMs: number;
    /** Suggestions to the therapist during a live session (`CONFIDE_LIVE_SUGGESTIONS`). */
    suggestions: boolean;
    /** Suggested reflections among them (`CONFIDE_LIVE_REFLECTIONS`). */
    reflections: boolean;
    /** The consent forms that tell of reflections (`CONFIDE_LIVE_REFLECTION_CONSENT_FORMS`). */
    reflectionConsentForms: string[];
  };
}

/**
 * Reads the configuration from environment variables: the host's own, the adapter chosen for
 * each port (its variable, else the profile's default), and the settings of the chosen
 * adapters only, each checked by its descriptor's schema. Every problem is collected, so one
 * start-up attempt shows all of them.
 * @throws ConfideError `validation.invalid_input` with `details.problems` (one line each).
 */
export function loadConfig(env: Record<string, string | undefined>): ConfideConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  // A variable several schemas read (CONFIDE_REDIS_URL) is reported on one line, in the order first met.
  const byVariable = new Map<string, string[]>();
  const report = (problems: ReadonlyArray<VariableProblem>) => {
    for (const { variable, message } of problems) {
      const messages = byVariable.get(variable) ?? [];
      if (!messages.includes(message)) messages.push(message);
      byVariable.set(variable, messages);
    }
  };
  const parsed = environmentSchema.safeParse(present, { error: configIssueMessages(present, "Confide") });
  if (!parsed.success) report(parsed.error.issues.map((issue) => ({ variable: issue.path.join("."), message: issue.message })));
  const profile = (present.CONFIDE_PROFILE ?? "embedded") as ProfileName;
  // An unknown profile is reported above; its defaults are unknown, so only the adapters
  // chosen by their own variable are checked.
  const knownProfile = Object.hasOwn(profiles, profile);
  const adapters = {} as Record<AdapterPort, string>;
  const adapterSettings = {} as Record<AdapterPort, unknown>;
  for (const port of adapterPorts) {
    const chosen = present[choiceVariable(port)];
    const name = chosen ?? profileDefault(profiles[knownProfile ? profile : "embedded"][port], present);
    adapters[port] = name;
    const adapter = findAdapter(port, name);
    // An unknown name is reported above, by the choice variable's schema.
    if (adapter === undefined || (!knownProfile && chosen === undefined)) continue;
    const settings = settingsFromEnvironment(adapter.settings, present, `the ${adapter.name} ${port} adapter`);
    if (settings.success) adapterSettings[port] = settings.data;
    else report(settings.problems);
  }
  const problems = [...byVariable].map(([variable, messages]) => `${variable}: ${joinMessages(messages)}`);
  if (knownProfile && profile !== "embedded" && present.CONFIDE_JWT_SECRET === undefined) {
    problems.push("CONFIDE_JWT_SECRET: required outside the embedded profile (at least 32 random characters)");
  }
  if (parsed.success) {
    for (const problem of retentionPolicyProblems(retentionOf(parsed.data))) {
      problems.push(`CONFIDE_RETENTION_AUDIO_DAYS: ${problem} (set it at most CONFIDE_RETENTION_SESSION_DAYS, or unset it)`);
    }
  }
  if (!parsed.success || problems.length > 0) throw configError(problems);
  const e = parsed.data;
  return {
    profile: e.CONFIDE_PROFILE,
    adapters,
    adapterSettings,
    host: e.CONFIDE_HOST,
    port: e.CONFIDE_PORT,
    dataDir: e.CONFIDE_DATA_DIR,
    jwtSecret: e.CONFIDE_JWT_SECRET,
    accessTokenTtlSeconds: e.CONFIDE_ACCESS_TOKEN_TTL_SECONDS,
    maxUploadBytes: e.CONFIDE_MAX_UPLOAD_BYTES,
    redisUrl: e.CONFIDE_REDIS_URL,
    queuePrefix: e.CONFIDE_QUEUE_PREFIX,
    workerConcurrency: e.CONFIDE_WORKER_CONCURRENCY,
    leaseMs: e.CONFIDE_LEASE_MS,
    transcriptionTimeoutMs: e.CONFIDE_TRANSCRIPTION_TIMEOUT,
    retention: retentionOf(e),
    retentionSweepIntervalMs: e.CONFIDE_RETENTION_SWEEP_INTERVAL_MS,
    shutdownTimeoutMs: e.CONFIDE_SHUTDOWN_TIMEOUT_MS,
    trustProxyHops: e.CONFIDE_TRUST_PROXY,
    uploadExpiryMs: e.CONFIDE_UPLOAD_EXPIRY_HOURS * 3600 * 1000,
    uploadQuota: {
      uploadsPerHour: e.CONFIDE_UPLOAD_LIMIT_PER_HOUR,
      bytesPerDay: e.CONFIDE_UPLOAD_BYTES_PER_DAY,
      maxSessionsInProcessing: e.CONFIDE_MAX_SESSIONS_IN_PROCESSING,
    },
    logLevel: e.CONFIDE_LOG_LEVEL,
    models: { directory: e.CONFIDE_MODELS_DIR ?? defaultModelsDirectory(e.CONFIDE_DATA_DIR), source: e.CONFIDE_MODELS_SOURCE },
    telemetry: {
      traces: e.CONFIDE_TELEMETRY === "on" || (e.CONFIDE_TELEMETRY === undefined && present.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined),
      tracesExporter: e.OTEL_TRACES_EXPORTER,
      metrics:
        e.CONFIDE_METRICS_PORT !== undefined && e.CONFIDE_TELEMETRY !== "off" ? { host: e.CONFIDE_METRICS_HOST, port: e.CONFIDE_METRICS_PORT } : undefined,
    },
    passwordCost: e.CONFIDE_PASSWORD_COST,
    live: {
      maxSessions: e.CONFIDE_LIVE_MAX_SESSIONS,
      maxStreams: e.CONFIDE_LIVE_MAX_STREAMS,
      finalDelayTargetMs: e.CONFIDE_LIVE_FINAL_DELAY_TARGET_MS,
      maxFrameBytes: e.CONFIDE_LIVE_MAX_FRAME_BYTES,
      maxDurationMs: e.CONFIDE_LIVE_MAX_DURATION_MS,
      idleTimeoutMs: e.CONFIDE_LIVE_IDLE_TIMEOUT_MS,
      resumeWindowMs: e.CONFIDE_LIVE_RESUME_WINDOW_MS,
      suggestions: e.CONFIDE_LIVE_SUGGESTIONS === "on",
      reflections: e.CONFIDE_LIVE_REFLECTIONS === "on",
      reflectionConsentForms: e.CONFIDE_LIVE_REFLECTION_CONSENT_FORMS,
    },
  };
}

/** The rules the environment sets, and only those. */
function retentionOf(e: Pick<Environment, "CONFIDE_RETENTION_AUDIO_DAYS" | "CONFIDE_RETENTION_SESSION_DAYS" | "CONFIDE_RETENTION_FAILED_DAYS">): RetentionPolicy {
  return {
    ...(e.CONFIDE_RETENTION_AUDIO_DAYS === undefined ? {} : { audioAfterFinalizeDays: e.CONFIDE_RETENTION_AUDIO_DAYS }),
    ...(e.CONFIDE_RETENTION_SESSION_DAYS === undefined ? {} : { sessionAfterFinalizeDays: e.CONFIDE_RETENTION_SESSION_DAYS }),
    ...(e.CONFIDE_RETENTION_FAILED_DAYS === undefined ? {} : { failedAfterDays: e.CONFIDE_RETENTION_FAILED_DAYS }),
  };
}

/** "required by A" and "required by B" read "required by A and B"; other messages are listed with "; ". */
function joinMessages(messages: string[]): string {
  const requiredBy = "required by ";
  if (messages.length > 1 && messages.every((message) => message.startsWith(requiredBy))) {
    const names = messages.map((message) => message.slice(requiredBy.length));
    return `${requiredBy}${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  }
  return messages.join("; ");
}

function configError(problems: string[]): ConfideError {
  return new ConfideError("validation.invalid_input", `Confide cannot start; fix the configuration:\n  ${problems.join("\n  ")}`, {
    details: { problems },
  });
}
