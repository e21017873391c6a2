import { z } from "zod";

/** The environment variables of the Vosk streaming live engine. */
export const voskLiveSettings = z
  .object({
    CONFIDE_VOSK_URL: z
      .url({ protocol: /^wss?$/ })
      .describe("WebSocket URL of a Vosk server (`ws://vosk:2700`: alphacep/vosk-server, e.g. the `alphacep/kaldi-en` image)"),
    CONFIDE_VOSK_CONNECT_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(5_000)
      .describe("longest wait for the Vosk server to accept a stream; past it the session is recorded only"),
  })
  .describe("a Vosk speech server over its WebSocket protocol: partial and final text as the audio arrives");

export type VoskLiveVariables = z.output<typeof voskLiveSettings>;
