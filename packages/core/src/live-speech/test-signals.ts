/** 16 kHz test signals for the voice-activity tests: a tone loud enough to be speech, and silence. */
import { joinSamples } from "./utterance-cutter.ts";

export const testRateHz = 16_000;

/** A 440 Hz tone at about -12 dBFS, `ms` long. */
export const tone = (ms: number): Int16Array =>
  Int16Array.from({ length: (testRateHz * ms) / 1000 }, (_, index) => Math.round(8_000 * Math.sin((2 * Math.PI * 440 * index) / testRateHz)));

export const silence = (ms: number): Int16Array => new Int16Array((testRateHz * ms) / 1000);

export const concat = (...parts: Int16Array[]): Int16Array => joinSamples(parts);
