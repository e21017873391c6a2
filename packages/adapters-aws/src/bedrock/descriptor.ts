import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { bedrockSettings, type BedrockVariables } from "./settings.ts";

/** Clinical notes by a model on Amazon Bedrock (`CONFIDE_NOTES=bedrock`). */
export const bedrockDescriptor = {
  port: "notes",
  name: "bedrock",
  settings: bedrockSettings,
  // A cloud service: the transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createBedrockNoteWriter } = await import("./bedrock-note-writer.ts");
    return createBedrockNoteWriter({
      modelId: settings.CONFIDE_BEDROCK_MODEL_ID,
      ...(settings.CONFIDE_BEDROCK_REGION === undefined ? {} : { region: settings.CONFIDE_BEDROCK_REGION }),
      ...(settings.CONFIDE_BEDROCK_ENDPOINT === undefined ? {} : { endpoint: settings.CONFIDE_BEDROCK_ENDPOINT }),
      timeoutMs: settings.CONFIDE_BEDROCK_TIMEOUT_MS,
      contextTokens: settings.CONFIDE_BEDROCK_CONTEXT_TOKENS,
      maxOutputTokens: settings.CONFIDE_BEDROCK_MAX_OUTPUT_TOKENS,
      temperature: settings.CONFIDE_BEDROCK_TEMPERATURE,
    });
  },
} satisfies AdapterDescriptor<NoteWriter, BedrockVariables>;
