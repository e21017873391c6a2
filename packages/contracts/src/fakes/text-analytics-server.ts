/**
 * A fake of Azure Text Analytics v3.1 sentiment — what `@azure/ai-text-analytics` 5.1's
 * `TextAnalyticsClient.analyzeSentiment` calls: `POST {endpoint}/text/analytics/v3.1/sentiment`
 * with the query `opinionMining`, `stringIndexType` (the SDK sends `Utf16CodeUnit`),
 * `showStats`, `model-version`, `loggingOptOut`, the body `{ documents: [{ id, text, language }] }`
 * and the header `Ocp-Apim-Subscription-Key` (or a bearer token). Plain HTTP on 127.0.0.1: the
 * SDK client needs `allowInsecureConnection: true` for an http endpoint.
 *
 * It answers the documented response — `documents[]` with `sentiment`
 * (positive/neutral/negative/mixed), `confidenceScores`, `sentences[]` with `offset`/`length`
 * in the requested string index type, `warnings`; `errors[]` per document; `modelVersion` —
 * and enforces the service's limits with the service's errors:
 * - more than 10 documents → 400 `InvalidDocumentBatch` ("Batch request contains too many
 *   records. Max 10 records are permitted.");
 * - a document over 5,120 text elements (grapheme clusters) → that document in `errors` with
 *   `InvalidDocument` ("A document within the request was too large to be processed. ..."),
 *   the others still scored; an empty document and an unsupported language likewise;
 * - duplicate ids → 400, no documents → 400.
 *
 * Scoring is a keyword rule (`fakeSentimentLexicon`, fake-sentiment-lexicon.ts), so results are deterministic: a sentence
 * is positive when it has more positive than negative words, negative for the reverse, else
 * neutral; a document is mixed when it has both positive and negative sentences.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { admitCognitiveServicesCaller } from "./cognitive-services-gateway.ts";
import { countSentimentWords } from "./fake-sentiment-lexicon.ts";
import { readBody, sendJson, startLocalHttpServer } from "./local-http-server.ts";

export const textAnalyticsLimits = { documentsPerRequest: 10, textElementsPerDocument: 5120 };

export type FakeTextAnalyticsFault =
  /** 429 in the Cognitive Services gateway's format, with Retry-After (seconds; default 1). */
  | { kind: "throttled"; retryAfterSeconds?: number }
  | { kind: "server-error"; status?: number }
  /** Reads the request, never answers. */
  | { kind: "hang" }
  /** 200 with JSON cut off in the middle. */
  | { kind: "malformed" };

export interface ReceivedTextAnalyticsRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** The documents sent (empty when the body was not a document batch). */
  documents: { id: string; text: string; language?: string }[];
  receivedAt: number;
}

export interface FakeTextAnalyticsServer {
  /** The Language resource endpoint, e.g. http://127.0.0.1:41234 */
  url: string;
  key: string;
  bearerToken: string;
  /** Languages whose documents are scored; others get `UnsupportedLanguageCode`. */
  supportedLanguages: Set<string>;
  fault: (request: ReceivedTextAnalyticsRequest, index: number) => FakeTextAnalyticsFault | undefined;
  received: ReceivedTextAnalyticsRequest[];
  close(): Promise<void>;
}

interface Scores {
  positive: number;
  neutral: number;
  negative: number;
}

interface ServiceError {
  code: string;
  message: string;
  innererror?: { code: string; message: string };
}

