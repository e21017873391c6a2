import { describe, expect, it } from "vitest";
import { ConfideError } from "../errors.ts";
import { withDeadline } from "./deadline.ts";

const neverEnding = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("socket closed")), { once: true }));
const mapError = (error: unknown, timedOutAfterMs: number | undefined) =>
  new ConfideError("provider.timeout", `mapped ${(error as Error).message} after ${timedOutAfterMs}`);

describe("withDeadline", () => {
  it("resolves with what the call resolves to", async () => {
    await expect(withDeadline(1000, undefined, async () => 42, mapError)).resolves.toBe(42);
  });

  it("tells the error map the deadline passed when the call outlives it", async () => {
    await expect(withDeadline(20, undefined, neverEnding, mapError)).rejects.toThrow("mapped socket closed after 20");
  });

  it("rejects with the caller's reason when the caller aborts, unmapped", async () => {
    const caller = new AbortController();
    const running = withDeadline(10_000, caller.signal, neverEnding, mapError);
    caller.abort(new Error("shutting down"));
    await expect(running).rejects.toThrow("shutting down");
  });

  it("does not start the call when the caller has already aborted", async () => {
    let started = false;
    const caller = new AbortController();
    caller.abort(new Error("gone"));
    await expect(
      withDeadline(1000, caller.signal, async () => {
        started = true;
      }, mapError),
    ).rejects.toThrow("gone");
    expect(started).toBe(false);
  });

  it("passes a ConfideError of the call through and maps other failures without a timeout", async () => {
    const own = new ConfideError("provider.rejected", "refused");
    await expect(withDeadline(1000, undefined, async () => Promise.reject(own), mapError)).rejects.toBe(own);
    await expect(withDeadline(1000, undefined, async () => Promise.reject(new Error("reset")), mapError)).rejects.toThrow(
      "mapped reset after undefined",
    );
  });
});
