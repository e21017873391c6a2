import { describe, expect, it, vi } from "vitest";
import { createBackgroundProof } from "./background-proof.ts";

/** A proof whose every run waits until the test settles it. */
function controlledProof() {
  const runs: Array<{ resolve: () => void; reject: (error: unknown) => void; signal: AbortSignal }> = [];
  const prove = (signal: AbortSignal) => new Promise<void>((resolve, reject) => runs.push({ resolve, reject, signal }));
  return { runs, prove };
}

describe("createBackgroundProof", () => {
  it("answers the first report at once and starts one proof, however many reports come while it runs", () => {
    const { runs, prove } = controlledProof();
    const proof = createBackgroundProof(prove, { startAfterMs: 0 });

    expect(() => proof.report()).not.toThrow();
    proof.report();
    proof.report();

    expect(runs).toHaveLength(1);
  });

  it("reports a failed proof's error from then on, and clears it once a later proof succeeds", async () => {
    const { runs, prove } = controlledProof();
    const proof = createBackgroundProof(prove, { startAfterMs: 0 });
    const broken = new Error("the model did not load");

    proof.report();
    runs[0]?.reject(broken);
    await proof.settled();

    expect(() => proof.report()).toThrow(broken); // and starts the next proof
    expect(runs).toHaveLength(2);
    expect(() => proof.report()).toThrow(broken); // still failing while the next one runs
    runs[1]?.resolve();
    await proof.settled();
    expect(() => proof.report()).not.toThrow();
    expect(runs).toHaveLength(2); // a fresh success is trusted: no new proof
  });

  it("proves again once a success is older than its time to live", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const { runs, prove } = controlledProof();
      const proof = createBackgroundProof(prove, { ttlMs: 60_000, startAfterMs: 0 });
      proof.report();
      runs[0]?.resolve();
      await proof.settled();

      vi.advanceTimersByTime(59_999);
      proof.report();
      expect(runs).toHaveLength(1);
      vi.advanceTimersByTime(1);
      proof.report();
      expect(runs).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops a running proof on close, counts it as no failure, and starts none after", async () => {
    const { runs, prove } = controlledProof();
    const proof = createBackgroundProof(prove, { startAfterMs: 0 });
    proof.report();

    proof.close();
    expect(runs[0]?.signal.aborted).toBe(true);
    runs[0]?.reject(runs[0].signal.reason);
    await proof.settled();

    expect(() => proof.report()).not.toThrow();
    expect(runs).toHaveLength(1);
  });

  it("starts a proof only after its delay, so the check that asked answers first; a close in the delay starts none", async () => {
    vi.useFakeTimers();
    try {
      const { runs, prove } = controlledProof();
      const proof = createBackgroundProof(prove, { startAfterMs: 1_000 });
      proof.report();
      await vi.advanceTimersByTimeAsync(999);
      expect(runs).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toHaveLength(1);
      runs[0]?.resolve();
      await proof.settled();

      const closed = createBackgroundProof(prove, { startAfterMs: 1_000 });
      closed.report();
      closed.close();
      await closed.settled();
      await vi.advanceTimersByTimeAsync(2_000);
      expect(runs).toHaveLength(1);
      expect(() => closed.report()).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });
});
