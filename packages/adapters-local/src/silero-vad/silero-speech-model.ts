/**
 * Silero VAD as the live engines' trained voice-activity detector (core's `SpeechProbabilityModel`):
 * one `SileroVadStream` per channel, 512-sample frames. Found in the models folder when the
 * recognition opens, so an install needs no restart; undefined while it is not installed, and
 * the engine then hears the ends of utterances by loudness.
 */
import type { SpeechProbabilityModel } from "@confide/core/adapter-kit";
import { SileroVad, SileroVadStream } from "./silero-vad.ts";
import { loadSileroVad } from "./silero-vad-loader.ts";

export function sileroSpeechModel(model: SileroVad): SpeechProbabilityModel {
  return {
    name: "silero-vad",
    frameSamples: SileroVad.chunkSamples,
    open: () => new SileroVadStream(model),
  };
}

/** Silero VAD from `modelsDirectory` (none given: none), as a live engine's detector. */
export async function installedSpeechModel(modelsDirectory: string | undefined): Promise<SpeechProbabilityModel | undefined> {
  if (modelsDirectory === undefined) return undefined;
  const model = await loadSileroVad(modelsDirectory);
  return model && sileroSpeechModel(model);
}
