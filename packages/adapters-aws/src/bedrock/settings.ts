import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();

/** The environment variables of the Amazon Bedrock NoteWriter. Credentials are not among them: the SDK's default chain finds them. */
export const bedrockSettings = z
  .object({
    CONFIDE_BEDROCK_MODEL_ID: z
      .string()
      .trim()
      .min(1)
      .describe(
        "the model id, inference profile id or ARN Converse is called with; the model must support tool use (Anthropic Claude 3 and later, Amazon Nova, Llama 3.1+, Mistral Large), e.g. `eu.anthropic.claude-3-7-sonnet-20250219-v1:0` (setting it makes `bedrock` the aws profile's notes writer)",
      ),
    CONFIDE_BEDROCK_REGION: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Bedrock's region, e.g. `eu-central-1`")
      .meta({ shownDefault: "the SDK's (`AWS_REGION`, the profile)" }),
    CONFIDE_BEDROCK_ENDPOINT: z.url().optional().describe("another Bedrock Runtime endpoint (a VPC endpoint); unset for the region's own"),
    CONFIDE_BEDROCK_TIMEOUT_MS: positiveInteger
      .max(3_600_000)
      .default(120_000)
      .describe("milliseconds one request (one window of the transcript, or its repair) may take; past it the notes fail retryable"),
    CONFIDE_BEDROCK_CONTEXT_TOKENS: positiveInteger
      .min(4096)
      .default(128_000)
      .describe("the model's context window; longer transcripts are sent in overlapping windows that fit it (tokens estimated as characters / 3)"),
    CONFIDE_BEDROCK_MAX_OUTPUT_TOKENS: positiveInteger.min(256).default(4096).describe("tokens kept for each answer (`inferenceConfig.maxTokens`; at most the model's output limit)"),
    CONFIDE_BEDROCK_TEMPERATURE: z.coerce.number().min(0).max(1).default(0.1).describe("sampling temperature; keep it low"),
  })
  .describe("Amazon Bedrock Converse with a forced tool for structured output");

export type BedrockVariables = z.output<typeof bedrockSettings>;
