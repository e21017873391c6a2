/**
 * The real counselling and support conversations of `<repo>/../shared/real-dialogue` (its
 * README and each folder's PROVENANCE.md say what they are and under which licence), read at run
 * time for evaluation only: their text never enters the repository.
 *
 * Conversations, each with a stable id and its turns in order, role `patient` (the help-seeker,
 * the client, the question's author) or `therapist` (the supporter, the answering therapist,
 * Rogers):
 * - `esconv:<train|valid|test>:<line>` — ESConv, the line of `esconv_<split>.jsonl` counted from 1
 *   (as its PROVENANCE.md counts); `esconv-failed:<index>` — FailedESConv, the array index from 0.
 *   Consecutive messages of one speaker are one turn (an utterance is not a turn in typed chat).
 *   The seeker's own pre-chat `situation` is kept beside the turns, not as one.
 * - `counsel-chat:<questionID>` — the question (title, then text, from its first row) as the
 *   patient's turn, then each distinct answer as a therapist's turn, in file order.
 * - `rogers:<gloria|sylvia-4|sylvia-5|kathy|dione-1|dione-2>` — the six filmed sessions.
 * Reddit C-SSRS users: `reddit:<user>` with their posts and the clinicians' label.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { csvObjects } from "./csv.ts";
import { parsePythonStringList } from "./python-string-list.ts";
import { rogersSessions } from "./rogers-transcripts.ts";

export type RealRole = "patient" | "therapist";
export interface RealTurn {
  role: RealRole;
  text: string;
}
export type RealSource = "esconv" | "esconv-failed" | "counsel-chat" | "rogers";
export interface RealConversation {
  id: string;
  source: RealSource;
  turns: RealTurn[];
  /** ESConv: the seeker's own description of their problem, written before the chat. */
  situation?: string;
  /** counsel-chat: the question's topic(s); ESConv: its problem type. */
  topic?: string;
}

export const redditLabels = ["Supportive", "Indicator", "Ideation", "Behavior", "Attempt"] as const;
export type RedditLabel = (typeof redditLabels)[number];
export interface RedditUser {
  id: string;
  label: RedditLabel;
  posts: string[];
  /** The user's posts were cut at a spreadsheet cell's limit in the source: the last one is partial. */
  truncated: boolean;
}

export type RealDialogue =
  | { status: "absent"; path: string; message: string }
  | { status: "present"; path: string; conversations: RealConversation[]; reddit: RedditUser[] };

/** `<repo>/../shared/real-dialogue`, the repo being the folder that holds `bench/`; `BENCH_REAL_DIALOGUE` names another folder. */
export function realDialoguePath(): string {
  return process.env.BENCH_REAL_DIALOGUE ?? resolve(fileURLToPath(new URL("../../", import.meta.url)), "..", "shared", "real-dialogue");
}

const esconvSpeakers: Record<string, RealRole> = { usr: "patient", sys: "therapist", speaker: "patient", listener: "therapist" };

/** Consecutive messages of one role joined into one turn; empty messages dropped. */
function mergeTurns(messages: RealTurn[]): RealTurn[] {
  const turns: RealTurn[] = [];
  for (const message of messages) {
    const text = message.text.replace(/\s+/g, " ").trim();
    if (text === "") continue;
    const last = turns.at(-1);
    if (last !== undefined && last.role === message.role) last.text = `${last.text} ${text}`;
    else turns.push({ role: message.role, text });
  }
  return turns;
}

function roleOf(speaker: unknown, where: string): RealRole {
  const role = typeof speaker === "string" ? esconvSpeakers[speaker] : undefined;
  if (role === undefined) throw new Error(`${where}: unknown speaker ${JSON.stringify(speaker)}`);
  return role;
}

interface EsconvRecord {
  situation?: string;
  problem_type?: string;
  dialog: { speaker: string; text?: string; content?: string }[];
}

function esconvConversation(id: string, source: RealSource, record: EsconvRecord): RealConversation {
  if (!Array.isArray(record.dialog)) throw new Error(`${id}: no dialog`);
  const turns = mergeTurns(record.dialog.map((message) => ({ role: roleOf(message.speaker, id), text: message.text ?? message.content ?? "" })));
  return { id, source, turns, ...(record.situation === undefined ? {} : { situation: record.situation }), ...(record.problem_type === undefined ? {} : { topic: record.problem_type }) };
}

