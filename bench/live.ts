/**
 * Live speech, two measurements:
 *
 * A. The embedded live engine (PocketSphinx per utterance), in this process: N streams of the
 *    espeak-ng stereo dialogue (one speaker per channel) written at real-time pace in 100 ms
 *    chunks, starts staggered; N grows (1, 2, 3, 4, 6, 8…) until the p95 delay from the end of
 *    an utterance's speech to its final passes 2 s. Once with each detector of the turn ends:
 *    loudness (the energy detector, CONFIDE_LIVE_PAUSE_MS 600 ms) and Silero VAD (when installed
 *    in CONFIDE_MODELS_DIR or ./data/models; CONFIDE_LIVE_SPEECH_END_MS). The end of speech is
 *    the last sample of the final's span louder than -50 dBFS in the clean synthetic audio (10 ms
 *    steps), so both detectors are timed from the same moment; the delay is split into the wait
 *    (until the chunk that completed the detector's pause was written) and the decode (from then
 *    to the final, the detector's inference on that chunk included).
 *
 * B. The server with the instant fake engine (`CONFIDE_LIVE=instant-fake`): `confide serve`
 *    (embedded profile) and 50 WebSocket clients on `/v1/live` streaming the same dialogue at
 *    real-time pace. The fake emits a final the moment its pause is heard, so the delay from
 *    the chunk that completes the pause being sent to the `final` message arriving is what the
 *    server adds (storing, the transcript, sentiment, agenda, the socket). Server CPU and RSS
 *    growth per live session are measured over the streaming.
 *
 * C. Admission by capacity: `confide serve` with the embedded engine and its default
 *    capacity, more sessions offered than it admits: how many went recorded only, and the end of
 *    speech → final delay of the admitted ones (target p95 ≤ 1.5 s whatever the number offered).
 *
 * D. The streaming engine (`CONFIDE_LIVE=vosk`) against its fake: the delay the server adds to its
 *    finals (target p95 ≤ 50 ms), as part B measures the instant fake's.
 *
 * E. Live suggestions off and on (`CONFIDE_LIVE_SUGGESTIONS=off|on`), side by side: part C's
 *    admission (the embedded engine, N offered) and part B's server-added delay and CPU (the
 *    instant fake, `BENCH_LIVE_E_SESSIONS`, default 20), each on a fresh server per setting, the
 *    two settings run one after the other for each N. With suggestions on, every patient final is
 *    screened for risk as it arrives (the dialogue states no risk: nothing is suggested).
 *
 *   npm run bench -- live
 *   BENCH_LIVE_SESSIONS=50 BENCH_LIVE_MAX_STREAMS=8 BENCH_LIVE_PART=a|b|c|d|e|abcd (default abcd; e on request) BENCH_LIVE_VOSK_SESSIONS=10
 *   BENCH_LIVE_OFFERED=6,8 (part C: sessions offered), BENCH_LIVE_OFFER_EVERY_MS=700 (part C: between starts),
 *   CONFIDE_LIVE_MAX_STREAMS (part C: the server's capacity)
 *   BENCH_LIVE_GO_ON=1 (part A: go on past 2 s, to see the curve)
 *   BENCH_LIVE_DETECTORS=loudness,silero-vad (part A: the detectors of the turn ends, both by default)
 *   BENCH_LIVE_STREAMS=4,6,8 (part A: these stream counts), CONFIDE_LIVE_MAX_PARALLEL_DECODES=2 (the engine's setting)
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPocketSphinxLiveSpeechToText } from "../packages/adapters-local/src/pocketsphinx-live/pocketsphinx-live-speech-to-text.ts";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { defaultModelsDirectory, locateModel } from "../packages/adapters-local/src/models/index.ts";
import { SileroVadStream } from "../packages/adapters-local/src/silero-vad/silero-vad.ts";
import { loadSileroVad } from "../packages/adapters-local/src/silero-vad/silero-vad-loader.ts";
import { startVoskServer } from "@confide/contracts/fakes";
import { deferCleanup, runCleanup } from "./support/cleanup.ts";
import { createSeededDataDir, startConfideForTherapist } from "./support/confide-server.ts";
import { machineLoadLine } from "./support/machine-load.ts";
import { percentile } from "./support/percentile.ts";
import { processAndChildrenCpuMs, processCpuMs } from "./support/process-cpu.ts";
import { startRssSampler, waitForSteadyRss } from "./support/rss-sampler.ts";

const chunkMs = 100;
const stereoBytesPerMs = 64;
const paddingMs = 200;
const pauseMs = 600;
const part = process.env.BENCH_LIVE_PART ?? "abcd";

const sleepUntil = (wallMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, wallMs - performance.now())));

const ms = (value: number) => `${Math.round(value)} ms`;

/** Sends `audio` (stereo PCM) in 100 ms chunks at real-time pace; each chunk leaves once its audio "exists". */
async function playRealTime(audio: Uint8Array, send: (chunk: Uint8Array, index: number) => Promise<void> | void, startWallMs: number): Promise<void> {
  const chunkBytes = chunkMs * stereoBytesPerMs;
  for (let index = 0; index * chunkBytes < audio.byteLength; index += 1) {
    await sleepUntil(startWallMs + (index + 1) * chunkMs);
    await send(audio.subarray(index * chunkBytes, (index + 1) * chunkBytes), index);
  }
}

