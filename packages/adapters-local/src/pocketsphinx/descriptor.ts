import type { AdapterDescriptor, SpeechToText } from "@confide/core/ports";
import { pocketSphinxSettings, type PocketSphinxSettings } from "./settings.ts";

/** Speech to text by PocketSphinx, run on this machine (`CONFIDE_SPEECH=pocketsphinx`). */
export const pocketSphinxDescriptor = {
  port: "speech",
  name: "pocketsphinx",
  settings: pocketSphinxSettings,
  async create(settings) {
    const { createPocketSphinxSpeechToText } = await import("./pocketsphinx-speech-to-text.ts");
    return createPocketSphinxSpeechToText(settings);
  },
} satisfies AdapterDescriptor<SpeechToText, PocketSphinxSettings>;
