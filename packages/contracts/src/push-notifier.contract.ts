/**
 * Behaviour every PushNotifier adapter must show (packages/core/src/ports/push-notifier.ts).
 */
import type { PushMessage, PushNotifier, PushOutcome } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface PushNotifierContractOptions {
  name: string;
  create: () => Promise<PushNotifier>;
  /** A token the provider answers as never valid again; enables the invalid-token cases. */
  invalidToken?: string;
}

const message: PushMessage = {
  title: "Session ready for review",
  body: "A transcript is ready.",
  data: { sessionId: "session-1", status: "ready" },
};

function expectWellFormed(outcome: PushOutcome | undefined, token: string): void {
  expect(outcome?.token).toBe(token);
  expect(["ok", "invalid-token", "failed"]).toContain(outcome?.status);
  if (outcome?.status === "invalid-token") expect(typeof outcome.reason).toBe("string");
  if (outcome?.status === "failed") {
    expect(typeof outcome.reason).toBe("string");
    expect(typeof outcome.retryable).toBe("boolean");
  }
}

export function describePushNotifierContract(options: PushNotifierContractOptions): void {
  describe(`PushNotifier contract: ${options.name}`, () => {
    let notifier: PushNotifier;

    beforeEach(async () => {
      notifier = await options.create();
    });

    afterEach(async () => {
      await notifier.close();
    });

    it("check resolves while messages can be sent, also with a signal", async () => {
      await expect(notifier.check()).resolves.toBeUndefined();
      await expect(notifier.check({ signal: new AbortController().signal })).resolves.toBeUndefined();
    });

    it("answers [] for no tokens", async () => {
      expect(await notifier.send([], message)).toEqual([]);
    });

    it("answers one outcome per token, in the order of the tokens", async () => {
      const tokens = ["device-token-a", "device-token-b", "device-token-c"];

      const outcomes = await notifier.send(tokens, message);

      expect(outcomes).toHaveLength(tokens.length);
      tokens.forEach((token, index) => expectWellFormed(outcomes[index], token));
    });

    it("answers one outcome per copy of a repeated token", async () => {
      const tokens = ["device-token-a", "device-token-a"];

      const outcomes = await notifier.send(tokens, message);

      expect(outcomes).toHaveLength(2);
      tokens.forEach((token, index) => expectWellFormed(outcomes[index], token));
    });

    it("answers every token of a send larger than any provider batch (520 tokens)", async () => {
      const tokens = Array.from({ length: 520 }, (_, index) => `device-token-${String(index).padStart(4, "0")}`);

      const outcomes = await notifier.send(tokens, message);

      expect(outcomes).toHaveLength(tokens.length);
      tokens.forEach((token, index) => expectWellFormed(outcomes[index], token));
    });

    if (options.invalidToken !== undefined) {
      const invalidToken = options.invalidToken;

      it("reports an invalid token as invalid-token", async () => {
        const [outcome] = await notifier.send([invalidToken], message);

        expect(outcome).toMatchObject({ token: invalidToken, status: "invalid-token" });
        expect(typeof (outcome as { reason?: unknown }).reason).toBe("string");
      });

      it("reports the invalid token in its place among others", async () => {
        const tokens = ["device-token-a", invalidToken, "device-token-b"];

        const outcomes = await notifier.send(tokens, message);

        expect(outcomes).toHaveLength(3);
        tokens.forEach((token, index) => expectWellFormed(outcomes[index], token));
        expect(outcomes[1]?.status).toBe("invalid-token");
      });
    }
  });
}
