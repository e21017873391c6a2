import { describe, expect, it } from "vitest";
import { causeChain, unreachableCode } from "./unreachable.ts";

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, ...(cause === undefined ? {} : { cause }) });

describe("unreachableCode", () => {
  it("finds a socket code on the error itself or under fetch's TypeError", () => {
    expect(unreachableCode(withCode("ECONNREFUSED"))).toBe("ECONNREFUSED");
    expect(unreachableCode(new TypeError("fetch failed", { cause: withCode("UND_ERR_SOCKET") }))).toBe("UND_ERR_SOCKET");
  });

  it("is undefined for codes that are answers, not lost connections, and for non-errors", () => {
    expect(unreachableCode(withCode("ENOENT"))).toBeUndefined();
    expect(unreachableCode(Object.assign(new Error("conflict"), { code: 409 }))).toBeUndefined();
    expect(unreachableCode(undefined)).toBeUndefined();
    expect(unreachableCode("ECONNRESET")).toBeUndefined();
  });

  it("stops following a cause chain that loops", () => {
    const looped: Error & { cause?: unknown } = new Error("a");
    looped.cause = looped;
    expect(causeChain(looped)).toHaveLength(8);
    expect(unreachableCode(looped)).toBeUndefined();
  });
});
