import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { pocketSphinxSettings, type PocketSphinxVariables } from "./settings.ts";

/** Speech to text by PocketSphinx, run on this machine (`CONFIDE_SPEECH=pocketsphinx`). */
export const pocketSphinxDescriptor = {
  port: "speech",
  name: "pocketsphinx",
  settings: pocketSphinxSettings,
  async create(settings) {
    const { createPocketSphinxSpeechToText } = await import("./pocketsphinx-speech-to-text.ts");
    return createPocketSphinxSpeechToText({
      pocketsphinxPath: settings.CONFIDE_POCKETSPHINX_BINARY,
      modelDirectory: settings.CONFIDE_POCKETSPHINX_MODEL_DIR,
      segmentGapMs: settings.CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS,
      maxSegmentMs: settings.CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS,
      ffmpegPath: settings.CONFIDE_FFMPEG_BINARY,
    });
  },
} satisfies AdapterDescriptor<SpeechToText, PocketSphinxVariables>;
