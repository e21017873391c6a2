import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";
import { modelsDirectorySettings } from "../models/models-settings.ts";

/**
 * The settings of the embedded diarizer: what `createEmbeddedDiarizer` takes and what its
 * environment variables set (each setting's `env`).
 */
export const embeddedDiarizerSettings = z
  .object({
    /**
     * Likelihood (nats per speech frame) a further speaker must add to be counted; higher finds
     * fewer speakers.
     */
    speakerGainPerFrame: z.coerce
      .number<number>()
      .positive()
      .default(0.8)
      .describe("likelihood (nats per speech frame) a further speaker must add to be counted; higher finds fewer speakers")
      .meta({ env: "CONFIDE_DIARIZER_SPEAKER_GAIN" }),
    ...ffmpegSettings,
    ...modelsDirectorySettings,
    /** Where the decoded PCM is written while it is read (owner-only folder, removed after); default os.tmpdir(). */
    temporaryDirectory: z.string().optional(),
  })
  .describe("Confide's in-process diarizer (CPU only; speech models when installed, else voice features alone)");

/** What code creating the diarizer passes (defaults may be left out). */
export type EmbeddedDiarizerSettings = z.input<typeof embeddedDiarizerSettings>;
