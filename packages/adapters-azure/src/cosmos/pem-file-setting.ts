import { readFileSync } from "node:fs";

/** The PEM text of the file a variable names, or what is wrong with that file, in words. */
export type PemFileSetting = { value: string; problem?: undefined } | { value?: undefined; problem: string };

/**
 * Reads the PEM certificate(s) in the file at `path` (named by a configuration variable).
 * @returns the file's text, or a problem such as "/ca.pem holds no PEM certificate" — never throws.
 */
export function readPemFileSetting(path: string): PemFileSetting {
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
  if (!text.includes("-----BEGIN CERTIFICATE-----")) return { problem: `${path} holds no PEM certificate` };
  return { value: text };
}
