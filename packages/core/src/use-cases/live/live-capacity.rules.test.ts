import { describe, expect, it } from "vitest";
import { createManualClock } from "../../testing/manual-clock.ts";
import { defaultLiveMaxStreams, LiveCapacity, type LiveCapacityOptions, type LiveStreamSlot } from "./live-capacity.ts";

const target = 1_300;

function capacityOf(options: Partial<LiveCapacityOptions> = {}) {
  const clock = createManualClock();
  const capacity = new LiveCapacity(clock, { maxStreams: null, finalDelayTargetMs: target, ...options });
  const admit = (): LiveStreamSlot => {
    const admission = capacity.admit();
    if (!("slot" in admission)) throw new Error(`not admitted: ${admission.recordOnly}`);
    return admission.slot;
  };
  return { clock, capacity, admit };
}

describe("the live capacity's watch", () => {
  it("stops admitting as soon as a running stream's utterance has waited longer than the target for its final, before any final came", () => {
    const { capacity, admit } = capacityOf();
    const slot = admit();
    let waitMs: number | null = null;
    slot.watchAwaitedFinal(() => waitMs);
    expect(capacity.status()).toMatchObject({ admitting: true, finalDelayP95Ms: null });

    waitMs = target;
    expect(capacity.status()).toMatchObject({ admitting: true, recordOnlyReason: null });
    waitMs = target + 1;
    expect(capacity.status()).toMatchObject({ admitting: false, recordOnlyReason: "behind" });
    expect(capacity.admit()).toEqual({ recordOnly: "behind" });
    expect(capacity.status().recordOnlyStarted).toBe(1);

    // Its final came: nothing waits, and one late final alone is no trend.
    waitMs = null;
    slot.recordFinalDelay(target + 200);
    expect(capacity.status()).toMatchObject({ admitting: true, finalDelayP95Ms: null });
  });

  it("counts the waits with the finals of the window: five of them make a trusted p95", () => {
    const { capacity, admit } = capacityOf();
    const slots = [admit(), admit()];
    for (const delayMs of [900, 1_000, 1_100, 1_200]) slots[0]?.recordFinalDelay(delayMs);
    expect(capacity.status().finalDelayP95Ms).toBeNull();
    slots[1]?.watchAwaitedFinal(() => 1_250);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 1_250, admitting: true });
    slots[0]?.watchAwaitedFinal(() => 700);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 1_250, admitting: true });
  });

  it("forgets a released stream's waits, and a probe replaced by another", () => {
    const { capacity, admit } = capacityOf({ maxStreams: 2 });
    const slot = admit();
    slot.watchAwaitedFinal(() => 5_000);
    expect(capacity.status().recordOnlyReason).toBe("behind");
    slot.watchAwaitedFinal(() => 100);
    expect(capacity.status().recordOnlyReason).toBeNull();
    slot.watchAwaitedFinal(() => 5_000);
    slot.release();
    expect(capacity.status()).toMatchObject({ streamsInUse: 0, admitting: true });
    // A released slot's late probe is not taken up again.
    slot.watchAwaitedFinal(() => 5_000);
    slot.release();
    expect(capacity.status()).toMatchObject({ streamsInUse: 0, admitting: true });
  });

  it("ignores waits that are no measure (negative, not a number)", () => {
    const { capacity, admit } = capacityOf();
    admit().watchAwaitedFinal(() => Number.NaN);
    admit().watchAwaitedFinal(() => -5);
    admit().watchAwaitedFinal(() => Number.POSITIVE_INFINITY);
    const slot = admit();
    for (let index = 0; index < 4; index += 1) slot.recordFinalDelay(100);
    expect(capacity.status()).toMatchObject({ admitting: true, finalDelayP95Ms: null });
  });

  it("refuses for capacity before it looks at the delays", () => {
    const { capacity, admit } = capacityOf({ maxStreams: 1 });
    admit().watchAwaitedFinal(() => 10_000);
    expect(capacity.admit()).toEqual({ recordOnly: "capacity" });
  });

  it("takes a p95 over the window's finals once there are minSamples, and forgets them after the window", () => {
    const { clock, capacity, admit } = capacityOf({ windowMs: 10_000, minSamples: 3 });
    const slot = admit();
    slot.recordFinalDelay(2_000);
    slot.recordFinalDelay(2_000);
    expect(capacity.status()).toMatchObject({ admitting: true, finalDelayP95Ms: null });
    slot.recordFinalDelay(100);
    expect(capacity.status()).toMatchObject({ admitting: false, recordOnlyReason: "behind", finalDelayP95Ms: 2_000 });
    clock.advance(10_000);
    expect(capacity.status().finalDelayP95Ms).toBe(2_000);
    clock.advance(1);
    expect(capacity.status()).toMatchObject({ admitting: true, finalDelayP95Ms: null });
  });

  it("admits while the p95 is exactly the target, and counts a wait of 0 ms as a sample", () => {
    const { capacity, admit } = capacityOf();
    const slot = admit();
    for (let index = 0; index < 4; index += 1) slot.recordFinalDelay(target);
    slot.watchAwaitedFinal(() => 0);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: target, admitting: true });
  });

  it("forgets only the finals older than the window, keeping the newer ones", () => {
    const { clock, capacity, admit } = capacityOf({ windowMs: 10_000, minSamples: 3 });
    const slot = admit();
    for (let index = 0; index < 3; index += 1) slot.recordFinalDelay(5_000);
    clock.advance(6_000);
    for (let index = 0; index < 3; index += 1) slot.recordFinalDelay(100);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 5_000, admitting: false });
    clock.advance(5_000);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 100, admitting: true });
    slot.recordFinalDelay(200);
    expect(capacity.status().finalDelayP95Ms).toBe(200);
  });

  it("ignores final delays that are no measure", () => {
    const { capacity, admit } = capacityOf({ minSamples: 1 });
    const slot = admit();
    slot.recordFinalDelay(-1);
    slot.recordFinalDelay(Number.NaN);
    slot.recordFinalDelay(Number.POSITIVE_INFINITY);
    expect(capacity.status().finalDelayP95Ms).toBeNull();
    slot.recordFinalDelay(0);
    expect(capacity.status().finalDelayP95Ms).toBe(0);
  });

  it("p95 of twenty finals tolerates the slowest one", () => {
    const { capacity, admit } = capacityOf();
    const slot = admit();
    for (let index = 0; index < 19; index += 1) slot.recordFinalDelay(1_000);
    slot.recordFinalDelay(9_000);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 1_000, admitting: true });
    slot.recordFinalDelay(9_000);
    expect(capacity.status()).toMatchObject({ finalDelayP95Ms: 9_000, admitting: false });
  });
});