const modelVersion = "2020-04-01";
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function textElements(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** Length of `text` in the unit the request asked offsets and lengths to be in. */
function measure(text: string, stringIndexType: string): number {
  if (stringIndexType === "UnicodeCodePoint") return Array.from(text).length;
  if (stringIndexType === "TextElement_v8" || stringIndexType === "TextElements_v8") return textElements(text);
  return text.length;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function scoreSentence(text: string): { sentiment: "positive" | "neutral" | "negative"; confidenceScores: Scores } {
  const { positive, negative } = countSentimentWords(text);
  if (positive > negative) return { sentiment: "positive", confidenceScores: { positive: 0.9, neutral: 0.08, negative: 0.02 } };
  if (negative > positive) return { sentiment: "negative", confidenceScores: { positive: 0.02, neutral: 0.08, negative: 0.9 } };
  return { sentiment: "neutral", confidenceScores: { positive: 0.05, neutral: 0.9, negative: 0.05 } };
}

/** Sentences with their start index in the JS string; ends at ., ! or ? followed by space. */
function sentencesOf(text: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  const pattern = /[^.!?]+(?:[.!?]+|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) sentences.push({ text: trimmed, start: match.index + leading });
  }
  return sentences;
}

function documentResult(document: { id: string; text: string }, query: Record<string, string>) {
  const stringIndexType = query.stringIndexType ?? "TextElement_v8";
  const opinionMining = query.opinionMining === "true";
  const sentences = sentencesOf(document.text).map((sentence) => {
    const scored = scoreSentence(sentence.text);
    return {
      sentiment: scored.sentiment,
      confidenceScores: scored.confidenceScores,
      offset: measure(document.text.slice(0, sentence.start), stringIndexType),
      length: measure(sentence.text, stringIndexType),
      text: sentence.text,
      ...(opinionMining ? { targets: [], assessments: [] } : {}),
    };
  });
  const kinds = new Set(sentences.map((sentence) => sentence.sentiment));
  const sentiment =
    kinds.has("positive") && kinds.has("negative") ? "mixed" : kinds.has("positive") ? "positive" : kinds.has("negative") ? "negative" : "neutral";
  const average = (key: keyof Scores) =>
    sentences.length === 0 ? (key === "neutral" ? 1 : 0) : round(sentences.reduce((sum, sentence) => sum + sentence.confidenceScores[key], 0) / sentences.length);
  return {
    id: document.id,
    sentiment,
    confidenceScores: { positive: average("positive"), neutral: average("neutral"), negative: average("negative") },
    sentences,
    warnings: [],
    ...(query.showStats === "true" ? { statistics: { charactersCount: textElements(document.text), transactionsCount: 1 } } : {}),
  };
}

function documentError(message: string, innerCode = "InvalidDocument"): ServiceError {
  return { code: "InvalidArgument", message: "Invalid document in request.", innererror: { code: innerCode, message } };
}

function badRequest(response: ServerResponse, innerCode: string, message: string, outerMessage = "Invalid document in request."): void {
  sendJson(response, 400, { error: { code: "InvalidRequest", message: outerMessage, innererror: { code: innerCode, message } } });
}

export async function startFakeTextAnalyticsServer(): Promise<FakeTextAnalyticsServer> {
  const fake: FakeTextAnalyticsServer = {
    url: "",
    key: `fake-language-key-${randomBytes(8).toString("hex")}`,
    bearerToken: `fake-language-token-${randomBytes(8).toString("hex")}`,
    supportedLanguages: new Set(["en", "es", "fr", "de", "it", "pt", "pt-PT", "pt-BR", "nl", "ja", "ko", "zh", "zh-hans", "zh-hant"]),
    fault: () => undefined,
    received: [],
    close: async () => {},
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const body = await readBody(request);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      parsed = undefined;
    }
    const rawDocuments = (parsed as { documents?: unknown } | undefined)?.documents;
    const documents = Array.isArray(rawDocuments) ? (rawDocuments as ReceivedTextAnalyticsRequest["documents"]) : [];
    const received: ReceivedTextAnalyticsRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers },
      documents,
      receivedAt: Date.now(),
    };
    const index = fake.received.push(received) - 1;

    if (!admitCognitiveServicesCaller(request, response, fake)) return;
    const fault = fake.fault(received, index);
    switch (fault?.kind) {
      case "throttled": {
        const seconds = fault.retryAfterSeconds ?? 1;
        sendJson(
          response,
          429,
          {
            error: {
              code: "429",
              message: `Requests to the Analyze Text Operation under Cognitive Services API have exceeded rate limit of your current TextAnalytics S tier. Please retry after ${seconds} seconds.`,
            },
          },
          { "retry-after": String(seconds) },
        );
        return;
      }
      case "server-error":
        sendJson(response, fault.status ?? 500, { error: { code: "InternalServerError", message: "Internal server error." } });
        return;
      case "hang":
        return;
      case "malformed":
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        response.end('{"documents":[{"id":"1","sentiment":"pos', "utf8");
        return;
      case undefined:
        break;
    }

    if (request.method !== "POST" || url.pathname !== "/text/analytics/v3.1/sentiment") {
      sendJson(response, 404, { error: { code: "404", message: "Resource not found" } });
      return;
    }
    if (!Array.isArray(rawDocuments)) {
      badRequest(response, "InvalidRequestBodyFormat", "Request body must be present and a JSON object with a documents array.", "Invalid Request.");
      return;
    }
    if (documents.length === 0) {
      badRequest(response, "MissingInputRecords", "Missing input records.", "Invalid Request.");
      return;
    }
    if (documents.length > textAnalyticsLimits.documentsPerRequest) {
      badRequest(response, "InvalidDocumentBatch", `Batch request contains too many records. Max ${textAnalyticsLimits.documentsPerRequest} records are permitted.`);
      return;
    }
    const ids = documents.map((document) => String(document.id));
    if (new Set(ids).size !== ids.length) {
      badRequest(response, "InvalidDocument", "Request contains duplicated Ids. Make sure each document has a unique Id.");
      return;
    }

    const results = [];
    const errors: { id: string; error: ServiceError }[] = [];
    for (const document of documents) {
      const text = typeof document.text === "string" ? document.text : "";
      const language = document.language === undefined || document.language === "" ? "en" : document.language;
      if (text.trim().length === 0) {
        errors.push({ id: document.id, error: documentError("Document text is empty.") });
      } else if (textElements(text) > textAnalyticsLimits.textElementsPerDocument) {
        errors.push({
          id: document.id,
          error: documentError(
            `A document within the request was too large to be processed. Limit document size to: ${textAnalyticsLimits.textElementsPerDocument} text elements. For additional details on the data limitations see https://aka.ms/text-analytics-data-limits`,
          ),
        });
      } else if (!fake.supportedLanguages.has(language)) {
        errors.push({
          id: document.id,
          error: documentError(`Invalid language code '${language}'. Supported languages: ${[...fake.supportedLanguages].join(",")}.`, "UnsupportedLanguageCode"),
        });
      } else {
        results.push(documentResult({ id: document.id, text }, received.query));
      }
    }
    sendJson(response, 200, {
      documents: results,
      errors,
      ...(received.query.showStats === "true"
        ? {
            statistics: {
              documentsCount: documents.length,
              validDocumentsCount: results.length,
              erroneousDocumentsCount: errors.length,
              transactionsCount: results.length,
            },
          }
        : {}),
      modelVersion: received.query["model-version"] && received.query["model-version"] !== "latest" ? received.query["model-version"] : modelVersion,
    });
  }

  const listener = await startLocalHttpServer(handle, (response, error) =>
    sendJson(response, 500, { error: { code: "InternalServerError", message: `fake server: ${String(error)}` } }),
  );
  fake.url = listener.url;
  fake.close = listener.close;
  return fake;
}
