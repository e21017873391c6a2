import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { inspect } from "node:util";
import { AzureKeyCredential, TextAnalyticsClient } from "@azure/ai-text-analytics";
import { ConfideError, type LanguageAnalyzer } from "@confide/core/ports";
import { clearlyNegative, clearlyPositive, describeLanguageAnalyzerContract, expectConfideError, neutralSentences } from "@confide/contracts";
import { startFakeTextAnalyticsServer, type FakeTextAnalyticsServer } from "@confide/contracts/fakes";
import { createSelfSignedCertificate } from "@confide/contracts/support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAzureTextAnalyticsLanguageAnalyzer } from "./azure-text-analytics-language-analyzer.ts";
import type { AzureTextAnalyticsSettings } from "./settings.ts";

let fake: FakeTextAnalyticsServer;

beforeAll(async () => {
  fake = await startFakeTextAnalyticsServer();
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fake.fault = () => undefined;
});

/** The adapter as the descriptor builds it, with a key, against the fake (plain http). */
function analyzer(settings: Partial<AzureTextAnalyticsSettings> = {}): Promise<LanguageAnalyzer> {
  return createAzureTextAnalyticsLanguageAnalyzer({
    endpoint: fake.url,
    key: fake.key,
    clientOptions: { allowInsecureConnection: true },
    ...settings,
  });
}

/** Requests the fake received from `from` on that carried documents. */
const sentimentRequests = (from: number) => fake.received.slice(from).filter((request) => request.documents.length > 0);

describeLanguageAnalyzerContract({ name: "azure-text-analytics (fake Text Analytics v3.1, real SDK)", create: () => analyzer() });

