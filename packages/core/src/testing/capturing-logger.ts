import type { Logger } from "../ports/logger.ts";

export interface LoggedLine {
  level: "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

export interface CapturingLogger extends Logger {
  /** Every line logged so far, in order. */
  lines: LoggedLine[];
}

/** A Logger that keeps its lines, for tests that assert what was logged. */
export function createCapturingLogger(): CapturingLogger {
  const lines: LoggedLine[] = [];
  const write = (level: LoggedLine["level"]) => (message: string, fields: Record<string, unknown> = {}) =>
    void lines.push({ level, message, fields });
  return { lines, info: write("info"), warn: write("warn"), error: write("error") };
}
