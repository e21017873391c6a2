import { describe, expect, it } from "vitest";
import { describeFailure } from "./processing-failure.ts";

describe("describeFailure", () => {
  it("says a file that does not decode could not be read as audio, with the decoder's words kept for the details", () => {
    const failure = describeFailure({ code: "provider.rejected", message: "The recording could not be decoded as audio: [wav @ 0x55d1] no 'fmt ' tag found", retryable: false });
    expect(failure.title).toBe("This file could not be read as audio");
    expect(failure.retryable).toBe(false);
    expect(`${failure.title} ${failure.message}`).not.toMatch(/wav @|fmt|provider|0x/);
    expect(failure.detail).toContain("no 'fmt ' tag");
  });

  it("offers a retry only when the server says one can help, and names no provider", () => {
    const busy = describeFailure({ code: "provider.unavailable", message: "Azure Speech answered 503", retryable: true });
    expect(busy).toMatchObject({ title: "The transcription could not be finished", retryable: true });
    expect(busy.message).not.toMatch(/Azure|503/);
    expect(describeFailure({ code: "something.new", message: "x", retryable: false })).toMatchObject({ title: "This session could not be processed", retryable: false });
  });
});
