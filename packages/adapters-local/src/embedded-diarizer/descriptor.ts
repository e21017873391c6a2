import type { AdapterContext, AdapterDescriptor, Diarizer } from "@confide/core/ports";
import { embeddedDiarizerSettings, type EmbeddedDiarizerSettings } from "./settings.ts";

/** Speakers told apart on mono recordings, in process (`CONFIDE_DIARIZER=embedded`). */
export const embeddedDiarizerDescriptor = {
  port: "diarizer",
  name: "embedded",
  settings: embeddedDiarizerSettings,
  /** `context.dataDir`: the models folder's default parent (`<data dir>/models`); without it and without `modelsDirectory`, the classical pipeline. */
  async create(settings, context?: Pick<AdapterContext, "dataDir">) {
    const { createEmbeddedDiarizer } = await import("./embedded-diarizer.ts");
    return createEmbeddedDiarizer(settings, context ? { dataDir: context.dataDir } : {});
  },
} satisfies AdapterDescriptor<Diarizer, EmbeddedDiarizerSettings>;
