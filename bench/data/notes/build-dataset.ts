/**
 * Builds the notes evaluation set (`dev.jsonl`, `test.jsonl` beside this file) from the dialogue
 * files under `sessions/dev/` and `sessions/test/`, checking every label on the way. Exits 1 on
 * any error (and writes nothing) or when a minimum of the set is not met.
 *
 *   node bench/data/notes/build-dataset.ts          # rebuild both .jsonl files, print counts
 *   node bench/data/notes/build-dataset.ts --check  # only check that the .jsonl files are up to date
 *
 * A dialogue file (one session) is a header, a line `---`, then one line per turn:
 *
 *   id: grief-marion
 *   theme: grief
 *   mood: negative            very_negative | negative | neutral | positive | very_positive | mixed
 *   names: Tom, Marion        every name of a person said in the session (may be empty)
 *   ---
 *   T: How have things been since we last met?
 *   P[q]: I keep setting out two cups in the morning, and then I remember Tom isn't there.
 *   T[s]: Maybe you could write Tom a letter this week.
 *   P[c]: Okay. I'll write the letter on Sunday.
 *
 * `T` is the therapist, `P` the patient. Tags: `q` a substantive patient statement a clinician
 * would quote, `c` a commitment the patient makes (first person, future), `s` a suggestion the
 * therapist makes; `[q,c]` for both.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type NotesMood = "very_negative" | "negative" | "neutral" | "positive" | "very_positive" | "mixed";
export const notesMoods: readonly NotesMood[] = ["very_negative", "negative", "neutral", "positive", "very_positive", "mixed"];

export interface NotesTurn {
  speaker: "therapist" | "patient";
  text: string;
}

/** One labelled session of the set, as a line of `dev.jsonl` or `test.jsonl`. */
export interface NotesSession {
  id: string;
  split: "dev" | "test";
  theme: string;
  mood: NotesMood;
  names: string[];
  turns: NotesTurn[];
  /** Indexes (0-based) of the patient's turns that make a commitment. */
  commitments: number[];
  /** Indexes of the therapist's turns that make a suggestion. */
  suggestions: number[];
  /** Indexes of the patient's turns a clinician would quote. */
  quotes: number[];
}

const minimum = { sessions: 40, turns: 30, maxTurns: 150, testShare: 0.25 };
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

function parse(text: string, file: string, split: NotesSession["split"]): NotesSession {
  const [head, body] = text.split(/^---$/m);
  if (head === undefined || body === undefined) throw new Error(`${file}: no '---' line`);
  const header = new Map<string, string>();
  for (const line of head.split("\n").filter((line) => line.trim() !== "")) {
    const match = /^(\w+):\s*(.*)$/.exec(line.trim());
    if (!match) throw new Error(`${file}: bad header line '${line}'`);
    header.set(match[1]!, match[2]!.trim());
  }
  const mood = header.get("mood") as NotesMood;
  if (!notesMoods.includes(mood)) throw new Error(`${file}: mood '${mood}'`);
  const session: NotesSession = {
    id: header.get("id") ?? "",
    split,
    theme: header.get("theme") ?? "",
    mood,
    names: (header.get("names") ?? "").split(",").map((name) => name.trim()).filter((name) => name !== ""),
    turns: [],
    commitments: [],
    suggestions: [],
    quotes: [],
  };
  if (session.id === "" || session.theme === "") throw new Error(`${file}: id and theme are required`);
  for (const line of body.split("\n").filter((line) => line.trim() !== "")) {
    const match = /^([TP])(?:\[([qcs,]+)\])?:\s+(.+)$/.exec(line.trim());
    if (!match) throw new Error(`${file}: bad turn '${line}'`);
    const speaker = match[1] === "T" ? "therapist" : "patient";
    const tags = (match[2] ?? "").split(",").filter((tag) => tag !== "");
    const index = session.turns.length;
    for (const tag of tags) {
      if ((tag === "q" || tag === "c") && speaker !== "patient") throw new Error(`${file}: [${tag}] on a therapist turn ${index}`);
      if (tag === "s" && speaker !== "therapist") throw new Error(`${file}: [s] on a patient turn ${index}`);
      if (tag === "q") session.quotes.push(index);
      if (tag === "c") session.commitments.push(index);
      if (tag === "s") session.suggestions.push(index);
    }
    session.turns.push({ speaker, text: match[3]!.trim() });
  }
  if (session.turns.length < minimum.turns || session.turns.length > minimum.maxTurns) {
    throw new Error(`${file}: ${session.turns.length} turns (want ${minimum.turns}–${minimum.maxTurns})`);
  }
  for (const name of session.names) {
    if (!session.turns.some((turn) => new RegExp(`\\b${name}\\b`).test(turn.text))) throw new Error(`${file}: name ${name} is never said`);
  }
  return session;
}

function load(split: NotesSession["split"]): NotesSession[] {
  const folder = here(`./sessions/${split}/`);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => parse(readFileSync(`${folder}${name}`, "utf8"), `sessions/${split}/${name}`, split));
}

const jsonl = (sessions: readonly NotesSession[]) => sessions.map((session) => JSON.stringify(session)).join("\n") + "\n";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dev = load("dev");
  const test = load("test");
  const all = [...dev, ...test];
  const ids = new Set(all.map((session) => session.id));
  if (ids.size !== all.length) throw new Error("duplicate session ids");
  const count = (sessions: readonly NotesSession[], pick: (session: NotesSession) => number) => sessions.reduce((sum, session) => sum + pick(session), 0);
  for (const [name, sessions] of [["dev", dev], ["test", test]] as const) {
    const moods = notesMoods.map((mood) => `${mood} ${sessions.filter((session) => session.mood === mood).length}`).join(", ");
    const themes = [...new Set(sessions.map((session) => session.theme))].sort().join(", ");
    console.log(
      `${name}: ${sessions.length} sessions, ${count(sessions, (session) => session.turns.length)} turns, ` +
        `${count(sessions, (session) => session.commitments.length)} commitments, ${count(sessions, (session) => session.suggestions.length)} suggestions, ` +
        `${count(sessions, (session) => session.quotes.length)} quotable statements; moods: ${moods}; themes: ${themes}`,
    );
  }
  const problems: string[] = [];
  if (all.length < minimum.sessions) problems.push(`${all.length} sessions (want ≥ ${minimum.sessions})`);
  if (test.length < all.length * minimum.testShare) problems.push(`held-out share ${test.length}/${all.length} (want ≥ ${minimum.testShare})`);
  if (process.argv.includes("--check")) {
    for (const [name, sessions] of [["dev", dev], ["test", test]] as const) {
      if (readFileSync(here(`./${name}.jsonl`), "utf8") !== jsonl(sessions)) problems.push(`${name}.jsonl is out of date: run node bench/data/notes/build-dataset.ts`);
    }
  } else {
    writeFileSync(here("./dev.jsonl"), jsonl(dev));
    writeFileSync(here("./test.jsonl"), jsonl(test));
  }
  for (const problem of problems) console.error(problem);
  process.exit(problems.length > 0 ? 1 : 0);
}
