import { parseSettings, scoreInBatches, withDeadline } from "@confide/core/adapter-kit";
import { ConfideError, type LanguageAnalyzer, type SentimentDocument, type SentimentDocumentLimits, type SentimentResult } from "@confide/core/ports";
import { comprehendSettings, type ComprehendSettings } from "./settings.ts";
import { comprehendBadResponse, comprehendDocumentError, toComprehendError } from "./comprehend-errors.ts";
import { comprehendLanguage, comprehendLanguageCodes, sentimentFromComprehend } from "./comprehend-sentiment.ts";

/** BatchDetectSentiment's limits: 25 documents a request, 5,000 bytes of UTF-8 a document. */
export const comprehendSentimentLimits: SentimentDocumentLimits = { documentsPerRequest: 25, sizePerDocument: 5000, measure: "utf8-bytes" };

/**
 * LanguageAnalyzer on Amazon Comprehend `BatchDetectSentiment` (`@aws-sdk/client-comprehend`,
 * imported here when the analyzer is created).
 *
 * Texts go as documents of at most 5,000 bytes of UTF-8, 25 a request, one request at a time
 * (`scoreInBatches`: a longer text is split on sentence boundaries counted in bytes — never
 * inside a character — and its pieces' results combined, length-weighted). Comprehend's four
 * scores are Confide's (`sentimentFromComprehend`). A document in `ErrorList` fails the call with
 * its mapped error — it never becomes a neutral result. A language Comprehend does not analyse
 * is `provider.unsupported` before any request.
 *
 * Credentials come from the SDK's default provider chain. Each request ends within
 * `requestTimeoutMs`, its `maxAttempts` (default 2) included; errors as in comprehend-errors.ts.
 */
export async function createComprehendLanguageAnalyzer(settings: ComprehendSettings): Promise<LanguageAnalyzer> {
  const resolved = parseSettings(comprehendSettings, settings);
  const { BatchDetectSentimentCommand, ComprehendClient } = await import("@aws-sdk/client-comprehend");
  const client =
    resolved.client ??
    new ComprehendClient({
      ...(resolved.region === undefined ? {} : { region: resolved.region }),
      ...(resolved.endpoint === undefined ? {} : { endpoint: resolved.endpoint }),
      ...(resolved.credentials === undefined ? {} : { credentials: resolved.credentials }),
      maxAttempts: resolved.maxAttempts,
      requestHandler: {
        connectionTimeout: resolved.connectionTimeoutMs,
        // Each attempt; the deadline signal bounds them all.
        requestTimeout: resolved.requestTimeoutMs,
        // Without it a request past the timeout only logs a warning and waits on.
        throwOnRequestTimeout: true,
      },
    });

  const batchDetectSentiment = (TextList: string[], LanguageCode: string, signal: AbortSignal | undefined) =>
    withDeadline(resolved.requestTimeoutMs, signal, (abortSignal) =>
      client.send(new BatchDetectSentimentCommand({ TextList, LanguageCode: LanguageCode as never }), { abortSignal }),
      // Every SDK attempt counts within the deadline.
      (error, timedOutAfterMs) => toComprehendError(error, { timedOutAfterMs }),
    );

  async function scoreBatch(documents: readonly SentimentDocument[], language: string, signal: AbortSignal | undefined): Promise<SentimentResult[]> {
    const answer = await batchDetectSentiment(
      documents.map((document) => document.text),
      language,
      signal,
    );
    const failed = [...(answer.ErrorList ?? [])].sort((a, b) => (a.Index ?? 0) - (b.Index ?? 0))[0];
    if (failed !== undefined) {
      const document = documents[failed.Index ?? -1];
      if (document === undefined) throw comprehendBadResponse(`an error for document ${String(failed.Index)} of ${documents.length}.`);
      throw comprehendDocumentError(failed, document.textIndex);
    }
    const byIndex = new Map((answer.ResultList ?? []).map((item) => [item.Index, item] as const));
    return documents.map((_, index) => {
      const item = byIndex.get(index);
      if (item === undefined) throw comprehendBadResponse(`no result for document ${index} of ${documents.length}.`);
      const sentiment = sentimentFromComprehend(item);
      if (sentiment === undefined) throw comprehendBadResponse(`document ${index} has no usable sentiment.`);
      return sentiment;
    });
  }

  return {
    provider: "comprehend",

    async sentiment(texts, options) {
      const language = comprehendLanguage(options.language);
      if (language === undefined) {
        throw new ConfideError("provider.unsupported", `Amazon Comprehend does not analyse ${options.language}.`, {
          retryable: false,
          details: { provider: "comprehend", language: options.language, supported: comprehendLanguageCodes },
        });
      }
      return scoreInBatches(texts, { limits: comprehendSentimentLimits, locale: options.language, ...(options.signal ? { signal: options.signal } : {}) }, (documents, signal) =>
        scoreBatch(documents, language, signal),
      );
    },

    async check(options = {}) {
      // One document more than a request may carry: Comprehend authenticates the caller and
      // refuses the batch (BatchSizeLimitExceededException) before scoring — and charging — anything.
      const probe = Array.from({ length: comprehendSentimentLimits.documentsPerRequest + 1 }, () => ".");
      try {
        await batchDetectSentiment(probe, "en", options.signal);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (ConfideError.is(error, "provider.rejected") && error.details?.reason === "BatchSizeLimitExceededException") return;
        const mapped = toComprehendError(error);
        throw new ConfideError("dependency.unavailable", `Amazon Comprehend is not usable: ${mapped.message}`, {
          retryable: mapped.retryable,
          cause: mapped,
          details: { dependency: "comprehend", code: mapped.code, ...(mapped.details ?? {}) },
        });
      }
      throw new ConfideError("dependency.unavailable", "Amazon Comprehend scored a batch over its 25-document limit: this is not the service Confide expects.", {
        details: { dependency: "comprehend" },
      });
    },

    async close() {
      if (resolved.client === undefined) client.destroy();
    },
  };
}
