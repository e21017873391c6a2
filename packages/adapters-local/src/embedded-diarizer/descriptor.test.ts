import { describe, expect, it } from "vitest";
import { embeddedDiarizerDescriptor } from "./descriptor.ts";

describe("embedded diarizer descriptor", () => {
  it("defaults the speaker gain to 0.8 and ffmpeg to the one on PATH, and refuses a gain that is not positive", () => {
    expect(embeddedDiarizerDescriptor.settings.parse({})).toEqual({ CONFIDE_DIARIZER_SPEAKER_GAIN: 0.8, CONFIDE_FFMPEG_BINARY: "ffmpeg" });
    expect(embeddedDiarizerDescriptor.settings.safeParse({ CONFIDE_DIARIZER_SPEAKER_GAIN: "0" }).success).toBe(false);
  });

  it("creates a diarizer that uses the ffmpeg its variable names", async () => {
    const diarizer = await embeddedDiarizerDescriptor.create(
      embeddedDiarizerDescriptor.settings.parse({ CONFIDE_FFMPEG_BINARY: "/nonexistent/ffmpeg" }),
    );
    expect(diarizer.provider).toBe("embedded");
    await expect(diarizer.check()).rejects.toMatchObject({ code: "speech.engine_unavailable" });
  });
});
