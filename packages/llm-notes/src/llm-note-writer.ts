/**
 * The NoteWriter every language-model adapter is (OpenAI-compatible servers, Azure OpenAI,
 * Amazon Bedrock): the adapter supplies one request to its service (`complete`) and its
 * readiness check; this module does the rest the same way for all three. The transcript goes in
 * as numbered lines `[segment id] role: text`, under the system prompt of the asked format's
 * versioned template (recorded as the notes' prompt version), in overlapping windows that fit
 * the context; the answer is the JSON of `notesJsonSchema`, in which every item cites segment
 * ids and the words it rests on. An answer that is not JSON or breaks the schema gets one repair
 * request (the problem sent back); an answer cut off at the output limit gets one request for
 * shorter notes; a second failure is `provider.bad_response`. An answer the service's content
 * filter withheld is `provider.rejected` (`details.reason: "content_filter"`), never repaired.
 * The windows' notes are merged; core verifies every citation afterwards (nothing is dropped
 * here). A live session's suggested reflection (`reflect`) is one more request with its own
 * prompt and schema (`prompts/reflection.ts`, `reflection-answer.ts`).
 *
 * Nothing here logs: neither the transcript nor the model's words reach a log line or an error
 * message.
 */
import { allNotAssessed, invalidSetting, withDeadline } from "@confide/core/adapter-kit";
import {
  ConfideError,
  type NotesDraft,
  type NoteWriter,
  type NoteWriterInput,
  type NoteWriterResult,
  type Reflection,
  type ReflectionInput,
  type SpeakerRole,
} from "@confide/core/ports";
import { describeIssues, notesAnswer, notesFromAnswer, notesJsonSchema, notesJsonSchemaName, type NotesAnswer, type SegmentTexts } from "./notes-answer.ts";
import { reflectionPrompt } from "./prompts/reflection.ts";
import { reflectionFromAnswer, reflectionJsonSchema, reflectionJsonSchemaName } from "./reflection-answer.ts";
import { reflectionMessage } from "./reflection-prompt.ts";
import { promptLine, repairMessage, shorterMessage, systemPromptOf, windowMessage } from "./note-prompt.ts";
import { notePromptFor, notePrompts } from "./note-prompts.ts";
import { estimateTokens, mergeWindowNotes, splitIntoWindows } from "./notes-windows.ts";

/** One turn after the system prompt. */
export interface ModelMessage {
  role: "user" | "assistant";
  content: string;
}

/** The JSON the answer must be: the service's structured output (`json_schema`) or Bedrock's one tool. */
export interface AnswerFormat {
  /** The schema's name (`json_schema.name`). */
  name: string;
  /** The tool's name where the schema is a tool's input (Bedrock's `toolSpec.name`). */
  tool: string;
  /** What the tool records (Bedrock's tool description). */
  description: string;
  /** A JSON schema in the strict structured-output subset. */
  schema: Record<string, unknown>;
}

/** The notes' answer format (`notesJsonSchema`). */
export const notesAnswerFormat: AnswerFormat = {
  name: notesJsonSchemaName,
  tool: "record_clinical_notes",
  description: "Records the clinical notes of the session; every item cites the transcript lines it rests on.",
  schema: notesJsonSchema,
};

/** The suggested reflection's answer format (`reflectionJsonSchema`). */
export const reflectionAnswerFormat: AnswerFormat = {
  name: reflectionJsonSchemaName,
  tool: "suggest_reflection",
  description: "Records one suggested reflection of the patient's words, citing the patient's lines it says back, or none.",
  schema: reflectionJsonSchema,
};

/** What one request to the service asks. */
export interface ModelRequest {
  /** The system prompt: the shared rules and the format's guidance, or the reflection's prompt. */
  system: string;
  messages: ModelMessage[];
  /** The JSON the answer must be. */
  answerFormat: AnswerFormat;
  /** Names the request in error messages ("the notes", "the repair of the notes of part 2 of 3"). */
  what: string;
  signal: AbortSignal | undefined;
}

/** Why the model stopped, as this module needs to know it. */
export type ModelStop =
  /** It finished its answer. */
  | "complete"
  /** It ran into the output token limit: the answer is cut off. */
  | "truncated"
  /** The service's content filter (or guardrail) withheld or cut the answer. */
  | "filtered";

/** What one request answered. */
export interface ModelAnswer {
  /** The answer's JSON as text (a tool's input serialised); null or "" when there is none. */
  content: string | null;
  stop: ModelStop;
  /** The service's own word for the stop (`finish_reason`, `stopReason`), for messages. */
  stopReason: string;
  /** The model the service says answered, when it says. */
  model?: string | undefined;
}

