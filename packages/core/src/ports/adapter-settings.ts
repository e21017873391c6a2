/**
 * Helpers every adapter's settings share: parsing them with the adapter's one schema, the error
 * naming a bad setting, and a setting that names a file. They live in core because it is the one
 * package every adapter package may import (adapter packages may not import each other); core reads no file itself, so
 * the adapter hands `fileSetting` its reader (`readFileSync`).
 */
import { ConfideError } from "../errors.ts";

/**
 * ConfideError `validation.invalid_input` naming the setting in `details.setting`. `message`
 * says what is wrong in words that never repeat a secret value.
 */
export function invalidSetting(setting: string, message: string, cause?: unknown): ConfideError {
  return new ConfideError("validation.invalid_input", message, { ...(cause === undefined ? {} : { cause }), details: { setting } });
}

/** What a file a variable names holds, or what is wrong with it, in words. */
export type FileSetting<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

/** Why the file at `path` could not be read, in words for an operator. */
function unreadable(path: string, error: unknown): string {
  const reasons: Record<string, string> = {
    ENOENT: `there is no file ${path}`,
    EISDIR: `${path} is a folder, not a file`,
    EACCES: `${path} cannot be read by this process (permissions)`,
  };
  const code = (error as { code?: unknown } | null)?.code;
  return reasons[typeof code === "string" ? code : ""] ?? `${path} cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/**
 * Reads the file at `path` (named by a configuration variable) with `readText` and hands its
 * text to `parse`, which checks its format.
 * @returns what `parse` returns, or the problem of a file that cannot be read ("there is no
 * file /ca.pem") — never throws for a missing or unreadable file.
 */
export function fileSetting<T>(path: string, readText: (path: string) => string, parse: (text: string) => FileSetting<T>): FileSetting<T> {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    return { problem: unreadable(path, error) };
  }
  return parse(text);
}

/**
 * A settings schema that validates, as Standard Schema v1 (https://standardschema.dev) defines
 * it — zod's schemas are. `Input` is what code building the adapter by hand may pass (defaults
 * left out), `Output` the settings the adapter uses (defaults filled).
 */
export interface ValidatingSchema<Input, Output> {
  readonly "~standard": {
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> };

/**
 * An adapter's settings as its factory receives them, checked and with defaults filled by the
 * adapter's one settings schema (the one its descriptor hands the host, whose settings the
 * environment variables set). The schema must be synchronous, and parsing its output again
 * must give the same output (the host parses the environment, then the factory its settings).
 * @throws ConfideError `validation.invalid_input` naming the first bad setting in `details.setting`.
 */
export function parseSettings<Input, Output>(schema: ValidatingSchema<Input, Output>, input: Input): Output {
  const result = schema["~standard"].validate(input);
  if (result instanceof Promise) throw new TypeError("An adapter's settings schema must be synchronous.");
  if (result.issues === undefined) return result.value;
  const [issue] = result.issues;
  const step = issue?.path?.[0];
  const setting = String(typeof step === "object" && step !== null ? step.key : (step ?? "settings"));
  throw invalidSetting(setting, `The setting ${setting} is not valid: ${(issue?.message ?? "refused by its schema").replace(/\.$/, "")}.`);
}

/**
 * Whether `value` can be a setting only code passes — a logger, an SDK client, a credential, a
 * `fetch`'s agent: any object, taken as is. A settings schema takes one with
 * `z.custom<Client>(isPassedObject)` (core has no zod; the rule is here, once, for every adapter).
 */
export function isPassedObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/**
 * A yes/no setting's value as text: a boolean from code becomes `"true"` or `"false"`, a
 * variable's text stays as it is. A settings schema reads both with
 * `z.preprocess(switchText, z.stringbool())` (`true`, `1`, `yes`, `on`… or `false`, `0`, `no`,
 * `off`…), so settings already parsed parse again to the same.
 */
export function switchText(value: boolean | string): string {
  return typeof value === "boolean" ? String(value) : value;
}
