import { ConfideError } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { checkReadiness, type AdapterNames, type Checkable } from "./readiness.ts";

const adapters: AdapterNames = {
  repository: "postgres",
  storage: "filesystem",
  speech: "whisper",
  language: "vader",
  queue: "bullmq",
  push: "fcm",
  events: "redis",
  notes: "embedded",
  risk: "embedded",
  live: "instant-fake",
  agenda: "embedded",
  diarizer: "embedded",
};

describe("checkReadiness", () => {
  it("checks every configured adapter, named by kind and adapter, and reports a failure with its code", async () => {
    const signals: AbortSignal[] = [];
    const recording: Checkable = {
      async check(options) {
        if (options?.signal) signals.push(options.signal);
      },
    };

    const entries = await checkReadiness(adapters, {
      repository: recording,
      storage: recording,
      speech: recording,
      language: recording,
      queue: {
        async check() {
          throw new ConfideError("dependency.unavailable", "Redis did not answer within 5000 ms.");
        },
      },
      push: recording,
      events: recording,
      notes: recording,
      risk: recording,
      live: recording,
      agenda: recording,
      diarizer: recording,
    });

    expect(entries).toEqual([
      { name: "database:postgres", ok: true },
      { name: "storage:filesystem", ok: true },
      { name: "speech:whisper", ok: true },
      { name: "language:vader", ok: true },
      { name: "queue:bullmq", ok: false, code: "dependency.unavailable", message: "Redis did not answer within 5000 ms." },
      { name: "push:fcm", ok: true },
      { name: "events:redis", ok: true },
      { name: "notes:embedded", ok: true },
      { name: "risk:embedded", ok: true },
      { name: "live:instant-fake", ok: true },
      { name: "agenda:embedded", ok: true },
      { name: "diarizer:embedded", ok: true },
    ]);
    // Each check is handed the signal that bounds it.
    expect(signals).toHaveLength(11);
  });
});
