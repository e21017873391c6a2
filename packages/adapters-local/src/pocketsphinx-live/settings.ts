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
      .describe("live engine `embedded`: utterances PocketSphinx decodes at once (each fed as it is spoken) across all live sessions of the process")
      .meta({ shownDefault: "twice the number of CPU cores" }),
    ...utteranceCutterSettings,
  })
  .describe("PocketSphinx on this machine, each utterance decoded while it is spoken (finals only)");

export type PocketSphinxLiveVariables = z.output<typeof pocketSphinxLiveSettings>;
