import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isHeldOut, splitOf } from "../../bench/data/real-dialogue/split.ts";

describe("the real-dialogue held-out split", () => {
  it("holds out an id exactly when the first byte of its SHA-256 is divisible by 4", () => {
    for (let index = 0; index < 200; index += 1) {
      const id = `esconv:train:${index}`;
      const firstByte = createHash("sha256").update(id).digest()[0] as number;
      expect(isHeldOut(id)).toBe(firstByte % 4 === 0);
    }
  });
  it("is decided by the id alone, the same every time", () => {
    expect(isHeldOut("rogers:gloria")).toBe(isHeldOut("rogers:gloria"));
    expect(splitOf("counsel-chat:12")).toBe(isHeldOut("counsel-chat:12") ? "held-out" : "dev");
  });
  it("holds out about a quarter of many ids", () => {
    const ids = Array.from({ length: 4_000 }, (_, index) => `counsel-chat:${index}`);
    const share = ids.filter(isHeldOut).length / ids.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
  });
  it("gives the answers sha256sum gives for fixed ids (a changed hash or rule would move the split)", () => {
    // First bytes from `printf %s ID | sha256sum`: c7, ca, cc, e6.
    expect(isHeldOut("esconv:train:1")).toBe(false);
    expect(isHeldOut("esconv-failed:0")).toBe(false);
    expect(isHeldOut("rogers:gloria")).toBe(true);
    expect(isHeldOut("reddit:user-0")).toBe(false);
  });
});
