import { z } from "zod";
import { bucketNameProblem, filterNameProblem, keyPrefixProblem, parseVocabularyFilters } from "./transcribe-config.ts";

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

/** The environment variables of the Amazon Transcribe speech adapter. Credentials are not among them: the SDK's default chain finds them. */
export const transcribeSettings = z
  .object({
    CONFIDE_TRANSCRIBE_OUTPUT_BUCKET: checkedBy(bucketNameProblem).describe(
      "bucket Transcribe writes the transcripts into (it must exist, in Transcribe's region); Confide reads them from there and deletes them when stored",
    ),
    CONFIDE_TRANSCRIBE_OUTPUT_PREFIX: checkedBy(keyPrefixProblem).default("transcribe-output/").describe("key prefix of the transcripts in the output bucket"),
    CONFIDE_TRANSCRIBE_STAGING_BUCKET: checkedBy(bucketNameProblem)
      .optional()
      .describe(
        "bucket for a copy of a recording Transcribe cannot read where it is stored (not in Amazon S3 of Transcribe's region), under `transcribe-staging/`; deleted when the job ends",
      )
      .meta({ shownDefault: "`CONFIDE_TRANSCRIBE_OUTPUT_BUCKET`" }),
    CONFIDE_TRANSCRIBE_REGION: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("region of Transcribe and of the buckets, e.g. `eu-central-1`")
      .meta({ shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    CONFIDE_TRANSCRIBE_ENDPOINT: z.url().optional().describe("Transcribe's URL, for a VPC endpoint or a local fake; unset for Amazon's"),
    CONFIDE_TRANSCRIBE_S3_ENDPOINT: z
      .url()
      .optional()
      .describe("S3's URL for the output and staging buckets (path-style), for a local stand-in; unset for Amazon S3"),
    CONFIDE_TRANSCRIBE_VOCABULARY_FILTER: checkedBy(filterNameProblem)
      .optional()
      .describe(
        "name of a Transcribe vocabulary filter of profanities, used for its own language (asked of Transcribe) when a session asks for profanity `masked` or `removed`; other languages need `CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS`",
      ),
    CONFIDE_TRANSCRIBE_VOCABULARY_FILTERS: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (value === undefined || value === "") return undefined;
        const parsed = parseVocabularyFilters(value);
        if ("problem" in parsed) {
          context.addIssue({ code: "custom", message: parsed.problem });
          return z.NEVER;
        }
        return parsed.filters;
      })
      .describe(
        "vocabulary filters per language, `en-US=profanity-en,de-DE=profanity-de` (a filter works for its own language only); a language without one is transcribed verbatim, and the transcript says so",
      ),
    CONFIDE_TRANSCRIBE_POLL_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(15)
      .describe("seconds between polls of a running job"),
    CONFIDE_TRANSCRIBE_DISCARD_WAIT_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(600)
      .default(30)
      .describe(
        "how long deleting a still-running job waits for it to end (Transcribe cannot cancel a job and deletes only finished ones); past it the job is kept on the session and deleted again when the session is retried or deleted",
      ),
  })
  .describe("Amazon Transcribe batch jobs");

export type TranscribeVariables = z.output<typeof transcribeSettings>;
