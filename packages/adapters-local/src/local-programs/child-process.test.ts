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

describe("runChildProcess with a source that cannot be released", () => {
  it("lets the source go quietly when the process stops reading: no rejection is left unhandled", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      // A source whose release fails, as a stream already failed by its own abort does (a
      // decrypting blob stream stopped by the same signal), with a chunk ready at every read.
      const source = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(64 * 1024));
        },
        cancel() {
          throw new Error("the source was already stopped");
        },
      });
      // A program that closes its stdin at once and goes on: the feed finds the pipe gone.
      const result = await runChildProcess("sh", ["-c", "exec 0<&-; sleep 1"], { stdin: source });
      expect(result.exitCode).toBe(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
