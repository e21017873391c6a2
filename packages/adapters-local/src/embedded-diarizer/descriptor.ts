import type { AdapterDescriptor, Diarizer } from "@confide/core/ports";
import { embeddedDiarizerSettings, type EmbeddedDiarizerSettings } from "./settings.ts";

/** Speakers told apart on mono recordings, in process (`CONFIDE_DIARIZER=embedded`). */
export const embeddedDiarizerDescriptor = {
  port: "diarizer",
  name: "embedded",
  settings: embeddedDiarizerSettings,
  async create(settings, context) {
    const { createEmbeddedDiarizer } = await import("./embedded-diarizer.ts");
    return createEmbeddedDiarizer(settings, context.dataDir === undefined ? {} : { dataDir: context.dataDir });
  },
} satisfies AdapterDescriptor<Diarizer, EmbeddedDiarizerSettings>;