/** CPU time of this process and of its ended children (PocketSphinx runs), from /proc/self/stat. */
async function selfAndChildrenCpuMs(): Promise<number> {
  const stat = await readFile("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  // utime, stime, cutime, cstime: fields 14–17, in clock ticks (100 a second).
  return ((fields[11]! + fields[12]! + fields[13]! + fields[14]!) * 1000) / 100;
}

/** The detectors of turn ends part A compares, as the recognition names them (`turnEnds`). */
type TurnDetector = "loudness" | "silero-vad";

/**
 * Per channel, for each 10 ms of the clean synthetic audio, whether it holds speech (RMS above
 * -50 dBFS): the truth the detectors are timed against.
 */
function loudTens(audio: Uint8Array): boolean[][] {
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  const frames = audio.byteLength / 4;
  const threshold = 32768 * 10 ** (-50 / 20);
  return [0, 1].map((channel) =>
    Array.from({ length: Math.floor(frames / 160) }, (_, ten) => {
      let squares = 0;
      for (let index = ten * 160; index < (ten + 1) * 160; index += 1) squares += view.getInt16((index * 2 + channel) * 2, true) ** 2;
      return Math.sqrt(squares / 160) > threshold;
    }),
  );
}

/** The end of the last speech in [startMs, endMs) of `channel`, in ms of audio. */
function speechEndIn(loud: boolean[][], channel: number, startMs: number, endMs: number): number {
  for (let ten = Math.ceil(endMs / 10) - 1; ten >= Math.floor(startMs / 10); ten -= 1) if (loud[channel]![ten]) return (ten + 1) * 10;
  return endMs;
}

/**
 * Where in the audio a detector's pause completed for a final ending at `endMs`: the cutter's
 * speech end (the final's end less its padding, the padding being cut short by the pause when
 * the pause is shorter) plus the pause, each in whole frames of the detector.
 */
function cutAudioMs(detector: TurnDetector, endMs: number): number {
  const [frameMs, pause] = detector === "loudness" ? [20, pauseMs] : [32, Number(process.env.CONFIDE_LIVE_SPEECH_END_MS ?? 192)];
  const pauseRounded = Math.ceil(pause / frameMs) * frameMs;
  const paddingRounded = Math.ceil(paddingMs / frameMs) * frameMs;
  return endMs - Math.min(paddingRounded, pauseRounded) + pauseRounded;
}

/** The share of the script's words (per channel, as a bag) found in the finals of that channel. */
function wordRecall(lines: DialogueAudio["lines"], finals: Array<{ channel: number; text: string }>): number {
  const words = (text: string) => text.toLowerCase().replace(/[^a-z' ]/g, " ").split(/\s+/).filter(Boolean);
  let found = 0;
  let total = 0;
  for (const channel of [0, 1]) {
    const heard = new Map<string, number>();
    for (const final of finals) if (final.channel === channel) for (const word of words(final.text)) heard.set(word, (heard.get(word) ?? 0) + 1);
    for (const line of lines) {
      if (line.channel !== channel) continue;
      for (const word of words(line.text)) {
        total += 1;
        const left = heard.get(word) ?? 0;
        if (left > 0) {
          found += 1;
          heard.set(word, left - 1);
        }
      }
    }
  }
  return found / total;
}

interface RoundFigures {
  delays: number[];
  waits: number[];
  decodes: number[];
  finals: number;
  cpuMs: number;
  recall: number;
  turnEnds: string[];
}

async function embeddedRound(audio: Uint8Array, dialogue: DialogueAudio, streams: number, detector: TurnDetector, modelsDirectory: string): Promise<RoundFigures> {
  const cpuBefore = await selfAndChildrenCpuMs();
  const loud = loudTens(audio);
  // The server's own variable: how many utterances PocketSphinx decodes at once (default twice the cores).
  const slots = process.env.CONFIDE_LIVE_MAX_PARALLEL_DECODES;
  const speechEnd = process.env.CONFIDE_LIVE_SPEECH_END_MS;
  const engine = createPocketSphinxLiveSpeechToText({
    ...(slots === undefined ? {} : { maxParallelDecodes: Number(slots) }),
    ...(speechEnd === undefined ? {} : { speechEndMs: Number(speechEnd) }),
    // Loudness: a models folder without the model, so the engine falls back as a host without it does.
    modelsDirectory: detector === "silero-vad" ? modelsDirectory : join(tmpdir(), "confide-bench-no-models"),
  });
  const figures: RoundFigures = { delays: [], waits: [], decodes: [], finals: 0, cpuMs: 0, recall: 0, turnEnds: [] };
  const heard: Array<{ channel: number; text: string }> = [];
  const stagger = 700;
  const t0 = performance.now() + 200;
  await Promise.all(
    Array.from({ length: streams }, async (_, stream) => {
      const recognition = await engine.open({
        language: "en-US",
        format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 2 },
        channelLayout: "per-channel",
        maxSpeakers: 2,
      });
      figures.turnEnds.push(recognition.turnEnds ?? "?");
      const start = t0 + stream * stagger;
      const reading = (async () => {
        for await (const event of recognition.events) {
          if (event.type === "final") {
            const arrived = performance.now();
            const channel = event.channel ?? 0;
            const spokenEnd = start + speechEndIn(loud, channel, event.startMs, event.endMs);
            // The chunk holding the pause's last frame is written when its 100 ms have passed.
            const cutWritten = start + Math.ceil(cutAudioMs(detector, event.endMs) / chunkMs) * chunkMs;
            figures.delays.push(arrived - spokenEnd);
            figures.waits.push(cutWritten - spokenEnd);
            figures.decodes.push(arrived - cutWritten);
            if (stream === 0) heard.push({ channel, text: event.text });
          }
          if (event.type === "error") throw event.error;
        }
      })();
      await playRealTime(audio, (chunk) => recognition.write(chunk), start);
      await recognition.end();
      await reading;
    }),
  );
  await engine.close();
  figures.finals = figures.delays.length;
  figures.cpuMs = (await selfAndChildrenCpuMs()) - cpuBefore;
  figures.recall = wordRecall(dialogue.lines, heard);
  return figures;
}

/** The CPU Silero VAD takes on one channel of the dialogue (this process's user + system time), as a share of a core. */
async function sileroCpuShare(audio: Uint8Array, modelsDirectory: string): Promise<string> {
  const model = (await loadSileroVad(modelsDirectory))!;
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  const left = Int16Array.from({ length: audio.byteLength / 4 }, (_, index) => view.getInt16(index * 4, true));
  const stream = new SileroVadStream(model);
  const before = process.cpuUsage();
  const wallBefore = performance.now();
  for (let offset = 0; offset < left.length; offset += 1_600) await stream.push(left.subarray(offset, offset + 1_600));
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1000;
  const audioMs = (left.length / 16_000) * 1000;
  return `${ms(cpuMs)} CPU (${ms(performance.now() - wallBefore)} wall) for ${(audioMs / 1000).toFixed(0)} s of one channel = ${((cpuMs / audioMs) * 100).toFixed(1)}% of a core per channel`;
}

async function partA(audio: Uint8Array, dialogue: DialogueAudio): Promise<void> {
  console.log("A. embedded live engine (PocketSphinx per utterance), streams at real-time pace, in this process");
  const modelsDirectory = process.env.CONFIDE_MODELS_DIR ?? defaultModelsDirectory(process.env.CONFIDE_DATA_DIR ?? "./data");
  const asked = (process.env.BENCH_LIVE_DETECTORS?.split(",") ?? ["loudness", "silero-vad"]) as TurnDetector[];
  const detectors: TurnDetector[] = [];
  for (const detector of asked) {
    if (detector === "silero-vad" && (await locateModel(modelsDirectory, "silero-vad")) === undefined) {
      console.log(`  silero-vad: not installed in ${modelsDirectory} (confide models install), not measured`);
      continue;
    }
    detectors.push(detector);
  }
  if (detectors.includes("silero-vad")) console.log(`  silero-vad alone: ${await sileroCpuShare(audio, modelsDirectory)}`);
  const maxStreams = Number(process.env.BENCH_LIVE_MAX_STREAMS ?? 12);
  const counts = process.env.BENCH_LIVE_STREAMS?.split(",").map(Number) ?? [1, 2, 3, 4, 6, 8, 10, 12];
  const split = (values: number[]) => `p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))}`;
  for (const detector of detectors) {
    console.log(`  turn ends by ${detector}:`);
    let lastUnder = 0;
    let firstOver: number | null = null;
    for (const streams of counts.filter((count) => count <= maxStreams)) {
      const round = await embeddedRound(audio, dialogue, streams, detector, modelsDirectory);
      const audioMs = audio.byteLength / stereoBytesPerMs;
      const corePerStream = round.cpuMs / audioMs / streams;
      const ran = [...new Set(round.turnEnds)].join(",");
      console.log(
        `  ${String(streams).padStart(2)} streams (${ran}): ${round.finals} finals, end of speech → final ${split(round.delays)}, max ${ms(Math.max(...round.delays))}; ` +
          `wait ${split(round.waits)}; decode ${split(round.decodes)}; words heard ${(round.recall * 100).toFixed(0)}% (first stream); ` +
          `CPU ${(round.cpuMs / 1000).toFixed(1)} s = ${(corePerStream * 100).toFixed(0)}% of a core per stream  (${machineLoadLine()})`,
      );
      const p95 = percentile(round.delays, 0.95);
      if (p95 > 2_000) {
        firstOver ??= streams;
        if (process.env.BENCH_LIVE_GO_ON !== "1") break;
      } else if (firstOver === null) {
        lastUnder = streams;
      }
    }
    console.log(
      firstOver === null
        ? `  → p95 stayed under 2 s up to ${lastUnder} streams (BENCH_LIVE_MAX_STREAMS)`
        : `  → p95 passes 2 s at ${firstOver} stream(s): ${lastUnder} stream(s) at once stay under it`,
    );
  }
}

interface ServerFinal {
  type: string;
  endMs?: number;
}

async function partB(audio: Uint8Array): Promise<void> {
  const sessions = Number(process.env.BENCH_LIVE_SESSIONS ?? 50);
  console.log(`B. confide serve, CONFIDE_LIVE=instant-fake, ${sessions} WebSocket sessions on /v1/live at real-time pace`);
  // The fake's cue: pauseMs of quiet after the speech (the final ends padding after the last sample).
  await serverAddedDelay(audio, { sessions, env: { CONFIDE_LIVE: "instant-fake" }, cueAfterEndMs: pauseMs - paddingMs });
}

/**
 * D. The streaming engine against its fake: `confide serve` with `CONFIDE_LIVE=vosk`
 * pointed at the fake Vosk server (in this process), which answers the moment its endpointing
 * (500 ms of quiet) ends an utterance: the delay from sending the chunk that completes that
 * quiet to the final at the client is what Confide adds (its WebSocket to the speech server
 * included). Target p95 ≤ 50 ms.
 */
async function partD(audio: Uint8Array): Promise<void> {
  const sessions = Number(process.env.BENCH_LIVE_VOSK_SESSIONS ?? 10);
  console.log(`D. confide serve, CONFIDE_LIVE=vosk against the fake Vosk server, ${sessions} WebSocket sessions on /v1/live at real-time pace`);
  const vosk = await startVoskServer();
  const stopVosk = deferCleanup(() => vosk.close());
  try {
    await serverAddedDelay(audio, { sessions, env: { CONFIDE_LIVE: "vosk", CONFIDE_VOSK_URL: vosk.url }, cueAfterEndMs: 500 });
  } finally {
    await stopVosk();
  }
}

/** A message of the server on /v1/live, as far as the bench reads it. */
interface LiveServerEvent extends ServerFinal {
  code?: string;
  message?: string;
  recordOnly?: string | null;
}

interface LiveSessionOptions {
  port: number;
  token: string;
  patientId: string;
  title: string;
  /** Stereo PCM, one speaker per channel. */
  audio: Uint8Array;
  /** Names the session in the error when the server closes it before it started. */
  name?: string;
  /** Receives the server's `error` messages. */
  errors: string[];
  /** When `start` is sent (performance.now()); at once when absent. */
  startAtMs?: number;
  /** When the first chunk is due (performance.now()); at once after `started` when absent or past. */
  playFromMs?: number;
  /** Each server message, with when each chunk was sent (by chunk index); called before the session acts on it. */
  onEvent(event: LiveServerEvent, sentAt: readonly number[]): void;
}

/**
 * One session on `/v1/live`: connects, sends `start`, waits for `started` (rejects when the server
 * closes first), plays the audio at real-time pace, sends `stop`, closes on `ended` and resolves
 * once the socket is closed.
 */
async function playLiveSession(options: LiveSessionOptions): Promise<void> {
  const { errors } = options;
  const socket = new WebSocket(`ws://127.0.0.1:${options.port}/v1/live`, ["confide.live.v1", `bearer.${options.token}`]);
  socket.binaryType = "arraybuffer";
  const sentAt: number[] = [];
  let started!: () => void;
  let refused!: (error: Error) => void;
  const startedPromise = new Promise<void>((resolve, reject) => ((started = resolve), (refused = reject)));
  const ended = new Promise<void>((resolve) => {
    socket.addEventListener("close", (event) => {
      const name = options.name === undefined ? "" : `${options.name} `;
      refused(new Error(`${name}closed before it started (${event.code}); errors: ${errors.join(", ")}`));
      resolve();
    });
    socket.addEventListener("message", (message) => {
      const event = JSON.parse(String(message.data)) as LiveServerEvent;
      options.onEvent(event, sentAt);
      if (event.type === "started") started();
      if (event.type === "error") errors.push(`${event.code ?? "error"}: ${event.message ?? ""}`);
      if (event.type === "ended") socket.close();
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("WebSocket failed to open")), { once: true });
  });
  if (options.startAtMs !== undefined) await sleepUntil(options.startAtMs);
  socket.send(
    JSON.stringify({ type: "start", patientId: options.patientId, title: options.title, channelLayout: "per-channel", format: { encoding: "pcm", channels: 2 } }),
  );
  await startedPromise;
  await playRealTime(
    options.audio,
    (chunk, chunkIndex) => {
      socket.send(chunk);
      sentAt[chunkIndex] = performance.now();
    },
    Math.max(options.playFromMs ?? 0, performance.now()),
  );
  socket.send(JSON.stringify({ type: "stop" }));
  await ended;
}

/**
 * `sessions` WebSocket sessions at real-time pace on a `confide serve` with `env`'s live engine,
 * which answers the moment `cueAfterEndMs` of audio past a final's end has arrived: the delay from
 * sending the chunk holding that moment to receiving the final is what the server adds.
 */
interface ServerAddedDelay {
  finals: number;
  errors: string[];
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Server CPU per session, as a fraction of a core. */
  cpuPerSession: number;
  rssPerSessionMiB: number;
}

async function serverAddedDelay(audio: Uint8Array, options: { sessions: number; env: Record<string, string>; cueAfterEndMs: number }): Promise<ServerAddedDelay> {
  const { sessions } = options;
  const seeded = await createSeededDataDir({
    ...options.env,
    CONFIDE_LIVE_MAX_SESSIONS: String(sessions + 10),
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
  });
  // A loaded machine starts it slowly.
  const { server, token, stop: stopServer } = await startConfideForTherapist(seeded, { timeoutMs: 120_000 });
  try {
    await waitForSteadyRss(server.pid);
    const rss = await startRssSampler(server.pid);
    const cpuBefore = await processCpuMs(server.pid);
    const wallBefore = performance.now();
    const delays: number[] = [];
    const errors: string[] = [];
    const stagger = 37;
    const t0 = performance.now() + 500;
    await Promise.all(
      Array.from({ length: sessions }, (_, index) =>
        playLiveSession({
          port: server.port,
          token,
          patientId: seeded.patient.user.id,
          title: `bench ${index}`,
          audio,
          name: `session ${index}`,
          errors,
          playFromMs: t0 + index * stagger,
          onEvent: (event, sentAt) => {
            if (event.type === "final" && event.endMs !== undefined) {
              // The engine's cue: the chunk holding the last sample of the quiet it waits for.
              const cueMs = event.endMs + options.cueAfterEndMs;
              const chunk = Math.floor((cueMs - 1) / chunkMs);
              const sent = sentAt[chunk];
              if (sent !== undefined) delays.push(performance.now() - sent);
            }
          },
        }),
      ),
    );
    const wallMs = performance.now() - wallBefore;
    const cpuMs = (await processCpuMs(server.pid)) - cpuBefore;
    const memory = await rss.stop();
    const growthBytes = Math.max(memory.peakSampledBytes - memory.baselineBytes, 0);
    console.log(`  finals received: ${delays.length}; errors: ${errors.length === 0 ? "none" : errors.join(", ")}`);
    console.log(`  server-added delay (pause heard → final at the client): p50 ${ms(percentile(delays, 0.5))}, p95 ${ms(percentile(delays, 0.95))}, max ${ms(Math.max(...delays))}`);
    console.log(
      `  server CPU: ${((cpuMs / wallMs) * 100).toFixed(1)}% of a core for ${sessions} sessions = ${((cpuMs / wallMs / sessions) * 100).toFixed(2)}% per session; ` +
        `RSS growth ${(growthBytes / 2 ** 20).toFixed(1)} MiB = ${(growthBytes / 2 ** 20 / sessions).toFixed(2)} MiB per session`,
    );
    return {
      finals: delays.length,
      errors,
      p50Ms: percentile(delays, 0.5),
      p95Ms: percentile(delays, 0.95),
      maxMs: Math.max(...delays),
      cpuPerSession: cpuMs / wallMs / sessions,
      rssPerSessionMiB: growthBytes / 2 ** 20 / sessions,
    };
  } finally {
    await stopServer();
    await seeded.remove();
  }
}

interface OfferedSession {
  /** Null when admitted with live text; otherwise why the server recorded it only. */
  recordOnly: string | null;
  /** End of speech (its last sample sent) → its final at the client, for each final. */
  delays: number[];
  /** For each final: its end in the audio, and when it arrived (performance.now()). */
  finals: Array<{ endMs: number; at: number; delayMs: number }>;
  /** When the session's `ended` arrived (performance.now()). */
  endedAt: number | null;
  errors: string[];
}

/**
 * One live session over `/v1/live` at real-time pace: the dialogue from `startWallMs`, then stop.
 * Each final's delay counts from the moment the chunk holding its last speech sample (the final's
 * end less the cutter's padding) was sent.
 */
async function offerLiveSession(port: number, token: string, patientId: string, audio: Uint8Array, startWallMs: number): Promise<OfferedSession> {
  // Connected only when it starts: an open connection that sends nothing is closed (live.idle_timeout).
  await sleepUntil(startWallMs - 200);
  const result: OfferedSession = { recordOnly: null, delays: [], finals: [], endedAt: null, errors: [] };
  await playLiveSession({
    port,
    token,
    patientId,
    title: "bench capacity",
    audio,
    errors: result.errors,
    startAtMs: startWallMs,
    onEvent: (event, sentAt) => {
      if (event.type === "started") result.recordOnly = event.recordOnly ?? null;
      if (event.type === "final" && event.endMs !== undefined) {
        const chunk = Math.floor((event.endMs - paddingMs - 1) / chunkMs);
        const sent = sentAt[chunk];
        if (sent !== undefined) {
          result.delays.push(performance.now() - sent);
          result.finals.push({ endMs: event.endMs, at: performance.now(), delayMs: performance.now() - sent });
        }
      }
      if (event.type === "ended") result.endedAt = performance.now();
    },
  });
  return result;
}

/**
 * C. Admission by capacity: `confide serve` with the embedded live engine and its
 * default capacity (from the cores), N sessions offered at once (starts staggered by 0.7 s) —
 * more than it admits. Prints how many were admitted with live text and how many went recorded
 * only, and the end of speech → final delay of the admitted ones. A fresh server per N.
 */
async function partC(audio: Uint8Array): Promise<void> {
  const offeredCounts = process.env.BENCH_LIVE_OFFERED?.split(",").map(Number) ?? [6, 8];
  const capacity = process.env.CONFIDE_LIVE_MAX_STREAMS;
  const offerEveryMs = Number(process.env.BENCH_LIVE_OFFER_EVERY_MS ?? 700);
  console.log(
    `C. confide serve, CONFIDE_LIVE=embedded, capacity ${capacity ?? "by default (from the cores)"}; N sessions offered on /v1/live at real-time pace, starts ${offerEveryMs / 1000} s apart`,
  );
  for (const offered of offeredCounts) await admissionRound(audio, offered, offerEveryMs, capacity, {});
}

interface AdmissionRound {
  offered: number;
  maxStreams: number | null;
  admitted: number;
  recordedOnly: string;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  finals: number;
  errors: string[];
  /** Server CPU (with its PocketSphinx runs) per live session, as a fraction of a core over the dialogue. */
  cpuPerLiveSession: number;
  load: string;
}

/** One round of part C on a fresh server: `offered` sessions, starts `offerEveryMs` apart, `env` added to the server's. */
async function admissionRound(audio: Uint8Array, offered: number, offerEveryMs: number, capacity: string | undefined, env: Record<string, string>): Promise<AdmissionRound> {
  const seeded = await createSeededDataDir({
    CONFIDE_LIVE: "embedded",
    CONFIDE_LIVE_MAX_SESSIONS: String(offered + 10),
    CONFIDE_SHUTDOWN_TIMEOUT_MS: "2000",
    ...(capacity === undefined ? {} : { CONFIDE_LIVE_MAX_STREAMS: capacity }),
    ...env,
  });
  // With BENCH_LIVE_DETAIL=1: when the server logged each session's end and pipeline steps.
  const logged: Array<{ at: number; line: string }> = [];
  const pipelineMessages = /"message":"(live\.ended|live\.started|session\.(transcribed|analyzed|notes_written|notified|failed))"/;
  const { server, baseUrl, token, stop: stopServer } = await startConfideForTherapist(seeded, {
    // A loaded machine starts it slowly.
    timeoutMs: 120_000,
    onLine: (line) => {
      if (pipelineMessages.test(line)) logged.push({ at: performance.now(), line });
    },
  });
  try {
    const readiness = async () => ((await (await fetch(`${baseUrl}/readyz`)).json()) as { live?: { maxStreams: number | null } }).live;
    const maxStreams = (await readiness())?.maxStreams ?? null;
    const t0 = performance.now() + 500;
    const cpuBefore = await processAndChildrenCpuMs(server.pid);
    const results = await Promise.all(
      Array.from({ length: offered }, (_, index) => offerLiveSession(server.port, token, seeded.patient.user.id, audio, t0 + index * offerEveryMs)),
    );
    const cpuMs = (await processAndChildrenCpuMs(server.pid)) - cpuBefore;
    const admitted = results.filter((result) => result.recordOnly === null);
    const reasons = new Map<string, number>();
    for (const result of results) if (result.recordOnly !== null) reasons.set(result.recordOnly, (reasons.get(result.recordOnly) ?? 0) + 1);
    const recordedOnly = `${results.length - admitted.length}${reasons.size === 0 ? "" : ` (${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(", ")})`}`;
    const delays = admitted.flatMap((result) => result.delays);
    const errors = results.flatMap((result) => result.errors);
    console.log(
      `  ${String(offered).padStart(2)} offered (capacity ${maxStreams ?? "none"}): ${admitted.length} live, ${recordedOnly} recorded only; ` +
        `admitted end of speech → final p50 ${ms(percentile(delays, 0.5))}, p95 ${ms(percentile(delays, 0.95))}, max ${ms(Math.max(...delays))} ` +
        `(${delays.length} finals)${errors.length === 0 ? "" : `; errors: ${errors.join(", ")}`}  (${machineLoadLine()})`,
    );
    // The server and its ended PocketSphinx runs, over the offers (the pipelines of the ended sessions included).
    const audioMs = audio.byteLength / stereoBytesPerMs;
    console.log(`     server CPU (with its PocketSphinx runs) ${((cpuMs / audioMs) * 100).toFixed(0)}% of a core over the dialogue's length = ${((cpuMs / audioMs / Math.max(admitted.length, 1)) * 100).toFixed(0)}% per live session`);
    if (process.env.BENCH_LIVE_DETAIL === "1") {
      results.forEach((result, index) => {
        const late = result.finals.map((final) => `${(final.endMs / 1000).toFixed(1)}s→${ms(final.delayMs)}@${((final.at - t0) / 1000).toFixed(1)}`).join(" ");
        console.log(`     session ${index} ${result.recordOnly ?? "live"}: ended @${result.endedAt === null ? "?" : ((result.endedAt - t0) / 1000).toFixed(1)} s; finals (audio end → delay @ wall s) ${late}`);
      });
      for (const { at, line } of logged) {
        const parsed = JSON.parse(line) as { message: string; sessionId?: string };
        console.log(`     server @${((at - t0) / 1000).toFixed(1)} s: ${parsed.message} ${parsed.sessionId?.slice(-6) ?? ""}`);
      }
    }
    return {
      offered,
      maxStreams,
      admitted: admitted.length,
      recordedOnly,
      p50Ms: percentile(delays, 0.5),
      p95Ms: percentile(delays, 0.95),
      maxMs: Math.max(...delays),
      finals: delays.length,
      errors,
      cpuPerLiveSession: cpuMs / audioMs / Math.max(admitted.length, 1),
      load: machineLoadLine(),
    };
  } finally {
    await stopServer();
    await seeded.remove();
  }
}

/**
 * E. Suggestions off and on, side by side: for each N offered, part C's round with
 * `CONFIDE_LIVE_SUGGESTIONS=off` then `on`; then part B's server-added delay with each.
 */
async function partE(audio: Uint8Array): Promise<void> {
  const offeredCounts = process.env.BENCH_LIVE_OFFERED?.split(",").map(Number) ?? [6, 8];
  const offerEveryMs = Number(process.env.BENCH_LIVE_OFFER_EVERY_MS ?? 700);
  const capacity = process.env.CONFIDE_LIVE_MAX_STREAMS;
  const settings = ["off", "on"] as const;
  console.log("E. live suggestions off and on (CONFIDE_LIVE_SUGGESTIONS), side by side");
  const rounds: Array<Record<(typeof settings)[number], AdmissionRound>> = [];
  for (const offered of offeredCounts) {
    const off = await admissionRound(audio, offered, offerEveryMs, capacity, { CONFIDE_LIVE_SUGGESTIONS: "off" });
    const on = await admissionRound(audio, offered, offerEveryMs, capacity, { CONFIDE_LIVE_SUGGESTIONS: "on" });
    rounds.push({ off, on });
  }
  const sessions = Number(process.env.BENCH_LIVE_E_SESSIONS ?? 20);
  const fake: Partial<Record<(typeof settings)[number], ServerAddedDelay>> = {};
  for (const setting of settings) {
    console.log(`  instant fake, ${sessions} sessions, suggestions ${setting}:`);
    fake[setting] = await serverAddedDelay(audio, { sessions, env: { CONFIDE_LIVE: "instant-fake", CONFIDE_LIVE_SUGGESTIONS: setting }, cueAfterEndMs: pauseMs - paddingMs });
  }
  const row = (name: string, value: (setting: (typeof settings)[number]) => string) => console.log(`  ${name.padEnd(62)}${value("off").padEnd(32)}${value("on")}`);
  console.log(`\n  ${"".padEnd(62)}${"suggestions off".padEnd(32)}suggestions on`);
  for (const round of rounds) {
    const offered = round.off.offered;
    row(`C. ${offered} offered: live / recorded only (capacity)`, (setting) => `${round[setting].admitted} / ${round[setting].recordedOnly} (${round[setting].maxStreams ?? "none"})`);
    row(`   ${offered} offered: end of speech → final p50 / p95 / max s`, (setting) => `${(round[setting].p50Ms / 1000).toFixed(2)} / ${(round[setting].p95Ms / 1000).toFixed(2)} / ${(round[setting].maxMs / 1000).toFixed(2)} (${round[setting].finals})`);
    row(`   ${offered} offered: server CPU per live session`, (setting) => `${(round[setting].cpuPerLiveSession * 100).toFixed(0)}% of a core`);
    row(`   ${offered} offered: errors`, (setting) => (round[setting].errors.length === 0 ? "none" : round[setting].errors.join(", ")));
  }
  row(`B. instant fake, ${sessions} sessions: server-added p50 / p95 / max`, (setting) => `${ms(fake[setting]!.p50Ms)} / ${ms(fake[setting]!.p95Ms)} / ${ms(fake[setting]!.maxMs)} (${fake[setting]!.finals})`);
  row(`   server CPU per session`, (setting) => `${(fake[setting]!.cpuPerSession * 100).toFixed(2)}% of a core`);
  row(`   RSS growth per session`, (setting) => `${fake[setting]!.rssPerSessionMiB.toFixed(2)} MiB`);
}

const work = await mkdtemp(join(tmpdir(), "confide-bench-live-"));
deferCleanup(() => rm(work, { recursive: true, force: true }));
try {
  console.log(machineLoadLine());
  const dialogue = await makeDialogueWav({ directory: work });
  const audio = await readLivePcm(dialogue.stereoPath, 2);
  console.log(`dialogue: ${Math.round(dialogue.durationMs / 1000)} s, ${dialogue.lines.length} turns, stereo (one speaker per channel)`);
  if (part.includes("a")) await partA(audio, dialogue);
  if (part.includes("b")) await partB(audio);
  if (part.includes("c")) await partC(audio);
  if (part.includes("d")) await partD(audio);
  if (part.includes("e")) await partE(audio);
  console.log(machineLoadLine());
} finally {
  await runCleanup();
}
