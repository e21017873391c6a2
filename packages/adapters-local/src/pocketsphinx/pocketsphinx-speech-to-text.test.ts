import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { getPriority, hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { defaultTranscriptionSettings } from "@confide/core";
import { type AudioSource, ConfideError, type SpeechResult, type TranscriptionSettings } from "@confide/core/ports";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeSpeechToTextContract, expectConfideError } from "@confide/contracts";
import { makeDialogueWav, therapyDialogue, type DialogueAudio } from "@confide/contracts/support";
import { createPocketSphinxSpeechToText, parsePocketSphinxWordLine } from "./pocketsphinx-speech-to-text.ts";

const run = promisify(execFile);

/** Test audio lives here for the whole file; made once (espeak-ng + sox, about a second). */
const directory = await mkdtemp(join(tmpdir(), "confide-pocketsphinx-test-"));
let dialogue: DialogueAudio;
let shortDialogue: DialogueAudio;
let textPath: string;
let silencePath: string;
let quietStartStereoPath: string;

/** An AudioSource streaming a file, as the blob store would. Counts how often it was opened. */
function fileAudio(path: string, contentType = "audio/wav"): AudioSource & { opened: number } {
  const source = {
    key: path,
    contentType,
    sizeBytes: 0,
    channels: null,
    opened: 0,
    async open() {
      source.opened += 1;
      return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
    },
  };
  return source;
}

const done = (result: SpeechResult) => {
  if (result.status !== "done") throw new Error(`expected a finished transcription, got ${result.status}`);
  return result;
};

const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z']+/).filter(Boolean);

const mono: TranscriptionSettings = { ...defaultTranscriptionSettings, channelLayout: "mono" };
const perChannel: TranscriptionSettings = {
  ...defaultTranscriptionSettings,
  channelLayout: "per-channel",
  channelRoles: ["therapist", "patient"],
};

