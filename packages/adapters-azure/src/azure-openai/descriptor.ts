import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { azureOpenAiSettings, type AzureOpenAiSettings } from "./settings.ts";

/** Clinical notes by an Azure OpenAI chat deployment (`CONFIDE_NOTES=azure-openai`). */
export const azureOpenAiDescriptor = {
  port: "notes",
  name: "azure-openai",
  settings: azureOpenAiSettings,
  // A cloud service: the transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createAzureOpenAiNoteWriter } = await import("./azure-openai-note-writer.ts");
    return createAzureOpenAiNoteWriter(settings);
  },
} satisfies AdapterDescriptor<NoteWriter, AzureOpenAiSettings>;
