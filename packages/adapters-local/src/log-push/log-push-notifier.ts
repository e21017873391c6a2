import type { Logger, PushMessage, PushNotifier, PushOutcome } from "@confide/core/ports";

export interface LogPushNotifierSettings {
  logger: Logger;
}

/** Enough of a device token to tell devices apart in a log, never enough to use it. */
export function shortenToken(token: string): string {
  return token.length <= 6 ? "…" : `…${token.slice(-6)}`;
}

/**
 * A PushNotifier that delivers nothing and writes one structured log line per notification,
 * for the embedded profile and development (docs/architecture.md#profiles). Each line carries the token's last 6
 * characters, the title and the names of the data fields — never the body or the data values,
 * so nothing a message might carry about a session reaches the log. Every token is reported ok.
 */
export function createLogPushNotifier(settings: LogPushNotifierSettings): PushNotifier {
  const { logger } = settings;
  return {
    async send(tokens: string[], message: PushMessage, options = {}): Promise<PushOutcome[]> {
      if (options.signal?.aborted) throw options.signal.reason;
      const dataKeys = Object.keys(message.data).sort();
      const outcomes: PushOutcome[] = [];
      for (const token of tokens) {
        logger.info("push.notification", { token: shortenToken(token), title: message.title, dataKeys });
        outcomes.push({ token, status: "ok" });
      }
      return outcomes;
    },

    async check(): Promise<void> {
      // Writes to the log: usable as long as the process runs.
    },

    async close(): Promise<void> {
      // Nothing is held.
    },
  };
}
