import { z } from "zod";
import { ffmpegSettings } from "../ffmpeg/ffmpeg-settings.ts";
import { pocketSphinxDefaults } from "./pocketsphinx-config.ts";

const positiveMs = z.coerce.number().int().positive();

/** The environment variables of the PocketSphinx speech adapter. */
export const pocketSphinxSettings = z
  .object({
    CONFIDE_POCKETSPHINX_BINARY: z.string().min(1).default(pocketSphinxDefaults.pocketsphinxPath).describe("PocketSphinx program"),
    CONFIDE_POCKETSPHINX_MODEL_DIR: z
      .string()
      .min(1)
      .default(pocketSphinxDefaults.modelDirectory)
      .describe("acoustic model, dictionary and language model"),
    CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS: positiveMs
      .default(pocketSphinxDefaults.segmentGapMs)
      .describe("a pause this long starts a new transcript segment"),
    CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS: positiveMs.default(pocketSphinxDefaults.maxSegmentMs).describe("longest transcript segment"),
    ...ffmpegSettings,
  })
  .describe("PocketSphinx on this machine");

export type PocketSphinxVariables = z.output<typeof pocketSphinxSettings>;
