import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { z } from "zod";

const positiveInteger = z.coerce.number<number>().int().positive();

/**
 * The settings of the Amazon Bedrock NoteWriter: what `createBedrockNoteWriter` takes and what
 * its environment variables set (each setting's `env`). Credentials are not among the
 * variables: the SDK's default provider chain finds them (role, SSO, profile, environment).
 */
export const bedrockSettings = z
  .object({
    modelId: z
      .string()
      .trim()
      .min(1)
      .describe(
        "the model id, inference profile id or ARN Converse is called with; the model must support tool use (Anthropic Claude 3 and later, Amazon Nova, Llama 3.1+, Mistral Large), e.g. `eu.anthropic.claude-3-7-sonnet-20250219-v1:0` (setting it makes `bedrock` the aws profile's notes writer)",
      )
      .meta({ env: "CONFIDE_BEDROCK_MODEL_ID" }),
    region: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Bedrock's region, e.g. `eu-central-1`")
      .meta({ env: "CONFIDE_BEDROCK_REGION", shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    endpoint: z
      .url()
      .optional()
      .describe("another Bedrock Runtime endpoint (a VPC endpoint); unset for the region's own")
      .meta({ env: "CONFIDE_BEDROCK_ENDPOINT" }),
    timeoutMs: positiveInteger
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable")
      .meta({ env: "CONFIDE_BEDROCK_TIMEOUT_MS" }),
    contextTokens: positiveInteger
      .min(4096)
      .max(10_000_000)
      .default(128_000)
      .describe("the model's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)")
      .meta({ env: "CONFIDE_BEDROCK_CONTEXT_TOKENS" }),
    maxOutputTokens: positiveInteger
      .min(256)
      .max(1_000_000)
      .default(4096)
      .describe("tokens kept for each answer (`inferenceConfig.maxTokens`; at most the model's output limit)")
      .meta({ env: "CONFIDE_BEDROCK_MAX_OUTPUT_TOKENS" }),
    temperature: z.coerce
      .number<number>()
      .min(0)
      .max(1)
      .default(0.1)
      .describe("sampling temperature; keep it low")
      .meta({ env: "CONFIDE_BEDROCK_TEMPERATURE" }),
    /** Longest wait of `check()` in milliseconds. */
    checkTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
    /** Static credentials (tests); default: the SDK's default provider chain. */
    credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
    /** A ready client (tests); region, endpoint and credentials are then its own. */
    client: z.custom<BedrockRuntimeClient>((value) => typeof value === "object" && value !== null).optional(),
  })
  .describe("Amazon Bedrock Converse with a forced tool for structured output");

/** What code creating the writer passes (defaults may be left out). */
export type BedrockSettings = z.input<typeof bedrockSettings>;
