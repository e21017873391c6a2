import type { PushMessage, PushNotifier, PushOutcome } from "../ports/push-notifier.ts";

export interface SentPush {
  token: string;
  message: PushMessage;
}

export interface InMemoryPushNotifier extends PushNotifier {
  /** Messages delivered (ok outcomes only). */
  sent(): SentPush[];
}

/** Delivers to memory; tokens in `invalidTokens` answer invalid-token like an unregistered app. */
export function createInMemoryPushNotifier(options: { invalidTokens?: string[] } = {}): InMemoryPushNotifier {
  const invalid = new Set(options.invalidTokens ?? []);
  const delivered: SentPush[] = [];
  return {
    async send(tokens, message) {
      return tokens.map((token): PushOutcome => {
        if (invalid.has(token)) return { token, status: "invalid-token", reason: "registration-token-not-registered" };
        delivered.push({ token, message: structuredClone(message) });
        return { token, status: "ok" };
      });
    },
    async check() {},
    async close() {},
    sent: () => delivered.map((p) => structuredClone(p)),
  };
}
