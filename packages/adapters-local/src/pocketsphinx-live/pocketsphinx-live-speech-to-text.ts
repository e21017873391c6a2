/**
 * LiveSpeechToText on PocketSphinx, the embedded live engine: the utterance cutter of core cuts
 * the stream at pauses (per channel for one-speaker-per-channel audio), and each utterance is
 * decoded by its own `pocketsphinx_continuous` run, started when the utterance starts and fed
 * its audio while it is spoken, so that once the pause ends it only the last words are left to
 * decode. Finals only; speakers come from channels (a mono stream has `speaker: null`:
 * PocketSphinx cannot tell voices apart).
 *
 * Streaming: measured here, an utterance decoded after it ends costs about 0.25 s to load the
 * en-US model plus about 0.3 s of CPU per second of speech, so a 4 s utterance's final came
 * about 1.3 s after the pause; fed as it is spoken, the words come out about 0.35 s after the
 * input closes. PocketSphinx 0.8 cannot read the socket Node gives a child as stdin (it fopens
 * its input), so each utterance's audio goes through a FIFO readable by its owner only in a work
 * directory of the engine, removed once decoded.
 *
 * Where utterances end: with Silero VAD installed in the models folder (`confide models
 * install`), where the model hears the turn end (`speechEndMs`, about 0.2 s without speech);
 * without it, after `pauseMs` (0.6 s) of quiet by loudness. The model is looked for at each
 * `open`, so installing it needs no restart; the recognition's `turnEnds` says which ran.
 *
 * One process per utterance rather than a long-lived process per stream: a long-lived
 * `pocketsphinx_continuous` would re-cut the audio with its own voice detector and could not be
 * told where our utterances end. At most `maxParallelDecodes` utterances (default: twice the
 * number of CPU cores, as a process fed in real time uses about a third of a core) are decoded
 * at once across all streams of the process; the audio of the others is kept in memory until a
 * slot frees (utterances already cut go first) and then fed at once, as a whole utterance was
 * before: on a busy host finals come later, they do not fail.
 */
import { access, mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { joinSamples, parseSettings, startUtteranceRecognition, type UtteranceStream, type UtteranceStreamStarter, type UtteranceTranscript } from "@confide/core/adapter-kit";
import { ConfideError, type LiveSpeechToText, type Word } from "@confide/core/ports";
import { runChildProcess, type ChildProcessResult } from "../local-programs/child-process.ts";
import { createFifoFeed, makeFifo, type FifoFeed } from "../local-programs/fifo-feed.ts";
import { createDecodeSlots, type DecodeTurn } from "./decode-slots.ts";
import { isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import { createBackgroundProof } from "../local-programs/background-proof.ts";
import { assertProgramStarts } from "../local-programs/program-starts.ts";
import { cutterOptions, speechCutterOptions } from "../live-utterances/utterance-cutter-settings.ts";
import { defaultModelsDirectory } from "../models/model-store.ts";
import { installedSpeechModel } from "../silero-vad/silero-speech-model.ts";
import { pocketSphinxModelPaths } from "../pocketsphinx/pocketsphinx-model-paths.ts";
import { modelUnavailableError, recognitionFailedError, unsupportedLanguageError } from "../pocketsphinx/pocketsphinx-errors.ts";
import { isEnglish, ownWorkPrefix, parsePocketSphinxWordLine } from "../pocketsphinx/pocketsphinx-speech-to-text.ts";
import { pocketSphinxLiveSettings, type PocketSphinxLiveSettings } from "./settings.ts";

/** Little-endian bytes of `samples`, as PocketSphinx reads raw input. */
function pcmBytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true));
  return bytes;
}

/**
 * Audio is handed to PocketSphinx half a second at a time: fed in 20 ms frames, it spent about a
 * third more CPU on the same utterance (measured here); in 0.5 s pieces, as much as on a file. At
 * the cut at most this much is left to decode on top of the last words.
 */
const feedSamples = 8_000;

/** What PocketSphinx heard, from its word lines. */
function transcriptOf(words: Word[]): UtteranceTranscript | null {
  if (words.length === 0) return null;
  const confidence = words.reduce((sum, word) => sum + (word.confidence ?? 0), 0) / words.length;
  return { text: words.map((word) => word.text).join(" "), words, confidence };
}

/**
 * Creates the embedded live engine. Every setting has a default (settings.ts).
 * @throws ConfideError `validation.invalid_input` naming a bad setting.
 */
