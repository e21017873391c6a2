/**
 * Diarization: the embedded diarizer's two pipelines — `learned` (Silero VAD + pyannote
 * segmentation-3.0 + voice features, its models from ../shared/models or
 * BENCH_DIARIZATION_MODELS) and `classical` (voice features alone) — on two-voice synthetic
 * dialogues (espeak-ng and flite voices, backchannels, overlapping turn starts), one-voice
 * monologues (the speaker count), and a long recording made of them (real-time factor and memory
 * on hours of audio).
 *
 *   npm run bench -- diarization
 *   BENCH_DIARIZATION_LONG_MINUTES=180 (default 30) — the long recording's length
 *   BENCH_DIARIZATION_RTTM_DIR=/path — also score every <name>.wav with a <name>.rttm there
 *     (real conversations with reference annotations; not committed, see bench/results/diarization.md)
 *   BENCH_DIARIZATION_PIPELINES=learned (default learned,classical) — which pipelines
 *   BENCH_DIARIZATION_VERBOSE=1 — DER and its parts per synthetic recording too (the real ones
 *     are always printed one by one)
 *
 * DER with the standard 0.25 s collar, overlap scored; missed speech, false alarm and confusion
 * separately. The count is estimated between 1 and 4 speakers unless said otherwise.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { assignRolesByQuestions, assignRolesByVoice, defaultTranscriptionSettings } from "@confide/core";
import type { Diarization, VoiceSample } from "@confide/core/ports";
import { existsSync } from "node:fs";
import { createEmbeddedDiarizer } from "../packages/adapters-local/src/embedded-diarizer/embedded-diarizer.ts";
import { installModel } from "../packages/adapters-local/src/models/model-store.ts";
import { modelManifest } from "../packages/adapters-local/src/models/model-manifest.ts";
import { makeMonologue, makeReadAloudSample, makeSyntheticDialogue, parseRttm, type SyntheticRecording, type Voice } from "./support/diarization-dialogues.ts";
import { addParts, derOf, diarizationError, type DerParts, type TimedTurn } from "./support/diarization-error-rate.ts";
import { machineLoadLine } from "./support/machine-load.ts";

const run = promisify(execFile);
const directory = await mkdtemp(join(tmpdir(), "confide-bench-diarization-"));
/** The models, installed from the shared mirror into the bench's folder as `confide models install` would. */
const modelsSource = process.env.BENCH_DIARIZATION_MODELS ?? join(import.meta.dirname, "../../shared/models");
const modelsDirectory = join(directory, "models");
const wanted = (process.env.BENCH_DIARIZATION_PIPELINES ?? "learned,classical").split(",");
const pipelines: Array<"learned" | "classical"> = [];
if (wanted.includes("learned")) {
  if (existsSync(modelsSource)) {
    for (const model of modelManifest) await installModel(modelsDirectory, model, { source: modelsSource });
    pipelines.push("learned");
  } else console.log(`(no models at ${modelsSource}: the learned pipeline is not measured)`);
}
if (wanted.includes("classical")) pipelines.push("classical");
let diarizer = createEmbeddedDiarizer();

const pairs: Array<[Voice, Voice]> = [
  ["espeak:en-us+m3", "espeak:en-us+f3"],
  ["flite:slt", "espeak:en-gb+m1"],
  ["flite:rms", "flite:slt"],
  ["flite:awb", "espeak:en-us+f2"],
  ["espeak:en+m7", "espeak:en+m2"],
  ["flite:kal16", "espeak:en-us+f4"],
  ["espeak:en-us+f2", "espeak:en-gb+f4"],
  ["flite:rms", "espeak:en-us+klatt2"],
];
/** Near-identical formant variants of one espeak voice: reported apart, as the hard case. */
const hardPairs: Array<[Voice, Voice]> = [
  ["espeak:en-us+klatt", "espeak:en-us+klatt4"],
  ["espeak:en-gb+m1", "espeak:en-us+m4"],
];
const monologueVoices: Voice[] = ["espeak:en-us+m3", "flite:slt", "flite:rms", "espeak:en-us+f2"];

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const zero: DerParts = { referenceMs: 0, missedMs: 0, falseAlarmMs: 0, confusionMs: 0 };

