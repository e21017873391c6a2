import { ConfideError } from "@confide/core/ports";

/**
 * An adapter's whole-number setting: `fallback` when it is left out, else `value` once checked
 * to be an integer of at least `minimum`.
 * @throws ConfideError `validation.invalid_input` with `details.setting` naming it.
 */
export function integerSetting(name: string, value: number | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfideError("validation.invalid_input", `${name} must be an integer of at least ${minimum} (got ${String(value)}).`, {
      details: { setting: name },
    });
  }
  return value;
}