export interface LlmNoteWriterSettings {
  /** The notes' provider name (`openai`, `azure-openai`, `bedrock`). */
  provider: string;
  /** The service as error messages name it ("Azure OpenAI", "Amazon Bedrock", "The model server"). */
  service: string;
  /** The model (deployment, model id) configured, recorded when the service names none. */
  model: string;
  /**
   * Sends one request; `request.signal` ends when the caller stops or `timeoutMs` passes.
   * @throws what the service's client throws: `toError` maps it.
   */
  complete(request: ModelRequest & { signal: AbortSignal }): Promise<ModelAnswer>;
  /** One cheap authenticated read of the service (within `checkTimeoutMs`). @throws what `toError` maps; reported as `dependency.unavailable`. */
  check(signal: AbortSignal): Promise<unknown>;
  /** Names the check's read in error messages ("the model list"). */
  checkWhat: string;
  /** How long one request may take, in ms: past it the request is aborted. */
  timeoutMs: number;
  /** How long the readiness check may take, in ms. */
  checkTimeoutMs: number;
  /**
   * The adapter's error map: what a request or the check threw as a ConfideError (`provider.*`),
   * `timedOutAfterMs` set when the deadline ended it. Never the transcript or the model's words.
   */
  toError(error: unknown, what: string, timedOutAfterMs: number | undefined): unknown;
  close?(): Promise<void>;
  /** The model's context window in tokens: prompt, transcript window and answer together. */
  contextTokens: number;
  /** Tokens reserved for each answer. */
  maxOutputTokens: number;
  /** Lines each window repeats from the one before. Default 3. */
  overlapSegments?: number;
}

/** Tokens kept free besides the estimate: chat template, message framing, the schema a service may inject. */
const framingTokens = 512;

/**
 * The transcript tokens a window may hold: the context less the answer, the longest system
 * prompt of any format and the framing.
 * @throws ConfideError `validation.invalid_input` (`details.setting: "contextTokens"`) when that leaves under 128.
 */
export function windowTokensOf(contextTokens: number, maxOutputTokens: number): number {
  const longestPrompt = Math.max(...Object.values(notePrompts).map((template) => estimateTokens(systemPromptOf(template))));
  const windowTokens = contextTokens - maxOutputTokens - framingTokens - longestPrompt;
  if (windowTokens < 128) {
    throw invalidSetting("contextTokens", "contextTokens leaves too little room for the transcript after the answer and the instructions.");
  }
  return windowTokens;
}

/**
 * The model answered, twice, with something that is not the notes the schema asks for.
 * `problem` names paths and rules only, never values.
 */
export function unusableNotes(provider: string, problem: string): ConfideError {
  return new ConfideError("provider.bad_response", `The model's notes were not usable after one repair attempt: ${problem}.`, {
    retryable: false,
    details: { provider },
  });
}

/**
 * The service's content filter (Azure OpenAI's, a Bedrock guardrail or the model's own) refused
 * the transcript or withheld the answer. Therapy sessions talk about self-harm, violence and
 * abuse: a filter tuned for general chat refuses them, and asking again changes nothing.
 */
export function contentFiltered(provider: string, service: string, where: "prompt" | "answer", cause?: unknown): ConfideError {
  const what = where === "prompt" ? "refused the transcript" : "withheld the notes";
  return new ConfideError(
    "provider.rejected",
    `${service}'s content filter ${what}. Session transcripts discuss self-harm, violence and abuse; the deployment needs a content filter (or guardrail) configuration that lets clinical text through.`,
    { retryable: false, ...(cause === undefined ? {} : { cause }), details: { provider, reason: "content_filter", where } },
  );
}

/** What one answer's text is worth: the checked answer, or the problem (paths and rules, no values). */
function readAnswer(answer: ModelAnswer): { ok: true; answer: NotesAnswer } | { ok: false; problem: string } {
  if (answer.stop === "truncated") return { ok: false, problem: `the answer was cut off at the output token limit (${answer.stopReason})` };
  const content = answer.content;
  if (content === null || content.trim() === "") return { ok: false, problem: `the answer was empty (stop reason ${answer.stopReason || "none"})` };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // The SyntaxError quotes the text: it is not passed on.
    return { ok: false, problem: "the answer is not valid JSON" };
  }
  const checked = notesAnswer.safeParse(json);
  if (!checked.success) return { ok: false, problem: `the answer does not match the schema: ${describeIssues(checked.error)}` };
  return { ok: true, answer: checked.data };
}

function interrupted(signal: AbortSignal, what = "Writing the notes"): ConfideError {
  return new ConfideError("provider.interrupted", `${what} was stopped.`, { cause: signal.reason });
}

