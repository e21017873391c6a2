import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { azureOpenAiSettings, type AzureOpenAiVariables } from "./settings.ts";

/** Clinical notes by an Azure OpenAI chat deployment (`CONFIDE_NOTES=azure-openai`). */
export const azureOpenAiDescriptor = {
  port: "notes",
  name: "azure-openai",
  settings: azureOpenAiSettings,
  // A cloud service: the transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createAzureOpenAiNoteWriter } = await import("./azure-openai-note-writer.ts");
    const key = settings.CONFIDE_AZURE_OPENAI_KEY;
    return createAzureOpenAiNoteWriter({
      endpoint: settings.CONFIDE_AZURE_OPENAI_ENDPOINT,
      deployment: settings.CONFIDE_AZURE_OPENAI_DEPLOYMENT,
      apiVersion: settings.CONFIDE_AZURE_OPENAI_API_VERSION,
      ...(key === undefined ? {} : { key }),
      timeoutMs: settings.CONFIDE_AZURE_OPENAI_TIMEOUT_MS,
      contextTokens: settings.CONFIDE_AZURE_OPENAI_CONTEXT_TOKENS,
      maxOutputTokens: settings.CONFIDE_AZURE_OPENAI_MAX_OUTPUT_TOKENS,
      temperature: settings.CONFIDE_AZURE_OPENAI_TEMPERATURE,
    });
  },
} satisfies AdapterDescriptor<NoteWriter, AzureOpenAiVariables>;
