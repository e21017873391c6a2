import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultFfmpegPath } from "../ffmpeg/ffmpeg-settings.ts";
import { integerSetting } from "../settings/integer-setting.ts";

/**
 * Settings of the PocketSphinx SpeechToText adapter. Every field is optional: the defaults suit
 * the Debian packages `pocketsphinx`, `pocketsphinx-en-us` and `ffmpeg`. The host fills them
 * from the variables named beside each field (settings.ts).
 */
export interface PocketSphinxSettings {
  /** `CONFIDE_POCKETSPHINX_BINARY`; default "pocketsphinx_continuous" (found on PATH). */
  pocketsphinxPath?: string;
  /** `CONFIDE_FFMPEG_BINARY`; default "ffmpeg" (found on PATH). */
  ffmpegPath?: string;
  /**
   * `CONFIDE_POCKETSPHINX_MODEL_DIR`; default "/usr/share/pocketsphinx/model/en-us". Holds the
   * acoustic model folder `en-us/`, the language model `en-us.lm.bin` and the dictionary
   * `cmudict-en-us.dict`.
   */
  modelDirectory?: string;
  /** A pause at least this long between words starts a new segment. `CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS`; default 700. */
  segmentGapMs?: number;
  /** A segment never spans more than this. `CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS`; default 15000. */
  maxSegmentMs?: number;
  /** Channels of a per-channel recording transcribed at the same time (1 or 2); default 2. */
  parallelChannels?: number;
  /** Where the converted audio is written while transcribing; default os.tmpdir() (honours `TMPDIR`). */
  temporaryDirectory?: string;
}

export type ResolvedPocketSphinxSettings = Required<PocketSphinxSettings>;

/** The defaults of the settings the host can set, shared with its settings schema (settings.ts). */
export const pocketSphinxDefaults = {
  pocketsphinxPath: "pocketsphinx_continuous",
  modelDirectory: "/usr/share/pocketsphinx/model/en-us",
  segmentGapMs: 700,
  maxSegmentMs: 15_000,
} as const;

/** Fills every setting `settings` leaves out with its default. */
export function resolvePocketSphinxSettings(settings: PocketSphinxSettings = {}): ResolvedPocketSphinxSettings {
  const parallelChannels = integerSetting("parallelChannels", settings.parallelChannels, 2, 1);
  return {
    pocketsphinxPath: settings.pocketsphinxPath ?? pocketSphinxDefaults.pocketsphinxPath,
    ffmpegPath: settings.ffmpegPath ?? defaultFfmpegPath,
    modelDirectory: settings.modelDirectory ?? pocketSphinxDefaults.modelDirectory,
    segmentGapMs: integerSetting("segmentGapMs", settings.segmentGapMs, pocketSphinxDefaults.segmentGapMs, 1),
    maxSegmentMs: integerSetting("maxSegmentMs", settings.maxSegmentMs, pocketSphinxDefaults.maxSegmentMs, 1),
    parallelChannels: Math.min(parallelChannels, 2),
    temporaryDirectory: settings.temporaryDirectory ?? tmpdir(),
  };
}

/** The three model files PocketSphinx loads, inside `modelDirectory`. */
export function pocketSphinxModelPaths(modelDirectory: string): {
  acousticModel: string;
  languageModel: string;
  dictionary: string;
} {
  return {
    acousticModel: join(modelDirectory, "en-us"),
    languageModel: join(modelDirectory, "en-us.lm.bin"),
    dictionary: join(modelDirectory, "cmudict-en-us.dict"),
  };
}
