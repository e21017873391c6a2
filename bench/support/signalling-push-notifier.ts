/**
 * The push is the pipeline's last step: a worker process of a benchmark passes it on, and the
 * session id and status it reports are the completion signal the benchmark times.
 */
import type { PushNotifier } from "@confide/core/ports";

export function signallingPushNotifier(inner: PushNotifier, onNotified: (sessionId: string, status: string) => void): PushNotifier {
  return {
    async send(tokens, message, options) {
      const outcomes = await inner.send(tokens, message, options);
      onNotified(message.data.sessionId ?? "", message.data.status ?? "");
      return outcomes;
    },
    check: (options) => inner.check(options),
    close: () => inner.close(),
  };
}
