import type { AdapterDescriptor, LanguageAnalyzer } from "@confide/core/ports";
import { z } from "zod";

const vaderSettings = z.object({}).describe("VADER, in-process, English");

/** Sentiment by VADER, in this process (`CONFIDE_LANGUAGE=vader`). */
export const vaderDescriptor = {
  port: "language",
  name: "vader",
  settings: vaderSettings,
  async create() {
    const { createVaderLanguageAnalyzer } = await import("./vader-language-analyzer.ts");
    return createVaderLanguageAnalyzer();
  },
} satisfies AdapterDescriptor<LanguageAnalyzer, z.output<typeof vaderSettings>>;
