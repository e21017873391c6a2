import { describe, expect, it } from "vitest";
import type { ChildProcessResult } from "./child-process.ts";
import { decodeFailedError } from "./local-program-errors.ts";
import { recognitionFailedError } from "../pocketsphinx/pocketsphinx-errors.ts";

const ended = (result: Partial<ChildProcessResult>): ChildProcessResult => ({
  exitCode: null,
  exitSignal: null,
  stderrTail: "",
  ...result,
});

describe("a local program ended by a signal", () => {
  it("is an interruption when it was asked to stop (Ctrl-C, a service manager's stop, a closed terminal)", () => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const) {
      const error = recognitionFailedError(ended({ exitSignal: signal }));
      expect(error).toMatchObject({ code: "provider.interrupted", retryable: true, details: { signal } });
      expect(error.message).toBe(`PocketSphinx (pocketsphinx_continuous) was stopped by ${signal} while recognising.`);
    }
  });

  it("is a passing outage when it was killed otherwise (the out-of-memory killer, a crash)", () => {
    expect(recognitionFailedError(ended({ exitSignal: "SIGKILL" }))).toMatchObject({ code: "provider.unavailable", retryable: true });
    expect(decodeFailedError(ended({ exitSignal: "SIGSEGV" }))).toMatchObject({ code: "provider.unavailable", retryable: true });
  });

  it("is an interruption when ffmpeg caught the stop request and exited with a status", () => {
    const stopped = ended({ exitCode: 255, stderrTail: "size=     512kB time=00:00:16.38\nExiting normally, received signal 2.\n" });
    expect(decodeFailedError(stopped)).toMatchObject({ code: "provider.interrupted", retryable: true, details: { signal: "SIGINT" } });
    // Undecodable bytes stay a permanent refusal.
    const refused = ended({ exitCode: 1, stderrTail: "pipe:0: Invalid data found when processing input\n" });
    expect(decodeFailedError(refused)).toMatchObject({ code: "provider.rejected", retryable: false });
  });
});
