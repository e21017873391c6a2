import type { AdapterDescriptor, LanguageAnalyzer } from "@confide/core/ports";
import { comprehendSettings, type ComprehendVariables } from "./settings.ts";

/** Sentiment by Amazon Comprehend (`CONFIDE_LANGUAGE=comprehend`). */
export const comprehendDescriptor = {
  port: "language",
  name: "comprehend",
  settings: comprehendSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createComprehendLanguageAnalyzer } = await import("./comprehend-language-analyzer.ts");
    return createComprehendLanguageAnalyzer({
      ...(settings.CONFIDE_COMPREHEND_REGION === undefined ? {} : { region: settings.CONFIDE_COMPREHEND_REGION }),
      ...(settings.CONFIDE_COMPREHEND_ENDPOINT === undefined ? {} : { endpoint: settings.CONFIDE_COMPREHEND_ENDPOINT }),
      requestTimeoutMs: settings.CONFIDE_COMPREHEND_TIMEOUT_MS,
      maxAttempts: settings.CONFIDE_COMPREHEND_MAX_ATTEMPTS,
    });
  },
} satisfies AdapterDescriptor<LanguageAnalyzer, ComprehendVariables>;
