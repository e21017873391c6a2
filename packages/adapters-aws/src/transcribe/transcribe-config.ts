import { ConfideError, type Logger, invalidSetting, wholeNumberSetting } from "@confide/core/ports";

type StaticCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** Settings of the Amazon Transcribe speech adapter. */
export interface TranscribeSpeechSettings {
  /** Bucket Transcribe writes the transcripts into (it must exist; the service role needs `s3:PutObject` there). */
  outputBucket: string;
  /** Key prefix of the transcripts in `outputBucket`. Default `transcribe-output/`. */
  outputPrefix?: string;
  /** Bucket for copies of recordings Transcribe cannot read where they are stored. Default: `outputBucket`. */
  stagingBucket?: string;
  /** Key prefix of those copies. Default `transcribe-staging/`. */
  stagingPrefix?: string;
  /** Region of Transcribe and of the buckets; default: the SDK's (`AWS_REGION`, the profile). */
  region?: string;
  /** Transcribe's URL; default: Amazon's endpoint for the region. For tests and VPC endpoints. */
  endpoint?: string;
  /** S3's URL (path-style) for the buckets above; default: Amazon S3. For tests. */
  s3Endpoint?: string;
  /** Static credentials for Transcribe (tests); default: the SDK's default provider chain. */
  credentials?: StaticCredentials;
  /** Static credentials for S3 (tests); default: `credentials`, else the default chain. */
  s3Credentials?: StaticCredentials;
  /**
   * A vocabulary filter of profanities created in Transcribe beforehand: used with
   * `profanity: masked | removed`. Unset: profanity is not filtered and the setting is reported.
   */
  vocabularyFilterName?: string;
  /**
   * Vocabulary filters per language (Transcribe language code → filter name): a filter works for
   * its own language only (CreateVocabularyFilter). A language without one is transcribed
   * verbatim, with a warning. `vocabularyFilterName` is added for its own language (asked of
   * Transcribe) unless this names a filter for that language.
   */
  vocabularyFilters?: Readonly<Record<string, string>>;
  /** Start of every job's name (`<prefix><uuid>`): letters, digits, `.`, `_`, `-`, at most 100. Default `confide-`. */
  jobNamePrefix?: string;
  /** `retryAfterMs` of a pending answer: how long to wait before the next poll. Default 15 s. */
  pollIntervalMs?: number;
  /**
   * How long `discard` waits for a running job to end (Transcribe deletes finished jobs only and
   * cannot cancel one). Default 30 s; past it `discard` fails retryably and may be called again.
   */
  discardWaitMs?: number;
  /** Between the reads of such a wait. Default 2 s. */
  discardPollIntervalMs?: number;
  /** Attempts per request, the SDK retrying throttling, 5xx and timeouts. Default 3. */
  maxAttempts?: number;
  /** How long to wait for a connection. Default 5000. */
  connectionTimeoutMs?: number;
  /** How long one request to Transcribe may wait for its answer. Default 30 s. */
  requestTimeoutMs?: number;
  /** Where a copy that could not be deleted after a job ended is reported (`discard` deletes it again). */
  logger?: Logger;
}

export interface ResolvedTranscribeSettings {
  outputBucket: string;
  outputPrefix: string;
  stagingBucket: string;
  stagingPrefix: string;
  region: string | undefined;
  endpoint: string | undefined;
  s3Endpoint: string | undefined;
  credentials: StaticCredentials | undefined;
  s3Credentials: StaticCredentials | undefined;
  vocabularyFilterName: string | undefined;
  vocabularyFilters: ReadonlyMap<string, string>;
  jobNamePrefix: string;
  pollIntervalMs: number;
  discardWaitMs: number;
  discardPollIntervalMs: number;
  maxAttempts: number;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  logger: Logger | undefined;
}

/** S3 bucket names as Transcribe's `OutputBucketName` accepts them. */
const bucketPattern = /^[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9]$/;
/** Characters Transcribe's `OutputKey` accepts; a prefix is also a blob key's folder. */
const prefixPattern = /^([A-Za-z0-9._-]+\/)*$/;
/** Transcribe's vocabulary filter names. */
const filterNamePattern = /^[0-9a-zA-Z._-]{1,200}$/;
/** Transcribe's language codes: `en-US`, `ckb-IQ`. */
const languageCodePattern = /^[a-z]{2,3}-[A-Z]{2}$/;

/** What is wrong with an S3 bucket name, or undefined when Transcribe accepts it. */
export function bucketNameProblem(value: string): string | undefined {
  return bucketPattern.test(value) ? undefined : "must be an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)";
}

/** What is wrong with a key prefix, or undefined when it is folder names Transcribe's OutputKey accepts. */
export function keyPrefixProblem(value: string): string | undefined {
  return prefixPattern.test(withSlash(value)) ? undefined : 'must be folder names of letters, digits, ".", "_" and "-" separated by "/"';
}

