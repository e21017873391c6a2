/**
 * A fake of Amazon Comprehend's `BatchDetectSentiment` (JSON 1.1, target
 * `Comprehend_20171127.BatchDetectSentiment`, SigV4 signing name `comprehend`) on 127.0.0.1
 * over HTTP, for `@aws-sdk/client-comprehend` with `endpoint` pointed at it
 * (`new ComprehendClient(fake.clientConfig)`).
 *
 * Request `{ TextList: string[], LanguageCode }` → `{ ResultList: [{ Index, Sentiment,
 * SentimentScore: { Positive, Negative, Neutral, Mixed } }], ErrorList: [{ Index, ErrorCode,
 * ErrorMessage }] }`, both sorted by Index, a document in one of the two. Limits as the API
 * reference gives them:
 * - the model's constraints → 400 `ValidationException` in AWS's validation format: LanguageCode
 *   required and one of en, es, fr, de, it, pt, ar, hi, ja, ko, zh, zh-TW; TextList required
 *   with at least one document; every document at least 1 character (an empty string fails the
 *   whole request; TextList is sensitive, so the message names no value);
 * - more than 25 documents → 400 `BatchSizeLimitExceededException`;
 * - a document over 5,000 BYTES of UTF-8 (not characters) → by default the whole request fails
 *   with 400 `TextSizeLimitExceededException` and the message DetectSentiment is seen to answer
 *   ("Input text size exceeds limit. Max length of request text allowed is 5000 bytes while in
 *   this request the text size is N bytes"); `oversizedDocuments = "error-list"` reports it as
 *   that document's ErrorList entry (`TEXT_SIZE_LIMIT_EXCEEDED`) instead and scores the others.
 *   Which of the two the service does for a batch is not documented — an adapter must never
 *   send such a document, and survive both.
 * - `documentError` scripts per-document ErrorList entries (e.g. `INTERNAL_SERVER_ERROR`).
 *
 * Scoring is the shared keyword rule (fake-sentiment-lexicon.ts): positive and negative words
 * both → MIXED, only positive → POSITIVE, only negative → NEGATIVE, none → NEUTRAL, with fixed
 * scores that sum to 1 (`comprehendScores`). Faults (aws-json-service.ts): 400
 * ThrottlingException, 500 InternalServerException, a hang, a malformed body.
 */
import { AwsJsonError, fakeAwsCredentials, startAwsJsonService, type AwsJsonFault, type FakeAwsCredentials, type LocalAwsClientConfig, type ReceivedAwsRequest } from "./aws-json-service.ts";
import { ValidationErrors } from "./aws-validation.ts";
import { countSentimentWords } from "./fake-sentiment-lexicon.ts";

export const comprehendLimits = { documentsPerRequest: 25, bytesPerDocument: 5000 };

/** The `LanguageCode` enum of the Comprehend 2017-11-27 model (all of them support sentiment). */
export const comprehendLanguageCodes = ["en", "es", "fr", "de", "it", "pt", "ar", "hi", "ja", "ko", "zh", "zh-TW"] as const;

export type ComprehendSentiment = "POSITIVE" | "NEGATIVE" | "NEUTRAL" | "MIXED";

export const comprehendScores: Record<ComprehendSentiment, { Positive: number; Negative: number; Neutral: number; Mixed: number }> = {
  POSITIVE: { Positive: 0.91, Negative: 0.02, Neutral: 0.06, Mixed: 0.01 },
  NEGATIVE: { Positive: 0.02, Negative: 0.9, Neutral: 0.07, Mixed: 0.01 },
  NEUTRAL: { Positive: 0.04, Negative: 0.03, Neutral: 0.92, Mixed: 0.01 },
  MIXED: { Positive: 0.25, Negative: 0.2, Neutral: 0.05, Mixed: 0.5 },
};

export interface ComprehendItemError {
  ErrorCode: string;
  ErrorMessage: string;
}

export interface FakeComprehendServer {
  /** The service endpoint, e.g. http://127.0.0.1:41234 */
  url: string;
  region: string;
  credentials: FakeAwsCredentials;
  /** Spread into `new ComprehendClient(...)`; add `maxAttempts`/`requestHandler` as a test needs. */
  clientConfig: LocalAwsClientConfig;
  /** What a document over 5,000 bytes does (see the file comment). Default "reject-request". */
  oversizedDocuments: "reject-request" | "error-list";
  /** A per-document failure to report instead of a result (default none). */
  documentError: (text: string, index: number) => ComprehendItemError | undefined;
  /** Answers a request instead of the service when it returns a fault; index counts every request. */
  fault: (request: ReceivedAwsRequest, index: number) => AwsJsonFault | undefined;
  received: ReceivedAwsRequest[];
  close(): Promise<void>;
}

