import { z } from "zod";

/** The ffmpeg program when no setting names one: found on PATH. */
export const defaultFfmpegPath = "ffmpeg";

/**
 * The variable of every adapter that decodes audio with ffmpeg, defined once and spread into
 * each one's settings schema.
 */
export const ffmpegSettings = {
  CONFIDE_FFMPEG_BINARY: z.string().min(1).default(defaultFfmpegPath).describe("ffmpeg, for decoding and channel splitting"),
};
