import { isPrivateNetworkUrl } from "@confide/core/adapter-kit";
import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { openAiNotesSettings, type OpenAiNotesSettings } from "./settings.ts";

/** Clinical notes by an OpenAI-compatible chat-completions server (`CONFIDE_NOTES=openai`). */
export const openAiNotesDescriptor = {
  port: "notes",
  name: "openai",
  settings: openAiNotesSettings,
  // A server on this machine or the clinic's private network keeps the data in; any other host is a cloud service.
  sendsSessionDataOut: (settings) => !isPrivateNetworkUrl(settings.baseUrl),
  async create(settings) {
    const { createOpenAiNoteWriter } = await import("./openai-note-writer.ts");
    return createOpenAiNoteWriter(settings);
  },
} satisfies AdapterDescriptor<NoteWriter, OpenAiNotesSettings>;
