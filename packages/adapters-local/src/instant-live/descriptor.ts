import type { AdapterDescriptor, LiveSpeechToText } from "@confide/core/ports";
import { z } from "zod";

const instantLiveSettings = z
  .object({
    script: z
      .string()
      .optional()
      .describe(
        "`instant-fake` live engine: what it \"hears\", as JSON: a list of texts for every channel, or `{\"0\": [...], \"1\": [...]}` per channel (the n-th utterance of a channel says its n-th text)",
      )
      .meta({ env: "CONFIDE_LIVE_FAKE_SCRIPT", shownDefault: "`utterance <n>`" }),
  })
  .describe("a fake live engine: voice activity cuts utterances, the texts are scripted; for tests and benchmarks");

/**
 * The instant fake live engine (`CONFIDE_LIVE=instant-fake`, core's
 * `createInstantLiveSpeechToText`): the audio is cut into utterances by the embedded engines'
 * voice-activity detector and each final says a scripted text the moment its pause is heard.
 * What the live end-to-end tests and `bench/live` run the server with to measure the server's
 * own delay; it recognises nothing.
 */
export const instantLiveDescriptor = {
  port: "live",
  name: "instant-fake",
  settings: instantLiveSettings,
  async create(settings) {
    const { createInstantLiveSpeechToText } = await import("@confide/core/adapter-kit");
    const script = settings.script === undefined ? undefined : (JSON.parse(settings.script) as unknown);
    if (script === undefined) return createInstantLiveSpeechToText();
    if (Array.isArray(script)) return createInstantLiveSpeechToText({ script: script.map(String) });
    const perChannel = script as Record<string, unknown[]>;
    return createInstantLiveSpeechToText({
      // `index`: the utterance's place on its channel, counted per recognition.
      script(utterance, index) {
        const texts = (perChannel[String(utterance.channel)] ?? []).map(String);
        return texts[Math.min(index, texts.length - 1)] ?? `utterance ${index + 1}`;
      },
    });
  },
} satisfies AdapterDescriptor<LiveSpeechToText, z.output<typeof instantLiveSettings>>;
