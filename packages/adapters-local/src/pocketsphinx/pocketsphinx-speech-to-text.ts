/**
 * SpeechToText on PocketSphinx, the embedded default (DESIGN §5): the recording is streamed
 * through ffmpeg into a 16 kHz mono WAV file in a temporary directory, and
 * `pocketsphinx_continuous -time yes` prints each recognised word with its start, end and
 * confidence. Words become segments at pauses. PocketSphinx answers at once: no jobs, no polls.
 *
 * Speakers: PocketSphinx cannot tell voices apart in one channel, so a mono recording is one
 * speaker "S1" (with an `unsupported diarization` warning when diarization was asked for).
 * A one-speaker-per-channel recording is split with ffmpeg and each channel transcribed as its
 * own speaker "ch0", "ch1"…
 */
import { access, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import {
  ConfideError,
  segmentWords,
  type AudioSource,
  type SpeechResult,
  type SpeechToText,
  type SpeechWarning,
  type TranscriptDraft,
  type TranscriptionSettings,
  type Word,
} from "@confide/core";
import { runChildProcess } from "../local-programs/child-process.ts";
import {
  checkFfmpeg,
  convertToWav,
  measureLeadingQuietMs,
  splitChannels,
  trimStart,
  type WavFormat,
} from "../ffmpeg/ffmpeg-audio.ts";
import {
  pocketSphinxModelPaths,
  resolvePocketSphinxSettings,
  type PocketSphinxSettings,
  type ResolvedPocketSphinxSettings,
} from "./pocketsphinx-config.ts";
import { isSpawnFailure, programUnavailableError } from "../local-programs/local-program-errors.ts";
import {
  modelUnavailableError,
  recognitionFailedError,
  unknownJobError,
  unsupportedLanguageError,
} from "./pocketsphinx-errors.ts";

/** A recording start quieter than -45 dBFS for 1 s or more is cut to its last 400 ms. */
const quietStart = { thresholdDbfs: -45, minimumMs: 1_000, keptMs: 400 };

/** The only model PocketSphinx has here (Debian `pocketsphinx-en-us`). */
const modelLanguage = "en-US";
export const isEnglish = (language: string) => /^en(-|_|$)/i.test(language.trim());

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

/** Settings PocketSphinx cannot honour, reported rather than silently ignored. */
function settingWarnings(settings: TranscriptionSettings): SpeechWarning[] {
  const warnings: SpeechWarning[] = [];
  const candidates = settings.candidateLanguages ?? [];
  if (candidates.length > 0) {
    if (!candidates.some(isEnglish)) throw unsupportedLanguageError(candidates);
    warnings.push({
      type: "unsupported",
      feature: "languageIdentification",
      message: `PocketSphinx does not identify languages; the recording was transcribed as ${modelLanguage}.`,
    });
  } else if (!isEnglish(settings.language)) {
    throw unsupportedLanguageError([settings.language]);
  } else if (settings.language.trim().toLowerCase() !== modelLanguage.toLowerCase()) {
    warnings.push({
      type: "other",
      feature: "language",
      message: `Only the ${modelLanguage} model is installed; ${settings.language} was transcribed with it.`,
    });
  }
  if (settings.channelLayout === "mono" && settings.diarization) {
    warnings.push({
      type: "unsupported",
      feature: "diarization",
      message:
        "PocketSphinx does not separate speakers in one channel: the whole recording is speaker S1. " +
        'Record one speaker per channel (channelLayout "per-channel") to separate them.',
    });
  }
  if (settings.punctuation === "automatic") {
    warnings.push({
      type: "unsupported",
      feature: "punctuation",
      message: "PocketSphinx does not punctuate: segments are lower-case words without punctuation.",
    });
  }
  if (settings.profanity !== "none") {
    warnings.push({
      type: "unsupported",
      feature: "profanity",
      message: `PocketSphinx does not filter profanity; words are transcribed as heard (profanity "${settings.profanity}" was not applied).`,
    });
  }
  return warnings;
}

/**
 * Work directories are named `confide-pocketsphinx-<host>-<pid>-<random>`, so that the
 * directories of a process that died without cleaning up (SIGKILL, out of memory, power) can be
 * recognised and removed later by any process on the same host.
 */
const workPrefix = "confide-pocketsphinx-";
const host = hostname().replace(/[^A-Za-z0-9]+/g, "_") || "host";
export const ownWorkPrefix = `${workPrefix}${host}-${process.pid}-`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Removes work directories of this host's processes that are no longer running: those named
 * with the id of a process that has ended, and those named with this process's own id but
 * last written before it started (an earlier process that had the same id — in a container
 * the server is often process 1 on every start).
 */
async function removeAbandonedWork(temporaryDirectory: string): Promise<string[]> {
  const pattern = new RegExp(`^${workPrefix}${host}-(\\d+)-`);
  const startedAtMs = performance.timeOrigin;
  const removed: string[] = [];
  for (const entry of await readdir(temporaryDirectory, { withFileTypes: true })) {
    const pid = Number(pattern.exec(entry.name)?.[1] ?? Number.NaN);
    if (!entry.isDirectory() || !Number.isInteger(pid)) continue;
    const path = join(temporaryDirectory, entry.name);
    if (pid === process.pid) {
      const written = await stat(path).catch(() => null);
      if (written === null || written.mtimeMs >= startedAtMs) continue;
    } else if (isRunning(pid)) {
      continue;
    }
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(entry.name);
    } catch (error) {
      // Someone else's files (another user's process): not ours to remove.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EACCES" && code !== "EPERM") throw error;
    }
  }
  return removed;
}

