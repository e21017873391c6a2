/**
 * SpeechToText on PocketSphinx, the embedded default (docs/architecture.md#profiles): the recording is streamed
 * through ffmpeg into a 16 kHz mono WAV file in a temporary directory, and
 * `pocketsphinx_continuous -time yes` prints each recognised word with its start, end and
 * confidence. Words become segments at pauses. PocketSphinx answers at once: no jobs, no polls.
 *
 * Speakers: PocketSphinx cannot tell voices apart in one channel, so a mono recording is one
 * speaker "S1" (with an `unsupported diarization` warning when diarization was asked for).
 * A one-speaker-per-channel recording is split with ffmpeg and each channel transcribed as its
 * own speaker "ch0", "ch1"…
 *
 * The parts: the engine and its output (pocketsphinx-engine.ts), the settings it cannot honour
 * (pocketsphinx-submission.ts), the work directories (pocketsphinx-work.ts), the transcript of
 * one or each channel (pocketsphinx-transcript.ts).
 */
import { rm } from "node:fs/promises";
import { parseSettings } from "@confide/core/adapter-kit";
import type { AudioSource, SpeechResult, SpeechToText, TranscriptionSettings } from "@confide/core/ports";
import { checkFfmpeg } from "../ffmpeg/ffmpeg-audio.ts";
import { createBackgroundProof } from "../local-programs/background-proof.ts";
import { assertProgramStarts } from "../local-programs/program-starts.ts";
import { createPocketSphinxEngine } from "./pocketsphinx-engine.ts";
import { recognitionFailedError, unknownJobError } from "./pocketsphinx-errors.ts";
import { settingWarnings } from "./pocketsphinx-submission.ts";
import { createPocketSphinxTranscription } from "./pocketsphinx-transcript.ts";
import { createPocketSphinxWork } from "./pocketsphinx-work.ts";
import { pocketSphinxSettings, type PocketSphinxSettings } from "./settings.ts";

export { parsePocketSphinxWordLine } from "./pocketsphinx-engine.ts";
export { isEnglish } from "./pocketsphinx-submission.ts";
export { ownWorkPrefix } from "./pocketsphinx-work.ts";

/**
 * Creates the PocketSphinx SpeechToText. Every setting has a default (settings.ts). No engine
 * is started until `submit` or `check`; work directories that crashed processes left in the
 * temporary directory are removed from creation on.
 * @throws ConfideError `validation.invalid_input` naming a bad setting.
 */
export function createPocketSphinxSpeechToText(settings: PocketSphinxSettings = {}): SpeechToText {
  const resolved = parseSettings(pocketSphinxSettings, settings);
  const engine = createPocketSphinxEngine(resolved);
  const transcription = createPocketSphinxTranscription(resolved, engine);
  // Loads the model and recognises an empty input: proves the engine and its model work, outside
  // the readiness probe's deadline (background-proof.ts).
  const proof = createBackgroundProof(async (signal) => {
    const result = await engine.run(["-infile", "/dev/null"], signal, undefined, false);
    if (result.exitCode !== 0) throw recognitionFailedError(result);
  });
  // Work directories that crashed processes left are swept from creation on.
  const work = createPocketSphinxWork(resolved);

  return {
    provider: "pocketsphinx",

    async submit(audio: AudioSource, settings: TranscriptionSettings, options = {}): Promise<SpeechResult> {
      const { signal } = options;
      if (signal?.aborted) throw signal.reason;
      const warnings = settingWarnings(settings);
      await engine.assertModel();
      const directory = await work.prepare();
      try {
        const stream = await audio.open(signal);
        const transcript =
          settings.channelLayout === "per-channel"
            ? await transcription.transcribePerChannel(stream, settings, directory, signal, warnings)
            : await transcription.transcribeMono(stream, settings, directory, signal);
        return { status: "done", transcript, warnings };
      } finally {
        await rm(directory, { recursive: true, force: true });
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
      options.signal?.throwIfAborted();
      await engine.assertModel();
      await checkFfmpeg(resolved.ffmpegPath, options.signal);
      // Its usage, printed at once: the program starts, without loading the model.
      await assertProgramStarts("pocketsphinx", resolved.pocketsphinxPath, ["-h"], options.signal);
      proof.report();
    },

    async close(): Promise<void> {
      proof.close();
      // Every transcription starts and ends its own processes; only the start-up sweep may
      // still run (its failure is not this call's to report: the next process sweeps again).
      await work.removedAtStart;
    },
  };
}
