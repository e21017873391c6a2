import { describe, expect, it } from "vitest";
import { describeWarning } from "./transcript-warnings.ts";

describe("describeWarning", () => {
  it("says what happened in plain words and keeps the engine's sentence as the detail", () => {
    const mono = describeWarning({ feature: "diarization", message: "PocketSphinx does not separate speakers; channelLayout \"per-channel\" does." });
    expect(mono.title).toBe("Speakers not separated");
    expect(mono.message).not.toMatch(/PocketSphinx|channelLayout|ch0/);
    expect(mono.detail).toBe("PocketSphinx does not separate speakers; channelLayout \"per-channel\" does.");
    expect(describeWarning({ feature: "newThing", message: "m" })).toMatchObject({ title: "Transcription", detail: "m" });
    expect(describeWarning({ feature: "newThing", message: "m" }).message).not.toContain("newThing");
    expect(describeWarning({ message: "m" }).title).toBe("Transcription");
    expect(describeWarning({ type: "other", feature: "diarization", message: "3 of 9 segments have an uncertain speaker" })).toMatchObject({
      title: "Speakers to check",
      detail: "3 of 9 segments have an uncertain speaker",
    });
  });
});
