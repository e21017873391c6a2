import { isPassedObject } from "@confide/core/adapter-kit";
import type { Logger } from "@confide/core/ports";
import { z } from "zod";

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

/** A value `problem` refuses is reported in its words. */
function checkedBy(problem: (value: string) => string | undefined) {
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const message = problem(value);
      if (message !== undefined) context.addIssue({ code: "custom", message });
    });
}

/** A key prefix: folder names, ending in "/" (added when missing). */
const keyPrefix = () => checkedBy(keyPrefixProblem).transform(withSlash);

/** What is wrong with vocabulary filters given as a map (language code → filter name), or undefined. */
function vocabularyFiltersProblem(filters: Readonly<Record<string, string>>): string | undefined {
  for (const [language, name] of Object.entries(filters)) {
    if (!languageCodePattern.test(language)) return `${language} is not a Transcribe language code (e.g. en-US)`;
    const problem = filterNameProblem(name);
    if (problem !== undefined) return `"${name}" ${problem}`;
  }
  return undefined;
}

const staticCredentials = z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() });

/**
 * The settings of the Amazon Transcribe speech adapter: what `createTranscribeSpeechToText`
 * takes and what its environment variables set (each setting's `env`). Credentials are not
 * among the variables: the SDK's default provider chain finds them (role, SSO, profile, environment).
 */
export const transcribeSettings = z
  .object({
    outputBucket: checkedBy(bucketNameProblem)
      .describe(
        "bucket Transcribe writes the transcripts into (it must exist, in Transcribe's region); Confide reads them from there and deletes them when stored",
      )
      .meta({ env: "CONFIDE_TRANSCRIBE_OUTPUT_BUCKET" }),
    outputPrefix: keyPrefix()
      .default("transcribe-output/")
      .describe("key prefix of the transcripts in the output bucket")
      .meta({ env: "CONFIDE_TRANSCRIBE_OUTPUT_PREFIX" }),
    /** Default: `outputBucket`. */
    stagingBucket: checkedBy(bucketNameProblem)
      .optional()
      .describe(
        "bucket for a copy of a recording Transcribe cannot read where it is stored (not in Amazon S3 of Transcribe's region), under `transcribe-staging/`; deleted when the job ends",
      )
      .meta({ env: "CONFIDE_TRANSCRIBE_STAGING_BUCKET", shownDefault: "`CONFIDE_TRANSCRIBE_OUTPUT_BUCKET`" }),
    region: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("region of Transcribe and of the buckets, e.g. `eu-central-1`")
      .meta({ env: "CONFIDE_TRANSCRIBE_REGION", shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    endpoint: z
      .url()
      .optional()
      .describe("Transcribe's URL, for a VPC endpoint or a local fake; unset for Amazon's")
      .meta({ env: "CONFIDE_TRANSCRIBE_ENDPOINT" }),
    s3Endpoint: z
      .url()
      .optional()
      .describe("S3's URL for the output and staging buckets (path-style), for a local stand-in; unset for Amazon S3")
      .meta({ env: "CONFIDE_TRANSCRIBE_S3_ENDPOINT" }),
    /**
     * A vocabulary filter of profanities created in Transcribe beforehand: used with
     * `profanity: masked | removed`. Unset: profanity is not filtered and the setting is reported.
     */
    vocabularyFilterName: checkedBy(filterNameProblem)
      .optional()
      .describe(
        "name of a Transcribe vocabulary filter of profanities, used for its own language (asked of Transcribe) when a session asks for profanity `masked` or `removed`; other languages need `CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS`",
      )
      .meta({ env: "CONFIDE_TRANSCRIBE_VOCABULARY_FILTER" }),
    /**
     * Vocabulary filters per language (Transcribe language code → filter name): a filter works for
     * its own language only (CreateVocabularyFilter). A language without one is transcribed
     * verbatim, with a warning. `vocabularyFilterName` is added for its own language (asked of
     * Transcribe) unless this names a filter for that language. The variable gives them as text.
     */
    vocabularyFilters: z
      .preprocess(
        (value: string | Readonly<Record<string, string>> | undefined, context) => {
          if (typeof value !== "string") return value;
          const text = value.trim();
          if (text === "") return undefined;
          const parsed = parseVocabularyFilters(text);
          if ("problem" in parsed) {
            context.addIssue({ code: "custom", message: parsed.problem });
            return z.NEVER;
          }
          return parsed.filters;
        },
        z
          .record(z.string(), z.string())
          .superRefine((filters, context) => {
            const message = vocabularyFiltersProblem(filters);
            if (message !== undefined) context.addIssue({ code: "custom", message });
          })
          .optional(),
      )
      .optional()
      .describe(
        "vocabulary filters per language, `en-US=profanity-en,de-DE=profanity-de` (a filter works for its own language only); a language without one is transcribed verbatim, and the transcript says so",
      )
      .meta({ env: "CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS" }),
    /** Seconds between polls of a running job: the `retryAfterMs` of a pending answer. */
    pollIntervalSeconds: z.coerce
      .number<number>()
      .int()
      .min(1)
      .max(3600)
      .default(15)
      .describe("seconds between polls of a running job")
      .meta({ env: "CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS" }),
    /**
     * How long `discard` waits for a running job to end (Transcribe deletes finished jobs only and
     * cannot cancel one); past it `discard` fails retryably and may be called again.
     */
    discardWaitSeconds: z.coerce
      .number<number>()
      .int()
      .min(0)
      .max(600)
      .default(30)
      .describe(
        "how long deleting a still-running job waits for it to end (Transcribe cannot cancel a job and deletes only finished ones); past it the job is kept on the session and deleted again when the session is retried or deleted",
      )
      .meta({ env: "CONFIDE_TRANSCRIBE_DISCARD_WAIT_SECONDS" }),
    /** Key prefix of the staged copies in the staging bucket. */
    stagingPrefix: keyPrefix().default("transcribe-staging/"),
    /** Start of every job's name (`<prefix><uuid>`): letters, digits, `.`, `_`, `-`, at most 100. */
    jobNamePrefix: checkedBy(jobNamePrefixProblem).default("confide-"),
    /** Milliseconds between the reads of `discard`'s wait. */
    discardPollIntervalMs: z.number().int().min(1).max(600_000).default(2_000),
    /** Attempts per request, the SDK retrying throttling, 5xx and timeouts. */
    maxAttempts: z.number().int().min(1).max(10).default(3),
    /** Milliseconds to wait for a connection. */
    connectionTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
    /** Milliseconds one request to Transcribe may wait for its answer. */
    requestTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    /** Static credentials for Transcribe (tests); default: the SDK's default provider chain. */
    credentials: staticCredentials.optional(),
    /** Static credentials for S3 (tests); default: `credentials`, else the SDK's default provider chain. */
    s3Credentials: staticCredentials.optional(),
    /** Where a copy that could not be deleted after a job ended is reported (`discard` deletes it again). */
    logger: z.custom<Logger>(isPassedObject).optional(),
  })
  .describe("Amazon Transcribe batch jobs");

/** What code creating the adapter passes (defaults may be left out). */
export type TranscribeSettings = z.input<typeof transcribeSettings>;
/** The settings as the adapter's parts use them: checked, defaults filled. */
export type CheckedTranscribeSettings = z.output<typeof transcribeSettings>;
