import { z } from "zod";
import { transcribeSettings } from "../transcribe/settings.ts";

/** The environment variables of the Transcribe Streaming live engine. Credentials come from the SDK's default chain. */
export const transcribeStreamingSettings = z
  .object({
    CONFIDE_TRANSCRIBE_REGION: transcribeSettings.shape.CONFIDE_TRANSCRIBE_REGION,
    CONFIDE_TRANSCRIBE_STREAMING_ENDPOINT: z
      .url()
      .optional()
      .describe("Transcribe Streaming's URL, for a VPC endpoint or a local fake (`http://` is HTTP/2 without TLS); unset for Amazon's"),
  })
  .describe("Amazon Transcribe Streaming over HTTP/2: speaker labels, partials, channel identification");

export type TranscribeStreamingVariables = z.output<typeof transcribeStreamingSettings>;
