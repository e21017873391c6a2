import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfideError } from "./errors.ts";
import { httpFailureClass, isRetryableHttpFailure, providerHttpError } from "./provider-http-error.ts";

const messages = { throttled: "slow down", timeout: "too slow", unavailable: "down", credentials: "check the key", refused: "refused" };

describe("httpFailureClass", () => {
  it("classifies every error status once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const expected =
          status === 429 ? "throttled" : status === 408 ? "timeout" : status >= 500 ? "unavailable" : status === 401 || status === 403 ? "credentials" : status === 404 ? "not_found" : "refused";
        expect(httpFailureClass(status)).toBe(expected);
        expect(isRetryableHttpFailure(httpFailureClass(status))).toBe(status === 429 || status === 408 || status >= 500);
      }),
    );
  });
});

describe("providerHttpError", () => {
  it("429 → provider.throttled, retryable, with the provider's wait, its details and its cause", () => {
    const cause = new Error("429");
    const error = providerHttpError({ provider: "whisper", status: 429, retryAfterMs: 2_000, cause, details: { reason: "rate" }, messages });
    expect(ConfideError.is(error, "provider.throttled")).toBe(true);
    expect(error).toMatchObject({ message: "slow down", retryable: true, retryAfterMs: 2_000, details: { provider: "whisper", status: 429, reason: "rate" } });
    expect(error.cause).toBe(cause);
  });

  it("5xx → provider.unavailable keeping the wait; 408 → provider.timeout without it", () => {
    expect(providerHttpError({ provider: "p", status: 503, retryAfterMs: 5_000, messages })).toMatchObject({ code: "provider.unavailable", retryable: true, retryAfterMs: 5_000 });
    expect(providerHttpError({ provider: "p", status: 408, retryAfterMs: 5_000, messages })).toMatchObject({ code: "provider.timeout", retryable: true, retryAfterMs: undefined, message: "too slow" });
  });

  it("401/403, 404 and other 4xx → provider.rejected, not retryable; an unnamed class says `refused`", () => {
    expect(providerHttpError({ provider: "p", status: 403, messages })).toMatchObject({ code: "provider.rejected", retryable: false, message: "check the key" });
    expect(providerHttpError({ provider: "p", status: 404, messages })).toMatchObject({ code: "provider.rejected", retryable: false, message: "refused" });
    expect(providerHttpError({ provider: "p", status: 400, retryAfterMs: 1_000, messages })).toMatchObject({ code: "provider.rejected", retryAfterMs: undefined });
  });

  it("takes an adapter's own code for a class", () => {
    const error = providerHttpError({ provider: "transcribe", status: 401, messages, codes: { credentials: "provider.unavailable" } });
    expect(error).toMatchObject({ code: "provider.unavailable", retryable: false });
  });
});
