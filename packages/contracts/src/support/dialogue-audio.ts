/**
 * Makes a short scripted therapy dialogue as real audio, for testing speech engines offline:
 * espeak-ng speaks each turn (a different voice per speaker) and sox assembles a stereo
 * recording (therapist on channel 0, patient on channel 1, each channel silent while the other
 * speaks) and a mono mix of both.
 *
 * The Klatt voices of espeak-ng are used because PocketSphinx recognises them far better than
 * espeak-ng's default formant voices (checked here: most words of a turn come through).
 */
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type DialogueRole = "therapist" | "patient";

export interface DialogueLine {
  role: DialogueRole;
  /** Channel of the stereo file that carries this speaker. */
  channel: 0 | 1;
  text: string;
  /** Where the turn sits in the recording. */
  startMs: number;
  endMs: number;
}

export interface DialogueAudio {
  /** 2 channels: therapist on channel 0, patient on channel 1. */
  stereoPath: string;
  /** Both speakers mixed into one channel. */
  monoPath: string;
  durationMs: number;
  sampleRateHz: number;
  lines: DialogueLine[];
}

export interface DialogueAudioOptions {
  /** Directory the files are written into (created when missing). */
  directory: string;
  /** Defaults to `therapyDialogue`. */
  script?: Array<Pick<DialogueLine, "role" | "text">>;
  /** Silence between turns; default 900 ms. */
  pauseMs?: number;
  /** espeak-ng words per minute; default 140. */
  wordsPerMinute?: number;
  /** espeak-ng voices; defaults `en-us+klatt` (therapist) and `en-us+klatt4` (patient). */
  voices?: Partial<Record<DialogueRole, string>>;
  /** Prefix of the written file names; default "dialogue". */
  name?: string;
}

/** 8 turns, about 35 s: questions from the therapist, answers with clear sentiment. */
export const therapyDialogue: Array<Pick<DialogueLine, "role" | "text">> = [
  { role: "therapist", text: "Hello. How have you been sleeping this week?" },
  { role: "patient", text: "I feel a lot better. I have been sleeping well and I am happy with my progress." },
  { role: "therapist", text: "That is good to hear. What is on your mind today?" },
  { role: "patient", text: "I am worried about my job. My manager is angry and I feel afraid." },
  { role: "therapist", text: "Can you tell me more about your work?" },
  { role: "patient", text: "The work is hard and I feel tired and sad every morning." },
  { role: "therapist", text: "What helps you feel calm?" },
  { role: "patient", text: "Walking with my dog makes me happy. I love the park." },
];

const sampleRateHz = 22_050;
const channelOf: Record<DialogueRole, 0 | 1> = { therapist: 0, patient: 1 };

async function tool(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { maxBuffer: 1024 * 1024 });
    return stdout;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Error(
        `${command} is not installed; install it with: apt-get install espeak-ng sox (needed to make test speech)`,
        { cause: error },
      );
    }
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`${command} ${args.join(" ")} failed: ${stderr || String(error)}`, { cause: error });
  }
}

/** sox without dither: the same script always gives the same bytes, and silence stays exact zeros. */
const sox = (args: string[]) => tool("sox", ["-D", ...args]);

async function durationSeconds(path: string): Promise<number> {
  return Number.parseFloat((await tool("sox", ["--info", "-D", path])).trim());
}

/**
 * Writes `<name>-stereo.wav` and `<name>-mono.wav` (16-bit, 22.05 kHz) into `options.directory`.
 * @returns the paths, the total duration and each line with its place in the recording.
 */
export async function makeDialogueWav(options: DialogueAudioOptions): Promise<DialogueAudio> {
  const script = options.script ?? therapyDialogue;
  const pauseMs = options.pauseMs ?? 900;
  const wordsPerMinute = options.wordsPerMinute ?? 140;
  const voices: Record<DialogueRole, string> = {
    therapist: options.voices?.therapist ?? "en-us+klatt",
    patient: options.voices?.patient ?? "en-us+klatt4",
  };
  const name = options.name ?? "dialogue";
  const work = join(options.directory, `${name}-parts`);
  await mkdir(work, { recursive: true });

  try {
    const format = ["-r", String(sampleRateHz), "-c", "1", "-b", "16", "-e", "signed-integer"];
    const pausePath = join(work, "pause.wav");
    await sox(["-n", ...format, pausePath, "trim", "0", (pauseMs / 1000).toFixed(3)]);

    // Per turn: the spoken turn, and a silent copy of the same length for the other channel.
    const channelParts: [string[], string[]] = [[], []];
    const lines: DialogueLine[] = [];
    let cursorMs = 0;
    for (const [index, line] of script.entries()) {
      const rawPath = join(work, `turn-${index}-raw.wav`);
      const spokenPath = join(work, `turn-${index}.wav`);
      const silentPath = join(work, `turn-${index}-silent.wav`);
      await tool("espeak-ng", ["-v", voices[line.role], "-s", String(wordsPerMinute), "-w", rawPath, line.text]);
      await sox([rawPath, ...format, spokenPath]);
      await sox([spokenPath, silentPath, "vol", "0"]);
      const lengthMs = Math.round((await durationSeconds(spokenPath)) * 1000);

      const channel = channelOf[line.role];
      channelParts[channel].push(spokenPath, pausePath);
      channelParts[channel === 0 ? 1 : 0].push(silentPath, pausePath);
      lines.push({ role: line.role, channel, text: line.text, startMs: cursorMs, endMs: cursorMs + lengthMs });
      cursorMs += lengthMs + pauseMs;
    }

    const channelPaths = [join(work, "channel-0.wav"), join(work, "channel-1.wav")] as const;
    await sox([...channelParts[0], channelPaths[0]]);
    await sox([...channelParts[1], channelPaths[1]]);

    const stereoPath = join(options.directory, `${name}-stereo.wav`);
    const monoPath = join(options.directory, `${name}-mono.wav`);
    await sox(["-M", channelPaths[0], channelPaths[1], stereoPath]);
    // The channels never overlap, so summing them at full volume cannot clip.
    await sox([stereoPath, monoPath, "remix", "1v1,2v1"]);

    const durationMs = Math.round((await durationSeconds(stereoPath)) * 1000);
    return { stereoPath, monoPath, durationMs, sampleRateHz, lines };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
