import { describe, expect, it } from "vitest";
import { lowPriorityNiceness, runChildProcess } from "./child-process.ts";

/** A shell that waits a moment, then prints its own niceness (field 19 of /proc/<pid>/stat). */
async function niceness(lowPriority: boolean): Promise<number> {
  const lines: string[] = [];
  const result = await runChildProcess("sh", ["-c", 'sleep 0.3; cut -d" " -f19 /proc/$$/stat'], {
    lowPriority,
    onStdoutLine: (line) => lines.push(line),
  });
  expect(result.exitCode).toBe(0);
  return Number(lines[0]);
}

describe.runIf(process.platform === "linux")("runChildProcess priority", () => {
  it("runs low-priority work niced, other work as this process runs", async () => {
    const own = Number((await import("node:os")).getPriority());
    expect(await niceness(false)).toBe(own);
    expect(await niceness(true)).toBe(Math.max(own, lowPriorityNiceness));
  });
});
