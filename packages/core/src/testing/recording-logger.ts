import type { Logger } from "../ports/logger.ts";

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

/** A Logger that keeps what it is told, for tests that assert what was logged. */
export interface RecordingLogger extends Logger {
  entries: LogEntry[];
  /** Resolves with the first entry (already logged or to come) that matches. */
  waitFor(predicate: (entry: LogEntry) => boolean): Promise<LogEntry>;
}

export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const waiters = new Set<{ predicate: (entry: LogEntry) => boolean; resolve: (entry: LogEntry) => void }>();
  const log = (level: LogEntry["level"]) => (message: string, fields: Record<string, unknown> = {}) => {
    const entry = { level, message, fields };
    entries.push(entry);
    for (const waiter of waiters) {
      if (waiter.predicate(entry)) {
        waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  };
  return {
    entries,
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    waitFor(predicate) {
      const found = entries.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
  };
}
