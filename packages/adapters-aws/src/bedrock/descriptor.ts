import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { bedrockSettings, type BedrockSettings } from "./settings.ts";

/** Clinical notes by a model on Amazon Bedrock (`CONFIDE_NOTES=bedrock`). */
export const bedrockDescriptor = {
  port: "notes",
  name: "bedrock",
  settings: bedrockSettings,
  // A cloud service: the transcript leaves the deployment.
  sendsSessionDataOut: () => true,
  async create(settings) {
    const { createBedrockNoteWriter } = await import("./bedrock-note-writer.ts");
    return createBedrockNoteWriter(settings);
  },
} satisfies AdapterDescriptor<NoteWriter, BedrockSettings>;
