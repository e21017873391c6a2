import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfideError } from "@confide/core";

/**
 * Settings of the PocketSphinx SpeechToText adapter. Every field is optional: an environment
 * variable (named beside each field) supplies it, else the default of the Debian packages
 * `pocketsphinx`, `pocketsphinx-en-us` and `ffmpeg` applies.
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

export const defaultPocketSphinxModelDirectory = "/usr/share/pocketsphinx/model/en-us";

type Environment = Record<string, string | undefined>;

function positiveInteger(name: string, value: number | string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new ConfideError("validation.invalid_input", `${name} must be a positive whole number (got ${String(value)}).`, {
      details: { setting: name },
    });
  }
  return parsed;
}

const text = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);

/** Fills every setting from `settings`, then the environment, then the defaults. */
export function resolvePocketSphinxSettings(
  settings: PocketSphinxSettings = {},
  env: Environment = process.env,
): ResolvedPocketSphinxSettings {
  const parallelChannels = positiveInteger("parallelChannels", settings.parallelChannels, 2);
  return {
    pocketsphinxPath: settings.pocketsphinxPath ?? text(env.CONFIDE_POCKETSPHINX_BINARY) ?? "pocketsphinx_continuous",
    ffmpegPath: settings.ffmpegPath ?? text(env.CONFIDE_FFMPEG_BINARY) ?? "ffmpeg",
    modelDirectory: settings.modelDirectory ?? text(env.CONFIDE_POCKETSPHINX_MODEL_DIR) ?? defaultPocketSphinxModelDirectory,
    segmentGapMs: positiveInteger(
      "segmentGapMs",
      settings.segmentGapMs ?? env.CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS,
      700,
    ),
    maxSegmentMs: positiveInteger(
      "maxSegmentMs",
      settings.maxSegmentMs ?? env.CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS,
      15_000,
    ),
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