/** What is wrong with a vocabulary filter name, or undefined. */
export function filterNameProblem(value: string): string | undefined {
  return filterNamePattern.test(value) ? undefined : 'must be a Transcribe vocabulary filter name (letters, digits, ".", "_", "-")';
}

/**
 * Reads `en-US=profanity-en,de-DE=profanity-de` (commas or whitespace between pairs).
 * @returns what is wrong, or the map.
 */
export function parseVocabularyFilters(value: string): { problem: string } | { filters: Record<string, string> } {
  const filters: Record<string, string> = {};
  for (const pair of value.split(/[\s,]+/).filter((part) => part !== "")) {
    const [language = "", name = "", ...extra] = pair.split("=");
    if (extra.length > 0 || !languageCodePattern.test(language)) return { problem: `"${pair}" is not <language code>=<filter name> (e.g. en-US=profanity-en)` };
    if (filterNameProblem(name) !== undefined) return { problem: `"${name}" ${filterNameProblem(name)}` };
    if (filters[language] !== undefined) return { problem: `${language} is named twice` };
    filters[language] = name;
  }
  return { filters };
}

/** What is wrong with a job name prefix (a job name is the prefix and a 36-character uuid, at most 200). */
function jobNamePrefixProblem(value: string): string | undefined {
  return /^[0-9a-zA-Z._-]{1,100}$/.test(value) ? undefined : 'must be 1–100 letters, digits, ".", "_" or "-"';
}

const withSlash = (value: string) => (value === "" || value.endsWith("/") ? value : `${value}/`);

function checked(setting: string, value: string, problem: (value: string) => string | undefined): string {
  const message = problem(value);
  if (message !== undefined) throw invalidSetting(setting, `${setting} ${message}.`);
  return value;
}

/** A key prefix ending in "/" (added when missing). */
function prefix(setting: string, value: string | undefined, fallback: string): string {
  return value === undefined ? fallback : withSlash(checked(setting, value, keyPrefixProblem));
}

function url(setting: string, value: string | undefined): string | undefined {
  if (value !== undefined && !URL.canParse(value)) throw invalidSetting(setting, `${setting} must be a URL.`);
  return value;
}

/** Fills defaults and checks the settings. @throws ConfideError `validation.invalid_input` naming the setting. */
export function resolveTranscribeSettings(settings: TranscribeSpeechSettings): ResolvedTranscribeSettings {
  if (typeof settings.outputBucket !== "string") throw invalidSetting("outputBucket", "The Transcribe output bucket is required.");
  const outputBucket = checked("outputBucket", settings.outputBucket, bucketNameProblem);
  if (settings.vocabularyFilterName !== undefined) checked("vocabularyFilterName", settings.vocabularyFilterName, filterNameProblem);
  const vocabularyFilters = new Map(Object.entries(settings.vocabularyFilters ?? {}));
  for (const [language, name] of vocabularyFilters) {
    if (!languageCodePattern.test(language)) throw invalidSetting("vocabularyFilters", `vocabularyFilters: ${language} is not a Transcribe language code (e.g. en-US).`);
    checked("vocabularyFilters", name, filterNameProblem);
  }
  return {
    outputBucket,
    outputPrefix: prefix("outputPrefix", settings.outputPrefix, "transcribe-output/"),
    stagingBucket: settings.stagingBucket === undefined ? outputBucket : checked("stagingBucket", settings.stagingBucket, bucketNameProblem),
    stagingPrefix: prefix("stagingPrefix", settings.stagingPrefix, "transcribe-staging/"),
    region: settings.region,
    endpoint: url("endpoint", settings.endpoint),
    s3Endpoint: url("s3Endpoint", settings.s3Endpoint),
    credentials: settings.credentials,
    s3Credentials: settings.s3Credentials ?? settings.credentials,
    vocabularyFilterName: settings.vocabularyFilterName,
    vocabularyFilters,
    jobNamePrefix: settings.jobNamePrefix === undefined ? "confide-" : checked("jobNamePrefix", settings.jobNamePrefix, jobNamePrefixProblem),
    pollIntervalMs: wholeNumberSetting("pollIntervalMs", settings.pollIntervalMs, 15_000, 0, 3_600_000),
    discardWaitMs: wholeNumberSetting("discardWaitMs", settings.discardWaitMs, 30_000, 0, 3_600_000),
    discardPollIntervalMs: wholeNumberSetting("discardPollIntervalMs", settings.discardPollIntervalMs, 2_000, 1, 600_000),
    maxAttempts: wholeNumberSetting("maxAttempts", settings.maxAttempts, 3, 1, 10),
    connectionTimeoutMs: wholeNumberSetting("connectionTimeoutMs", settings.connectionTimeoutMs, 5_000, 1, 600_000),
    requestTimeoutMs: wholeNumberSetting("requestTimeoutMs", settings.requestTimeoutMs, 30_000, 1, 600_000),
    logger: settings.logger,
  };
}
