import { z } from "zod";
import { pocketSphinxSettings } from "../pocketsphinx/settings.ts";
import { utteranceCutterSettings } from "../live-utterances/utterance-cutter-settings.ts";

/** The environment variables of the embedded live engine (PocketSphinx per utterance). */
export const pocketSphinxLiveSettings = z
  .object({
    CONFIDE_POCKETSPHINX_BINARY: pocketSphinxSettings.shape.CONFIDE_POCKETSPHINX_BINARY,
    CONFIDE_POCKETSPHINX_MODEL_DIR: pocketSphinxSettings.shape.CONFIDE_POCKETSPHINX_MODEL_DIR,
    CONFIDE_LIVE_MAX_PARALLEL_DECODES: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe("live engine `embedded`: utterances PocketSphinx decodes at once across all live sessions of the process")
      .meta({ shownDefault: "the number of CPU cores" }),
    ...utteranceCutterSettings,
  })
  .describe("PocketSphinx on this machine, one utterance at a time as pauses end them (finals only)");

export type PocketSphinxLiveVariables = z.output<typeof pocketSphinxLiveSettings>;
