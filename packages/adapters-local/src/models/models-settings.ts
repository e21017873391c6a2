import { z } from "zod";

/**
 * The models folder setting of every adapter that loads a learned model (`modelsDirectory`, set
 * by `CONFIDE_MODELS_DIR`), defined once and spread into each one's settings schema; unset, the
 * adapter looks in `models` inside the host's data directory, where `confide models install`
 * puts them.
 */
export const modelsDirectorySettings = {
  modelsDirectory: z
    .string()
    .min(1)
    .optional()
    .describe("folder of the learned models (`confide models install` fills it); a model missing or damaged there is not used")
    .meta({ env: "CONFIDE_MODELS_DIR", shownDefault: "`<data dir>/models`" }),
};
