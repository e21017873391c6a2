import { parseSettings, scoreInBatches, withDeadline } from "@confide/core/adapter-kit";
import { ConfideError, type LanguageAnalyzer, type SentimentDocument, type SentimentDocumentLimits, type SentimentResult } from "@confide/core/ports";
import type { TextAnalyticsClient } from "@azure/ai-text-analytics";
import type { z } from "zod";
import { textAnalyticsBadResponse, textAnalyticsDocumentError, toTextAnalyticsError } from "./azure-text-analytics-errors.ts";
import { sentimentFromAzure, textAnalyticsLanguage, type AzureDocumentSentiment } from "./azure-text-analytics-sentiment.ts";
import { azureTextAnalyticsSettings, type AzureTextAnalyticsSettings } from "./settings.ts";

/**
 * Text Analytics v3.1's limits for sentiment: 10 documents a request, 5,120 characters a document
 * — counted by the service in text elements, here in code points, which are never fewer.
 */
export const textAnalyticsSentimentLimits: SentimentDocumentLimits = { documentsPerRequest: 10, sizePerDocument: 5120, measure: "code-points" };

type TextAnalyticsModule = typeof import("@azure/ai-text-analytics");

/** A failure of a request under `withDeadline`, mapped; the SDK's retries count within the deadline. */
const mapFailure = (error: unknown, timedOutAfterMs: number | undefined) => toTextAnalyticsError(error, { timedOutAfterMs });

/** The ready client, else one made from the endpoint with the key or, without one, the credential. */
async function clientOf(sdk: TextAnalyticsModule, settings: z.output<typeof azureTextAnalyticsSettings>): Promise<TextAnalyticsClient> {
  if (settings.client !== undefined) return settings.client;
  const clientOptions = settings.clientOptions ?? {};
  const options = { ...clientOptions, retryOptions: { ...clientOptions.retryOptions, maxRetries: settings.maxRetries } };
  if (settings.key !== undefined) return new sdk.TextAnalyticsClient(settings.endpoint, new sdk.AzureKeyCredential(settings.key), options);
  const credential = settings.credential ?? new (await import("@azure/identity")).DefaultAzureCredential();
  return new sdk.TextAnalyticsClient(settings.endpoint, credential, options);
}

/**
 * LanguageAnalyzer on Azure AI Language's Text Analytics (v3.1 `sentiment`, through
 * `@azure/ai-text-analytics` 5.1, imported here when the analyzer is created).
 *
 * Texts go as documents of at most 5,120 code points, 10 a request, one request at a time
 * (`scoreInBatches`: a longer text is split on sentence boundaries and its pieces' results are
 * combined, length-weighted); the language is the transcript's, as Text Analytics names it
 * (`textAnalyticsLanguage`). Each document's sentences are mapped to Confide's four scores as
 * `sentimentFromAzure` says. A document the service fails (partial failure) fails the call with
 * its mapped error — it never becomes a neutral result; errors as in azure-text-analytics-errors.ts.
 *
 * Requests opt out of the service's 48-hour logging of input text (`disableServiceLogs`:
 * `loggingOptOut=true`): these are a patient's words.
 *
 * Every request ends within `requestTimeoutMs`, the SDK's own retries (`maxRetries`, default 0)
 * included.
 */
export async function createAzureTextAnalyticsLanguageAnalyzer(settings: AzureTextAnalyticsSettings): Promise<LanguageAnalyzer> {
  const resolved = parseSettings(azureTextAnalyticsSettings, settings);
  const sdk = await import("@azure/ai-text-analytics");
  const client = await clientOf(sdk, resolved);

  async function scoreBatch(documents: readonly SentimentDocument[], language: string, signal: AbortSignal | undefined): Promise<SentimentResult[]> {
    const inputs = documents.map((document, index) => ({ id: String(index), text: document.text, language }));
    const answer = await withDeadline(resolved.requestTimeoutMs, signal, (abortSignal) => client.analyzeSentiment(inputs, { abortSignal, disableServiceLogs: true }), mapFailure);
    const byId = new Map(Array.from(answer, (result) => [result.id, result] as const));
    return documents.map((document, index) => {
      const result = byId.get(String(index));
      if (result === undefined) throw textAnalyticsBadResponse(`no result for document ${index} of ${documents.length}.`);
      if (result.error !== undefined) throw textAnalyticsDocumentError(result.error, document.textIndex);
      const sentiment = sentimentFromAzure(result as AzureDocumentSentiment);
      if (sentiment === undefined) throw textAnalyticsBadResponse(`document ${index} has no usable sentiment.`);
      return sentiment;
    });
  }

  return {
    provider: "azure-text-analytics",

    async sentiment(texts, options) {
      const language = textAnalyticsLanguage(options.language);
      return scoreInBatches(texts, { limits: textAnalyticsSentimentLimits, locale: options.language, ...(options.signal ? { signal: options.signal } : {}) }, (documents, signal) =>
        scoreBatch(documents, language, signal),
      );
    },

    async check(options = {}) {
      // One document more than a request may carry: the service signs the caller in and refuses
      // the batch (400 InvalidDocumentBatch) before scoring — and charging — anything. The SDK
      // itself refuses an empty batch without sending it.
      const probe = Array.from({ length: textAnalyticsSentimentLimits.documentsPerRequest + 1 }, (_, index) => ({ id: String(index), text: ".", language: "en" }));
      try {
        await withDeadline(resolved.requestTimeoutMs, options.signal, (abortSignal) => client.analyzeSentiment(probe, { abortSignal }), mapFailure);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (ConfideError.is(error, "provider.rejected") && error.details?.reason === "InvalidDocumentBatch") return;
        const mapped = toTextAnalyticsError(error);
        throw new ConfideError("dependency.unavailable", `Azure Text Analytics is not usable: ${mapped.message}`, {
          retryable: mapped.retryable,
          cause: mapped,
          details: { dependency: "azure-text-analytics", code: mapped.code, ...(mapped.details ?? {}) },
        });
      }
      throw new ConfideError("dependency.unavailable", "Azure Text Analytics scored a batch over its 10-document limit: this is not the service Confide expects.", {
        details: { dependency: "azure-text-analytics" },
      });
    },

    async close() {
      // The SDK's client holds no connection of its own to release (keep-alive sockets close when idle).
    },
  };
}
