/**
 * What `confide` processes logged (one JSON object per stdout line), and the push
 * notifications among it: with `CONFIDE_PUSH=log` the log push notifier writes one
 * `push.notification` line per phone (packages/adapters-local/src/log-push/log-push-notifier.ts), and
 * core writes one `session.notified` line, with the session id, per notification sent.
 */
import type { ConfideProcess } from "./server-process.ts";

/** Every JSON log line of the processes, in order per process. */
export function logEntries(processes: ConfideProcess[]): Array<Record<string, unknown>> {
  const parsed: Array<Record<string, unknown>> = [];
  for (const process of processes) {
    for (const line of process.lines) {
      if (!line.startsWith("{")) continue;
      try {
        parsed.push(JSON.parse(line) as Record<string, unknown>);
      } catch (error) {
        throw new Error(`A log line is not valid JSON (${(error as Error).message}): ${line}`);
      }
    }
  }
  return parsed;
}

/** Every `push.notification` line: one per message a phone would receive. */
export function pushNotificationsLogged(processes: ConfideProcess[]): Array<Record<string, unknown>> {
  return logEntries(processes).filter((line) => line.message === "push.notification");
}

/** The session id of every `session.notified` line, in log order (a session twice = notified twice). */
export function sessionsNotified(processes: ConfideProcess[]): string[] {
  return logEntries(processes)
    .filter((line) => line.message === "session.notified")
    .map((line) => String(line.sessionId));
}

/**
 * Waits until the processes have logged at least `count` `session.notified` lines: the write
 * that makes a session `ready` claims its notification, and the push and its log line follow it,
 * so a client can see `ready` a moment before the line is logged.
 */
export async function waitForNotifications(processes: ConfideProcess[], count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sessionsNotified(processes).length < count) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms: ${sessionsNotified(processes).length} of ${count} notifications logged`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