describe("Azure Text Analytics language analyzer", () => {
  const language = "en-US";

  it("sends at most 10 documents a request, in the transcript's language as Text Analytics names it, with the key", async () => {
    const texts = Array.from({ length: 26 }, (_, index) => (index % 2 === 0 ? clearlyPositive[0] : clearlyNegative[0]) as string);
    const from = fake.received.length;

    const results = await (await analyzer()).sentiment(texts, { language });

    const requests = sentimentRequests(from);
    expect(requests.map((request) => request.documents.length)).toEqual([10, 10, 6]);
    expect(requests.flatMap((request) => request.documents.map((document) => document.language))).toEqual(Array(26).fill("en"));
    expect(requests.flatMap((request) => request.documents.map((document) => document.text))).toEqual(texts);
    expect(requests[0]!.headers["ocp-apim-subscription-key"]).toBe(fake.key);
    // A patient's words: the service must not keep them in its logs.
    for (const request of requests) expect(request.query.loggingOptOut).toBe("true");
    expect(results.map((result) => result.label)).toEqual(texts.map((_, index) => (index % 2 === 0 ? "positive" : "negative")));
  });

  it("splits a 12,000-character text on sentence ends into documents within 5,120 and answers one result for it", async () => {
    const sentences = ["I felt calm and hopeful on Monday.", "The bus was late.", "Then I was sad and tired all evening."];
    let long = "";
    for (let index = 0; long.length < 12_000; index += 1) long += `${sentences[index % 3]} `;
    long = long.slice(0, 12_000);
    const from = fake.received.length;

    const results = await (await analyzer()).sentiment([neutralSentences[0] as string, long], { language });

    const [request] = sentimentRequests(from);
    expect(request!.documents).toHaveLength(4);
    const pieces = request!.documents.slice(1).map((document) => document.text);
    expect(pieces.join("")).toBe(long);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(5120);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/\. $/);
    expect(results).toHaveLength(2);
    expect(results[1]!.label).toBe("mixed");
    expect(results[1]!.scores.mixed).toBeGreaterThan(0.5);
  });

  it("sends 5,120 emoji as one document (5,120 characters although 10,240 UTF-16 units) and 5,121 as two", async () => {
    const from = fake.received.length;
    await (await analyzer()).sentiment(["😀".repeat(5120), "😀".repeat(5121)], { language });
    expect(sentimentRequests(from)[0]!.documents.map((document) => Array.from(document.text).length)).toEqual([5120, 5120, 1]);
  });

  it("maps sentences to four scores: agreeing sentences leave mixed at 0, a positive and a negative one make it mixed", async () => {
    const [positive, mixed, neutral] = await (await analyzer()).sentiment(
      ["I am happy. I feel calm.", "I feel glad. I feel hurt.", "The bus was late."],
      { language },
    );
    expect(positive).toEqual({ label: "positive", scores: { positive: expect.closeTo(0.9, 6), neutral: expect.closeTo(0.08, 6), negative: expect.closeTo(0.02, 6), mixed: 0 } });
    expect(mixed!.label).toBe("mixed");
    // Equal sentences of 0.9 each: mixed = 2 × min(0.45, 0.45); 0.01 left on each side.
    expect(mixed!.scores.mixed).toBeCloseTo(0.9, 6);
    expect(mixed!.scores.positive).toBeCloseTo(0.01, 6);
    expect(mixed!.scores.negative).toBeCloseTo(0.01, 6);
    expect(neutral!.label).toBe("neutral");
    expect(neutral!.scores.neutral).toBeCloseTo(0.9, 6);
  });

  it("answers whitespace-only texts neutral without sending them (the service would refuse them)", async () => {
    const from = fake.received.length;
    const results = await (await analyzer()).sentiment(["  ", clearlyPositive[1] as string, ""], { language });
    expect(results.map((result) => result.label)).toEqual(["neutral", "positive", "neutral"]);
    expect(sentimentRequests(from)[0]!.documents).toHaveLength(1);
  });

  it("fails the call when one document fails (partial failure), never answering it neutral", async () => {
    const tested = await analyzer();
    const from = fake.received.length;
    // The fake scores en but not tlh: every document of the batch fails as UnsupportedLanguageCode.
    const unsupported = await expectConfideError(tested.sentiment(["Qapla'!", "Good."], { language: "tlh" }), "provider.unsupported");
    expect(unsupported.retryable).toBe(false);
    expect(unsupported.details).toMatchObject({ reason: "UnsupportedLanguageCode", textIndex: 0 });
    expect(sentimentRequests(from)).toHaveLength(1);

    // Only the second document of a batch fails: a pipeline policy (the test's seam) gives it a
    // language the service refuses, as the service would fail one document on its own.
    const client = new TextAnalyticsClient(fake.url, new AzureKeyCredential(fake.key), {
      allowInsecureConnection: true,
      additionalPolicies: [
        {
          position: "perCall",
          policy: {
            name: "second-document-unsupported",
            sendRequest: async (request, next) => {
              const body = JSON.parse(String(request.body)) as { documents: { language: string }[] };
              if (body.documents[1]) body.documents[1].language = "tlh";
              request.body = JSON.stringify(body);
              return next(request);
            },
          },
        },
      ],
    });
    // The endpoint is required (its variable is); with a ready client it is unused.
    const partial = await createAzureTextAnalyticsLanguageAnalyzer({ endpoint: fake.url, client });
    const texts = [clearlyPositive[0], clearlyNegative[0], clearlyPositive[1]] as string[];
    const failed = await expectConfideError(partial.sentiment(texts, { language }), "provider.unsupported");
    expect(failed.details).toMatchObject({ textIndex: 1 });
    // Without the policy the same texts are all scored: the failure was the one document's.
    expect((await tested.sentiment(texts, { language })).map((result) => result.label)).toEqual(["positive", "negative", "positive"]);
  });

  describe("failures of the service, with the SDK's retries as the adapter sets them", () => {
    it("429 → provider.throttled, retryable, with Retry-After; the SDK does not wait it out itself", async () => {
      const from = fake.received.length;
      fake.fault = () => ({ kind: "throttled", retryAfterSeconds: 7 });
      const startedAt = Date.now();
      const error = await expectConfideError((await analyzer()).sentiment(["Good."], { language }), "provider.throttled");
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(7_000);
      expect(error.details).toMatchObject({ status: 429 });
      expect(fake.received.length - from).toBe(1);
    });

    it("with maxRetries 1 the SDK retries one 429 after its Retry-After and the call succeeds", async () => {
      const from = fake.received.length;
      fake.fault = (_request, index) => (index === from ? { kind: "throttled", retryAfterSeconds: 1 } : undefined);
      const [result] = await (await analyzer({ maxRetries: 1 })).sentiment([clearlyPositive[2] as string], { language });
      expect(result!.label).toBe("positive");
      expect(fake.received.length - from).toBe(2);
    });

    it("500 → provider.unavailable, retryable", async () => {
      fake.fault = () => ({ kind: "server-error" });
      const error = await expectConfideError((await analyzer()).sentiment(["Good."], { language }), "provider.unavailable");
      expect(error.retryable).toBe(true);
      expect(error.details).toMatchObject({ status: 500 });
    });

    it("a hang ends at the request timeout as provider.timeout, retryable", async () => {
      fake.fault = () => ({ kind: "hang" });
      const startedAt = Date.now();
      const error = await expectConfideError((await analyzer({ requestTimeoutMs: 300 })).sentiment(["Good."], { language }), "provider.timeout");
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect(error.retryable).toBe(true);
    });

    it("a hang with SDK retries on still ends at the one timeout", async () => {
      fake.fault = () => ({ kind: "hang" });
      const startedAt = Date.now();
      await expectConfideError((await analyzer({ requestTimeoutMs: 300, maxRetries: 3 })).sentiment(["Good."], { language }), "provider.timeout");
      expect(Date.now() - startedAt).toBeLessThan(3_000);
    });

    it("the caller's abort ends a hanging request with the caller's reason", async () => {
      fake.fault = () => ({ kind: "hang" });
      const controller = new AbortController();
      const reason = new ConfideError("dependency.unavailable", "the worker is stopping", { retryable: true });
      setTimeout(() => controller.abort(reason), 100);
      await expect((await analyzer()).sentiment(["Good."], { language, signal: controller.signal })).rejects.toBe(reason);
    });

    it("a malformed body → provider.bad_response", async () => {
      fake.fault = () => ({ kind: "malformed" });
      await expectConfideError((await analyzer()).sentiment(["Good."], { language }), "provider.bad_response");
    });

    it("a wrong key → provider.rejected, not retryable, and the message holds no key", async () => {
      const error = await expectConfideError((await analyzer({ key: "not-the-key" })).sentiment(["Good."], { language }), "provider.rejected");
      expect(error.retryable).toBe(false);
      expect(error.details).toMatchObject({ status: 401 });
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain("not-the-key");
      // Nor does the error as a log would print it, its cause (the SDK's RestError, which holds the request) included.
      expect(inspect(error, { depth: 20 })).not.toContain("not-the-key");
      expect(JSON.stringify(error, ["message", "cause", "request", "headers", "details"])).not.toContain("not-the-key");
    });

    it("an endpoint that refuses connections → provider.unavailable, retryable", async () => {
      const error = await expectConfideError(
        (await analyzer({ endpoint: "http://127.0.0.1:9", requestTimeoutMs: 5_000 })).sentiment(["Good."], { language }),
        "provider.unavailable",
      );
      expect(error.retryable).toBe(true);
    });
  });

  describe("check", () => {
    it("resolves without scoring anything (a batch over the limit, which the service refuses after signing in)", async () => {
      const from = fake.received.length;
      await (await analyzer()).check();
      const probes = fake.received.slice(from);
      expect(probes).toHaveLength(1);
      expect(probes[0]!.documents).toHaveLength(11);
      expect(probes[0]!.headers["ocp-apim-subscription-key"]).toBe(fake.key);
    });

    it("is dependency.unavailable for a wrong key (not retryable) and a server error (retryable)", async () => {
      const wrongKey = await expectConfideError((await analyzer({ key: "wrong" })).check(), "dependency.unavailable");
      expect(wrongKey.retryable).toBe(false);
      fake.fault = () => ({ kind: "server-error", status: 503 });
      const down = await expectConfideError((await analyzer()).check(), "dependency.unavailable");
      expect(down.retryable).toBe(true);
    });
  });

  describe("settings", () => {
    it("refuses a missing endpoint and an empty key as validation.invalid_input naming the setting", async () => {
      const noEndpoint = await expectConfideError(createAzureTextAnalyticsLanguageAnalyzer({ key: "k" } as AzureTextAnalyticsSettings), "validation.invalid_input");
      expect(noEndpoint.details).toEqual({ setting: "endpoint" });
      const emptyKey = await expectConfideError(createAzureTextAnalyticsLanguageAnalyzer({ endpoint: fake.url, key: " " }), "validation.invalid_input");
      expect(emptyKey.details).toEqual({ setting: "key" });
    });

    it("signs in with the token credential when no key is given; a credential that cannot sign in is provider.rejected", async () => {
      let asked = 0;
      const credential = {
        getToken: async () => {
          asked += 1;
          throw Object.assign(new Error("No managed identity endpoint found."), { name: "CredentialUnavailableError" });
        },
      };
      // https: the SDK sends bearer tokens over TLS only (it asks the credential before connecting).
      const tested = await createAzureTextAnalyticsLanguageAnalyzer({ endpoint: "https://127.0.0.1:9", credential, requestTimeoutMs: 5_000 });
      const error = await expectConfideError(tested.sentiment(["Good."], { language }), "provider.rejected");
      expect(error.retryable).toBe(false);
      expect(error.details).toMatchObject({ reason: "CredentialUnavailableError" });
      expect(asked).toBeGreaterThan(0);
    });

    it("signs in with Entra ID over TLS: the credential's bearer token reaches the service", async () => {
      const certificate = await createSelfSignedCertificate();
      const upstream = new URL(fake.url);
      // TLS in front of the plain-http fake: the SDK sends bearer tokens over https only.
      const sockets = new Set<{ destroy(): void }>();
      const terminator = createTlsServer({ key: certificate.key, cert: certificate.cert }, (socket) => {
        const link = connect(Number(upstream.port), upstream.hostname);
        sockets.add(socket).add(link);
        socket.pipe(link).pipe(socket);
        const end = () => {
          socket.destroy();
          link.destroy();
        };
        socket.on("error", end);
        link.on("error", end);
      });
      await new Promise<void>((resolve) => terminator.listen(0, "127.0.0.1", resolve));
      try {
        const { port } = terminator.address() as AddressInfo;
        let scopes: string | string[] = "";
        const credential = {
          getToken: async (asked: string | string[]) => {
            scopes = asked;
            return { token: fake.bearerToken, expiresOnTimestamp: Date.now() + 3_600_000 };
          },
        };
        const tested = await createAzureTextAnalyticsLanguageAnalyzer({
          endpoint: `https://127.0.0.1:${port}`,
          credential,
          // core-rest-pipeline takes the CA here (not in the typings).
          clientOptions: { tlsOptions: { ca: certificate.cert } } as never,
        });
        const from = fake.received.length;
        const [result] = await tested.sentiment([clearlyPositive[0] as string], { language });
        expect(result!.label).toBe("positive");
        expect(sentimentRequests(from)[0]!.headers.authorization).toBe(`Bearer ${fake.bearerToken}`);
        expect(sentimentRequests(from)[0]!.headers["ocp-apim-subscription-key"]).toBeUndefined();
        expect(scopes).toEqual(["https://cognitiveservices.azure.com/.default"]);
        await tested.check();
      } finally {
        // The SDK keeps its connection alive: end it so the server closes now.
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => terminator.close(resolve));
        await certificate.remove();
      }
    });

    it("over plain http a token credential is refused by the SDK before sending: a configuration error, not retryable", async () => {
      const credential = { getToken: async () => ({ token: fake.bearerToken, expiresOnTimestamp: Date.now() + 3_600_000 }) };
      const from = fake.received.length;
      const error = await expectConfideError(
        createAzureTextAnalyticsLanguageAnalyzer({ endpoint: fake.url, credential, clientOptions: { allowInsecureConnection: true } }).then((tested) =>
          tested.sentiment(["Good."], { language }),
        ),
        "provider.unavailable",
      );
      expect(error.retryable).toBe(false);
      expect(fake.received.length).toBe(from);
    });
  });
});
