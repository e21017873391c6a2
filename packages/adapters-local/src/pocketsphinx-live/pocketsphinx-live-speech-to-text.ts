/**
 * LiveSpeechToText on PocketSphinx, the embedded live engine: the utterance cutter of core cuts
 * the stream at pauses (per channel for one-speaker-per-channel audio), and each utterance is
 * decoded by its own `pocketsphinx_continuous` run as soon as it ends, from a raw PCM file readable
 * by its owner only in a work directory of the engine, removed once decoded (PocketSphinx 0.8
 * cannot read the socket Node gives a child as stdin). Finals only; speakers come from channels (a
 * mono stream has `speaker: null`: PocketSphinx cannot tell voices apart).
 *
 * One process per utterance rather than a long-lived process per stream: measured here, loading
 * the en-US model costs about 0.25 s of CPU, against about 0.5 s per second of speech to
 * decode; a long-lived `pocketsphinx_continuous` would re-cut the audio with its own voice
 * detector and could not be told where our utterances end. At most `maxParallelDecodes`
 * utterances (default: the number of CPU cores) are decoded at once across all streams of the
 * process, the rest wait their turn: on a busy host finals come later, they do not fail.
 */
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConfideError,
  startUtteranceRecognition,
  type LiveSpeechToText,
  type LiveUtterance,
  type UtteranceCutterOptions,
  type UtteranceTranscript,
  type Word,
} from "@confide/core";
import { runChildProcess } from "../local-programs/child-process.ts";
import { isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import { pocketSphinxModelPaths, pocketSphinxDefaults } from "../pocketsphinx/pocketsphinx-config.ts";
import { modelUnavailableError, recognitionFailedError, unsupportedLanguageError } from "../pocketsphinx/pocketsphinx-errors.ts";
import { isEnglish, ownWorkPrefix, parsePocketSphinxWordLine } from "../pocketsphinx/pocketsphinx-speech-to-text.ts";
import { integerSetting } from "../settings/integer-setting.ts";
import { ownerOnlyFileMode } from "../files/owner-only-modes.ts";

export interface PocketSphinxLiveSettings {
  /** `CONFIDE_POCKETSPHINX_BINARY`; default "pocketsphinx_continuous". */
  pocketsphinxPath?: string;
  /** `CONFIDE_POCKETSPHINX_MODEL_DIR`; default "/usr/share/pocketsphinx/model/en-us". */
  modelDirectory?: string;
  /** Where utterances are cut (`CONFIDE_LIVE_PAUSE_MS`, `CONFIDE_LIVE_MAX_UTTERANCE_MS`, `CONFIDE_LIVE_VAD_THRESHOLD_DBFS`). */
  cutter?: UtteranceCutterOptions;
  /** Utterances decoded at once across all streams; default the number of CPU cores. */
  maxParallelDecodes?: number;
  /**
   * Where each utterance waits for PocketSphinx, in a folder of the engine's own named as the
   * batch adapter names its work (so the batch adapter's start-up sweep removes the folder of
   * a process that was killed); default os.tmpdir().
   */
  temporaryDirectory?: string;
}

/** Little-endian bytes of `samples`, as PocketSphinx reads raw input. */
function pcmBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true));
  return bytes;
}

/** A counting semaphore: `run` waits while `limit` tasks run. */
function createLimiter(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    while (running >= limit) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      if (signal.aborted) {
        // Hand the turn on to the next waiter.
        waiting.shift()?.();
        signal.throwIfAborted();
      }
    }
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

export function createPocketSphinxLiveSpeechToText(settings: PocketSphinxLiveSettings = {}): LiveSpeechToText {
  const pocketsphinxPath = settings.pocketsphinxPath ?? pocketSphinxDefaults.pocketsphinxPath;
  const modelDirectory = settings.modelDirectory ?? pocketSphinxDefaults.modelDirectory;
  const model = pocketSphinxModelPaths(modelDirectory);
  const modelArgs = ["-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary];
  let work: Promise<string> | null = null;
  let utteranceNumber = 0;
  const workDirectory = () =>
    (work ??= mkdtemp(join(settings.temporaryDirectory ?? tmpdir(), ownWorkPrefix)).catch((error: unknown) => {
      work = null;
      throw new ConfideError("provider.unavailable", "No work directory for live utterances could be made.", {
        retryable: true,
        cause: error,
      });
    }));
  const limit = createLimiter(integerSetting("maxParallelDecodes", settings.maxParallelDecodes, availableParallelism(), 1));

  async function assertModel(): Promise<void> {
    for (const path of [modelDirectory, model.acousticModel, model.languageModel, model.dictionary]) {
      try {
        await access(path);
      } catch (error) {
        throw modelUnavailableError(modelDirectory, path, error);
      }
    }
  }

  async function decode(utterance: LiveUtterance, signal: AbortSignal): Promise<UtteranceTranscript | null> {
    const words: Word[] = [];
    const path = join(await workDirectory(), `utterance-${(utteranceNumber += 1)}.raw`);
    const result = await limit(async () => {
      try {
        await writeFile(path, pcmBytes(utterance.samples), { mode: ownerOnlyFileMode, signal });
        return await runChildProcess(pocketsphinxPath, ["-infile", path, "-time", "yes", ...modelArgs], {
          signal,
          onStdoutLine: (line) => {
            const word = parsePocketSphinxWordLine(line);
            if (word) words.push(word);
          },
        });
      } catch (error) {
        if (isSpawnFailure(error)) throw programUnavailableError("pocketsphinx", pocketsphinxPath, error);
        throw error;
      } finally {
        await rm(path, { force: true });
      }
    }, signal);
    if (result.exitCode !== 0) throw recognitionFailedError(result);
    if (words.length === 0) return null;
    const confidence = words.reduce((sum, word) => sum + (word.confidence ?? 0), 0) / words.length;
    return { text: words.map((word) => word.text).join(" "), words, confidence };
  }

  return {
    provider: "pocketsphinx-live",
    capabilities: { partials: false, liveDiarization: false, perChannel: true },

    async open(liveSettings, options = {}) {
      options.signal?.throwIfAborted();
      if (!isEnglish(liveSettings.language)) throw unsupportedLanguageError([liveSettings.language]);
      await assertModel();
      return startUtteranceRecognition(liveSettings, { decode, ...(settings.cutter ? { cutter: settings.cutter } : {}) });
    },

    async check(options = {}) {
      await assertModel();
      const result = await runChildProcess(pocketsphinxPath, ["-infile", "/dev/null", ...modelArgs], { signal: options.signal }).catch(
        (error: unknown) => {
          if (isSpawnFailure(error)) throw programUnavailableError("pocketsphinx", pocketsphinxPath, error);
          throw error;
        },
      );
      if (result.exitCode !== 0) throw recognitionFailedError(result);
    },

    // Every utterance's process ends with its decode (an aborted recognition kills its own);
    // what is left is the empty work directory.
    async close() {
      const directory = await work?.catch(() => null);
      work = null;
      if (directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
