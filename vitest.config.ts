import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources through the "source" export condition,
// so tests never depend on a stale dist/.
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    // A limit for a test that hangs, not a measure of speed (the benches measure that): tests that
    // run speech engines take 10–25 s on a quiet 2-core machine and more than 30 s when the
    // machine is shared, as a CI runner may be.
    testTimeout: 90_000,
    // Three files at once, not vitest's default of cores − 1 (one on a 2-core machine): most files
    // wait on child processes (servers, stand-ins, speech engines), so they overlap well — the whole
    // suite took 1,052 s of test time this way against 1,853 s one at a time on the 2-core CI
    // machine (2026-11-23), and in two clean `.ci/run`s of 5,472 tests vitest took 1,455 s and
    // 1,612 s with three against about 1,650 s with two (2026-11-27): the machine's noise is as
    // large as the gain. Tests must not assume they run alone (a separate worker may be quicker).
    maxWorkers: 3,
    hookTimeout: 60_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
