import { describe, expect, it } from "vitest";
import { describeWarning } from "./transcript-warnings.ts";

describe("describeWarning", () => {
  it("titles the features people ask about in plain words and keeps the engine's sentence", () => {
    expect(describeWarning({ feature: "diarization", message: "PocketSphinx does not separate speakers." })).toEqual({
      title: "Speakers not separated",
      message: "PocketSphinx does not separate speakers.",
    });
    expect(describeWarning({ feature: "newThing", message: "m" }).title).toBe("Not honoured: newThing");
    expect(describeWarning({ message: "m" }).title).toBe("Transcription");
    expect(describeWarning({ type: "other", feature: "diarization", message: "3 of 9 segments have an uncertain speaker" }).title).toBe(
      "Speakers to check",
    );
  });
});
