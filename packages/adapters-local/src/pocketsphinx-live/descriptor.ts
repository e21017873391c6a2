import type { AdapterContext, AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { pocketSphinxLiveSettings, type PocketSphinxLiveSettings } from "./settings.ts";

/** Live speech by PocketSphinx on this machine, utterance by utterance (`CONFIDE_LIVE=embedded`). */
export const pocketSphinxLiveDescriptor = {
  port: "live",
  name: "embedded",
  settings: pocketSphinxLiveSettings,
  /** `context.dataDir`: the models folder's default parent (`<data dir>/models`), where Silero VAD is looked for. */
  async create(settings, context?: Pick<AdapterContext, "dataDir">) {
    const { createPocketSphinxLiveSpeechToText } = await import("./pocketsphinx-live-speech-to-text.ts");
    return createPocketSphinxLiveSpeechToText(settings, context ? { dataDir: context.dataDir } : {});
  },
} satisfies AdapterDescriptor<LiveSpeechToText, PocketSphinxLiveSettings>;
