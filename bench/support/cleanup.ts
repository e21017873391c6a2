/**
 * Clean-up steps (stop a server, delete a temp directory) that run once, latest first, when a
 * bench finishes, fails, or is interrupted with SIGINT/SIGTERM.
 */
const steps: Array<() => Promise<unknown>> = [];

/** Registers a step; returns a function that runs it now (and only once). */
export function deferCleanup(step: () => Promise<unknown>): () => Promise<void> {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const index = steps.indexOf(once);
    if (index !== -1) steps.splice(index, 1);
    await step();
  };
  steps.push(once);
  return once;
}

export async function runCleanup(): Promise<void> {
  while (steps.length > 0) {
    const step = steps[steps.length - 1] as () => Promise<unknown>;
    try {
      await step();
    } catch (error) {
      process.stderr.write(`clean-up step failed: ${String(error)}\n`);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void runCleanup().finally(() => process.exit(130));
  });
}
