import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { pocketSphinxLiveSettings, type PocketSphinxLiveSettings } from "./settings.ts";

/** Live speech by PocketSphinx on this machine, utterance by utterance (`CONFIDE_LIVE=embedded`). */
export const pocketSphinxLiveDescriptor = {
  port: "live",
  name: "embedded",
  settings: pocketSphinxLiveSettings,
  async create(settings) {
    const { createPocketSphinxLiveSpeechToText } = await import("./pocketsphinx-live-speech-to-text.ts");
    return createPocketSphinxLiveSpeechToText(settings);
  },
} satisfies AdapterDescriptor<LiveSpeechToText, PocketSphinxLiveSettings>;
