import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { isPrivateNetworkUrl } from "../private-network-url.ts";
import { openAiNotesSettings, type OpenAiNotesVariables } from "./settings.ts";

/** Clinical notes by an OpenAI-compatible chat-completions server (`CONFIDE_NOTES=openai`). */
export const openAiNotesDescriptor = {
  port: "notes",
  name: "openai",
  settings: openAiNotesSettings,
  // A server on this machine or the clinic's private network keeps the data in; any other host is a cloud service.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.CONFIDE_OPENAI_NOTES_URL),
  async create(settings) {
    const { createOpenAiNoteWriter } = await import("./openai-note-writer.ts");
    const apiKey = settings.CONFIDE_OPENAI_NOTES_API_KEY;
    return createOpenAiNoteWriter({
      baseUrl: settings.CONFIDE_OPENAI_NOTES_URL,
      model: settings.CONFIDE_OPENAI_NOTES_MODEL,
      ...(apiKey === undefined ? {} : { apiKey }),
      timeoutMs: settings.CONFIDE_OPENAI_NOTES_TIMEOUT_MS,
      contextTokens: settings.CONFIDE_OPENAI_NOTES_CONTEXT_TOKENS,
      maxOutputTokens: settings.CONFIDE_OPENAI_NOTES_MAX_OUTPUT_TOKENS,
      temperature: settings.CONFIDE_OPENAI_NOTES_TEMPERATURE,
      reasoningModel: settings.CONFIDE_OPENAI_NOTES_REASONING_MODEL,
      maxRetries: settings.CONFIDE_OPENAI_NOTES_MAX_RETRIES,
    });
  },
} satisfies AdapterDescriptor<NoteWriter, OpenAiNotesVariables>;
