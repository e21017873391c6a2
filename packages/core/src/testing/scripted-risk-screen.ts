import type { RiskFinding } from "../domain/risk-flag.ts";
import { ConfideError } from "../errors.ts";
import type { RiskScreen, RiskScreenInput, RiskScreenOutput } from "../ports/risk-screen.ts";

export interface ScriptedRiskScreen extends RiskScreen {
  /** Every input screened, in order. */
  readonly inputs: RiskScreenInput[];
  /** Replaces what the next screens answer (findings or a whole output from the input, or an error to throw). */
  script(next: ((input: RiskScreenInput) => RiskFinding[] | RiskScreenOutput) | ConfideError): void;
}

/**
 * A RiskScreen for core's tests: finds nothing until scripted. `findingOn(segment, phrase)`
 * makes a finding that quotes `phrase` where it stands in a segment.
 */
export function createScriptedRiskScreen(): ScriptedRiskScreen {
  const inputs: RiskScreenInput[] = [];
  let next: ((input: RiskScreenInput) => RiskFinding[] | RiskScreenOutput) | ConfideError = () => [];
  return {
    provider: "scripted",
    inputs,
    script(answer) {
      next = answer;
    },
    async screen(input, options = {}) {
      if (options.signal?.aborted) throw new ConfideError("provider.interrupted", "The screen was stopped.");
      inputs.push(input);
      if (next instanceof ConfideError) throw next;
      const answer = next(input);
      return Array.isArray(answer) ? { status: "screened", findings: answer, version: "scripted-1" } : answer;
    },
    async check() {},
    async close() {},
  };
}

/**
 * A current finding about the speaker that quotes `phrase` in the first segment whose text holds
 * it (by default `active_ideation`, said as a `statement`).
 * @throws Error when no segment holds the phrase (a test's mistake).
 */
export function findingOn(
  input: RiskScreenInput,
  phrase: string,
  overrides: Partial<Pick<RiskFinding, "category" | "temporality" | "subject" | "text" | "basis" | "reasons">> = {},
): RiskFinding {
  const segment = input.segments.find((candidate) => candidate.text.includes(phrase));
  if (!segment) throw new Error(`No segment says "${phrase}".`);
  const start = segment.text.indexOf(phrase);
  return {
    category: "active_ideation",
    temporality: "current",
    subject: "speaker",
    basis: "statement",
    text: "Spoke of ending their life",
    quote: phrase,
    evidence: [{ segmentId: segment.id, start, end: start + phrase.length }],
    rule: "scripted",
    ...overrides,
  };
}