beforeAll(async () => {
  [dialogue, shortDialogue] = await Promise.all([
    makeDialogueWav({ directory }),
    makeDialogueWav({ directory, name: "short", script: therapyDialogue.slice(0, 2) }),
  ]);
  silencePath = join(directory, "silence.wav");
  // Two channels, each 1.5 s of silence, then half a second of a tone.
  quietStartStereoPath = join(directory, "quiet-start-stereo.wav");
  await Promise.all([
    run("sox", ["-D", "-n", "-r", "16000", "-c", "1", "-b", "16", silencePath, "trim", "0", "2"]),
    run("sox", ["-D", "-n", "-r", "16000", "-c", "2", "-b", "16", quietStartStereoPath, "synth", "0.5", "sine", "440", "pad", "1.5", "0"]),
  ]);
  textPath = join(directory, "notes.txt");
  await writeFile(textPath, "This is a text file with session notes, not a recording.\n".repeat(50));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describeSpeechToTextContract({
  name: "pocketsphinx",
  create: async () => createPocketSphinxSpeechToText(),
  audio: async () => fileAudio(shortDialogue.monoPath),
  perChannelAudio: async () => fileAudio(shortDialogue.stereoPath),
  settings: mono,
  capabilities: {
    // PocketSphinx transcribes within submit.
    pendingJobs: false,
    monoDiarization: false,
    perChannel: true,
    wordTimings: true,
    // A local program: nothing to throttle it.
    throttling: null,
  },
  // PocketSphinx is modest on synthetic speech; these words of the two turns come through.
  expectedWords: ["feel", "better", "sleeping", "progress"],
  rejectedAudio: async () => fileAudio(textPath, "audio/wav"),
});

describe("PocketSphinx speech to text", () => {
  it("transcribes a mono recording as one speaker, split into segments at the pauses between turns", async () => {
    const speech = createPocketSphinxSpeechToText();

    const { transcript, warnings } = done(await speech.submit(fileAudio(dialogue.monoPath), mono));

    expect(transcript.provider).toBe("pocketsphinx");
    expect(transcript.language).toBe("en-US");
    expect(Math.abs(transcript.durationMs - dialogue.durationMs)).toBeLessThanOrEqual(20);
    expect(transcript.speakers).toEqual([{ label: "S1" }]);
    expect(warnings).toContainEqual(expect.objectContaining({ type: "unsupported", feature: "diarization" }));
    // Each turn starts a segment (turns are 900 ms apart; the split is at 700 ms).
    for (const line of dialogue.lines) {
      const starts = transcript.segments.map((segment) => segment.startMs);
      expect(
        starts.some((startMs) => Math.abs(startMs - line.startMs) <= 500),
        `a segment starts near ${line.startMs} ms ("${line.text}"); starts: ${starts.join(", ")}`,
      ).toBe(true);
    }
    const heard = new Set(transcript.segments.flatMap((segment) => wordsOf(segment.text)));
    const distinctive = ["sleeping", "better", "happy", "progress", "worried", "job", "manager", "tired", "sad", "morning", "walking", "dog"];
    const found = distinctive.filter((word) => heard.has(word));
    expect(found.length, `heard ${found.join(", ")} of ${distinctive.join(", ")}`).toBeGreaterThanOrEqual(4);
    for (const segment of transcript.segments) {
      expect(segment.speaker).toBe("S1");
      expect(segment.words?.length).toBeGreaterThan(0);
      expect(segment.text).toBe(segment.words?.map((word) => word.text).join(" "));
      expect(segment.text).not.toMatch(/<s>|<\/s>|<sil>|\[|\(\d\)/);
      expect(segment.words?.[0]?.startMs).toBe(segment.startMs);
      expect(segment.words?.at(-1)?.endMs).toBe(segment.endMs);
    }
  });

  it("transcribes one speaker per channel, with each channel's words on its own speaker", async () => {
    const speech = createPocketSphinxSpeechToText();

    const { transcript, warnings } = done(await speech.submit(fileAudio(dialogue.stereoPath), perChannel));

    expect(transcript.speakers).toEqual([
      { label: "ch0", channel: 0 },
      { label: "ch1", channel: 1 },
    ]);
    expect(warnings.map((warning) => warning.feature)).not.toContain("diarization");
    const starts = transcript.segments.map((segment) => segment.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Every segment lies within a turn of the speaker of its channel.
    for (const segment of transcript.segments) {
      const middleMs = (segment.startMs + segment.endMs) / 2;
      const line = dialogue.lines.find((candidate) => middleMs >= candidate.startMs - 300 && middleMs <= candidate.endMs + 300);
      expect(line, `segment "${segment.text}" at ${segment.startMs} ms lies in a turn`).toBeDefined();
      expect(segment.speaker, `"${segment.text}" (turn: "${line?.text}")`).toBe(`ch${line?.channel}`);
    }
    const heardOn = (label: string) =>
      new Set(transcript.segments.filter((segment) => segment.speaker === label).flatMap((segment) => wordsOf(segment.text)));
    const therapistWords = ["how", "sleeping", "week", "mind", "today", "tell", "more", "work", "calm"];
    const patientWords = ["better", "happy", "progress", "worried", "job", "manager", "tired", "sad", "morning", "love"];
    expect(therapistWords.filter((word) => heardOn("ch0").has(word)).length).toBeGreaterThanOrEqual(2);
    expect(patientWords.filter((word) => heardOn("ch1").has(word)).length).toBeGreaterThanOrEqual(2);
    // The patient's first answer follows 4 s of silence on their channel and is still heard.
    const firstAnswer = transcript.segments.find((segment) => segment.speaker === "ch1");
    expect(wordsOf(firstAnswer?.text ?? "")).toEqual(expect.arrayContaining(["feel", "better"]));
  });

  it("transcribes a one-channel file in per-channel layout as one channel speaker, with a warning", async () => {
    const speech = createPocketSphinxSpeechToText();

    const { transcript, warnings } = done(await speech.submit(fileAudio(silencePath), perChannel));

    expect(transcript.speakers).toEqual([{ label: "ch0", channel: 0 }]);
    expect(warnings).toContainEqual(expect.objectContaining({ type: "other", feature: "channelLayout" }));
  });

  it("leaves words out when word timestamps are off, and warns only about what it cannot do", async () => {
    const speech = createPocketSphinxSpeechToText();

    const { transcript, warnings } = done(
      await speech.submit(fileAudio(shortDialogue.monoPath), {
        ...mono,
        candidateLanguages: ["fr-FR", "en-GB"],
        wordTimestamps: false,
        diarization: false,
        punctuation: "none",
      }),
    );

    expect(transcript.language).toBe("en-US");
    expect(transcript.segments.length).toBeGreaterThan(0);
    for (const segment of transcript.segments) expect(segment.words).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ type: "unsupported", feature: "languageIdentification" })]);
  });

  it("decodes an M4A recording whose index is at the end of the file", async () => {
    const m4aPath = join(directory, "short.m4a");
    await run("ffmpeg", ["-loglevel", "error", "-y", "-i", shortDialogue.monoPath, "-c:a", "aac", m4aPath]);
    const speech = createPocketSphinxSpeechToText();

    const { transcript } = done(await speech.submit(fileAudio(m4aPath, "audio/mp4"), mono));

    expect(Math.abs(transcript.durationMs - shortDialogue.durationMs)).toBeLessThanOrEqual(100);
    expect(new Set(transcript.segments.flatMap((segment) => wordsOf(segment.text)))).toContain("better");
  });

  it("answers zero segments for a recording of silence", async () => {
    const speech = createPocketSphinxSpeechToText();

    const { transcript } = done(await speech.submit(fileAudio(silencePath), mono));

    expect(transcript.segments).toEqual([]);
    expect(transcript.durationMs).toBe(2000);
  });

  it.runIf(process.platform === "linux")("decodes at a lower CPU priority (nice 10), leaving the cores to live recognition first", async () => {
    // PocketSphinx behind a script that notes its niceness once running, then becomes it.
    const log = join(directory, "niceness.log");
    const wrapper = join(directory, "niced-pocketsphinx.sh");
    await writeFile(wrapper, `#!/bin/sh\nsleep 0.3\ncut -d" " -f19 /proc/$$/stat >> ${log}\nexec pocketsphinx_continuous "$@"\n`, { mode: 0o755 });
    const speech = createPocketSphinxSpeechToText({ pocketsphinxPath: wrapper });

    done(await speech.submit(fileAudio(silencePath), mono));

    const niceness = (await readFile(log, "utf8")).trim().split("\n").map(Number);
    expect(niceness.length).toBeGreaterThan(0);
    for (const value of niceness) expect(value).toBe(Math.max(getPriority(), 10));
  });

  it("refuses a file that is not audio with provider.rejected, not retryable", async () => {
    const speech = createPocketSphinxSpeechToText();

    const error = await expectConfideError(speech.submit(fileAudio(textPath), mono), "provider.rejected");

    expect(error.retryable).toBe(false);
  });

  it("refuses languages other than English with provider.unsupported, without reading the audio", async () => {
    const speech = createPocketSphinxSpeechToText();
    const audio = fileAudio(shortDialogue.monoPath);

    const error = await expectConfideError(speech.submit(audio, { ...mono, language: "de-DE" }), "provider.unsupported");
    await expectConfideError(
      speech.submit(audio, { ...mono, candidateLanguages: ["fr-FR", "es-ES"] }),
      "provider.unsupported",
    );

    expect(error.retryable).toBe(false);
    expect(audio.opened).toBe(0);
  });

  it("reports a missing engine as speech.engine_unavailable naming the program and the package", async () => {
    const speech = createPocketSphinxSpeechToText({ pocketsphinxPath: join(directory, "no-such-pocketsphinx") });

    const onSubmit = await expectConfideError(speech.submit(fileAudio(shortDialogue.monoPath), mono), "speech.engine_unavailable");
    const onCheck = await expectConfideError(speech.check(), "speech.engine_unavailable");

    for (const error of [onSubmit, onCheck]) {
      expect(error.message).toContain("no-such-pocketsphinx");
      expect(error.message).toContain("pocketsphinx-en-us");
    }
  });

  it("reports a missing ffmpeg and a missing model as speech.engine_unavailable", async () => {
    const withoutFfmpeg = createPocketSphinxSpeechToText({ ffmpegPath: join(directory, "no-such-ffmpeg") });
    const withoutModel = createPocketSphinxSpeechToText({ modelDirectory: join(directory, "no-such-model") });

    const ffmpegError = await expectConfideError(
      withoutFfmpeg.submit(fileAudio(shortDialogue.monoPath), mono),
      "speech.engine_unavailable",
    );
    await expectConfideError(withoutFfmpeg.check(), "speech.engine_unavailable");
    const modelError = await expectConfideError(withoutModel.check(), "speech.engine_unavailable");
    await expectConfideError(withoutModel.submit(fileAudio(shortDialogue.monoPath), mono), "speech.engine_unavailable");

    expect(ffmpegError.message).toContain("no-such-ffmpeg");
    expect(ffmpegError.message).toMatch(/install .*ffmpeg/);
    expect(modelError.message).toContain("pocketsphinx-en-us");
  });

  it("answers readiness without loading the model, and reports a model that does not load from the next check on", async () => {
    // The model's files are there but are not a model: only starting the engine shows it.
    const broken = join(directory, "broken-model");
    await mkdir(join(broken, "en-us"), { recursive: true });
    await writeFile(join(broken, "en-us.lm.bin"), "not a language model");
    await writeFile(join(broken, "cmudict-en-us.dict"), "not a dictionary");
    const speech = createPocketSphinxSpeechToText({ modelDirectory: broken });
    try {
      await expect(speech.check()).resolves.toBeUndefined();
      const failed = await vi.waitFor(() => expectConfideError(speech.check(), "speech.engine_unavailable"), { timeout: 30_000, interval: 100 });
      expect(failed.message).toMatch(/^PocketSphinx failed \(exit status \d+\)/);
    } finally {
      await speech.close();
    }
  });

  it("removes its temporary files after success and after failure", async () => {
    const temporaryDirectory = join(directory, "work-cleanup");
    await mkdir(temporaryDirectory);
    const speech = createPocketSphinxSpeechToText({ temporaryDirectory });

    // Converted, split into its two channels, each channel's quiet start cut, each recognised.
    done(await speech.submit(fileAudio(quietStartStereoPath), perChannel));
    await expectConfideError(speech.submit(fileAudio(textPath), perChannel), "provider.rejected");

    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it("removes the work files a crashed process left behind, and keeps those of running ones", async () => {
    const temporaryDirectory = join(directory, "work-abandoned");
    await mkdir(temporaryDirectory);
    const host = hostname().replace(/[^A-Za-z0-9]+/g, "_") || "host";
    const ended = await run("sh", ["-c", "echo $$"]);
    const deadPid = Number(ended.stdout.trim());
    const abandoned = join(temporaryDirectory, `confide-pocketsphinx-${host}-${deadPid}-a1b2c3`);
    const running = join(temporaryDirectory, `confide-pocketsphinx-${host}-${process.ppid}-d4e5f6`);
    const unrelated = join(temporaryDirectory, "something-else");
    for (const path of [abandoned, running, unrelated]) {
      await mkdir(path);
      await writeFile(join(path, "mono.wav"), "left over");
    }
    const speech = createPocketSphinxSpeechToText({ temporaryDirectory });

    await speech.submit(fileAudio(silencePath), mono);

    expect((await readdir(temporaryDirectory)).sort()).toEqual(
      [`confide-pocketsphinx-${host}-${process.ppid}-d4e5f6`, "something-else"].sort(),
    );
  });

  it("removes crashed processes' work files as it starts, before any transcription, an earlier process with its own id included", async () => {
    const temporaryDirectory = join(directory, "work-at-start");
    await mkdir(temporaryDirectory);
    const host = hostname().replace(/[^A-Za-z0-9]+/g, "_") || "host";
    const ended = await run("sh", ["-c", "echo $$"]);
    const deadPid = Number(ended.stdout.trim());
    // A killed worker's converted audio, and that of an earlier process that had this process's
    // id (in a container the server is process 1 on every start): both written before this start.
    const abandoned = `confide-pocketsphinx-${host}-${deadPid}-a1b2c3`;
    const earlierSamePid = `confide-pocketsphinx-${host}-${process.pid}-b2c3d4`;
    const ownCurrent = `confide-pocketsphinx-${host}-${process.pid}-c3d4e5`;
    const running = `confide-pocketsphinx-${host}-${process.ppid}-d4e5f6`;
    for (const name of [abandoned, earlierSamePid, ownCurrent, running]) {
      await mkdir(join(temporaryDirectory, name));
      await writeFile(join(temporaryDirectory, name, "mono.wav"), "left over");
    }
    const beforeThisProcess = new Date(performance.timeOrigin - 60_000);
    await utimes(join(temporaryDirectory, earlierSamePid), beforeThisProcess, beforeThisProcess);

    const speech = createPocketSphinxSpeechToText({ temporaryDirectory });
    await speech.close();

    expect((await readdir(temporaryDirectory)).sort()).toEqual([ownCurrent, running].sort());
  });

  it("reports a temporary directory it cannot write to as provider.unavailable, retryable", async () => {
    const speech = createPocketSphinxSpeechToText({ temporaryDirectory: join(directory, "no-such-directory") });

    const error = await expectConfideError(speech.submit(fileAudio(silencePath), mono), "provider.unavailable");

    expect(error.retryable).toBe(true);
    expect(error.message).toContain("no-such-directory");
  });

  it("passes on the error of a recording stream that fails part-way, and cleans up", async () => {
    const temporaryDirectory = join(directory, "work-stream-error");
    await mkdir(temporaryDirectory);
    const speech = createPocketSphinxSpeechToText({ temporaryDirectory });
    const bytes = new Uint8Array(await readFile(shortDialogue.monoPath));
    const failing: AudioSource = {
      key: "failing",
      contentType: "audio/wav",
      sizeBytes: bytes.length,
      channels: 1,
      async open() {
        let sent = false;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (!sent) {
              sent = true;
              controller.enqueue(bytes.subarray(0, 64 * 1024));
              return;
            }
            controller.error(new ConfideError("dependency.unavailable", "The blob store went away.", { retryable: true }));
          },
        });
      },
    };

    const error = await expectConfideError(speech.submit(failing, mono), "dependency.unavailable");

    expect(error.message).toBe("The blob store went away.");
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it("runs the engine in its own process group, and reports a stop request to it as an interruption", async () => {
    // A terminal's Ctrl-C goes to its foreground process group: the engine must not be in it.
    // A stop request that reaches the engine anyway (a service manager stopping every process
    // of the service) is an interruption the pipeline leaves for redelivery, not a failure.
    const temporaryDirectory = join(directory, "work-stopped");
    await mkdir(temporaryDirectory);
    const groupPath = join(directory, "engine.group");
    const wrapperPath = join(directory, "pocketsphinx-stopped.sh");
    await writeFile(
      wrapperPath,
      `#!/bin/sh\necho "$$ $(cut -d' ' -f5 /proc/$$/stat)" > "${groupPath}"\nkill -TERM $$\nsleep 5\n`,
    );
    await chmod(wrapperPath, 0o755);
    const speech = createPocketSphinxSpeechToText({ pocketsphinxPath: wrapperPath, temporaryDirectory });

    const error = await expectConfideError(speech.submit(fileAudio(shortDialogue.monoPath), mono), "provider.interrupted");

    expect(error.retryable).toBe(true);
    expect(error.message).toContain("SIGTERM");
    const [pid, group] = (await readFile(groupPath, "utf8")).trim().split(" ").map(Number);
    expect(group).toBe(pid);
    const ownGroup = Number((await readFile("/proc/self/stat", "utf8")).split(") ")[1]?.split(" ")[2]);
    expect(group).not.toBe(ownGroup);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it("kills the engine when the signal aborts, and cleans up", async () => {
    const temporaryDirectory = join(directory, "work-abort");
    await mkdir(temporaryDirectory);
    const pidPath = join(directory, "engine.pid");
    const wrapperPath = join(directory, "pocketsphinx-wrapper.sh");
    await writeFile(wrapperPath, `#!/bin/sh\necho $$ > "${pidPath}"\nexec pocketsphinx_continuous "$@"\n`);
    await chmod(wrapperPath, 0o755);
    const speech = createPocketSphinxSpeechToText({ pocketsphinxPath: wrapperPath, temporaryDirectory });
    const controller = new AbortController();
    const reason = new ConfideError("dependency.unavailable", "The worker is stopping.", { retryable: true });

    const submitted = speech.submit(fileAudio(dialogue.monoPath), mono, { signal: controller.signal });
    const outcome = submitted.then(
      () => "finished",
      (error: unknown) => error,
    );
    let pid: number | null = null;
    while (pid === null) {
      const text = await readFile(pidPath, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return "";
        throw error;
      });
      if (text.trim()) pid = Number(text.trim());
      else if ((await Promise.race([outcome, new Promise((resolve) => setTimeout(resolve, 20, "waiting"))])) !== "waiting") {
        throw new Error("the transcription ended before the engine started");
      }
    }
    controller.abort(reason);

    expect(await outcome).toBe(reason);
    const alive = (() => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code !== "ESRCH";
      }
    })();
    expect(alive, `engine process ${pid} is still running`).toBe(false);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it("gives up on a recording stream that stalls when the signal aborts", async () => {
    const temporaryDirectory = join(directory, "work-stall");
    await mkdir(temporaryDirectory);
    const speech = createPocketSphinxSpeechToText({ temporaryDirectory });
    const bytes = new Uint8Array(await readFile(shortDialogue.monoPath));
    let cancelled = false;
    let firstChunkSent: () => void = () => undefined;
    const firstChunk = new Promise<void>((resolve) => {
      firstChunkSent = resolve;
    });
    const stalling: AudioSource = {
      key: "stalling",
      contentType: "audio/wav",
      sizeBytes: bytes.length,
      channels: 1,
      async open() {
        let sent = false;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent) return new Promise<void>(() => undefined); // never answers again
            sent = true;
            controller.enqueue(bytes.subarray(0, 32 * 1024));
            firstChunkSent();
            return undefined;
          },
          cancel() {
            cancelled = true;
          },
        });
      },
    };
    const controller = new AbortController();
    const reason = new ConfideError("dependency.unavailable", "The worker is stopping.", { retryable: true });

    const outcome = speech.submit(stalling, mono, { signal: controller.signal }).then(
      () => "finished",
      (error: unknown) => error,
    );
    await firstChunk;
    controller.abort(reason);

    expect(await outcome).toBe(reason);
    expect(cancelled, "the recording stream is released").toBe(true);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });

  it("never answers pending, so poll knows no job", async () => {
    const speech = createPocketSphinxSpeechToText();

    const error = await expectConfideError(speech.poll("anything", mono), "provider.rejected");

    expect(error.retryable).toBe(false);
    await speech.close();
    await speech.close();
  });
});

describe("PocketSphinx output reading", () => {
  it("keeps words with their times and confidence, and drops fillers and alternate marks", () => {
    const lines = [
      "how have you been sleeping",
      "<s> 0.000 0.020 0.999400",
      "how 0.030 0.230 0.120339",
      "read(2) 0.550 0.770 0.097367",
      "<sil> 0.780 0.980 0.997303",
      "[NOISE] 1.000 1.200 0.5",
      "++BREATH++ 1.200 1.300 0.5",
      "</s> 3.380 3.720 1.000000",
      "INFO: ngram_search.c(304): TOTAL bestpath 0.01 wall 0.001 xRT",
    ];

    const words = lines.map(parsePocketSphinxWordLine).filter((word) => word !== null);

    expect(words).toEqual([
      { text: "how", startMs: 30, endMs: 230, confidence: 0.120339 },
      { text: "read", startMs: 550, endMs: 770, confidence: 0.097367 },
    ]);
  });
});
