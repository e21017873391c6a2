import { readFileSync } from "node:fs";

/** A JSON object read from the file a variable names, or what is wrong with that file, in words. */
export type JsonFileSetting = { value: Record<string, unknown>; problem?: undefined } | { value?: undefined; problem: string };

/**
 * Reads the JSON object in the file at `path` (named by a configuration variable).
 * @returns the object, or a problem such as "/x.json is empty" — never throws.
 */
export function readJsonFileSetting(path: string): JsonFileSetting {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reasons: Record<string, string> = {
      ENOENT: `there is no file ${path}`,
      EISDIR: `${path} is a folder, not a file`,
      EACCES: `${path} cannot be read by this process (permissions)`,
    };
    const code = (error as NodeJS.ErrnoException).code ?? "";
    return { problem: reasons[code] ?? `${path} cannot be read (${(error as Error).message})` };
  }
  if (text.trim() === "") return { problem: `${path} is empty` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `${path} is not JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { problem: `${path} holds JSON but not an object` };
  }
  return { value: parsed as Record<string, unknown> };
}
