import { describe, expect, it } from "vitest";
import { createDecodeSlots } from "./decode-slots.ts";

/** A task that runs until the test releases it, logging its start. */
function held(name: string, log: string[]) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("createDecodeSlots", () => {
  it("runs at most `limit` tasks; a freed slot goes to the first urgent turn, else the first waiting", async () => {
    const slots = createDecodeSlots(1);
    const log: string[] = [];
    const signal = new AbortController().signal;
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => held(name, log));
    const urgentLater = { urgent: false };
    const runs = [
      slots.run(a!.task, { urgent: false }, signal),
      slots.run(b!.task, { urgent: false }, signal),
      slots.run(c!.task, urgentLater, signal),
      slots.run(d!.task, { urgent: false }, signal),
    ];
    await settle();
    expect(log).toEqual(["a"]);
    urgentLater.urgent = true; // c's utterance is cut while it waits
    a!.release();
    await settle();
    expect(log).toEqual(["a", "c"]);
    c!.release();
    await settle();
    expect(log).toEqual(["a", "c", "b"]);
    b!.release();
    await settle();
    d!.release();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c", "d"]);
  });

  it("takes an aborted turn out of the queue, so the next one gets the slot", async () => {
    const slots = createDecodeSlots(1);
    const log: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((name) => held(name, log));
    const cancelled = new AbortController();
    const first = slots.run(a!.task, { urgent: false }, new AbortController().signal);
    const dropped = slots.run(b!.task, { urgent: false }, cancelled.signal);
    const last = slots.run(c!.task, { urgent: false }, new AbortController().signal);
    cancelled.abort(new Error("dropped"));
    await expect(dropped).rejects.toThrow("dropped");
    a!.release();
    await settle();
    expect(log).toEqual(["a", "c"]);
    c!.release();
    expect([await first, await last]).toEqual(["a", "c"]);
  });
});
