import type { AdapterDescriptor, LanguageAnalyzer } from "@confide/core/ports";
import { azureTextAnalyticsSettings, type AzureTextAnalyticsSettings } from "./settings.ts";

/** Sentiment by Azure AI Language's Text Analytics (`CONFIDE_LANGUAGE=azure-text-analytics`). */
export const azureTextAnalyticsDescriptor = {
  port: "language",
  name: "azure-text-analytics",
  settings: azureTextAnalyticsSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createAzureTextAnalyticsLanguageAnalyzer } = await import("./azure-text-analytics-language-analyzer.ts");
    return createAzureTextAnalyticsLanguageAnalyzer({
      ...settings,
      // A local endpoint (a proxy, a container) may be plain http; the SDK refuses that by default.
      clientOptions: { allowInsecureConnection: new URL(settings.endpoint).protocol === "http:", ...settings.clientOptions },
    });
  },
} satisfies AdapterDescriptor<LanguageAnalyzer, AzureTextAnalyticsSettings>;
