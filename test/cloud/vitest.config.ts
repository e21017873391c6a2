import { defineConfig } from "vitest/config";

// Only `npm run test:cloud -- <provider>` uses this: the real services' suites, never run by CI
// (the repository's vitest.config.ts includes *.test.ts files only).
export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"], externalConditions: ["source"] } },
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/cloud/*.cloud.ts"],
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
  },
});