/** One split file of ESConv (one JSON object a line, schema `usr`/`sys`). */
export function esconvConversations(split: string, jsonl: string): RealConversation[] {
  const conversations: RealConversation[] = [];
  jsonl.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    conversations.push(esconvConversation(`esconv:${split}:${index + 1}`, "esconv", JSON.parse(line) as EsconvRecord));
  });
  return conversations;
}

/** FailedESConv (one JSON array, the original schema `speaker`/`listener`, text in `content`). */
export function failedEsconvConversations(json: string): RealConversation[] {
  const records = JSON.parse(json) as EsconvRecord[];
  return records.map((record, index) => esconvConversation(`esconv-failed:${index}`, "esconv-failed", record));
}

/** counsel-chat: one conversation per question, the question then its distinct answers. */
export function counselChatConversations(csv: string): RealConversation[] {
  const byQuestion = new Map<string, { question: string; answers: string[]; topics: string[] }>();
  for (const row of csvObjects(csv)) {
    const questionId = row.questionID ?? "";
    if (!/^\d+$/.test(questionId)) throw new Error(`counsel-chat: a row without a questionID`);
    let entry = byQuestion.get(questionId);
    if (entry === undefined) {
      const title = (row.questionTitle ?? "").trim();
      const body = (row.questionText ?? "").trim();
      const question = title === "" ? body : body === "" ? title : `${title}${/[.?!]$/.test(title) ? "" : "."} ${body}`;
      entry = { question, answers: [], topics: [] };
      byQuestion.set(questionId, entry);
    }
    const topic = (row.topic ?? "").trim();
    if (topic !== "" && !entry.topics.includes(topic)) entry.topics.push(topic);
    const answer = (row.answerText ?? "").trim();
    if (answer !== "" && !entry.answers.includes(answer)) entry.answers.push(answer);
  }
  return [...byQuestion].map(([questionId, entry]) => ({
    id: `counsel-chat:${questionId}`,
    source: "counsel-chat" as const,
    turns: [{ role: "patient" as const, text: entry.question }, ...entry.answers.map((text) => ({ role: "therapist" as const, text }))].map((turn) => ({ ...turn, text: turn.text.replace(/\s+/g, " ") })),
    topic: entry.topics.join(", "),
  }));
}

/** The Reddit C-SSRS users (`User,Post,Label`, posts as a Python list literal). */
export function redditUsers(csv: string): RedditUser[] {
  return csvObjects(csv).map((row) => {
    const label = row.Label as RedditLabel;
    if (!redditLabels.includes(label)) throw new Error(`reddit: ${row.User} has an unknown label ${JSON.stringify(row.Label)}`);
    const parsed = parsePythonStringList(row.Post ?? "");
    return { id: `reddit:${row.User}`, label, posts: parsed.items, truncated: !parsed.complete };
  });
}

/** Every conversation and Reddit user, or `absent` with a one-line message when the folder is not there. */
export function loadRealDialogue(path = realDialoguePath()): RealDialogue {
  if (!existsSync(path)) return { status: "absent", path, message: `real-dialogue set absent: ${path} does not exist, so the real-session figures are not measured` };
  const read = (...parts: string[]) => readFileSync(join(path, ...parts), "utf8");
  const conversations: RealConversation[] = [
    ...["train", "valid", "test"].flatMap((split) => esconvConversations(split, read("esconv", `esconv_${split}.jsonl`))),
    ...failedEsconvConversations(read("esconv", "FailedESConv.json")),
    ...counselChatConversations(read("counsel-chat", "20200325_counsel_chat.csv")),
    ...rogersSessions(read("carl-rogers-transcripts", "rogers_vol12_raw_transcripts.txt")).map((session) => ({ id: `rogers:${session.name}`, source: "rogers" as const, turns: session.turns })),
  ];
  return { status: "present", path, conversations, reddit: redditUsers(read("reddit-cssrs-500", "500_Reddit_users_posts_labels.csv")) };
}
