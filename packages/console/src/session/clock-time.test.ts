import { describe, expect, it } from "vitest";
import { clockTime, spokenTime } from "./clock-time.ts";

describe("clockTime", () => {
  it("writes m:ss under an hour and h:mm:ss from an hour on, rounding down", () => {
    expect(clockTime(0)).toBe("0:00");
    expect(clockTime(3_999)).toBe("0:03");
    expect(clockTime(65_000)).toBe("1:05");
    expect(clockTime(3_600_000)).toBe("1:00:00");
    expect(clockTime(3_725_000)).toBe("1:02:05");
    expect(clockTime(-5)).toBe("0:00");
  });
});

describe("spokenTime", () => {
  it("spells the units out, singular and plural", () => {
    expect(spokenTime(0)).toBe("0 seconds");
    expect(spokenTime(1_000)).toBe("1 second");
    expect(spokenTime(65_000)).toBe("1 minute 5 seconds");
    expect(spokenTime(3_600_000)).toBe("1 hour");
    expect(spokenTime(7_322_000)).toBe("2 hours 2 minutes 2 seconds");
  });
});
