/**
 * Two-voice synthetic dialogues for the diarization bench, with what real conversations have and
 * the contract's dialogue lacks: short backchannels ("mm-hm", "yeah") from the listener, a turn
 * that starts before the previous one ends (overlap), and uneven pauses. Each voice is an
 * espeak-ng variant or a flite voice; sox places every utterance at its time and mixes them into
 * one 16 kHz mono file. The reference is written as RTTM (one SPEAKER line per utterance).
 */
import { execFile } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `espeak:<voice>` or `flite:<voice>`. */
export type Voice = `espeak:${string}` | `flite:${string}`;

export interface ReferenceTurn {
  speaker: string;
  startMs: number;
  endMs: number;
}

export interface SyntheticRecording {
  name: string;
  path: string;
  durationMs: number;
  reference: ReferenceTurn[];
  /** Text per reference turn (same order), for the role heuristic. */
  texts: string[];
  /** The speaker who asks the questions (the therapist) in the reference. */
  therapist: string;
}

const therapistLines = [
  "Hello. How have you been sleeping this week?",
  "That is good to hear. What is on your mind today?",
  "Can you tell me more about your work?",
  "What helps you feel calm when that happens?",
  "How did your family react when you told them?",
  "Would you like to try the breathing exercise again this week?",
];
const patientLines = [
  "I feel a lot better. I have been sleeping well and I am happy with my progress.",
  "I am worried about my job. My manager is angry and I feel afraid most mornings.",
  "The work is hard and I feel tired and sad every morning before I leave the house.",
  "Walking with my dog makes me happy. I love the park near our flat.",
  "My sister was kind about it, but my father did not say very much at all.",
  "Yes, I think so. It helped me last time when I could not sleep.",
];
const backchannels = ["mm-hm", "yeah", "right", "okay"];

async function speak(voice: Voice, text: string, path: string): Promise<void> {
  const [engine, name] = voice.split(":") as ["espeak" | "flite", string];
  const raw = `${path}.raw.wav`;
  if (engine === "espeak") await run("espeak-ng", ["-v", name, "-s", "150", "-w", raw, text]);
  else await run("flite", ["-voice", name, "-t", text, "-o", raw]);
  // 16 kHz mono, leading and trailing silence removed so the reference is where the voice is.
  await run("sox", ["-D", raw, "-r", "16000", "-c", "1", "-b", "16", path, "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"]);
  await rm(raw, { force: true });
}

async function durationMs(path: string): Promise<number> {
  const { stdout } = await run("sox", ["--info", "-D", path]);
  return Math.round(Number.parseFloat(stdout.trim()) * 1000);
}

/**
 * A dialogue of `turns` exchanges between `voices[0]` (asks) and `voices[1]` (answers), with a
 * backchannel of the asker inside some answers and an overlapping start on some turns. The
 * random choices come from `seed`, so a run is repeatable.
 */
export async function makeSyntheticDialogue(options: {
  directory: string;
  name: string;
  voices: [Voice, Voice];
  seed: number;
  turns?: number;
}): Promise<SyntheticRecording> {
  let state = options.seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const work = join(options.directory, `${options.name}-parts`);
  await mkdir(work, { recursive: true });
  const placed: Array<{ path: string; startMs: number; endMs: number; speaker: string; text: string }> = [];
  let cursorMs = 300;
  let part = 0;
  const add = async (speakerIndex: 0 | 1, text: string, startMs: number) => {
    const path = join(work, `part-${part++}.wav`);
    await speak(options.voices[speakerIndex], text, path);
    const length = await durationMs(path);
    placed.push({ path, startMs, endMs: startMs + length, speaker: speakerIndex === 0 ? "A" : "B", text });
    return length;
  };
  const turns = options.turns ?? 6;
  for (let i = 0; i < turns; i += 1) {
    const question = therapistLines[i % therapistLines.length]!;
    const answer = patientLines[(i + options.seed) % patientLines.length]!;
    cursorMs += await add(0, question, cursorMs);
    // The answer starts after a pause of 0.3–1.2 s, or 0.4 s before the question ends (overlap).
    const overlapping = random() < 0.25;
    const answerStart = overlapping ? cursorMs - 400 : cursorMs + 300 + Math.round(random() * 900);
    const answerLength = await add(1, answer, answerStart);
    // A backchannel of the asker in a pause-free stretch of the answer, now and then.
    if (random() < 0.5 && answerLength > 2_500) await add(0, backchannels[i % backchannels.length]!, answerStart + Math.round(answerLength * 0.5));
    cursorMs = answerStart + answerLength + 300 + Math.round(random() * 900);
  }
  const path = join(options.directory, `${options.name}.wav`);
  // Each part padded to its start, all mixed; two inputs at least for -m.
  const padded = await Promise.all(
    placed.map(async (p, index) => {
      const target = join(work, `padded-${index}.wav`);
      await run("sox", ["-D", p.path, target, "pad", (p.startMs / 1000).toFixed(3), "0"]);
      return target;
    }),
  );
  await run("sox", ["-D", "-m", ...padded.flatMap((p) => ["-v", "1", p]), path, "gain", "-n", "-3"]);
  await rm(work, { recursive: true, force: true });
  const ordered = [...placed].sort((a, b) => a.startMs - b.startMs);
  return {
    name: options.name,
    path,
    durationMs: await durationMs(path),
    reference: ordered.map(({ speaker, startMs, endMs }) => ({ speaker, startMs, endMs })),
    texts: ordered.map((p) => p.text),
    therapist: "A",
  };
}

