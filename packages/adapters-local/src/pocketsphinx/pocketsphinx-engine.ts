import { access, rm } from "node:fs/promises";
import type { Word } from "@confide/core/ports";
import { runChildProcess } from "../local-programs/child-process.ts";
import { measureLeadingQuietMs, trimStart, type WavFormat } from "../ffmpeg/ffmpeg-audio.ts";
import type { z } from "zod";
import { pocketSphinxModelPaths } from "./pocketsphinx-model-paths.ts";
import type { pocketSphinxSettings } from "./settings.ts";
import { isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import { modelUnavailableError, recognitionFailedError } from "./pocketsphinx-errors.ts";

/** A recording start quieter than -45 dBFS for 1 s or more is cut to its last 400 ms. */
const quietStart = { thresholdDbfs: -45, minimumMs: 1_000, keptMs: 400 };

/** `word start end confidence`, times in seconds, as printed with `-time yes`. */
const wordLinePattern = /^(\S+)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/;
/** Silence, sentence marks and noise: <s>, </s>, <sil>, [NOISE], [SPEECH], ++BREATH++. */
const fillerPattern = /^(<.*>|\[.*\]|\+\+.*\+\+)$/;
/** Alternate pronunciations are printed as `word(2)`. */
const alternateSuffix = /\(\d+\)$/;

/**
 * Reads one line of PocketSphinx's output. Hypothesis lines (the plain sentence PocketSphinx
 * prints before each utterance's words) and fillers give null.
 */
export function parsePocketSphinxWordLine(line: string): Word | null {
  const match = wordLinePattern.exec(line.trim());
  if (!match) return null;
  const [, rawText = "", start = "0", end = "0", confidence = "0"] = match;
  if (fillerPattern.test(rawText)) return null;
  const text = rawText.replace(alternateSuffix, "");
  if (text.length === 0) return null;
  const startMs = Math.round(Number(start) * 1000);
  const endMs = Math.max(Math.round(Number(end) * 1000), startMs);
  const value = Number(confidence);
  return { text, startMs, endMs, confidence: Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0 };
}

export interface PocketSphinxEngine {
  /** The model directory and its three files are there. @throws ConfideError `speech.engine_unavailable`. */
  assertModel(): Promise<void>;
  /**
   * Runs `pocketsphinx_continuous` with the model, each recognised word of its output to `onWord`.
   * `lowPriority` (default): a recording's transcription has minutes of slack; live finals on the same cores have a second. A readiness check has seconds, so it runs at normal priority.
   */
  run(args: string[], signal: AbortSignal | undefined, onWord?: (word: Word) => void, lowPriority?: boolean): ReturnType<typeof runChildProcess>;
  /**
   * Recognises the words of a 16 kHz mono WAV file; none for an empty file.
   * PocketSphinx's voice detector misfires after a long quiet start (checked here: the first
   * sentence after 2 s or more of silence or room noise comes out garbled), as on the channel of
   * a speaker who does not open the session. Such a start is cut to `quietStart.keptMs` before
   * recognition, and the word times are shifted back.
   */
  recognize(wavPath: string, format: WavFormat, signal: AbortSignal | undefined): Promise<Word[]>;
}

/** The engine, `pocketsphinx_continuous -time yes` with the configured model, run as a child process per file. */
export function createPocketSphinxEngine(resolved: z.output<typeof pocketSphinxSettings>): PocketSphinxEngine {
  const model = pocketSphinxModelPaths(resolved.modelDirectory);
  const modelArgs = ["-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary];

  async function assertModel(): Promise<void> {
    for (const path of [resolved.modelDirectory, model.acousticModel, model.languageModel, model.dictionary]) {
      try {
        await access(path);
      } catch (error) {
        throw modelUnavailableError(resolved.modelDirectory, path, error);
      }
    }
  }

  async function runEngine(args: string[], signal: AbortSignal | undefined, onWord?: (word: Word) => void, lowPriority = true) {
    try {
      return await runChildProcess(resolved.pocketsphinxPath, [...args, ...modelArgs], {
        signal,
        lowPriority,
        onStdoutLine: (line) => {
          const word = parsePocketSphinxWordLine(line);
          if (word) onWord?.(word);
        },
      });
    } catch (error) {
      if (isSpawnFailure(error)) throw programUnavailableError("pocketsphinx", resolved.pocketsphinxPath, error);
      throw error;
    }
  }

  async function recognize(wavPath: string, format: WavFormat, signal: AbortSignal | undefined): Promise<Word[]> {
    if (format.dataBytes === 0) return [];
    let inputPath = wavPath;
    let offsetMs = 0;
    const quietMs = await measureLeadingQuietMs(wavPath, format, { thresholdDbfs: quietStart.thresholdDbfs, signal });
    if (quietMs !== null && quietMs >= quietStart.minimumMs) {
      offsetMs = quietMs - quietStart.keptMs;
      inputPath = wavPath.replace(/\.wav$/, "-trimmed.wav");
      await trimStart({ ffmpegPath: resolved.ffmpegPath, inputPath: wavPath, startMs: offsetMs, outputPath: inputPath, signal });
    }
    const words: Word[] = [];
    const result = await runEngine(["-infile", inputPath, "-time", "yes"], signal, (word) =>
      words.push({ ...word, startMs: word.startMs + offsetMs, endMs: word.endMs + offsetMs }),
    );
    if (inputPath !== wavPath) await rm(inputPath, { force: true });
    if (result.exitCode !== 0) throw recognitionFailedError(result);
    return words;
  }

  return { assertModel, run: runEngine, recognize };
}
