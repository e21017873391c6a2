import type { AdapterDescriptor, Diarizer } from "@confide/core/ports";
import { embeddedDiarizerSettings, type EmbeddedDiarizerVariables } from "./settings.ts";

/** Speakers told apart on mono recordings, in process (`CONFIDE_DIARIZER=embedded`). */
export const embeddedDiarizerDescriptor = {
  port: "diarizer",
  name: "embedded",
  settings: embeddedDiarizerSettings,
  async create(settings) {
    const { createEmbeddedDiarizer } = await import("./embedded-diarizer.ts");
    return createEmbeddedDiarizer({
      ffmpegPath: settings.CONFIDE_FFMPEG_BINARY,
      speakerGainPerFrame: settings.CONFIDE_DIARIZER_SPEAKER_GAIN,
    });
  },
} satisfies AdapterDescriptor<Diarizer, EmbeddedDiarizerVariables>;
