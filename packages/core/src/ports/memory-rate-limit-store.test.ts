import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing/manual-clock.ts";
import { memoryRateLimitStore } from "./memory-rate-limit-store.ts";

describe("rate limits in memory", () => {
  it("count a fixed window from the key's first points, then start a full one", async () => {
    const clock = createManualClock();
    const counter = memoryRateLimitStore({ clock }).counter("uploads", { points: 2, durationSeconds: 60 });
    expect(await counter.consume("a")).toEqual({ allowed: true, consumedPoints: 1, remainingPoints: 1 });
    clock.advance(30_000);
    expect(await counter.consume("a")).toEqual({ allowed: true, consumedPoints: 2, remainingPoints: 0 });
    expect(await counter.consume("a")).toEqual({ allowed: false, consumedPoints: 3, retryAfterMs: 30_000 });
    expect(await counter.consume("b")).toMatchObject({ allowed: true });
    expect(await counter.peek("a")).toEqual({ remainingPoints: 0, resetInMs: 30_000 });
    clock.advance(30_000);
    expect(await counter.peek("a")).toEqual({ remainingPoints: 2, resetInMs: 0 });
    expect(await counter.consume("a")).toEqual({ allowed: true, consumedPoints: 1, remainingPoints: 1 });
  });

  it("refunds never below zero; blocks refuse until they end; reset forgets", async () => {
    const clock = createManualClock();
    const counter = memoryRateLimitStore({ clock }).counter("logins", { points: 5, durationSeconds: 60 });
    await counter.consume("a", 2);
    await counter.refund("a", 10);
    expect(await counter.peek("a")).toMatchObject({ remainingPoints: 5 });
    await counter.consume("a", 2);
    await counter.refund("a", 0);
    await counter.refund("a", -3);
    expect(await counter.peek("a")).toMatchObject({ remainingPoints: 3 });
    await counter.refund("a", 2);
    await counter.refund("never-counted", 3);
    expect(await counter.peek("never-counted")).toEqual({ remainingPoints: 5, resetInMs: 0 });
    await counter.block("a", 5_000);
    expect(await counter.consume("a")).toMatchObject({ allowed: false, retryAfterMs: 5_000 });
    clock.advance(5_000);
    expect(await counter.consume("a")).toMatchObject({ allowed: true, consumedPoints: 1 });
    await counter.block("a", 5_000);
    await counter.reset("a");
    expect(await counter.consume("a")).toMatchObject({ allowed: true, consumedPoints: 1 });
  });

  it("one name is one counter (its first limit), shared by everyone who asks for it", async () => {
    const store = memoryRateLimitStore({ clock: createManualClock() });
    await store.counter("uploads", { points: 1, durationSeconds: 60 }).consume("a");
    expect(await store.counter("uploads", { points: 9, durationSeconds: 60 }).consume("a")).toMatchObject({ allowed: false });
    expect(await store.counter("other", { points: 1, durationSeconds: 60 }).consume("a")).toMatchObject({ allowed: true });
  });

  it("forgets ended windows once it holds many keys", async () => {
    const clock = createManualClock();
    const counter = memoryRateLimitStore({ clock }).counter("many", { points: 1, durationSeconds: 1 });
    for (let index = 0; index <= 10_000; index += 1) await counter.consume(`key-${index}`);
    clock.advance(1_000);
    await counter.consume("fresh");
    // An ended window reads as a full one whether or not it was dropped; what matters is that the map shrank.
    expect(await counter.peek("key-1")).toEqual({ remainingPoints: 1, resetInMs: 0 });
  });
});
