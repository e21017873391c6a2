import { tmpdir } from "node:os";
import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";

const positiveMs = z.coerce.number<number>().int().positive();

/**
 * The settings of the PocketSphinx speech adapter: what `createPocketSphinxSpeechToText` takes
 * and what its environment variables set (each setting's `env`). Every one has a default: the
 * defaults suit the Debian packages `pocketsphinx`, `pocketsphinx-en-us` and `ffmpeg`.
 */
export const pocketSphinxSettings = z
  .object({
    /** The `pocketsphinx_continuous` program (found on PATH by default). */
    pocketsphinxPath: z.string().min(1).default("pocketsphinx_continuous").describe("PocketSphinx program").meta({ env: "CONFIDE_POCKETSPHINX_BINARY" }),
    /**
     * Holds the acoustic model folder `en-us/`, the language model `en-us.lm.bin` and the
     * dictionary `cmudict-en-us.dict`.
     */
    modelDirectory: z
      .string()
      .min(1)
      .default("/usr/share/pocketsphinx/model/en-us")
      .describe("acoustic model, dictionary and language model")
      .meta({ env: "CONFIDE_POCKETSPHINX_MODEL_DIR" }),
    /** A pause at least this long between words starts a new segment. */
    segmentGapMs: positiveMs
      .default(700)
      .describe("a pause this long starts a new transcript segment")
      .meta({ env: "CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS" }),
    /** A segment never spans more than this. */
    maxSegmentMs: positiveMs.default(15_000).describe("longest transcript segment").meta({ env: "CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS" }),
    ...ffmpegSettings,
    /** Channels of a per-channel recording transcribed at the same time: at least 1, more is read as 2. */
    parallelChannels: z
      .number()
      .int()
      .min(1)
      .default(2)
      .transform((channels) => Math.min(channels, 2)),
    /** Where the converted audio is written while transcribing; default os.tmpdir() (honours `TMPDIR`). */
    temporaryDirectory: z.string().default(() => tmpdir()),
  })
  .describe("PocketSphinx on this machine");

/** What code creating the adapter passes (defaults may be left out). */
export type PocketSphinxSettings = z.input<typeof pocketSphinxSettings>;
