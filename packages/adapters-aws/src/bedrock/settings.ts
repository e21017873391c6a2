import { isPassedObject } from "@confide/core/adapter-kit";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { z } from "zod";
import { toolChoices } from "./bedrock-tool-choice.ts";

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
        "the model id, inference profile id or ARN Converse is called with; known families (tested against the fake Bedrock Runtime): Anthropic Claude 3 and later and Amazon Nova (asked for the notes' tool by name), Mistral Large (any tool), Meta Llama 3.1 and later (auto, the answer checked); any other is refused at start-up unless `CONFIDE_BEDROCK_TOOL_CHOICE` is set; e.g. `eu.anthropic.claude-3-7-sonnet-20250219-v1:0` (setting it makes `bedrock` the aws profile's notes writer)",
      )
      .meta({ env: "CONFIDE_BEDROCK_MODEL_ID" }),
    toolChoice: z
      .enum(toolChoices)
      .optional()
      .describe(
        "how the notes' tool is asked (`tool`: by name, Claude 3+ and Nova only; `any`: some tool, also Mistral Large; `auto`: the model decides, its text answer checked like any other); unset, by the model's family",
      )
      .meta({ env: "CONFIDE_BEDROCK_TOOL_CHOICE", shownDefault: "by the model's family" }),
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
    client: z.custom<BedrockRuntimeClient>(isPassedObject).optional(),
  })
  .describe("Amazon Bedrock Converse with the notes as a tool's input");

/** What code creating the writer passes (defaults may be left out). */
export type BedrockSettings = z.input<typeof bedrockSettings>;
