import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { cutterOptions } from "../live-utterances/utterance-cutter-settings.ts";
import { pocketSphinxLiveSettings, type PocketSphinxLiveVariables } from "./settings.ts";

/** Live speech by PocketSphinx on this machine, utterance by utterance (`CONFIDE_LIVE=embedded`). */
export const pocketSphinxLiveDescriptor = {
  port: "live",
  name: "embedded",
  settings: pocketSphinxLiveSettings,
  async create(settings) {
    const { createPocketSphinxLiveSpeechToText } = await import("./pocketsphinx-live-speech-to-text.ts");
    return createPocketSphinxLiveSpeechToText({
      pocketsphinxPath: settings.CONFIDE_POCKETSPHINX_BINARY,
      modelDirectory: settings.CONFIDE_POCKETSPHINX_MODEL_DIR,
      cutter: cutterOptions(settings),
      ...(settings.CONFIDE_LIVE_MAX_PARALLEL_DECODES === undefined ? {} : { maxParallelDecodes: settings.CONFIDE_LIVE_MAX_PARALLEL_DECODES }),
    });
  },
} satisfies AdapterDescriptor<LiveSpeechToText, PocketSphinxLiveVariables>;
