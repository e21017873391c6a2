import { z } from "zod";

/** The ffmpeg program when no setting names one: found on PATH. */
export const defaultFfmpegPath = "ffmpeg";

/**
 * The ffmpeg setting of every adapter that decodes audio with ffmpeg (`ffmpegPath`, set by
 * `CONFIDE_FFMPEG_BINARY`), defined once and spread into each one's settings schema.
 */
export const ffmpegSettings = {
  ffmpegPath: z.string().min(1).default(defaultFfmpegPath).describe("ffmpeg, for decoding and channel splitting").meta({ env: "CONFIDE_FFMPEG_BINARY" }),
};
