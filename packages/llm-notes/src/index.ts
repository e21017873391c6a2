/** What Confide's language-model NoteWriters share (see README.md). */
export * from "./chat-completion-answer.ts";
export * from "./llm-note-writer.ts";
export * from "./note-prompt.ts";
export * from "./note-prompts.ts";
export { birpPrompt } from "./prompts/birp.ts";
export { confidePrompt } from "./prompts/confide.ts";
export { dapPrompt } from "./prompts/dap.ts";
export { reflectionPrompt } from "./prompts/reflection.ts";
export { soapPrompt } from "./prompts/soap.ts";
export { reflectionFromAnswer, reflectionJsonSchema, reflectionJsonSchemaName } from "./reflection-answer.ts";
export { reflectionMessage, type ReflectionPromptTemplate } from "./reflection-prompt.ts";
export { describeIssues, locateQuote, notesAnswer, notesFromAnswer, notesJsonSchema, notesJsonSchemaName, type NotesAnswer, type SegmentTexts } from "./notes-answer.ts";
export { createModelKindParameters, type ModelKindParameters } from "./reasoning-model-parameters.ts";
export { estimateTokens, mergeWindowNotes, splitIntoWindows, type Window } from "./notes-windows.ts";
