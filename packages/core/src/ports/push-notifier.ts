export interface PushMessage {
  title: string;
  body: string;
  /** String pairs delivered to the app (e.g. sessionId, status). Never clinical content. */
  data: Record<string, string>;
  /**
   * `high` wakes the device at once (Android high priority, APNs priority 10): for a session
   * whose notes flag a risk. Absent or `normal`: the provider's default delivery.
   */
  priority?: "normal" | "high";
}

export type PushOutcome =
  | { token: string; status: "ok" }
  /** The token will never work again: core deletes the device. */
  | { token: string; status: "invalid-token"; reason: string }
  | { token: string; status: "failed"; reason: string; retryable: boolean };

/** Sends notifications to phones. */
export interface PushNotifier {
  /**
   * Sends one message to each token (adapters batch to the provider's limit).
   * @returns one outcome per token, in the same order; [] for no tokens. Per-token failures
   * are outcomes, not throws.
   * @throws ConfideError `dependency.unavailable` only when nothing could be sent at all.
   */
  send(tokens: string[], message: PushMessage, options?: { signal?: AbortSignal }): Promise<PushOutcome[]>;

  /**
   * Resolves when messages can be sent (e.g. the provider's credentials are loaded); used by
   * readiness checks. Sends nothing to anyone.
   * @throws ConfideError `dependency.unavailable` otherwise.
   */
  check(options?: { signal?: AbortSignal }): Promise<void>;

  close(): Promise<void>;
}
