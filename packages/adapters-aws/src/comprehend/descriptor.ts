import type { AdapterDescriptor, LanguageAnalyzer } from "@confide/core/ports";
import { comprehendSettings, type ComprehendSettings } from "./settings.ts";

/** Sentiment by Amazon Comprehend (`CONFIDE_LANGUAGE=comprehend`). */
export const comprehendDescriptor = {
  port: "language",
  name: "comprehend",
  settings: comprehendSettings,
  // A cloud service: the recording or transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createComprehendLanguageAnalyzer } = await import("./comprehend-language-analyzer.ts");
    return createComprehendLanguageAnalyzer(settings);
  },
} satisfies AdapterDescriptor<LanguageAnalyzer, ComprehendSettings>;
