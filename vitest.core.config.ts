import { defineConfig } from "vitest/config";

// Core's own tests, nothing else: the test runner of mutation testing (`npm run test:mutation`,
// stryker.config.json). Core imports no other workspace package, so no "source" condition is needed.
export default defineConfig({
  test: {
    include: ["packages/core/src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
