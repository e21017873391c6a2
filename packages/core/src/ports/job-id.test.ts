import { describe, expect, it } from "vitest";
import { createInMemoryJobQueue } from "../testing/in-memory-job-queue.ts";
import { assertValidJobId, checkEnqueueArguments, jobIdMaxLength } from "./job-id.ts";

const invalid = expect.objectContaining({ code: "validation.invalid_input", details: { field: "jobId" } });

describe("job id rule", () => {
  it(`accepts ids of 1 to ${jobIdMaxLength} letters, digits, "_" or "-"`, () => {
    expect(() => assertValidJobId("a")).not.toThrow();
    expect(() => assertValidJobId("process-session_1-r0-p3")).not.toThrow();
    expect(() => assertValidJobId("x".repeat(jobIdMaxLength))).not.toThrow();
  });

  it(`refuses an id longer than ${jobIdMaxLength} characters`, () => {
    expect(jobIdMaxLength).toBe(200);
    expect(() => assertValidJobId("x".repeat(jobIdMaxLength + 1))).toThrow(invalid);
  });

  it.each(["", "123", "a:b", "a b", "ü", "a/b"])("refuses %j", (jobId) => {
    expect(() => assertValidJobId(jobId)).toThrow(invalid);
  });

  it("checks the name and the delay of an enqueue, returning the delay", () => {
    expect(checkEnqueueArguments("work", { jobId: "job-1" })).toBe(0);
    expect(checkEnqueueArguments("work", { jobId: "job-1", delayMs: 250 })).toBe(250);
    expect(() => checkEnqueueArguments(" ", { jobId: "job-1" })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { field: "name" } }),
    );
    expect(() => checkEnqueueArguments("work", { jobId: "job-1", delayMs: -1 })).toThrow(
      expect.objectContaining({ code: "validation.invalid_input", details: { field: "delayMs" } }),
    );
  });

  it("is the rule of the in-memory queue too: a 201-character id is refused and nothing is queued", async () => {
    const queue = createInMemoryJobQueue({ manual: true });
    await expect(queue.enqueue("work", {}, { jobId: "x".repeat(jobIdMaxLength + 1) })).rejects.toMatchObject({
      code: "validation.invalid_input",
    });
    await queue.enqueue("work", {}, { jobId: "x".repeat(jobIdMaxLength) });
    expect(queue.accepted()).toEqual(["x".repeat(jobIdMaxLength)]);
  });
});
