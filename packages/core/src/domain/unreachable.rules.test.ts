import { describe, expect, it } from "vitest";
import { causeChain, unreachableCode, unreachableCodes } from "./unreachable.ts";

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, ...(cause === undefined ? {} : { cause }) });

describe("a peer that could not be reached", () => {
  it("is recognised by each of Node's socket and DNS codes and undici's", () => {
    const codes = [
      "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
      "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_CLOSED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
    ];
    expect([...unreachableCodes].toSorted()).toEqual(codes.toSorted());
    for (const code of codes) expect(unreachableCode(new TypeError("fetch failed", { cause: withCode(code) }))).toBe(code);
  });

  it("is found anywhere along the first 8 causes, outermost first", () => {
    let error: unknown = withCode("ENOTFOUND", withCode("ECONNRESET"));
    expect(unreachableCode(error)).toBe("ENOTFOUND");
    error = withCode("ECONNRESET");
    for (let depth = 1; depth < 8; depth += 1) error = new Error(`wrap ${depth}`, { cause: error });
    expect(causeChain(error)).toHaveLength(8);
    expect(unreachableCode(error)).toBe("ECONNRESET");
    expect(unreachableCode(new Error("wrap 8", { cause: error }))).toBeUndefined();
  });

  it("a chain ends at a cause that is not an object", () => {
    const error = new Error("outer", { cause: "ECONNRESET" });
    expect(causeChain(error)).toEqual([error, "ECONNRESET"]);
    expect(causeChain(null)).toEqual([]);
    expect(causeChain("text")).toEqual(["text"]);
    expect(unreachableCode(error)).toBeUndefined();
    expect(unreachableCode(new Error("outer", { cause: { code: "ETIMEDOUT" } }))).toBe("ETIMEDOUT");
  });

  it("follows causes and reads codes of objects only: a function carrying them is the end of the chain", () => {
    const callable = Object.assign(() => undefined, { code: "ECONNRESET", cause: withCode("ETIMEDOUT") });
    expect(causeChain(callable)).toEqual([callable]);
    expect(unreachableCode(new Error("outer", { cause: callable }))).toBeUndefined();
  });
});
