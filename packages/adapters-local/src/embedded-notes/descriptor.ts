import type { AdapterDescriptor, NoteWriter } from "@confide/core/ports";
import { z } from "zod";

const embeddedNotesSettings = z.object({}).describe("extractive notes in this process with wink-nlp, no model, English only");

/** Clinical notes extracted in this process, no model (`CONFIDE_NOTES=embedded`). */
export const embeddedNotesDescriptor = {
  port: "notes",
  name: "embedded",
  settings: embeddedNotesSettings,
  async create() {
    const { createEmbeddedNoteWriter } = await import("./embedded-note-writer.ts");
    return createEmbeddedNoteWriter();
  },
} satisfies AdapterDescriptor<NoteWriter, z.output<typeof embeddedNotesSettings>>;
