import type { AdapterDescriptor, AgendaMatcher } from "@confide/core/ports";
import { z } from "zod";

const embeddedAgendaSettings = z.object({}).describe("agenda items matched by wink-nlp lemmas in this process, no model, English only");

/** Today's topics matched by lemmas of their content words (`CONFIDE_AGENDA=embedded`). */
export const embeddedAgendaDescriptor = {
  port: "agenda",
  name: "embedded",
  settings: embeddedAgendaSettings,
  async create() {
    const { createEmbeddedAgendaMatcher } = await import("./embedded-agenda-matcher.ts");
    return createEmbeddedAgendaMatcher();
  },
} satisfies AdapterDescriptor<AgendaMatcher, z.output<typeof embeddedAgendaSettings>>;
