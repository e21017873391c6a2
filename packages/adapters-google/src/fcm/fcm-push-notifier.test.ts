import type { PushMessage, PushNotifier } from "@confide/core/ports";
import type { Credential } from "firebase-admin/app";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { Agent } from "node:https";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describePushNotifierContract, expectConfideError } from "@confide/contracts";
import { fcmErrors, startFakeFcmServer, type FakeFcmServer } from "@confide/contracts/fakes";
import type { FcmSettings } from "./settings.ts";
import { createFcmPushNotifier } from "./fcm-push-notifier.ts";

const projectId = "confide-test";
let fake: FakeFcmServer;
let scratch: string;

beforeAll(async () => {
  fake = await startFakeFcmServer();
  scratch = await mkdtemp(join(tmpdir(), "confide-fcm-test-"));
});

beforeEach(() => {
  fake.answer = (token) => (token.startsWith("unregistered") ? fcmErrors.unregistered() : undefined);
  fake.responseDelayMs = 0;
  fake.sends.length = 0;
  fake.bursts.length = 0;
  fake.maxInFlight = 0;
});

afterAll(async () => {
  await fake?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** A notifier whose firebase-admin app talks to the fake over its HTTP/1.1 transport. */
function notifierOnFake(overrides: Partial<FcmSettings> = {}): PushNotifier {
  return createFcmPushNotifier({
    credential: fake.credential as Credential,
    projectId,
    httpAgent: fake.agent,
    ...overrides,
  });
}

describePushNotifierContract({
  name: "fcm (firebase-admin against a fake FCM v1 endpoint)",
  create: async () => notifierOnFake(),
  invalidToken: "unregistered-token-1",
});

const message: PushMessage = {
  title: "Session ready for review",
  body: "A transcript is ready.",
  data: { sessionId: "session-7", status: "ready" },
};

describe("FCM push notifier", () => {
  const opened: PushNotifier[] = [];
  const open = (notifier: PushNotifier) => {
    opened.push(notifier);
    return notifier;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((notifier) => notifier.close()));
  });

  it("sends 1,201 tokens in three batches of at most 500 and reports dead tokens as invalid-token", async () => {
    const tokens = Array.from({ length: 1201 }, (_, index) =>
      index % 100 === 7 ? `unregistered-${index}` : index % 150 === 11 ? `malformed-${index}` : `device-${index}`,
    );
    fake.answer = (token) =>
      token.startsWith("unregistered") ? fcmErrors.unregistered() : token.startsWith("malformed") ? fcmErrors.invalidToken() : undefined;
    // Answers wait a little, so the requests of one batch overlap and batches show as bursts.
    fake.responseDelayMs = 100;
    const notifier = open(notifierOnFake());

    const outcomes = await notifier.send(tokens, message);

    expect(outcomes.map((outcome) => outcome.token)).toEqual(tokens);
    tokens.forEach((token, index) => {
      const expected = token.startsWith("device") ? "ok" : "invalid-token";
      expect(outcomes[index]?.status, token).toBe(expected);
    });
    expect(outcomes.find((outcome) => outcome.token === "unregistered-7")).toMatchObject({
      status: "invalid-token",
      reason: expect.stringContaining("messaging/registration-token-not-registered"),
    });
    expect(outcomes.find((outcome) => outcome.token === "malformed-11")).toMatchObject({
      status: "invalid-token",
      reason: expect.stringContaining("messaging/invalid-argument"),
    });
    expect(outcomes.filter((outcome) => outcome.status === "invalid-token")).toHaveLength(12 + 8);

    // FCM saw each token once, in three waves of 500, 500 and 201 requests.
    expect(fake.sends.map((send) => send.token).sort()).toEqual([...tokens].sort());
    expect(fake.bursts).toEqual([500, 500, 201]);
    expect(fake.maxInFlight).toBeLessThanOrEqual(500);
  });

  it("sends the notification and data of the FCM v1 message to the project's endpoint", async () => {
    const notifier = open(notifierOnFake());

    await notifier.send(["device-a"], message);

    expect(fake.sends).toEqual([
      {
        projectId,
        token: "device-a",
        message: {
          token: "device-a",
          notification: { title: message.title, body: message.body },
          data: { sessionId: "session-7", status: "ready" },
        },
        validateOnly: false,
        authorization: `Bearer ${fake.accessToken}`,
        host: "fcm.googleapis.com",
      },
    ]);
  });

  it("asks for immediate delivery of a high-priority message on Android and iOS", async () => {
    const notifier = open(notifierOnFake());

    await notifier.send(["device-a"], { ...message, priority: "high" });

    expect(fake.sends[0]?.message).toEqual({
      token: "device-a",
      notification: { title: message.title, body: message.body },
      data: { sessionId: "session-7", status: "ready" },
      android: { priority: "high" },
      apns: { headers: { "apns-priority": "10" } },
    });
  });

  it("asks FCM to validate only in dry-run mode", async () => {
    const notifier = open(notifierOnFake({ dryRun: true }));

    expect(await notifier.send(["device-a"], message)).toEqual([{ token: "device-a", status: "ok" }]);
    expect(fake.sends[0]?.validateOnly).toBe(true);
  });

  it("reports throttling and FCM internal errors as retryable failures, others as final ones", async () => {
    const answers = {
      "busy-1": fcmErrors.quotaExceeded(),
      "broken-1": fcmErrors.internal(),
      "other-project-1": fcmErrors.senderIdMismatch(),
      "bad-payload-1": fcmErrors.invalidPayload(),
    } as const;
    fake.answer = (token) => answers[token as keyof typeof answers];
    const notifier = open(notifierOnFake());

    const outcomes = await notifier.send(["busy-1", "broken-1", "other-project-1", "bad-payload-1", "device-1"], message);

    expect(outcomes).toEqual([
      { token: "busy-1", status: "failed", retryable: true, reason: expect.stringContaining("messaging/message-rate-exceeded") },
      { token: "broken-1", status: "failed", retryable: true, reason: expect.stringContaining("messaging/internal-error") },
      { token: "other-project-1", status: "failed", retryable: false, reason: expect.stringContaining("messaging/mismatched-credential") },
      // invalid-argument about the payload, not the token: the device stays.
      { token: "bad-payload-1", status: "failed", retryable: false, reason: expect.stringContaining("messaging/invalid-argument") },
      { token: "device-1", status: "ok" },
    ]);
  });

  it("answers an empty token as invalid-token without sending it", async () => {
    const notifier = open(notifierOnFake());

    const outcomes = await notifier.send(["", "device-1", "   "], message);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["invalid-token", "ok", "invalid-token"]);
    expect(fake.sends.map((send) => send.token)).toEqual(["device-1"]);
  });

  it("throws dependency.unavailable (retryable) when FCM cannot be reached at all", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    class NowhereAgent extends Agent {
      override createConnection(): Socket {
        return connect(port, "127.0.0.1");
      }
    }
    const notifier = open(notifierOnFake({ httpAgent: new NowhereAgent() }));

    const error = await expectConfideError(notifier.send(["device-1", "device-2"], message), "dependency.unavailable");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("app/network-error");
  });

  it("throws dependency.unavailable when no access token can be had", async () => {
    const notifier = open(
      notifierOnFake({
        credential: {
          getAccessToken: async () => {
            throw new Error("invalid_grant: Invalid JWT Signature.");
          },
        } as Credential,
      }),
    );

    const error = await expectConfideError(notifier.send(["device-1"], message), "dependency.unavailable");
    expect(error.message).toContain("app/invalid-credential");
    expect(fake.sends).toEqual([]);
  });

  it("refuses to send after close and deletes the firebase-admin app it created", async () => {
    const { getApps } = await import("firebase-admin/app");
    const notifier = notifierOnFake();
    await notifier.send(["device-1"], message);
    const appsBefore = getApps().length;

    await notifier.close();

    expect(getApps().length).toBe(appsBefore - 1);
    await expectConfideError(notifier.send(["device-1"], message), "dependency.unavailable");
  });

  describe("settings", () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const serviceAccount = {
      type: "service_account",
      project_id: projectId,
      private_key_id: "key-1",
      private_key: privateKey,
      client_email: `confide@${projectId}.iam.gserviceaccount.com`,
      client_id: "1234567890",
      token_uri: "https://oauth2.googleapis.com/token",
    };

    it("reads a service account file, and answers no tokens without contacting FCM", async () => {
      const path = join(scratch, "service-account.json");
      await writeFile(path, JSON.stringify(serviceAccount));

      const notifier = open(createFcmPushNotifier({ serviceAccountPath: path }));

      expect(await notifier.send([], message)).toEqual([]);
    });

    it("check loads firebase-admin and the credentials without contacting FCM, and refuses a malformed key", async () => {
      const notifier = open(createFcmPushNotifier({ serviceAccount, httpAgent: fake.agent }));
      await notifier.check();
      expect(fake.sends).toEqual([]);

      const malformed = open(createFcmPushNotifier({ serviceAccount: { ...serviceAccount, private_key: "not a PEM key" } }));
      await expectConfideError(malformed.check(), "dependency.unavailable");

      await notifier.close();
      await expectConfideError(notifier.check(), "dependency.unavailable");
    });

    it("refuses a missing file, an incomplete account, several credential sources and a bad batch size", () => {
      const refused = (settings: FcmSettings, setting: string) =>
        expect(() => createFcmPushNotifier(settings)).toThrow(
          expect.objectContaining({ code: "validation.invalid_input", details: { setting } }) as unknown as Error,
        );
      refused({ serviceAccountPath: join(scratch, "missing.json") }, "serviceAccountPath");
      refused({ serviceAccount: { ...serviceAccount, private_key: undefined } }, "serviceAccount");
      refused({ serviceAccount, credential: fake.credential as Credential }, "serviceAccount");
      refused({}, "serviceAccountPath");
      refused({ credential: fake.credential as Credential }, "projectId");
      refused({ serviceAccount, batchSize: 501 }, "batchSize");
      refused({ serviceAccount, httpAgent: fake.agent, transport: "http2" }, "transport");
    });
  });
});
