import { z } from "zod";
import { transcribeSettings } from "../transcribe/settings.ts";

/** Transcribe Streaming ends a stream after 15 s without audio: a keep-alive must come well before it. */
const longestKeepAliveAfterMs = 14_000;

/**
 * The settings of the Transcribe Streaming live engine: what `createTranscribeStreamingLiveSpeechToText`
 * takes and what its environment variables set (each setting's `env`). Credentials are not among
 * the variables: the SDK's default provider chain finds them.
 */
export const transcribeStreamingSettings = z
  .object({
    region: transcribeSettings.shape.region,
    endpoint: z
      .url()
      .optional()
      .describe("Transcribe Streaming's URL, for a VPC endpoint or a local fake (`http://` is HTTP/2 without TLS); unset for Amazon's")
      .meta({ env: "CONFIDE_TRANSCRIBE_STREAMING_ENDPOINT" }),
    /** Static credentials (tests); default: the SDK's default provider chain. */
    credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
    /** After how many milliseconds without audio a short silence is sent to keep the stream open (1–14,000). */
    keepAliveAfterMs: z.number().int().min(1).max(longestKeepAliveAfterMs).default(10_000),
  })
  .describe("Amazon Transcribe Streaming over HTTP/2: speaker labels, partials, channel identification");

/** What code creating the engine passes (defaults may be left out). */
export type TranscribeStreamingSettings = z.input<typeof transcribeStreamingSettings>;
