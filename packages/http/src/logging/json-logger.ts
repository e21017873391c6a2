import type { Logger } from "@confide/core/ports";

const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof levels;

/** Field names whose values are never written, whatever a caller passes. */
const redacted = /pass(word)?|secret|token|authorization|cookie|text|transcript|body/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (redacted.test(key)) out[key] = "[redacted]";
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
    else out[key] = value;
  }
  return out;
}

/** One JSON object per line on `write` (stdout by default). */
export function createJsonLogger(
  options: {
    level?: LogLevel;
    write?: (line: string) => void;
    base?: Record<string, unknown>;
    /** Fields of the moment added to every line: the active trace's ids (`traceFields`). */
    context?: () => Record<string, unknown>;
  } = {},
): Logger & { child(base: Record<string, unknown>): Logger } {
  const threshold = levels[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const base = options.base ?? {};
  const log = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (levels[level] < threshold) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...options.context?.(), ...clean(fields) })}\n`);
  };
  return {
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (more) => createJsonLogger({ ...options, base: { ...base, ...more } }),
  };
}
