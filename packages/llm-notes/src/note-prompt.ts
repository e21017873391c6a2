/**
 * The prompt of every language-model NoteWriter: one system message (the rules every format
 * shares, then the format's own guidance from its template file in `prompts/`) and one user
 * message (the numbered transcript lines of one window). Changing any wording here or in a
 * template changes the notes: bump the versions of the templates it reaches, which are recorded
 * with every note written (`provenance.promptVersion`).
 */
import type { NoteFormat, NoteWriterInput, SpeakerRole } from "@confide/core/ports";

/** One format's prompt template (a file of its own under `prompts/`). */
export interface NotePromptTemplate {
  format: NoteFormat;
  /** Recorded with the notes as their prompt version; bumped on any change of `guidance` or of the shared rules. */
  version: string;
  /** What the format asks of the notes: which fields feed which section, and what a section must never hold. */
  guidance: string;
}

/** The rules every format shares (the answer's fields are the same whatever the layout). */
export const sharedNoteRules = [
  "You write clinical notes of one psychotherapy session from its transcript, for the therapist.",
  "The transcript is given as numbered lines `[<segment id>] <role>: <text>`; role is patient, therapist or unknown.",
  "Answer with JSON only, matching the given schema. Rules:",
  "- Every item states one claim and cites the segments that support it in `evidence`: the segment id exactly as written in brackets and `quote`, words copied exactly from that segment's text (no paraphrase, no ellipsis).",
  "- A claim says no more than its cited words carry: cite the words that state it (not a single word such as \"I\" or \"my partner\"), keep negation (\"I don't drink\" never supports \"drinks\") and the speaker (what the therapist suggests is not what the patient said).",
  "- Every item of every list field goes in `items`, naming its `field`; `type` and `severity` are set on riskFlags items only, else null.",
  "- Never state anything the transcript does not support. If a field cannot be filled from the transcript, set its `assessed` to false and give the `reason`; if it was assessed and nothing was found, set `assessed` to true and list no item for it.",
  "- `speaker` is whose words the item reports (patient or therapist), or null when it summarises both.",
  "- `quote` on an item: the exact words it repeats (required for significantQuotes and riskFlags), else null.",
  "- riskFlags: every mention of self-harm or suicidal ideation, harm to others, abuse, or substance misuse, with a type, a severity and the words said. Report them even when unsure; never report a negated statement (\"I would never hurt myself\") as a risk.",
  "- sessionMood and moodTrajectory concern the patient over the lines given.",
  "- patientSummary is addressed to the patient in plain, kind language; therapistNotes are clinical observations for the therapist.",
].join("\n");

/** The system message of `template`: the shared rules, then the format's guidance. */
export function systemPromptOf(template: NotePromptTemplate): string {
  return `${sharedNoteRules}\n\n${template.guidance}`;
}

/** Whose turn a line is, as the prompt names it. */
function roleName(role: SpeakerRole | undefined): string {
  return role === "patient" || role === "therapist" ? role : "unknown";
}

/** One transcript line of the prompt; line breaks inside a segment are made spaces. */
export function promptLine(segment: NoteWriterInput["segments"][number], role: SpeakerRole | undefined): string {
  return `[${segment.id}] ${roleName(role)}: ${segment.text.replace(/\s+/g, " ").trim()}`;
}

/**
 * The user message for one window of the transcript.
 * @returns the message text: a header naming the window, then one line per segment.
 */
export function windowMessage(
  input: Pick<NoteWriterInput, "language">,
  lines: readonly string[],
  window: { index: number; count: number },
): string {
  const part =
    window.count === 1
      ? "the whole session"
      : `part ${window.index + 1} of ${window.count} of the session (parts overlap by a few lines; cite only lines shown here)`;
  return [`Language: ${input.language}. Transcript, ${part}:`, "", ...lines].join("\n");
}

/** The user message asking for a corrected answer, told what was wrong (never the transcript). */
export function repairMessage(problem: string): string {
  return `Your answer could not be used: ${problem}. Answer again with the complete notes as JSON only, matching the schema exactly.`;
}

/** The user message after an answer cut off at the output limit: the same notes, shorter. */
export function shorterMessage(): string {
  return "Your answer was cut off at the output token limit. Answer again with the complete notes as JSON only, matching the schema exactly, and shorter: fewer items per field, short texts, short quotes.";
}
