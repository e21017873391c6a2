import type { Logger } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { describePushNotifierContract } from "@confide/contracts";
import { createLogPushNotifier } from "./log-push-notifier.ts";

function capturingLogger(): Logger & { lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> } {
  const lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  const write = (level: string) => (message: string, fields: Record<string, unknown> = {}) =>
    void lines.push({ level, message, fields });
  return { lines, info: write("info"), warn: write("warn"), error: write("error") };
}

describePushNotifierContract({
  name: "log",
  create: async () => createLogPushNotifier({ logger: capturingLogger() }),
});

describe("log push notifier", () => {
  const message = {
    title: "Session ready for review",
    body: "Patient said they are worried about their job",
    data: { sessionId: "session-42", status: "ready" },
  };

  it("logs one line per token with the token's end, the title and the data keys, never the body", async () => {
    const logger = capturingLogger();
    const notifier = createLogPushNotifier({ logger });
    const tokens = ["fcm-token-aaaaaaaaaaaa-111111", "fcm-token-bbbbbbbbbbbb-222222"];

    const outcomes = await notifier.send(tokens, message);

    expect(outcomes).toEqual(tokens.map((token) => ({ token, status: "ok" })));
    expect(logger.lines).toEqual([
      {
        level: "info",
        message: "push.notification",
        fields: { token: "…111111", title: "Session ready for review", dataKeys: ["sessionId", "status"] },
      },
      {
        level: "info",
        message: "push.notification",
        fields: { token: "…222222", title: "Session ready for review", dataKeys: ["sessionId", "status"] },
      },
    ]);
    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain("worried");
    expect(logged).not.toContain("fcm-token-aaaa");
    expect(logged).not.toContain("session-42");
  });

  it("does not reveal any of a very short token", async () => {
    const logger = capturingLogger();

    await createLogPushNotifier({ logger }).send(["abc"], message);

    expect(logger.lines[0]?.fields.token).toBe("…");
  });

  it("logs nothing for no tokens", async () => {
    const logger = capturingLogger();

    expect(await createLogPushNotifier({ logger }).send([], message)).toEqual([]);
    expect(logger.lines).toEqual([]);
  });
});
