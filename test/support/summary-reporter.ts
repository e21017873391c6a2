import type { Reporter, TestModule } from "vitest/node";

/** How many of the slowest test files the closing lines name. */
const slowestShown = 12;

/**
 * Prints plain closing lines any CI can read, after vitest's own summary: the slowest test files
 * (where the suite's time goes, so it can be kept under its budget), then
 * "tests: N passed, N failed, N skipped".
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
      if (module.state() === "failed" && module.children.size === 0) counts.failed += 1;
    }
    const slowest = testModules
      .map((module) => ({ file: module.relativeModuleId, seconds: module.diagnostic().duration / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, slowestShown);
    const total = testModules.reduce((sum, module) => sum + module.diagnostic().duration / 1000, 0);
    process.stdout.write(`\nslowest test files (of ${Math.round(total)} s in all files):\n`);
    for (const { file, seconds } of slowest) process.stdout.write(`  ${seconds.toFixed(1).padStart(7)} s  ${file}\n`);
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
