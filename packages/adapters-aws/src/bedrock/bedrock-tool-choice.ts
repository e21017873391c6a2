/**
 * How the notes' tool is asked of each model family on Bedrock Converse, as the API reference
 * ("ToolChoice - Amazon Bedrock") documents it:
 * - `tool` — "The Model must request the specified tool. Only supported by Anthropic Claude 3 and
 *   Amazon Nova models."
 * - `any` — "The model must request at least one tool (no text is generated)"; the page's earlier
 *   text: "ToolChoice is only supported by Anthropic Claude 3 models and by Mistral AI Mistral
 *   Large."
 * - `auto` — "(Default). The Model automatically decides if a tool should be called or whether to
 *   generate text instead": every tool-use model ("Supported models and model features": Llama
 *   3.1 and later among them). A text answer is read as the answer, checked and repaired once
 *   like any other (the shared writer), so the notes are validated whichever way they come.
 * Other families (Claude 2, Titan, Llama 3.0 and earlier — no tool use — and ids that hide their
 * model, such as application inference profile ARNs) are refused at start-up unless the operator
 * names the choice.
 */
import { invalidSetting } from "@confide/core/adapter-kit";

export const toolChoices = ["tool", "any", "auto"] as const;
export type ToolChoiceKind = (typeof toolChoices)[number];

/** The families Confide knows, the choice each is asked with, and every choice its documentation allows. Tested against the fake Bedrock Runtime only. */
export const toolChoiceFamilies: ReadonlyArray<{ family: string; pattern: RegExp; choice: ToolChoiceKind; allowed: readonly ToolChoiceKind[] }> = [
  { family: "Anthropic Claude 3 and later", pattern: /^anthropic\.claude-(3|sonnet-4|opus-4|haiku-4|[4-9])/, choice: "tool", allowed: ["tool", "any", "auto"] },
  { family: "Amazon Nova", pattern: /^amazon\.nova-/, choice: "tool", allowed: ["tool", "any", "auto"] },
  { family: "Mistral Large", pattern: /^mistral\.mistral-large/, choice: "any", allowed: ["any", "auto"] },
  { family: "Meta Llama 3.1 and later", pattern: /^meta\.llama(3-[1-9]-|[4-9])/, choice: "auto", allowed: ["auto"] },
];

/** A model id without its cross-region inference profile prefix (`eu.`, `us.`, `apac.`, `global.`…) or a foundation-model ARN's path. */
export function baseModelId(modelId: string): string {
  return modelId.replace(/^arn:aws[^:]*:bedrock:[^:]*:[^:]*:(foundation-model|inference-profile)\//, "").replace(/^(eu|us|us-gov|apac|global|ca|jp|au)\./, "");
}

/**
 * The choice to ask `modelId` with: the operator's when set (refused when the family's
 * documentation rules it out), else the family's.
 * @throws ConfideError `validation.invalid_input` naming `toolChoice` or `modelId`, in plain words.
 */
export function toolChoiceFor(modelId: string, configured: ToolChoiceKind | undefined): ToolChoiceKind {
  const family = toolChoiceFamilies.find((candidate) => candidate.pattern.test(baseModelId(modelId)));
  if (configured !== undefined) {
    if (family !== undefined && !family.allowed.includes(configured)) {
      throw invalidSetting("toolChoice", `Bedrock's documentation does not let ${family.family} models be asked with tool choice "${configured}"; use ${family.allowed.map((kind) => `"${kind}"`).join(" or ")} (CONFIDE_BEDROCK_TOOL_CHOICE), or leave it unset.`);
    }
    return configured;
  }
  if (family === undefined) {
    throw invalidSetting(
      "modelId",
      `Confide cannot tell how to ask ${modelId} for the notes: it knows ${toolChoiceFamilies.map((known) => known.family).join(", ")}. Choose one of these models, or, for a model that supports tool use (an application inference profile), set CONFIDE_BEDROCK_TOOL_CHOICE to tool, any or auto as its documentation allows.`,
    );
  }
  return family.choice;
}

/** The Converse `toolChoice` for `kind` (none for `auto`, the service's default). */
export function converseToolChoice(kind: ToolChoiceKind, toolName: string) {
  return kind === "tool" ? { tool: { name: toolName } } : kind === "any" ? { any: {} } : undefined;
}