export function comprehendSentimentOf(text: string): ComprehendSentiment {
  const { positive, negative } = countSentimentWords(text);
  if (positive > 0 && negative > 0) return "MIXED";
  if (positive > 0) return "POSITIVE";
  if (negative > 0) return "NEGATIVE";
  return "NEUTRAL";
}

const textSizeMessage = (bytes: number) =>
  `Input text size exceeds limit. Max length of request text allowed is ${comprehendLimits.bytesPerDocument} bytes while in this request the text size is ${bytes} bytes`;

/**
 * @param options.credentials the access key the fake admits (default: a random one); e.g. the S3
 * stand-in's, for processes whose SDK clients share one credential chain (`AWS_*` variables).
 */
export async function startFakeComprehendServer(options: { region?: string; credentials?: FakeAwsCredentials } = {}): Promise<FakeComprehendServer> {
  const region = options.region ?? "us-east-1";
  const credentials = options.credentials ?? fakeAwsCredentials();
  const fake: FakeComprehendServer = {
    url: "",
    region,
    credentials,
    clientConfig: { endpoint: "", region, credentials },
    oversizedDocuments: "reject-request",
    documentError: () => undefined,
    fault: () => undefined,
    received: [],
    close: async () => {},
  };

  function batchDetectSentiment(input: Record<string, unknown>) {
    const errors = new ValidationErrors();
    const { TextList: textList, LanguageCode: languageCode } = input;
    if (!errors.required(textList, "textList")) {
      const texts = Array.isArray(textList) ? textList : [];
      errors.length(texts, "textList", 1, undefined, true);
      texts.forEach((text, index) => errors.length(String(text ?? ""), `textList.${index + 1}.member`, 1, undefined, true));
    }
    if (!errors.required(languageCode, "languageCode")) errors.oneOf(String(languageCode), "languageCode", comprehendLanguageCodes);
    const invalid = errors.toError("ValidationException");
    if (invalid !== undefined) throw invalid;

    const texts = (textList as unknown[]).map(String);
    if (texts.length > comprehendLimits.documentsPerRequest) {
      throw new AwsJsonError(
        400,
        "BatchSizeLimitExceededException",
        `The number of documents in the request exceeds the limit of ${comprehendLimits.documentsPerRequest}. Try your request again with fewer documents.`,
      );
    }
    const sizes = texts.map((text) => Buffer.byteLength(text, "utf8"));
    const oversized = sizes.findIndex((size) => size > comprehendLimits.bytesPerDocument);
    if (oversized !== -1 && fake.oversizedDocuments === "reject-request") {
      throw new AwsJsonError(400, "TextSizeLimitExceededException", textSizeMessage(sizes[oversized]!));
    }

    const ResultList: { Index: number; Sentiment: ComprehendSentiment; SentimentScore: (typeof comprehendScores)[ComprehendSentiment] }[] = [];
    const ErrorList: ({ Index: number } & ComprehendItemError)[] = [];
    texts.forEach((text, index) => {
      const scripted = fake.documentError(text, index);
      if (sizes[index]! > comprehendLimits.bytesPerDocument) {
        ErrorList.push({ Index: index, ErrorCode: "TEXT_SIZE_LIMIT_EXCEEDED", ErrorMessage: textSizeMessage(sizes[index]!) });
      } else if (scripted !== undefined) {
        ErrorList.push({ Index: index, ...scripted });
      } else {
        const sentiment = comprehendSentimentOf(text);
        ResultList.push({ Index: index, Sentiment: sentiment, SentimentScore: comprehendScores[sentiment] });
      }
    });
    return { ResultList, ErrorList };
  }

  const listener = await startAwsJsonService({
    targetPrefix: "Comprehend_20171127",
    signingName: "comprehend",
    region,
    credentials,
    internalErrorType: "InternalServerException",
    operations: { BatchDetectSentiment: async (input) => batchDetectSentiment(input) },
    received: fake.received,
    fault: () => fake.fault,
  });
  fake.url = listener.url;
  fake.clientConfig.endpoint = listener.url;
  fake.close = listener.close;
  return fake;
}
