import { BatchDetectSentimentCommand, ComprehendClient, type LanguageCode } from "@aws-sdk/client-comprehend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { comprehendScores, startFakeComprehendServer, type FakeComprehendServer } from "./comprehend-server.ts";

let comprehend: FakeComprehendServer;
let client: ComprehendClient;

beforeAll(async () => {
  comprehend = await startFakeComprehendServer();
  client = new ComprehendClient({ ...comprehend.clientConfig, maxAttempts: 1 });
});

afterAll(async () => {
  client?.destroy();
  await comprehend?.close();
});

beforeEach(() => {
  comprehend.fault = () => undefined;
  comprehend.oversizedDocuments = "reject-request";
  comprehend.documentError = () => undefined;
});

const detect = (TextList: string[], LanguageCode: LanguageCode = "en", on = client) => on.send(new BatchDetectSentimentCommand({ TextList, LanguageCode }));

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: { name: string; message: string; $fault: string; $metadata: { httpStatusCode?: number; attempts?: number } }) => error,
  );

describe("fake Amazon Comprehend BatchDetectSentiment through @aws-sdk/client-comprehend", () => {
  it("speaks JSON 1.1 with a SigV4 header and scores each document by the keyword rule", async () => {
    const response = await detect(["I feel calm and hopeful.", "I am tired and sad.", "We talked about the week.", "Good days, but anxious nights."]);
    expect(response.ResultList).toEqual([
      { Index: 0, Sentiment: "POSITIVE", SentimentScore: comprehendScores.POSITIVE },
      { Index: 1, Sentiment: "NEGATIVE", SentimentScore: comprehendScores.NEGATIVE },
      { Index: 2, Sentiment: "NEUTRAL", SentimentScore: comprehendScores.NEUTRAL },
      { Index: 3, Sentiment: "MIXED", SentimentScore: comprehendScores.MIXED },
    ]);
    expect(response.ErrorList).toEqual([]);
    for (const sentiment of Object.values(comprehendScores)) {
      expect(sentiment.Positive + sentiment.Negative + sentiment.Neutral + sentiment.Mixed).toBeCloseTo(1, 10);
    }

    const request = comprehend.received.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/", operation: "BatchDetectSentiment", body: { LanguageCode: "en" } });
    expect(request.headers["x-amz-target"]).toBe("Comprehend_20171127.BatchDetectSentiment");
    expect(request.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(request.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${comprehend.credentials.accessKeyId}/\\d{8}/us-east-1/comprehend/aws4_request, `),
    );
  });

  it("takes 25 documents and refuses 26 with BatchSizeLimitExceededException", async () => {
    const twentyFive = Array.from({ length: 25 }, (_, index) => `Document ${index} is good.`);
    expect((await detect(twentyFive)).ResultList).toHaveLength(25);
    const error = await rejection(detect([...twentyFive, "one more"]));
    expect(error).toMatchObject({
      name: "BatchSizeLimitExceededException",
      message: "The number of documents in the request exceeds the limit of 25. Try your request again with fewer documents.",
      $metadata: { httpStatusCode: 400 },
    });
  });

  describe("the 5,000-byte limit counts UTF-8 bytes, not characters", () => {
    it.each([
      ["5,000 ASCII characters", "a".repeat(5000)],
      ["2,500 two-byte characters (é)", "é".repeat(2500)],
      ["1,250 four-byte characters (😀, 2,500 UTF-16 units)", "😀".repeat(1250)],
      ["1,666 three-byte characters (日) and two ASCII", `${"日".repeat(1666)}ok`],
    ])("accepts %s (exactly at the limit)", async (_label, text) => {
      expect(Buffer.byteLength(text)).toBe(5000);
      const response = await detect([text]);
      expect(response.ResultList).toHaveLength(1);
    });

    it("refuses the whole request when one document is a byte over, though it has only 5,000 characters", async () => {
      const text = `${"a".repeat(4999)}é`;
      expect(text.length).toBe(5000);
      const error = await rejection(detect(["Fine.", text]));
      expect(error).toMatchObject({
        name: "TextSizeLimitExceededException",
        message: "Input text size exceeds limit. Max length of request text allowed is 5000 bytes while in this request the text size is 5001 bytes",
        $metadata: { httpStatusCode: 400 },
      });
    });

    it("names the document's size in bytes", async () => {
      const error = await rejection(detect(["é".repeat(2501)]));
      expect(error.message).toBe("Input text size exceeds limit. Max length of request text allowed is 5000 bytes while in this request the text size is 5002 bytes");
    });

    it('with oversizedDocuments "error-list": that document gets an ErrorList entry, the others keep their Index', async () => {
      comprehend.oversizedDocuments = "error-list";
      const response = await detect(["Good.", "é".repeat(2501), "Sad."]);
      expect(response.ResultList!.map((result) => [result.Index, result.Sentiment])).toEqual([
        [0, "POSITIVE"],
        [2, "NEGATIVE"],
      ]);
      expect(response.ErrorList).toEqual([
        {
          Index: 1,
          ErrorCode: "TEXT_SIZE_LIMIT_EXCEEDED",
          ErrorMessage: "Input text size exceeds limit. Max length of request text allowed is 5000 bytes while in this request the text size is 5002 bytes",
        },
      ]);
    });
  });

  it("reports scripted per-document failures in ErrorList and scores the rest", async () => {
    comprehend.documentError = (text) => (text.includes("glitch") ? { ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "Internal server error" } : undefined);
    const response = await detect(["Good.", "a glitch here", "Bad."]);
    expect(response.ResultList!.map((result) => result.Index)).toEqual([0, 2]);
    expect(response.ErrorList).toEqual([{ Index: 1, ErrorCode: "INTERNAL_SERVER_ERROR", ErrorMessage: "Internal server error" }]);
  });

  describe("requests the model's constraints refuse (ValidationException, the whole request)", () => {
    it("an empty document", async () => {
      const error = await rejection(detect(["Fine.", ""]));
      expect(error).toMatchObject({
        name: "ValidationException",
        message: "1 validation error detected: Value at 'textList.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
        $metadata: { httpStatusCode: 400 },
      });
    });

    it("no documents", async () => {
      const error = await rejection(detect([]));
      expect(error.message).toBe("1 validation error detected: Value at 'textList' failed to satisfy constraint: Member must have length greater than or equal to 1");
    });

    it("a language outside the enum", async () => {
      const error = await rejection(detect(["Fine."], "nl" as LanguageCode));
      expect(error).toMatchObject({ name: "ValidationException" });
      expect(error.message).toBe(
        "1 validation error detected: Value 'nl' at 'languageCode' failed to satisfy constraint: Member must satisfy enum value set: [en, es, fr, de, it, pt, ar, hi, ja, ko, zh, zh-TW]",
      );
    });
  });

  describe("faults, and what the SDK's retries make of them", () => {
    it("ThrottlingException with retries off: thrown as a client fault with status 400", async () => {
      comprehend.fault = () => ({ kind: "throttled" });
      expect(await rejection(detect(["Fine."]))).toMatchObject({ name: "ThrottlingException", $fault: "client", $metadata: { httpStatusCode: 400, attempts: 1 } });
    });

    it("ThrottlingException with the SDK's default retries: retried, then succeeds", async () => {
      const retrying = new ComprehendClient(comprehend.clientConfig);
      const first = comprehend.received.length;
      comprehend.fault = (_request, index) => (index === first ? { kind: "throttled" } : undefined);
      const response = await detect(["Good."], "en", retrying);
      expect(response.$metadata.attempts).toBe(2);
      expect(response.ResultList![0]!.Sentiment).toBe("POSITIVE");
      retrying.destroy();
    });

    it("500 InternalServerException: a server fault", async () => {
      comprehend.fault = () => ({ kind: "server-error" });
      expect(await rejection(detect(["Fine."]))).toMatchObject({ name: "InternalServerException", $fault: "server", $metadata: { httpStatusCode: 500 } });
    });

    it("a hang ends at the caller's abortSignal", async () => {
      comprehend.fault = () => ({ kind: "hang" });
      await expect(client.send(new BatchDetectSentimentCommand({ TextList: ["Fine."], LanguageCode: "en" }), { abortSignal: AbortSignal.timeout(200) })).rejects.toThrow(
        /abort/i,
      );
    });

    it("a malformed body is a deserialization error", async () => {
      comprehend.fault = () => ({ kind: "malformed" });
      await expect(detect(["Fine."])).rejects.toThrow(/JSON|Deserializ|Unexpected end/i);
    });
  });
});
