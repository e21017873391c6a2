import type { AdapterDescriptor, LanguageAnalyzer } from "@confide/core/ports";
import { azureTextAnalyticsSettings, type AzureTextAnalyticsVariables } from "./settings.ts";

/** Sentiment by Azure AI Language's Text Analytics (`CONFIDE_LANGUAGE=azure-text-analytics`). */
export const azureTextAnalyticsDescriptor = {
  port: "language",
  name: "azure-text-analytics",
  settings: azureTextAnalyticsSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createAzureTextAnalyticsLanguageAnalyzer } = await import("./azure-text-analytics-language-analyzer.ts");
    const endpoint = settings.CONFIDE_AZURE_LANGUAGE_ENDPOINT;
    return createAzureTextAnalyticsLanguageAnalyzer({
      endpoint,
      ...(settings.CONFIDE_AZURE_LANGUAGE_KEY === undefined ? {} : { key: settings.CONFIDE_AZURE_LANGUAGE_KEY }),
      // A local endpoint (a proxy, a container) may be plain http; the SDK refuses that by default.
      clientOptions: { allowInsecureConnection: new URL(endpoint).protocol === "http:" },
      requestTimeoutMs: settings.CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS,
      maxRetries: settings.CONFIDE_AZURE_LANGUAGE_MAX_RETRIES,
    });
  },
} satisfies AdapterDescriptor<LanguageAnalyzer, AzureTextAnalyticsVariables>;
