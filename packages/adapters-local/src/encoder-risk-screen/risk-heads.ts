/**
 * The encoder's heads, read from `risk-heads.json` (written by `scripts/train-risk-encoder.ts`)
 * and checked once, at the first screen: one head per risk category, each a bias and 512
 * weights. Found from `src` and from `dist` alike (the package ships `src`; both folders sit at
 * the same depth).
 */
import { readFileSync } from "node:fs";
import { riskCategories } from "@confide/core/adapter-kit";
import type { RiskCategory } from "@confide/core/ports";
import { z } from "zod";

/** One logistic regression per category over a turn's 512-number embedding: p = 1 / (1 + e^-(bias + weights · embedding)). */
export interface RiskHead {
  bias: number;
  weights: readonly number[];
}

export interface RiskHeads {
  version: string;
  heads: Readonly<Record<RiskCategory, RiskHead>>;
}

/** The embedding's length: every head has one weight per number of it. */
export const embeddingSize = 512;

const headSchema = z.strictObject({ bias: z.number(), weights: z.array(z.number()).length(embeddingSize) });
const fileSchema = z.strictObject({
  about: z.string(),
  version: z.string().min(1),
  trainedOn: z.string(),
  heads: z.strictObject(Object.fromEntries(riskCategories.map((category) => [category, headSchema])) as Record<RiskCategory, typeof headSchema>),
});

export const riskHeadsFile = new URL("../../src/encoder-risk-screen/risk-heads.json", import.meta.url);

/**
 * Reads and checks the heads from JSON text.
 * @throws Error naming the head and what is wrong (a category missing, a weight count not 512).
 */
export function parseRiskHeads(text: string): RiskHeads {
  const file = fileSchema.safeParse(JSON.parse(text));
  if (!file.success) throw new Error(`risk-heads.json: ${file.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return { version: file.data.version, heads: file.data.heads };
}

let loaded: RiskHeads | null = null;

/** The heads, read and checked once, at the first call. @throws Error as `parseRiskHeads`. */
export function riskHeads(): RiskHeads {
  loaded ??= parseRiskHeads(readFileSync(riskHeadsFile, "utf8"));
  return loaded;
}
