import type { AdapterDescriptor, AgendaMatcher } from "@confide/core";
import { z } from "zod";

const keywordAgendaSettings = z.object({}).describe("agenda items covered by a shared word of five letters or more");

/**
 * Today's topics matched by shared words (`CONFIDE_AGENDA=keyword`, core's
 * `createKeywordAgendaMatcher`): an item is covered by a segment that says one of its words of
 * five letters or more. No lemmas: the embedded lemma matcher does better.
 */
export const keywordAgendaDescriptor = {
  port: "agenda",
  name: "keyword",
  settings: keywordAgendaSettings,
  async create() {
    const { createKeywordAgendaMatcher } = await import("@confide/core/testing");
    return createKeywordAgendaMatcher();
  },
} satisfies AdapterDescriptor<AgendaMatcher, z.output<typeof keywordAgendaSettings>>;