async function diarize(path: string, minSpeakers: number, maxSpeakers: number): Promise<{ result: Diarization; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await diarizer.diarize(
    { contentType: "audio/wav", open: async () => Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array> },
    { minSpeakers, maxSpeakers },
  );
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const turnsOf = (result: Diarization): TimedTurn[] => result.turns.map(({ speaker, startMs, endMs }) => ({ speaker, startMs, endMs }));

/** The diarizer's label under most of the reference speaker's turns. */
function labelOf(recording: SyntheticRecording, result: Diarization, referenceSpeaker: string): string | undefined {
  const time = new Map<string, number>();
  for (const turn of recording.reference.filter((t) => t.speaker === referenceSpeaker)) {
    for (const found of result.turns) {
      const overlap = Math.min(found.endMs, turn.endMs) - Math.max(found.startMs, turn.startMs);
      if (overlap > 0) time.set(found.speaker, (time.get(found.speaker) ?? 0) + overlap);
    }
  }
  return [...time].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Roles by an enrolled voice: "right" when the speaker named therapist is the one that holds the
 * enrolled voice's reference turns, "wrong" when another, "fallback" when the voice did not decide
 * (core then uses the heuristic). `present` false: the enrolled voice is not in the recording.
 */
function voiceOutcome(recording: SyntheticRecording, result: Diarization, enrolment: VoiceSample, referenceSpeaker: string | null): "right" | "wrong" | "fallback" {
  if (!result.voices) return "fallback";
  const byVoice = assignRolesByVoice({ speakers: result.speakers.map((label) => ({ label })), voices: result.voices, enrolment });
  if (!byVoice) return "fallback";
  const named = byVoice.speakers.find((speaker) => speaker.role === "therapist")?.label;
  return referenceSpeaker !== null && named === labelOf(recording, result, referenceSpeaker) ? "right" : "wrong";
}

/** Whether the question heuristic names the reference's therapist, given the diarizer's speakers. */
function heuristicRight(recording: SyntheticRecording, result: Diarization): boolean {
  const speakerOf = (turn: TimedTurn) => {
    let best = result.speakers[0] ?? "S1";
    let bestOverlap = -1;
    for (const speaker of result.speakers) {
      const overlap = result.turns
        .filter((t) => t.speaker === speaker)
        .reduce((sum, t) => sum + Math.max(0, Math.min(t.endMs, turn.endMs) - Math.max(t.startMs, turn.startMs)), 0);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = speaker;
      }
    }
    return best;
  };
  const segments = recording.reference.map((turn, index) => ({ speaker: speakerOf(turn), text: recording.texts[index]! }));
  const roles = assignRolesByQuestions({
    speakers: result.speakers.map((label) => ({ label })),
    segments,
    settings: defaultTranscriptionSettings,
  });
  const therapistTurns = segments.filter((_, index) => recording.reference[index]!.speaker === recording.therapist);
  const majority = new Map<string, number>();
  for (const segment of therapistTurns) majority.set(segment.speaker, (majority.get(segment.speaker) ?? 0) + 1);
  const therapistLabel = [...majority].sort((a, b) => b[1] - a[1])[0]?.[0];
  return roles.find((speaker) => speaker.role === "therapist")?.label === therapistLabel;
}

interface Row {
  set: string;
  recordings: number;
  parts: DerParts;
  /** Scored without a collar: every boundary error and the short overlaps count. */
  strict: DerParts;
  countRight: number;
  audioMs: number;
  wallMs: number;
  cpuMs: number;
}

function printRow(row: Row): void {
  const { parts } = row;
  const ref = Math.max(1, parts.referenceMs);
  console.log(
    `| ${row.set} | ${row.recordings} | ${percent(derOf(parts))} | ${percent(parts.missedMs / ref)} | ${percent(parts.falseAlarmMs / ref)} | ${percent(parts.confusionMs / ref)} | ${percent(derOf(row.strict))} | ${row.countRight}/${row.recordings} | ${(row.wallMs / row.audioMs).toFixed(3)} | ${(row.cpuMs / row.audioMs).toFixed(3)} |`,
  );
}

try {
  console.log(`diarization bench — ${machineLoadLine()}`);
  const made = performance.now();
  const dialogues = await Promise.all(
    pairs.map((voices, index) => makeSyntheticDialogue({ directory, name: `dialogue-${index}`, voices, seed: index + 1 })),
  );
  const hard = await Promise.all(
    hardPairs.map((voices, index) => makeSyntheticDialogue({ directory, name: `hard-${index}`, voices, seed: index + 11 })),
  );
  const monologues = await Promise.all(monologueVoices.map((voice, index) => makeMonologue({ directory, name: `monologue-${index}`, voice })));
  console.log(`made ${dialogues.length + hard.length} dialogues and ${monologues.length} monologues in ${((performance.now() - made) / 1000).toFixed(1)} s`);
  console.log("");
  for (const pipeline of pipelines) {
    diarizer = createEmbeddedDiarizer(pipeline === "learned" ? { modelsDirectory } : {});
    console.log("");
    console.log(`### ${pipeline}`);
    console.log("| set | recordings | DER | missed | false alarm | confusion | DER, no collar | count right | RTF (wall) | RTF (CPU, 1 core) |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");

    /** `minSpeakers` 0: the bounds are the reference's own count (the count given). */
    async function score(
      set: string,
      recordings: SyntheticRecording[],
      minSpeakers: number,
      maxSpeakers: number,
      roles?: { right: number; of: number; voice?: (recording: SyntheticRecording, result: Diarization) => void },
      perRecording = false,
    ): Promise<Row> {
      const row: Row = { set, recordings: recordings.length, parts: zero, strict: zero, countRight: 0, audioMs: 0, wallMs: 0, cpuMs: 0 };
      for (const recording of recordings) {
        const given = Math.min(4, new Set(recording.reference.map((t) => t.speaker)).size);
        const { result, wallMs, cpuMs } = await diarize(recording.path, minSpeakers || given, minSpeakers === 0 ? given : maxSpeakers);
        const parts = diarizationError(recording.reference, turnsOf(result), recording.durationMs);
        row.parts = addParts(row.parts, parts);
        row.strict = addParts(row.strict, diarizationError(recording.reference, turnsOf(result), recording.durationMs, 0));
        const truth = new Set(recording.reference.map((t) => t.speaker)).size;
        if (result.speakers.length === truth) row.countRight += 1;
        row.audioMs += recording.durationMs;
        row.wallMs += wallMs;
        row.cpuMs += cpuMs;
        if (process.env.BENCH_DIARIZATION_VERBOSE || perRecording) {
          const ref = Math.max(1, parts.referenceMs);
          console.log(
            `  ${set} ${recording.name}: DER ${percent(derOf(parts))} (missed ${percent(parts.missedMs / ref)}, false alarm ${percent(parts.falseAlarmMs / ref)}, ` +
              `confusion ${percent(parts.confusionMs / ref)}), ${result.speakers.length} speakers of ${truth}`,
          );
        }
        if (roles && truth === 2) {
          roles.of += 1;
          if (heuristicRight(recording, result)) roles.right += 1;
          roles.voice?.(recording, result);
        }
      }
      printRow(row);
      return row;
    }

    // Enrolment samples: each voice of the pairs reading a paragraph (about 20–25 s).
    const enrolled = new Map<Voice, VoiceSample>();
    for (const voice of new Set(pairs.flat())) {
      const path = await makeReadAloudSample({ directory, name: `enrol-${voice.replace(/[:+]/g, "-")}`, voice });
      enrolled.set(voice, await diarizer.embedVoice({ contentType: "audio/wav", open: async () => Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array> }));
    }
    const tally = () => ({ right: 0, wrong: 0, fallback: 0 });
    const asker = tally(); // the asker (reference "A") is the therapist: the heuristic's easy case
    const answerer = tally(); // the answerer (reference "B") is the therapist: the heuristic's wrong case
    const stranger = tally(); // a voice that is not in the recording is enrolled
    const roles = {
      right: 0,
      of: 0,
      voice(recording: SyntheticRecording, result: Diarization) {
        const index = dialogues.indexOf(recording);
        const [a, b] = pairs[index]!;
        asker[voiceOutcome(recording, result, enrolled.get(a)!, "A")] += 1;
        answerer[voiceOutcome(recording, result, enrolled.get(b)!, "B")] += 1;
        const other = [...enrolled.keys()].find((voice) => voice !== a && voice !== b)!;
        stranger[voiceOutcome(recording, result, enrolled.get(other)!, null)] += 1;
      },
    };
    const estimated = await score("two voices, count estimated (1–4)", dialogues, 1, 4, roles);
    await score("two voices, count given (2)", dialogues, 2, 2);
    const hardRow = await score("near-identical voices, count estimated (1–4)", hard, 1, 4);
    await score("near-identical voices, count given (2)", hard, 2, 2);
    const monologueRow = await score("one voice, count estimated (1–4)", monologues, 1, 4);

    const rttmDir = process.env.BENCH_DIARIZATION_RTTM_DIR;
    if (rttmDir) {
      const real: SyntheticRecording[] = [];
      for (const file of (await readdir(rttmDir)).filter((name) => name.endsWith(".rttm")).sort()) {
        const name = file.slice(0, -".rttm".length);
        const wav = (await readdir(rttmDir)).find((candidate) => candidate.startsWith(`${name}.`) && !candidate.endsWith(".rttm"));
        if (!wav) continue;
        const reference = parseRttm(await readFile(join(rttmDir, file), "utf8"));
        const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", join(rttmDir, wav)]);
        real.push({ name, path: join(rttmDir, wav), durationMs: Math.round(Number(stdout.trim()) * 1000), reference, texts: [], therapist: "" });
      }
      if (real.length > 0) {
        await score("real recordings, count estimated (1–4)", real, 1, 4, undefined, true);
        await score("real recordings, count given", real, 0, 0, undefined, true);
        // The target is set on two-person conversations: those recordings alone, aggregated.
        const twoPerson = real.filter((recording) => new Set(recording.reference.map((t) => t.speaker)).size === 2);
        if (twoPerson.length > 0) {
          await score("real two-person recordings, count estimated (1–4)", twoPerson, 1, 4);
          await score("real two-person recordings, count given (2)", twoPerson, 2, 2);
        }
      }
      else console.log(`(no <name>.rttm with its audio in ${rttmDir})`);
    }

    const allCount = estimated.countRight + hardRow.countRight + monologueRow.countRight;
    const allRecordings = estimated.recordings + hardRow.recordings + monologueRow.recordings;
    console.log("");
    console.log(`speaker count right (synthetic sets): ${allCount}/${allRecordings} (${percent(allCount / allRecordings)}) — target ≥ 95 %`);
    console.log(`roles by the question heuristic (no enrolment), on the diarizer's speakers: ${roles.right}/${roles.of} dialogues right`);
    console.log(`  …when the therapist is the one answering (the same dialogues, roles swapped): ${roles.of - roles.right}/${roles.of} right`);
    const line = (t: ReturnType<typeof tally>) => {
      const of = t.right + t.wrong + t.fallback;
      return `${t.right}/${of} right (${percent(t.right / Math.max(1, of))}), ${t.wrong} wrong, ${t.fallback} left to the heuristic`;
    };
    console.log(`roles by the enrolled voice, the asker enrolled as therapist: ${line(asker)}`);
    console.log(`roles by the enrolled voice, the answerer enrolled as therapist: ${line(answerer)}`);
    const all = { right: asker.right + answerer.right, wrong: asker.wrong + answerer.wrong, fallback: asker.fallback + answerer.fallback };
    console.log(`roles by the enrolled voice, both: ${line(all)} — target ≥ 98 %`);
    console.log(`a voice not in the recording enrolled: ${stranger.fallback}/${stranger.right + stranger.wrong + stranger.fallback} left to the heuristic, ${stranger.wrong} named a wrong speaker`);

    // A long recording: the dialogues and monologues again and again, to the length asked.
    const minutes = Number(process.env.BENCH_DIARIZATION_LONG_MINUTES ?? 30);
    const sources = [...dialogues, ...monologues].map((recording) => recording.path);
    const total = [...dialogues, ...monologues].reduce((sum, recording) => sum + recording.durationMs, 0);
    const repeats = Math.max(1, Math.ceil((minutes * 60_000) / total));
    const longPath = join(directory, "long.wav");
    const once = join(directory, "once.wav");
    await run("sox", ["-D", ...sources, once]);
    await run("sox", ["-D", once, longPath, "repeat", String(repeats - 1)]);
    const longMs = repeats * total;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const long = await diarize(longPath, 1, 4);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      `long recording ${(longMs / 60_000).toFixed(0)} min: RTF ${(long.wallMs / longMs).toFixed(3)} wall, ${(long.cpuMs / longMs).toFixed(3)} CPU; ` +
        `${long.result.speakers.length} speakers; RSS ${(baseline / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB ` +
        `(+${((peak - baseline) / 2 ** 20).toFixed(0)} MiB; the samples alone would be ${((longMs / 1000) * 32_000 / 2 ** 20).toFixed(0)} MiB)`,
    );
  }
} finally {
  await rm(directory, { recursive: true, force: true });
}