/**
 * Runs `fn` for every item, at most `limit` at a time, in item order. On the first failure the
 * others are aborted (their processes killed) and awaited, then that failure is thrown.
 */
async function forEachLimited<T, R>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });
  if (signal?.aborted) forward();
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (next < items.length && !controller.signal.aborted) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    signal?.removeEventListener("abort", forward);
  }
  if (signal?.aborted) throw signal.reason;
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/**
 * Creates the PocketSphinx SpeechToText. Settings default from the environment (see
 * `PocketSphinxSettings`). No engine is started until `submit` or `check`; work directories
 * that crashed processes left in the temporary directory are removed from creation on.
 */
export function createPocketSphinxSpeechToText(settings: PocketSphinxSettings = {}): SpeechToText {
  const resolved: ResolvedPocketSphinxSettings = resolvePocketSphinxSettings(settings);
  const model = pocketSphinxModelPaths(resolved.modelDirectory);
  const modelArgs = ["-hmm", model.acousticModel, "-lm", model.languageModel, "-dict", model.dictionary];
  /** A successful check is trusted this long, so frequent readiness probes do not reload the model. */
  const checkTtlMs = 60_000;
  let checkedAt = Number.NEGATIVE_INFINITY;
  /**
   * Leftovers of crashed processes (a worker killed with `kill -9` leaves its converted audio,
   * as large as the recording) are removed once, from the start: the sweep begins when the
   * adapter is created, as its process starts. One that failed is tried again before the next
   * transcription, which reports its error.
   */
  let abandonedWorkRemoved: Promise<string[]> | null = null;
  const removeAbandonedWorkOnce = (): Promise<string[]> =>
    (abandonedWorkRemoved ??= removeAbandonedWork(resolved.temporaryDirectory).catch((error: unknown) => {
      abandonedWorkRemoved = null;
      throw error;
    }));
  const removedAtStart: Promise<unknown> = removeAbandonedWorkOnce().catch((error: unknown) => error);

  /** Creates this transcription's work directory (after removing crashed processes' ones). */
  async function prepareWork(): Promise<string> {
    try {
      await removeAbandonedWorkOnce();
      return await mkdtemp(join(resolved.temporaryDirectory, ownWorkPrefix));
    } catch (error) {
      throw new ConfideError(
        "provider.unavailable",
        `No work directory for the converted audio could be made in "${resolved.temporaryDirectory}" ` +
          `(${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        { retryable: true, cause: error, details: { temporaryDirectory: resolved.temporaryDirectory } },
      );
    }
  }

  async function assertModel(): Promise<void> {
    for (const path of [resolved.modelDirectory, model.acousticModel, model.languageModel, model.dictionary]) {
      try {
        await access(path);
      } catch (error) {
        throw modelUnavailableError(resolved.modelDirectory, path, error);
      }
    }
  }

  /** `lowPriority` (default): a recording's transcription has minutes of slack; live finals on the same cores have a second. A readiness check has seconds, so it runs at normal priority. */
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

  /**
   * Recognises the words of a 16 kHz mono WAV file; none for an empty file.
   * PocketSphinx's voice detector misfires after a long quiet start (checked here: the first
   * sentence after 2 s or more of silence or room noise comes out garbled), as on the channel of
   * a speaker who does not open the session. Such a start is cut to `quietStart.keptMs` before
   * recognition, and the word times are shifted back.
   */
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

  const segmentOptions = (settings: TranscriptionSettings) => ({
    gapMs: resolved.segmentGapMs,
    maxSegmentMs: resolved.maxSegmentMs,
    withWords: settings.wordTimestamps,
  });

  async function transcribeMono(
    audio: ReadableStream<Uint8Array>,
    settings: TranscriptionSettings,
    work: string,
    signal: AbortSignal | undefined,
  ): Promise<TranscriptDraft> {
    const wavPath = join(work, "mono.wav");
    const format = await convertToWav({
      ffmpegPath: resolved.ffmpegPath,
      audio,
      outputPath: wavPath,
      mixToMono: true,
      workDirectory: work,
      signal,
    });
    const words = await recognize(wavPath, format, signal);
    return {
      language: modelLanguage,
      durationMs: format.durationMs,
      speakers: [{ label: "S1" }],
      segments: segmentWords(words, "S1", segmentOptions(settings)),
      provider: "pocketsphinx",
    };
  }

  async function transcribePerChannel(
    audio: ReadableStream<Uint8Array>,
    settings: TranscriptionSettings,
    work: string,
    signal: AbortSignal | undefined,
    warnings: SpeechWarning[],
  ): Promise<TranscriptDraft> {
    const allPath = join(work, "channels.wav");
    const format = await convertToWav({
      ffmpegPath: resolved.ffmpegPath,
      audio,
      outputPath: allPath,
      mixToMono: false,
      workDirectory: work,
      signal,
    });
    const channelCount = Math.max(format.channels, 1);
    if (channelCount === 1) {
      warnings.push({
        type: "other",
        feature: "channelLayout",
        message: "The recording has one channel: it was transcribed as one speaker (ch0).",
      });
    }
    const files =
      channelCount === 1
        ? [{ channel: 0, path: allPath, format }]
        : await splitChannels({
            ffmpegPath: resolved.ffmpegPath,
            input: { path: allPath },
            channels: channelCount,
            workDirectory: work,
            signal,
          });
    if (channelCount > 1) await rm(allPath, { force: true });
    const channels = files.map((file) => file.channel);
    const perChannel = await forEachLimited(files, resolved.parallelChannels, signal, async (file, inner) => {
      const words = await recognize(file.path, file.format, inner);
      if (file.path !== allPath) await rm(file.path, { force: true });
      return segmentWords(words, `ch${file.channel}`, segmentOptions(settings)).map((segment) => ({
        segment,
        channel: file.channel,
      }));
    });
    const segments = perChannel
      .flat()
      .sort((a, b) => a.segment.startMs - b.segment.startMs || a.channel - b.channel)
      .map(({ segment }) => segment);
    return {
      language: modelLanguage,
      durationMs: format.durationMs,
      speakers: channels.map((channel) => ({ label: `ch${channel}`, channel })),
      segments,
      provider: "pocketsphinx",
    };
  }

  return {
    provider: "pocketsphinx",

    async submit(audio: AudioSource, settings: TranscriptionSettings, options = {}): Promise<SpeechResult> {
      const { signal } = options;
      if (signal?.aborted) throw signal.reason;
      const warnings = settingWarnings(settings);
      await assertModel();
      const work = await prepareWork();
      try {
        const stream = await audio.open(signal);
        const transcript =
          settings.channelLayout === "per-channel"
            ? await transcribePerChannel(stream, settings, work, signal, warnings)
            : await transcribeMono(stream, settings, work, signal);
        return { status: "done", transcript, warnings };
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },

    async poll(ref: string, _settings: TranscriptionSettings, options = {}): Promise<SpeechResult> {
      options.signal?.throwIfAborted();
      throw unknownJobError(ref);
    },

    // Every transcription is finished within `submit` and its work directory removed there:
    // no job, audio or transcript is left to delete, whatever the ref.
    async discard(_ref: string, options = {}): Promise<void> {
      options.signal?.throwIfAborted();
    },

    async check(options = {}): Promise<void> {
      if (Date.now() - checkedAt < checkTtlMs) return;
      await assertModel();
      await checkFfmpeg(resolved.ffmpegPath, options.signal);
      // Loads the model and recognises an empty input: proves the engine and its model work.
      const result = await runEngine(["-infile", "/dev/null"], options.signal, undefined, false);
      if (result.exitCode !== 0) throw recognitionFailedError(result);
      checkedAt = Date.now();
    },

    async close(): Promise<void> {
      // Every transcription starts and ends its own processes; only the start-up sweep may
      // still run (its failure is not this call's to report: the next process sweeps again).
      await removedAtStart;
    },
  };
}
