import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";

/** The environment variables of the embedded diarizer. */
export const embeddedDiarizerSettings = z
  .object({
    CONFIDE_DIARIZER_SPEAKER_GAIN: z.coerce
      .number()
      .positive()
      .default(0.8)
      .describe("likelihood (nats per speech frame) a further speaker must add to be counted; higher finds fewer speakers"),
    ...ffmpegSettings,
  })
  .describe("Confide's in-process diarizer (no model, CPU only)");

export type EmbeddedDiarizerVariables = z.output<typeof embeddedDiarizerSettings>;
