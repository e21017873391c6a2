import type { AdapterDescriptor, RiskScreen } from "@confide/core/ports";
import { z } from "zod";

const embeddedRiskScreenSettings = z.object({}).describe("the risk screen's rules in this process with wink-nlp, no model, English only");

/** The risk screen run in this process, no model (`CONFIDE_RISK_SCREEN=embedded`, every profile's default). */
export const embeddedRiskScreenDescriptor = {
  port: "risk",
  name: "embedded",
  settings: embeddedRiskScreenSettings,
  async create() {
    const { createEmbeddedRiskScreen } = await import("./embedded-risk-screen.ts");
    return createEmbeddedRiskScreen();
  },
} satisfies AdapterDescriptor<RiskScreen, z.output<typeof embeddedRiskScreenSettings>>;
