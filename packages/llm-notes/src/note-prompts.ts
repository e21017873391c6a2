import type { NoteFormat } from "@confide/core/ports";
import type { NotePromptTemplate } from "./note-prompt.ts";
import { birpPrompt } from "./prompts/birp.ts";
import { confidePrompt } from "./prompts/confide.ts";
import { dapPrompt } from "./prompts/dap.ts";
import { soapPrompt } from "./prompts/soap.ts";

/** The prompt template of each note format, one versioned file each under `prompts/`. */
export const notePrompts: Readonly<Record<NoteFormat, NotePromptTemplate>> = {
  confide: confidePrompt,
  soap: soapPrompt,
  dap: dapPrompt,
  birp: birpPrompt,
};

/** The template for `format`, Confide's own fields when none is asked. */
export function notePromptFor(format: NoteFormat | undefined): NotePromptTemplate {
  return notePrompts[format ?? "confide"];
}
