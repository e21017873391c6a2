import { z } from "zod";

/**
 * The settings of the Vosk streaming live engine: what `createVoskLiveSpeechToText` takes and
 * what its environment variables set (each setting's `env`).
 */
export const voskLiveSettings = z
  .object({
    /** The server's WebSocket URL, e.g. ws://vosk:2700. */
    url: z
      .url({ protocol: /^wss?$/ })
      .describe("WebSocket URL of a Vosk server (`ws://vosk:2700`: alphacep/vosk-server, e.g. the `alphacep/kaldi-en` image)")
      .meta({ env: "CONFIDE_VOSK_URL" }),
    connectTimeoutMs: z.coerce
      .number<number>()
      .int()
      .positive()
      .default(5_000)
      .describe("longest wait for the Vosk server to accept a stream; past it the session is recorded only")
      .meta({ env: "CONFIDE_VOSK_CONNECT_TIMEOUT_MS" }),
    /** Audio messages sent and not yet answered before `write` waits (20: 4 s of audio in 0.2 s messages). */
    maxUnansweredMessages: z.number().int().min(1).default(20),
  })
  .describe("a Vosk speech server over its WebSocket protocol: partial and final text as the audio arrives");

/** What code creating the engine passes (defaults may be left out). */
export type VoskLiveSettings = z.input<typeof voskLiveSettings>;