export function createPocketSphinxLiveSpeechToText(settings: PocketSphinxLiveSettings = {}, context: { dataDir?: string } = {}): LiveSpeechToText {
  const resolved = parseSettings(pocketSphinxLiveSettings, settings);
  const modelsDirectory = resolved.modelsDirectory ?? (context.dataDir === undefined ? undefined : defaultModelsDirectory(context.dataDir));
  const { pocketsphinxPath, modelDirectory } = resolved;
  const model = pocketSphinxModelPaths(modelDirectory);
  const modelArgs = ["-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary];
  let work: Promise<string> | null = null;
  let utteranceNumber = 0;
  const workDirectory = () =>
    (work ??= mkdtemp(join(resolved.temporaryDirectory ?? tmpdir(), ownWorkPrefix)).catch((error: unknown) => {
      work = null;
      throw new ConfideError("provider.unavailable", "No work directory for live utterances could be made.", {
        retryable: true,
        cause: error,
      });
    }));
  const slots = createDecodeSlots(resolved.maxParallelDecodes ?? 2 * availableParallelism());

  async function assertModel(): Promise<void> {
    for (const path of [modelDirectory, model.acousticModel, model.languageModel, model.dictionary]) {
      try {
        await access(path);
      } catch (error) {
        throw modelUnavailableError(modelDirectory, path, error);
      }
    }
  }

  /** Runs PocketSphinx on a FIFO that `feed` writes the utterance into, pushing the words it prints. */
  async function decodeFed(feed: FifoFeed, words: Word[], signal: AbortSignal): Promise<ChildProcessResult> {
    const path = join(await workDirectory(), `utterance-${(utteranceNumber += 1)}.fifo`);
    try {
      await makeFifo(path, signal);
      const decoding = runChildProcess(pocketsphinxPath, ["-infile", path, "-time", "yes", ...modelArgs], {
        signal,
        onStdoutLine: (line) => {
          const word = parsePocketSphinxWordLine(line);
          if (word) words.push(word);
        },
      });
      let running = true;
      decoding.finally(() => (running = false)).catch(() => undefined);
      await feed.connect(path, () => running);
      return await decoding;
    } catch (error) {
      if (isSpawnFailure(error)) throw programUnavailableError("pocketsphinx", pocketsphinxPath, error);
      throw error;
    } finally {
      feed.destroy();
      await rm(path, { force: true });
    }
  }

  const stream: UtteranceStreamStarter = (_start, signal): UtteranceStream => {
    const cancelled = new AbortController();
    const stop = AbortSignal.any([signal, cancelled.signal]);
    const feed = createFifoFeed();
    let batch: Int16Array[] = [];
    let batched = 0;
    const flush = () => {
      if (batched > 0) feed.write(pcmBytes(joinSamples(batch)));
      batch = [];
      batched = 0;
    };
    const words: Word[] = [];
    const turn: DecodeTurn = { urgent: false };
    const decoding = slots.run(() => decodeFed(feed, words, stop), turn, stop);
    // Awaited by finish; a cancelled decoding's failure is of no interest.
    decoding.catch(() => undefined);
    return {
      write(samples) {
        batch.push(samples);
        batched += samples.length;
        if (batched >= feedSamples) flush();
      },
      async finish() {
        turn.urgent = true;
        flush();
        feed.end();
        const result = await decoding;
        if (result.exitCode !== 0) throw recognitionFailedError(result);
        return transcriptOf(words);
      },
      cancel() {
        feed.destroy();
        cancelled.abort();
      },
    };
  };

  // Loads the model on an empty input: proves the engine works, outside the readiness probe's
  // deadline (background-proof.ts).
  const proof = createBackgroundProof(async (signal) => {
    const result = await runChildProcess(pocketsphinxPath, ["-infile", "/dev/null", ...modelArgs], { signal }).catch((error: unknown) => {
      if (isSpawnFailure(error)) throw programUnavailableError("pocketsphinx", pocketsphinxPath, error);
      throw error;
    });
    if (result.exitCode !== 0) throw recognitionFailedError(result);
  });

  return {
    provider: "pocketsphinx-live",
    capabilities: { partials: false, liveDiarization: false, perChannel: true },
    // bench/live part A: 29-40 % of a core per stream on 2 cores (36, 40, 34, 29 % at 1-4
    // streams). The cost is the highest of those, not their mean (35 %): a final's delay is set
    // by the moments several streams' decodes coincide, and in `confide serve` the host's own
    // work and the pipelines of ended sessions share the cores (part C measured p95 2.3 s at 4
    // streams through the server, where part A had 1.2 s in-process). ¾ of 2 cores over 0.40:
    // 3 streams, where part A measured p95 1.15 s. The target is 1.5 s from the end of speech: a
    // final's end is the cutter's 200 ms of padding after it, and the delay counts from the final's end.
    streamCost: { coresPerStream: 0.4, finalDelayTargetMs: 1_300 },

    async open(liveSettings, options = {}) {
      options.signal?.throwIfAborted();
      if (!isEnglish(liveSettings.language)) throw unsupportedLanguageError([liveSettings.language]);
      await assertModel();
      const speechModel = await installedSpeechModel(modelsDirectory);
      return startUtteranceRecognition(liveSettings, {
        stream,
        cutter: cutterOptions(resolved),
        ...(speechModel ? { speechModel, speechCutter: speechCutterOptions(resolved) } : {}),
      });
    },

    async check(options = {}) {
      options.signal?.throwIfAborted();
      await assertModel();
      // Its usage, printed at once: the program starts, without loading the model.
      await assertProgramStarts("pocketsphinx", pocketsphinxPath, ["-h"], options.signal);
      proof.report();
    },

    // Every utterance's process ends with its decode (an aborted recognition or a dropped burst
    // kills its own, and removes its FIFO); what is left is the empty work directory.
    async close() {
      proof.close();
      const directory = await work?.catch(() => null);
      work = null;
      if (directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
