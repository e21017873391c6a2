import { describe, expect, it } from "vitest";
import { embeddedDiarizerDescriptor } from "./descriptor.ts";
import { createEmbeddedDiarizer } from "./embedded-diarizer.ts";

describe("embedded diarizer descriptor", () => {
  it("defaults the speaker gain to 0.8 and ffmpeg to the one on PATH, and refuses a gain that is not positive", () => {
    expect(embeddedDiarizerDescriptor.settings.parse({})).toEqual({ speakerGainPerFrame: 0.8, ffmpegPath: "ffmpeg" });
    // As the variables give them: text.
    expect(embeddedDiarizerDescriptor.settings.parse({ speakerGainPerFrame: "1.5" }).speakerGainPerFrame).toBe(1.5);
    expect(embeddedDiarizerDescriptor.settings.safeParse({ speakerGainPerFrame: "0" }).success).toBe(false);
    expect(() => createEmbeddedDiarizer({ speakerGainPerFrame: 0 })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { setting: "speakerGainPerFrame" } }) as unknown as Error,
    );
  });

  it("creates a diarizer that uses the ffmpeg its settings name", async () => {
    const diarizer = await embeddedDiarizerDescriptor.create(embeddedDiarizerDescriptor.settings.parse({ ffmpegPath: "/nonexistent/ffmpeg" }));
    expect(diarizer.provider).toBe("embedded");
    await expect(diarizer.check()).rejects.toMatchObject({ code: "speech.engine_unavailable" });
  });
});
