import { z } from "zod";
import { pocketSphinxSettings } from "../pocketsphinx/settings.ts";
import { modelsDirectorySettings } from "../models/models-settings.ts";
import { speechModelCutterSettings, utteranceCutterSettings } from "../live-utterances/utterance-cutter-settings.ts";

/**
 * The settings of the embedded live engine (PocketSphinx per utterance): what
 * `createPocketSphinxLiveSpeechToText` takes and what its environment variables set (each
 * setting's `env`). PocketSphinx's program and model are the batch adapter's settings.
 */
export const pocketSphinxLiveSettings = z
  .object({
    pocketsphinxPath: pocketSphinxSettings.shape.pocketsphinxPath,
    modelDirectory: pocketSphinxSettings.shape.modelDirectory,
    /** Utterances decoded at once across all streams; default twice the number of CPU cores. */
    maxParallelDecodes: z.coerce
      .number<number>()
      .int()
      .positive()
      .optional()
      .describe("live engine `embedded`: utterances PocketSphinx decodes at once (each fed as it is spoken) across all live sessions of the process")
      .meta({ env: "CONFIDE_LIVE_MAX_PARALLEL_DECODES", shownDefault: "twice the number of CPU cores" }),
    ...utteranceCutterSettings,
    ...speechModelCutterSettings,
    ...modelsDirectorySettings,
    /**
     * Where each utterance's FIFO to PocketSphinx is, in a folder of the engine's own named as the
     * batch adapter names its work (so the batch adapter's start-up sweep removes the folder of
     * a process that was killed); default os.tmpdir().
     */
    temporaryDirectory: z.string().optional(),
  })
  .describe("PocketSphinx on this machine, each utterance decoded while it is spoken (finals only); utterances end where Silero VAD hears the turn end when it is installed, else after a quiet pause");

/** What code creating the engine passes (defaults may be left out). */
export type PocketSphinxLiveSettings = z.input<typeof pocketSphinxLiveSettings>;