/** A NoteWriter over one language-model service (see the module comment). */
export function createLlmNoteWriter(settings: LlmNoteWriterSettings): NoteWriter {
  const { provider, service } = settings;
  const windowTokens = windowTokensOf(settings.contextTokens, settings.maxOutputTokens);
  const overlapSegments = settings.overlapSegments ?? 3;

  async function ask(request: ModelRequest): Promise<ModelAnswer> {
    const answer = await withDeadline(
      settings.timeoutMs,
      request.signal,
      (deadline) => settings.complete({ ...request, signal: deadline }),
      (error, timedOutAfterMs) => settings.toError(error, request.what, timedOutAfterMs),
    );
    if (answer.stop === "filtered") throw contentFiltered(provider, service, "answer");
    return answer;
  }

  /** One window: a request, and one repair (or shorter) request when the answer is unusable. */
  async function writeWindow(system: string, userMessage: string, texts: SegmentTexts, what: string, signal: AbortSignal | undefined) {
    const messages: ModelMessage[] = [{ role: "user", content: userMessage }];
    const first = await ask({ system, messages, answerFormat: notesAnswerFormat, what, signal });
    let read = readAnswer(first);
    if (!read.ok) {
      // A cut-off answer is not shown back (it is incomplete by the limit, not wrong): the same request, asking for less.
      const retry: ModelMessage[] =
        first.stop === "truncated"
          ? [{ role: "user", content: `${userMessage}\n\n${shorterMessage()}` }]
          : [...messages, { role: "assistant", content: first.content?.trim() || "(no answer)" }, { role: "user", content: repairMessage(read.problem) }];
      const second = await ask({ system, messages: retry, answerFormat: notesAnswerFormat, what: `the repair of ${what}`, signal });
      read = readAnswer(second);
      if (!read.ok) throw unusableNotes(provider, read.problem);
    }
    return { notes: notesFromAnswer(read.answer, texts), model: first.model !== undefined && first.model !== "" ? first.model : settings.model };
  }

  return {
    provider,
    async write(input: NoteWriterInput, options = {}): Promise<NoteWriterResult> {
      const signal = options.signal;
      if (signal?.aborted) throw interrupted(signal);
      const template = notePromptFor(input.format);
      const spoken = input.segments.filter((segment) => segment.text.trim() !== "");
      if (spoken.length === 0) {
        return { notes: allNotAssessed("The transcript has no speech."), model: settings.model, promptVersion: template.version };
      }
      const system = systemPromptOf(template);
      const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
      const lines = spoken.map((segment) => promptLine(segment, roleOf.get(segment.speaker)));
      // One line break per line besides the text.
      const windows = splitIntoWindows(lines.map((line) => estimateTokens(line) + 1), windowTokens, overlapSegments);
      const texts: SegmentTexts = new Map(input.segments.map((segment) => [segment.id, segment.text]));
      const drafts: NotesDraft[] = [];
      let model = settings.model;
      try {
        for (const [index, window] of windows.entries()) {
          const message = windowMessage(input, lines.slice(window.start, window.end), { index, count: windows.length });
          const what = windows.length === 1 ? "the notes" : `the notes of part ${index + 1} of ${windows.length}`;
          const written = await writeWindow(system, message, texts, what, signal);
          if (index === 0) model = written.model;
          drafts.push(written.notes);
        }
      } catch (error) {
        if (signal?.aborted) throw interrupted(signal);
        throw error;
      }
      return { notes: mergeWindowNotes(drafts), model, promptVersion: template.version };
    },
    /**
     * One request with the reflection's prompt (`prompts/reflection.ts`) over the lines given, no
     * repair (a late reflection is worth nothing): an answer that is not the reflection's JSON,
     * has none, or cites a line not the patient's is null (`reflectionFromAnswer`). A filtered
     * answer is `provider.rejected`, as for the notes.
     */
    async reflect(input: ReflectionInput, options = {}): Promise<Reflection | null> {
      const signal = options.signal;
      if (signal?.aborted) throw interrupted(signal, "Suggesting a reflection");
      const roleOf = new Map<string, SpeakerRole>(input.speakers.map((speaker) => [speaker.label, speaker.role]));
      if (!input.segments.some((segment) => roleOf.get(segment.speaker) === "patient" && segment.text.trim() !== "")) return null;
      try {
        const answer = await ask({
          system: reflectionPrompt.system,
          messages: [{ role: "user", content: reflectionMessage(input) }],
          answerFormat: reflectionAnswerFormat,
          what: "the reflection",
          signal,
        });
        return answer.stop === "complete" ? reflectionFromAnswer(answer.content, input) : null;
      } catch (error) {
        if (signal?.aborted) throw interrupted(signal, "Suggesting a reflection");
        throw error;
      }
    },
    async check(options = {}) {
      try {
        await withDeadline(
          settings.checkTimeoutMs,
          options.signal,
          (deadline) => settings.check(deadline),
          (error, timedOutAfterMs) => settings.toError(error, settings.checkWhat, timedOutAfterMs),
        );
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const reason = ConfideError.is(error) ? error.message : `${service} did not answer`;
        throw new ConfideError("dependency.unavailable", `The notes model is not usable: ${reason}`, { cause: error, details: { provider } });
      }
    },
    async close() {
      await settings.close?.();
    },
  };
}
