import { silentLogger } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (ConfideError.is(error, "validation.invalid_input")) return error.details?.problems as string[];
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("defaults to the embedded profile with no servers", () => {
    const config = loadConfig({});
    expect(config.profile).toBe("embedded");
    expect(config.adapters).toEqual({
      repository: "pglite",
      storage: "filesystem",
      speech: "pocketsphinx",
      language: "vader",
      queue: "in-process",
      push: "log",
      events: "in-process",
      notes: "embedded",
      risk: "embedded",
      live: "embedded",
      agenda: "embedded",
      diarizer: "embedded",
    });
    expect(config.jwtSecret).toBeUndefined();
    expect(config.port).toBe(8080);
  });

  it("keeps everything unless a retention rule is set, and reads the rules that are", () => {
    expect(loadConfig({}).retention).toEqual({});
    expect(loadConfig({}).retentionSweepIntervalMs).toBe(3600_000);
    const config = loadConfig({ CONFIDE_RETENTION_AUDIO_DAYS: "30", CONFIDE_RETENTION_SESSION_DAYS: "365", CONFIDE_RETENTION_FAILED_DAYS: "7", CONFIDE_RETENTION_SWEEP_INTERVAL_MS: "60000" });
    expect(config.retention).toEqual({ audioAfterFinalizeDays: 30, sessionAfterFinalizeDays: 365, failedAfterDays: 7 });
    expect(config.retentionSweepIntervalMs).toBe(60_000);
  });

  it("refuses retention days that are not whole numbers from 1, and a recording kept longer than its session", () => {
    expect(problemsOf({ CONFIDE_RETENTION_AUDIO_DAYS: "0", CONFIDE_RETENTION_FAILED_DAYS: "1.5" }).map((problem) => problem.split(":")[0])).toEqual([
      "CONFIDE_RETENTION_AUDIO_DAYS",
      "CONFIDE_RETENTION_FAILED_DAYS",
    ]);
    expect(problemsOf({ CONFIDE_RETENTION_AUDIO_DAYS: "400", CONFIDE_RETENTION_SESSION_DAYS: "365" })).toEqual([
      "CONFIDE_RETENTION_AUDIO_DAYS: the recording would outlive its session: audio is kept 400 days, the whole session 365 (set it at most CONFIDE_RETENTION_SESSION_DAYS, or unset it)",
    ]);
    expect(loadConfig({ CONFIDE_RETENTION_AUDIO_DAYS: "365", CONFIDE_RETENTION_SESSION_DAYS: "365" }).retention).toEqual({
      audioAfterFinalizeDays: 365,
      sessionAfterFinalizeDays: 365,
    });
  });

  it("lets one port be overridden on its own", () => {
    const config = loadConfig({ CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "http://127.0.0.1:9000" });
    expect(config.adapters.speech).toBe("whisper");
    expect(config.adapters.repository).toBe("pglite");
  });

  it("lists every problem at once", () => {
    const problems = problemsOf({ CONFIDE_PROFILE: "selfhosted", CONFIDE_PORT: "abc", CONFIDE_MAX_UPLOAD_BYTES: "-1" });
    // The host's own variables, then each chosen adapter's in port order (repository, storage,
    // speech, language, queue, push, events) — a variable two adapters need on one line — then
    // the profile's requirement of a JWT secret.
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "CONFIDE_PORT",
      "CONFIDE_MAX_UPLOAD_BYTES",
      "CONFIDE_DATABASE_URL",
      "CONFIDE_WHISPER_URL",
      "CONFIDE_REDIS_URL",
      "CONFIDE_FCM_SERVICE_ACCOUNT_FILE",
      "CONFIDE_JWT_SECRET",
    ]);
    expect(problems.slice(2)).toEqual([
      "CONFIDE_DATABASE_URL: required by the postgres repository adapter",
      "CONFIDE_WHISPER_URL: required by the whisper speech adapter and the whisper live adapter",
      "CONFIDE_REDIS_URL: required by the bullmq queue adapter and the redis events adapter",
      "CONFIDE_FCM_SERVICE_ACCOUNT_FILE: required by the fcm push adapter",
      "CONFIDE_JWT_SECRET: required outside the embedded profile (at least 32 random characters)",
    ]);
  });

  describe("the azure profile", () => {
    const azure = {
      CONFIDE_PROFILE: "azure",
      CONFIDE_COSMOS_ENDPOINT: "https://clinic.documents.azure.com:443/",
      CONFIDE_AZURE_STORAGE_ACCOUNT_URL: "https://clinic.blob.core.windows.net",
      CONFIDE_AZURE_SPEECH_ENDPOINT: "https://clinic-speech.cognitiveservices.azure.com",
      // The live engine (Speech SDK) signs in with a key and connects by region.
      CONFIDE_AZURE_SPEECH_REGION: "westeurope",
      CONFIDE_AZURE_SPEECH_KEY: "speech-key",
      CONFIDE_AZURE_LANGUAGE_ENDPOINT: "https://clinic-language.cognitiveservices.azure.com",
      CONFIDE_REDIS_URL: "rediss://:key@clinic.redis.cache.windows.net:6380",
      CONFIDE_PUSH: "log",
      CONFIDE_JWT_SECRET: "a".repeat(40),
    };

    it("runs every port on Azure but the queue and events (Redis) and push (FCM)", () => {
      const config = loadConfig(azure);
      expect(config.profile).toBe("azure");
      expect(config.adapters).toEqual({
        repository: "cosmos",
        storage: "azure-blob",
        speech: "azure-speech",
        language: "azure-text-analytics",
        queue: "bullmq",
        push: "log",
        events: "redis",
        notes: "embedded",
        risk: "embedded",
        live: "azure",
        agenda: "embedded",
        diarizer: "none",
      });
      const { CONFIDE_PUSH: _push, ...withProfilePush } = azure;
      expect(problemsOf(withProfilePush)).toEqual(["CONFIDE_FCM_SERVICE_ACCOUNT_FILE: required by the fcm push adapter"]);
    });

    it("names every variable its adapters require, each once", () => {
      expect(problemsOf({ CONFIDE_PROFILE: "azure" }).map((problem) => problem.split(":")[0])).toEqual([
        "CONFIDE_COSMOS_ENDPOINT",
        "CONFIDE_AZURE_STORAGE_CONNECTION_STRING",
        "CONFIDE_AZURE_SPEECH_ENDPOINT",
        "CONFIDE_AZURE_LANGUAGE_ENDPOINT",
        "CONFIDE_REDIS_URL",
        "CONFIDE_FCM_SERVICE_ACCOUNT_FILE",
        "CONFIDE_AZURE_SPEECH_KEY",
        "CONFIDE_AZURE_SPEECH_REGION",
        "CONFIDE_JWT_SECRET",
      ]);
    });

    it("tells a deployment signed in with Entra ID alone how to run without the live engine's key", () => {
      const { CONFIDE_AZURE_SPEECH_KEY: _key, ...entraOnly } = azure;
      expect(problemsOf(entraOnly)).toEqual([expect.stringMatching(/^CONFIDE_AZURE_SPEECH_KEY: .*key only.*CONFIDE_LIVE=none/)]);
      expect(problemsOf({ ...entraOnly, CONFIDE_LIVE: "none" })).toEqual([]);
    });

    it("writes notes with Azure OpenAI once its endpoint is configured, and then asks for the deployment; an explicit CONFIDE_NOTES wins", () => {
      const withOpenAi = { ...azure, CONFIDE_AZURE_OPENAI_ENDPOINT: "https://clinic.openai.azure.com", CONFIDE_AZURE_OPENAI_DEPLOYMENT: "notes-gpt-4o" };
      expect(loadConfig(withOpenAi).adapters.notes).toBe("azure-openai");
      // The API version is the writer's to choose when none is set (a reasoning deployment needs a newer one).
      expect(loadConfig(withOpenAi).adapterSettings.notes).toMatchObject({ deployment: "notes-gpt-4o", reasoningModel: false });
      expect(loadConfig(withOpenAi).adapterSettings.notes).not.toHaveProperty("apiVersion");
      const { CONFIDE_AZURE_OPENAI_DEPLOYMENT: _deployment, ...endpointOnly } = withOpenAi;
      expect(problemsOf(endpointOnly)).toEqual(["CONFIDE_AZURE_OPENAI_DEPLOYMENT: required by the azure-openai notes adapter"]);
      expect(loadConfig({ ...withOpenAi, CONFIDE_NOTES: "embedded" }).adapters.notes).toBe("embedded");
    });

    it("lets one port be switched alone", () => {
      const config = loadConfig({ ...azure, CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "http://127.0.0.1:9000" });
      expect(config.adapters.speech).toBe("whisper");
      expect(config.adapters.repository).toBe("cosmos");
      expect(config.adapters.storage).toBe("azure-blob");
      // The switched-out adapter's variables are not asked for.
      const { CONFIDE_AZURE_SPEECH_ENDPOINT: _speech, ...withoutSpeech } = azure;
      expect(problemsOf({ ...withoutSpeech, CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "http://127.0.0.1:9000" })).toEqual([]);
    });
  });

  it("the aws profile runs on S3, Transcribe, Comprehend, PostgreSQL (RDS), BullMQ, FCM and Redis, and asks for what they require", () => {
    expect(problemsOf({ CONFIDE_PROFILE: "aws" })).toEqual([
      "CONFIDE_DATABASE_URL: required by the postgres repository adapter",
      "CONFIDE_S3_BUCKET: required by the s3 storage adapter",
      "CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: required by the transcribe speech adapter",
      "CONFIDE_REDIS_URL: required by the bullmq queue adapter and the redis events adapter",
      "CONFIDE_FCM_SERVICE_ACCOUNT_FILE: required by the fcm push adapter",
      "CONFIDE_JWT_SECRET: required outside the embedded profile (at least 32 random characters)",
    ]);
    const secrets = mkdtempSync(join(tmpdir(), "confide-aws-profile-"));
    const serviceAccount = join(secrets, "fcm.json");
    writeFileSync(serviceAccount, JSON.stringify({ project_id: "p", client_email: "a@p.iam", private_key: "key" }));
    const config = loadConfig({
      CONFIDE_PROFILE: "aws",
      CONFIDE_DATABASE_URL: "postgres://confide@db.example.eu-central-1.rds.amazonaws.com:5432/confide?sslmode=verify-full",
      CONFIDE_POSTGRES_IAM_AUTH: "true",
      CONFIDE_S3_BUCKET: "recordings",
      CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: "transcripts",
      CONFIDE_REDIS_URL: "rediss://cache.example:6379",
      CONFIDE_FCM_SERVICE_ACCOUNT_FILE: serviceAccount,
      CONFIDE_JWT_SECRET: "x".repeat(40),
    });
    rmSync(secrets, { recursive: true, force: true });
    expect(config.adapters).toEqual({
      repository: "postgres",
      storage: "s3",
      speech: "transcribe",
      language: "comprehend",
      queue: "bullmq",
      push: "fcm",
      events: "redis",
      notes: "embedded",
      risk: "embedded",
      live: "none",
      agenda: "embedded",
      diarizer: "none",
    });
    expect(config.adapterSettings.repository).toMatchObject({
      connectionString: "postgres://confide@db.example.eu-central-1.rds.amazonaws.com:5432/confide?sslmode=verify-full",
      iamAuthentication: true,
    });
  });

  it("each profile's notes default is its own LLM writer once that writer's endpoint or model is configured, else the embedded writer", () => {
    const aws = { CONFIDE_PROFILE: "aws", CONFIDE_QUEUE: "in-process", CONFIDE_EVENTS: "in-process", CONFIDE_PUSH: "log", CONFIDE_REPOSITORY: "pglite", CONFIDE_STORAGE: "filesystem", CONFIDE_SPEECH: "pocketsphinx", CONFIDE_JWT_SECRET: "x".repeat(40) };
    expect(loadConfig(aws).adapters.notes).toBe("embedded");
    expect(loadConfig({ ...aws, CONFIDE_BEDROCK_MODEL_ID: "eu.anthropic.claude-3-7-sonnet-20250219-v1:0" }).adapters.notes).toBe("bedrock");
    const selfhosted = { ...aws, CONFIDE_PROFILE: "selfhosted", CONFIDE_LIVE: "none" };
    expect(loadConfig(selfhosted).adapters.notes).toBe("embedded");
    expect(loadConfig({ ...selfhosted, CONFIDE_OPENAI_NOTES_URL: "http://127.0.0.1:11434/v1", CONFIDE_OPENAI_NOTES_MODEL: "llama3.1" }).adapters.notes).toBe("openai");
    // The embedded profile stays offline: configuring a cloud writer there does not choose it.
    expect(loadConfig({ CONFIDE_BEDROCK_MODEL_ID: "m", CONFIDE_AZURE_OPENAI_ENDPOINT: "https://x.openai.azure.com" }).adapters.notes).toBe("embedded");
  });

  it("checks the settings of the chosen adapters only", () => {
    const variables = { CONFIDE_WHISPER_URL: "not a url", CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS: "soon" };
    expect(problemsOf(variables)).toEqual(['CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS: must be a whole number (got "soon")']);
    expect(problemsOf({ ...variables, CONFIDE_SPEECH: "whisper" })).toEqual(["CONFIDE_WHISPER_URL: must be a URL such as scheme://host:port"]);
  });

  it("hands each chosen adapter what its settings schema read, defaults filled", () => {
    const config = loadConfig({ CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "http://127.0.0.1:9000", CONFIDE_QUEUE: "bullmq", CONFIDE_REDIS_URL: "redis://127.0.0.1:6379" });
    expect(config.adapterSettings.speech).toEqual({
      baseUrl: "http://127.0.0.1:9000",
      model: "whisper-1",
      responseFormat: "verbose_json",
      ffmpegPath: "ffmpeg",
      ffprobePath: "ffprobe",
      timeoutMs: 30 * 60_000,
      checkTimeoutMs: 5_000,
    });
    expect(config.adapterSettings.queue).toEqual({
      url: "redis://127.0.0.1:6379",
      prefix: "confide",
      queueName: "jobs",
      enqueueTimeoutMs: 5_000,
      maxAttempts: 3,
      backoffDelayMs: 1_000,
      retainCompletedCount: 10_000,
      retainCompletedAgeSeconds: 7 * 24 * 3600,
      retainFailedCount: 1_000,
      retainFailedAgeSeconds: 30 * 24 * 3600,
      lockDurationMs: 30_000,
      maxStalledCount: 2,
      closeTimeoutMs: 10_000,
      logger: silentLogger,
    });
    expect(config.adapterSettings.repository).toEqual({});
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("reports a variable the host and an adapter both read once", () => {
    expect(problemsOf({ CONFIDE_QUEUE: "bullmq", CONFIDE_REDIS_URL: "not a url" })).toEqual([
      "CONFIDE_REDIS_URL: must be a URL such as scheme://host:port",
    ]);
    expect(problemsOf({ CONFIDE_QUEUE: "bullmq", CONFIDE_REDIS_URL: "http://127.0.0.1:6379" })).toEqual([
      "CONFIDE_REDIS_URL: A Redis URL (redis:// or rediss://) is required.",
    ]);
  });

  it("refuses unknown profiles and adapters by name", () => {
    expect(problemsOf({ CONFIDE_PROFILE: "gcp" })[0]).toMatch(/^CONFIDE_PROFILE: must be one of embedded, selfhosted, aws, azure/);
    expect(problemsOf({ CONFIDE_QUEUE: "sqs" })[0]).toMatch(/^CONFIDE_QUEUE:/);
  });

  it("requires a long JWT secret when one is given", () => {
    expect(problemsOf({ CONFIDE_JWT_SECRET: "short" })[0]).toMatch(/^CONFIDE_JWT_SECRET: must be at least 32/);
  });

  it("reads a 32-byte data key in base64 or hex, and older keys as a comma-separated list", () => {
    const current = Buffer.alloc(32, 7);
    const older = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    const config = loadConfig({
      CONFIDE_DATA_KEY: current.toString("base64"),
      CONFIDE_DATA_KEYS_PREVIOUS: `${older[0]?.toString("hex")},${older[1]?.toString("base64url")}`,
    });

    // The filesystem blob store's settings, as its descriptor receives them.
    const defaults = { temporaryFileMaxAgeMs: 24 * 3600_000 };
    expect(config.adapterSettings.storage).toEqual({ ...defaults, dataKey: current, previousDataKeys: older });
    expect(loadConfig({ CONFIDE_DATA_KEY: current.toString("hex") }).adapterSettings.storage).toEqual({ ...defaults, dataKey: current });
    expect(loadConfig({}).adapterSettings.storage).toEqual(defaults);
  });

  it("refuses a data key of the wrong length or format without echoing it", () => {
    for (const wrong of [Buffer.alloc(16, 1).toString("base64"), Buffer.alloc(33, 1).toString("hex"), "correct horse battery staple"]) {
      const problems = problemsOf({ CONFIDE_DATA_KEY: wrong });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^CONFIDE_DATA_KEY: must be 32 bytes written as 64 hex digits or as base64/);
      expect(problems[0]).not.toContain(wrong);
    }
    const key = Buffer.alloc(32, 3).toString("base64");
    expect(problemsOf({ CONFIDE_DATA_KEY: key, CONFIDE_DATA_KEYS_PREVIOUS: `${key},short` })[0]).toMatch(
      /^CONFIDE_DATA_KEYS_PREVIOUS: each key must be 32 bytes/,
    );
    expect(problemsOf({ CONFIDE_DATA_KEYS_PREVIOUS: key })).toEqual([
      "CONFIDE_DATA_KEYS_PREVIOUS: needs CONFIDE_DATA_KEY, the key new recordings are encrypted with",
    ]);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ CONFIDE_PORT: "", CONFIDE_PROFILE: "" }).port).toBe(8080);
  });

  it("reads CONFIDE_TRUST_PROXY as a number of proxy hops, true meaning one", () => {
    expect(loadConfig({}).trustProxyHops).toBe(0);
    expect(loadConfig({ CONFIDE_TRUST_PROXY: "true" }).trustProxyHops).toBe(1);
    expect(loadConfig({ CONFIDE_TRUST_PROXY: "false" }).trustProxyHops).toBe(0);
    expect(loadConfig({ CONFIDE_TRUST_PROXY: "2" }).trustProxyHops).toBe(2);
    expect(problemsOf({ CONFIDE_TRUST_PROXY: "sometimes" })).toEqual([
      "CONFIDE_TRUST_PROXY: must be true, false or the number of proxy hops (0-99)",
    ]);
  });

  it("reads the upload quotas, with defaults", () => {
    expect(loadConfig({}).uploadQuota).toEqual({ uploadsPerHour: 60, bytesPerDay: 20 * 1024 ** 3, maxSessionsInProcessing: 10 });
    expect(
      loadConfig({ CONFIDE_UPLOAD_LIMIT_PER_HOUR: "5", CONFIDE_UPLOAD_BYTES_PER_DAY: "1000000", CONFIDE_MAX_SESSIONS_IN_PROCESSING: "2" })
        .uploadQuota,
    ).toEqual({ uploadsPerHour: 5, bytesPerDay: 1_000_000, maxSessionsInProcessing: 2 });
  });

  it("reads the live capacity of the process: unset by default (derived from the cores and the engine), 0 meaning every live session recorded only", () => {
    expect(loadConfig({}).live).toMatchObject({ maxStreams: undefined, finalDelayTargetMs: undefined });
    expect(loadConfig({ CONFIDE_LIVE_MAX_STREAMS: "0", CONFIDE_LIVE_FINAL_DELAY_TARGET_MS: "2500" }).live).toMatchObject({ maxStreams: 0, finalDelayTargetMs: 2_500 });
    expect(problemsOf({ CONFIDE_LIVE_MAX_STREAMS: "-1" })).toEqual([expect.stringMatching(/^CONFIDE_LIVE_MAX_STREAMS: must be at least 0/)]);
  });

  it("reads live suggestions on and reflections off by default; reflections on only when asked, anything else refused", () => {
    expect(loadConfig({}).live).toMatchObject({ suggestions: true, reflections: false });
    expect(loadConfig({ CONFIDE_LIVE_REFLECTIONS: "on" }).live).toMatchObject({ suggestions: true, reflections: true });
    expect(problemsOf({ CONFIDE_LIVE_REFLECTIONS: "yes" })).toEqual([expect.stringMatching(/^CONFIDE_LIVE_REFLECTIONS: /)]);
    expect(loadConfig({}).live.reflectionConsentForms).toEqual(["confide-console-consent-2"]);
    expect(loadConfig({ CONFIDE_LIVE_REFLECTION_CONSENT_FORMS: "clinic-form-7, clinic-form-8" }).live.reflectionConsentForms).toEqual(["clinic-form-7", "clinic-form-8"]);
    expect(problemsOf({ CONFIDE_LIVE_REFLECTION_CONSENT_FORMS: "clinic-form-7,," })).toEqual([expect.stringMatching(/^CONFIDE_LIVE_REFLECTION_CONSENT_FORMS: .*none empty/)]);
  });

  it("reads telemetry off by default, on with an OTLP endpoint, and the standard traces exporter (otlp or none)", () => {
    expect(loadConfig({}).telemetry).toEqual({ traces: false, tracesExporter: "otlp", metrics: undefined });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" }).telemetry).toMatchObject({ traces: true, tracesExporter: "otlp" });
    expect(loadConfig({ CONFIDE_TELEMETRY: "on", OTEL_TRACES_EXPORTER: "none" }).telemetry).toMatchObject({ traces: true, tracesExporter: "none" });
    expect(problemsOf({ CONFIDE_TELEMETRY: "on", OTEL_TRACES_EXPORTER: "zipkin" })).toEqual([expect.stringMatching(/^OTEL_TRACES_EXPORTER: .*otlp.*none/)]);
  });

  it("reads the transcription timeout in milliseconds, 6 hours by default", () => {
    expect(loadConfig({}).transcriptionTimeoutMs).toBe(6 * 3600_000);
    expect(loadConfig({ CONFIDE_TRANSCRIPTION_TIMEOUT: "5400000" }).transcriptionTimeoutMs).toBe(90 * 60_000);
    expect(problemsOf({ CONFIDE_TRANSCRIPTION_TIMEOUT: "90m" })).toEqual(['CONFIDE_TRANSCRIPTION_TIMEOUT: must be a whole number (got "90m")']);
  });

  it("says what is wrong with a value in words, quoting numbers and choices back", () => {
    expect(problemsOf({ CONFIDE_PORT: "abc" })).toEqual(['CONFIDE_PORT: must be a whole number (got "abc")']);
    expect(problemsOf({ CONFIDE_PORT: "99999" })).toEqual(['CONFIDE_PORT: must be at most 65535 (got "99999")']);
    expect(problemsOf({ CONFIDE_WORKER_CONCURRENCY: "1.5" })).toEqual(['CONFIDE_WORKER_CONCURRENCY: must be a whole number (got "1.5")']);
    expect(problemsOf({ CONFIDE_QUEUE: "sqs" })).toEqual(['CONFIDE_QUEUE: must be one of in-process, bullmq (got "sqs")']);
    expect(problemsOf({ CONFIDE_SPEECH: "whisper", CONFIDE_WHISPER_URL: "not a url" })).toEqual([
      "CONFIDE_WHISPER_URL: must be a URL such as scheme://host:port",
    ]);
  });

  it("reports an unknown profile alone, without requirements of a profile it does not know", () => {
    expect(problemsOf({ CONFIDE_PROFILE: "bogus" })).toEqual([
      "CONFIDE_PROFILE: must be one of embedded, selfhosted, aws, azure",
    ]);
  });

  describe("a file named by a variable", () => {
    const folder = mkdtempSync(join(tmpdir(), "confide-config-"));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const file = (name: string, content: string) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    };
    const fcmProblems = (path: string) =>
      problemsOf({ CONFIDE_PUSH: "fcm", CONFIDE_FCM_SERVICE_ACCOUNT_FILE: path, CONFIDE_PORT: "abc" });

    it("names the variable and says what is wrong, with the other problems", () => {
      expect(fcmProblems(file("empty.json", "\n"))).toEqual([
        'CONFIDE_PORT: must be a whole number (got "abc")',
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/empty.json is empty`,
      ]);
      expect(fcmProblems(file("text.json", "not json"))[1]).toMatch(
        new RegExp(`^CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/text.json is not JSON \\(`),
      );
      expect(fcmProblems(file("list.json", "[1]"))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/list.json holds JSON but not an object`,
      );
      expect(fcmProblems(file("partial.json", '{"project_id":"p"}'))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder}/partial.json: The FCM service account lacks client_email or private_key.`,
      );
      expect(fcmProblems(join(folder, "missing.json"))[1]).toBe(
        `CONFIDE_FCM_SERVICE_ACCOUNT_FILE: there is no file ${folder}/missing.json`,
      );
      expect(fcmProblems(folder)[1]).toBe(`CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${folder} is a folder, not a file`);
    });

    it("hands the service account file it checked to the push adapter, which reads it when created", () => {
      const path = file("account.json", JSON.stringify({ project_id: "p", client_email: "a@p.iam", private_key: "key" }));
      const config = loadConfig({ CONFIDE_PUSH: "fcm", CONFIDE_FCM_SERVICE_ACCOUNT_FILE: path });
      expect(config.adapterSettings.push).toEqual({ serviceAccountPath: path, batchSize: 500, dryRun: false, logger: silentLogger });
    });
  });
});
