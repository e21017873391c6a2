// Mutation testing of packages/core — its domain rules and use cases — against core's own tests.
// `npm run test:mutation`; not part of `npm test` (it takes many minutes on two cores).
// Reports: reports/mutation/index.html and mutation.json (gitignored), plus a table on stdout.
// While iterating, mutate one file: `npm run test:mutation -- --mutate packages/core/src/domain/x.ts`.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.core.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "packages/core/src/domain/**/*.ts",
    "packages/core/src/use-cases/**/*.ts",
    "!packages/core/src/**/*.test.ts",
    "!packages/core/src/**/*.test-support.ts",
    "!packages/core/src/**/testing/**",
  ],
  // The sandbox needs core and the root configs (and the tsconfigs they reference) only.
  ignorePatterns: [
    "/packages/*/*",
    "!/packages/core/src",
    "!/packages/*/tsconfig.json",
    "!/packages/*/package.json",
    "/examples",
    "/bench",
    "/test",
    "/data",
    "/coverage",
    "/reports",
    "/.tmp",
  ],
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  concurrency: 2,
  timeoutMS: 20_000,
  // break: the level reached (issue 30), so the score cannot quietly fall back. A lower bound, not a
  // whole-core run: the issue's full run (4,570 of 5,942 killed) plus the mutants issue 30's
  // per-area runs killed since gives 87.9 %; the risk screen's core code (355 mutants, 74 % killed
  // in its own run) and the diarizer's and live capacity's core code came after, so 85 until a
  // whole-core run says more — rerun it and raise this to what it reaches.
  thresholds: { high: 90, low: 80, break: 85 },
  // `npm run test:mutation:incremental` (--incremental) keeps its results here, under the
  // gitignored reports/, and reruns only mutants whose code or covering tests changed.
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: ".tmp/stryker",
  cleanTempDir: "always",
};
