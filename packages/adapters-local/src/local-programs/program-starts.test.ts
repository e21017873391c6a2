import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { assertProgramStarts, programCheckTrustMs, sharedProgramCheck } from "./program-starts.ts";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-program-"));
  await writeFile(join(directory, "not-executable"), "#!/bin/sh\n");
  await chmod(join(directory, "not-executable"), 0o644);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("assertProgramStarts", () => {
  it("answers once the program ran, found on PATH or by its path, whatever its exit status", async () => {
    await expect(assertProgramStarts("ffmpeg", "sh", ["-c", "exit 0"])).resolves.toBeUndefined();
    await expect(assertProgramStarts("ffmpeg", "/bin/sh", ["-c", "exit 3"])).resolves.toBeUndefined();
  });

  it("refuses a program that is not there as not found, naming it and its package", async () => {
    const error = await expectConfideError(assertProgramStarts("pocketsphinx", "no-such-program-here", ["-h"]), "speech.engine_unavailable");
    expect(error.message).toContain("was not found");
    expect(error.message).toContain("no-such-program-here");
    expect(error.message).toContain("pocketsphinx-en-us");
  });

  it("refuses a file that may not be executed (no execute bit: root too)", async () => {
    const path = join(directory, "not-executable");
    const error = await expectConfideError(assertProgramStarts("ffmpeg", path, []), "speech.engine_unavailable");
    expect(error.message).toContain("could not be started (EACCES)");
    expect(error.details?.path).toBe(path);
  });
});

describe("sharedProgramCheck", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const counting = (outcomes: Array<"pass" | "fail">) => {
    let runs = 0;
    const check = async () => {
      const outcome = outcomes[runs] ?? "pass";
      runs += 1;
      if (outcome === "fail") throw new Error(`run ${runs} failed`);
    };
    return { check, runs: () => runs };
  };

  it("runs one check for callers of the same program at once and within the trusted time, then again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const key = `same-${Math.random()}`;
    const { check, runs } = counting([]);
    await Promise.all([sharedProgramCheck(key, check), sharedProgramCheck(key, check)]);
    expect(runs()).toBe(1);
    vi.advanceTimersByTime(programCheckTrustMs - 1);
    await sharedProgramCheck(key, check);
    expect(runs()).toBe(1);
    vi.advanceTimersByTime(1);
    await sharedProgramCheck(key, check);
    expect(runs()).toBe(2);
    // Another program (or the same with other arguments) is its own check.
    await sharedProgramCheck(`${key}-other`, check);
    expect(runs()).toBe(3);
  });

  it("keeps no failed check: the next caller runs it again and gets its own answer", async () => {
    const key = `fails-${Math.random()}`;
    const { check, runs } = counting(["fail", "pass"]);
    await expect(sharedProgramCheck(key, check)).rejects.toThrow("run 1 failed");
    await expect(sharedProgramCheck(key, check)).resolves.toBeUndefined();
    expect(runs()).toBe(2);
  });

  it("stops waiting for one caller whose signal aborts, while the run goes on for the others", async () => {
    const key = `aborted-${Math.random()}`;
    let finish: () => void = () => {};
    const check = () => new Promise<void>((resolve) => (finish = resolve));
    const stop = new AbortController();
    const aborted = sharedProgramCheck(key, check, stop.signal);
    const other = sharedProgramCheck(key, check);
    stop.abort(new Error("the probe's deadline"));
    await expect(aborted).rejects.toThrow("the probe's deadline");
    finish();
    await expect(other).resolves.toBeUndefined();
    await expect(sharedProgramCheck(key, check, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });
});
