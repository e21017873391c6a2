import { describe, expect, it } from "vitest";
import type { Session } from "../../domain/session.ts";
import { ConfideError } from "../../errors.ts";
import { createRecordingLogger } from "../../testing/recording-logger.ts";
import { createTestDeps } from "../../testing/test-deps.ts";
import { storeSession } from "../sessions/session-fixture.test-support.ts";
import { recordFailure } from "./retry-policy.ts";

async function setUp() {
  const logger = createRecordingLogger();
  const deps = createTestDeps({ logger, settings: { maxProviderAttempts: 2, baseRetryDelayMs: 1_000, maxRetryDelayMs: 60_000 } });
  const session = await storeSession(deps, { status: "analyzing" });
  return { deps, session, logger };
}

describe("what the retry policy logs", () => {
  it("a retryable failure: the failure with its code and attempt, then the retry with its delay", async () => {
    const { deps, session, logger } = await setUp();
    await recordFailure(deps, session, new ConfideError("provider.throttled", "Slow down.", { retryable: true }));

    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.provider_failed",
      fields: { sessionId: session.id, status: "analyzing", code: "provider.throttled", retryable: true, attempts: 1 },
    });
    // Full jitter: half of the first ceiling (1 s) with the test deps' random 0.5.
    expect(logger.entries).toContainEqual({ level: "info", message: "session.retry_scheduled", fields: { sessionId: session.id, attempts: 1, delayMs: 500 } });
  });

  it("an error that is no ConfideError: logged as the provider being unavailable, with the error's name", async () => {
    const { deps, session, logger } = await setUp();
    await recordFailure(deps, session, new TypeError("undefined is not a function"));

    expect(logger.entries).toContainEqual({
      level: "warn",
      message: "session.provider_failed",
      fields: { sessionId: session.id, status: "analyzing", code: "provider.unavailable", retryable: true, attempts: 1, errorName: "TypeError" },
    });
  });

  it("a failure that is not retried: the session fails, and that is logged with the code", async () => {
    const { deps, session, logger } = await setUp();
    await recordFailure(deps, session, new ConfideError("provider.rejected", "Bad audio."));

    expect(((await deps.sessions.get(session.id)) as Session).status).toBe("failed");
    expect(logger.entries).toContainEqual({ level: "warn", message: "session.failed", fields: { sessionId: session.id, code: "provider.rejected", retryable: false } });
    expect(logger.entries.map((entry) => entry.message)).not.toContain("session.retry_scheduled");
  });
});
