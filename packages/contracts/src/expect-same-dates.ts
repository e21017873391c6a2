import { expect } from "vitest";

/**
 * Walks `expected` and asserts that wherever it holds a Date, `actual` holds a Date (not a
 * string or a number) at the same path, for the same instant. Stores that serialise to JSON
 * or SQL must revive every date, nested ones included.
 */
export function expectSameDates(actual: unknown, expected: unknown, path = "value"): void {
  if (expected instanceof Date) {
    expect(actual, `${path} is a Date`).toBeInstanceOf(Date);
    expect((actual as Date).getTime(), `${path} is the instant written`).toBe(expected.getTime());
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expected.forEach((item, index) => expectSameDates((actual as unknown[])[index], item, `${path}[${index}]`));
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual === "object" && actual !== null, `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      expectSameDates((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  }
}