/** One voice reading both parts: for the speaker count. */
export async function makeMonologue(options: { directory: string; name: string; voice: Voice }): Promise<SyntheticRecording> {
  const work = join(options.directory, `${options.name}-parts`);
  await mkdir(work, { recursive: true });
  const lines = [...therapistLines.slice(0, 3), ...patientLines.slice(0, 3)];
  const reference: ReferenceTurn[] = [];
  const parts: string[] = [];
  let cursorMs = 0;
  for (const [index, text] of lines.entries()) {
    const spoken = join(work, `line-${index}.wav`);
    await speak(options.voice, text, spoken);
    const length = await durationMs(spoken);
    const pause = join(work, `pause-${index}.wav`);
    await run("sox", ["-D", "-n", "-r", "16000", "-c", "1", "-b", "16", pause, "trim", "0", "0.7"]);
    parts.push(spoken, pause);
    reference.push({ speaker: "A", startMs: cursorMs, endMs: cursorMs + length });
    cursorMs += length + 700;
  }
  const path = join(options.directory, `${options.name}.wav`);
  await run("sox", ["-D", ...parts, path]);
  await rm(work, { recursive: true, force: true });
  return { name: options.name, path, durationMs: await durationMs(path), reference, texts: lines, therapist: "A" };
}

/** About 20–25 s read aloud: a therapist's voice enrolment sample. */
export const enrolmentParagraph =
  "The north wind and the sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak. " +
  "They agreed that the one who first succeeded in making the traveller take his cloak off should be considered stronger than the other. " +
  "Then the north wind blew as hard as he could, but the more he blew the more closely did the traveller fold his cloak around him.";

/** `voice` reading `enrolmentParagraph`, as 16 kHz mono WAV: the enrolment sample. */
export async function makeReadAloudSample(options: { directory: string; name: string; voice: Voice }): Promise<string> {
  const path = join(options.directory, `${options.name}.wav`);
  await speak(options.voice, enrolmentParagraph, path);
  return path;
}

/** The reference as RTTM, for other scorers (md-eval, pyannote.metrics, dscore). */
export async function writeRttm(path: string, recording: SyntheticRecording): Promise<void> {
  const lines = recording.reference.map(
    (turn) =>
      `SPEAKER ${recording.name} 1 ${(turn.startMs / 1000).toFixed(3)} ${((turn.endMs - turn.startMs) / 1000).toFixed(3)} <NA> <NA> ${turn.speaker} <NA> <NA>`,
  );
  await writeFile(path, `${lines.join("\n")}\n`);
}

/** Reads RTTM SPEAKER lines of one recording (`uri`), or of every recording when `uri` is absent. */
export function parseRttm(text: string, uri?: string): ReferenceTurn[] {
  const turns: ReferenceTurn[] = [];
  for (const line of text.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== "SPEAKER" || (uri !== undefined && fields[1] !== uri)) continue;
    const startMs = Math.round(Number(fields[3]) * 1000);
    const lengthMs = Math.round(Number(fields[4]) * 1000);
    turns.push({ speaker: fields[7]!, startMs, endMs: startMs + lengthMs });
  }
  return turns.sort((a, b) => a.startMs - b.startMs);
}
