import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { LiveSpeechEvent } from "@confide/core/ports";
import { describeLiveSpeechToTextContract, expectConfideError } from "@confide/contracts";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, describe, expect, it, vi } from "vitest";
import { modelManifest } from "../models/model-manifest.ts";
import { installModel } from "../models/model-store.ts";
import { createPocketSphinxLiveSpeechToText } from "./pocketsphinx-live-speech-to-text.ts";

/** The shared mirror of the model files (CONFIDE_MODELS_SOURCE on CI; present on the development machines). */
const modelsSource = process.env.CONFIDE_MODELS_SOURCE ?? resolve(import.meta.dirname, "../../../../../shared/models");

/** A 4-turn espeak-ng dialogue (therapist left, patient right), made once for the file. */
const directory = await mkdtemp(join(tmpdir(), "confide-pocketsphinx-live-test-"));
let dialogue: Promise<DialogueAudio> | null = null;
const theDialogue = () =>
  (dialogue ??= makeDialogueWav({
    directory,
    script: [
      { role: "therapist", text: "How have you been sleeping this week?" },
      { role: "patient", text: "I have been sleeping well and I am happy." },
      { role: "therapist", text: "What is on your mind today?" },
      { role: "patient", text: "I am worried about my job." },
    ],
  }));

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

// The machine these run on is shared: each utterance's decode may wait for a core.
const timeoutMs = 240_000;

describeLiveSpeechToTextContract({
  name: "pocketsphinx-live",
  create: async () => createPocketSphinxLiveSpeechToText(),
  capabilities: { partials: false, liveDiarization: false, perChannel: true },
  monoSpeech: async () => readLivePcm((await theDialogue()).monoPath, 1),
  stereoSpeech: async () => readLivePcm((await theDialogue()).stereoPath, 2),
  createFailing: async () => createPocketSphinxLiveSpeechToText({ pocketsphinxPath: join(directory, "no-pocketsphinx") }),
  failureCode: "speech.engine_unavailable",
  timeoutMs,
});

describe("pocketsphinx-live", () => {
  it(
    "recognises the words of each speaker's turns from their channel",
    async () => {
      const audio = await theDialogue();
      const engine = createPocketSphinxLiveSpeechToText();
      const recognition = await engine.open({
        language: "en-US",
        format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 2 },
        channelLayout: "per-channel",
        maxSpeakers: 2,
      });
      const events: LiveSpeechEvent[] = [];
      const reading = (async () => {
        for await (const event of recognition.events) events.push(event);
      })();
      await recognition.write(await readLivePcm(audio.stereoPath, 2));
      await recognition.end();
      await reading;
      const heard = (channel: number) =>
        events
          .flatMap((event) => (event.type === "final" && event.channel === channel ? event.text.split(" ") : []))
          .join(" ");
      // Recognition of synthetic voices is rough; the turns' key words come through.
      expect(heard(0)).toMatch(/sleeping|week|mind|today/);
      expect(heard(1)).toMatch(/sleeping|happy|worried|job/);
      // Finals sit where the turns were spoken, on the speaker's channel.
      for (const event of events) {
        if (event.type !== "final") continue;
        const line = audio.lines.find((candidate) => candidate.channel === event.channel && candidate.startMs < event.endMs && event.startMs < candidate.endMs);
        expect(line, `final "${event.text}" at ${event.startMs}-${event.endMs} on channel ${event.channel}`).toBeDefined();
      }
    },
    timeoutMs,
  );

  it("refuses a language the installed model does not speak, and a missing model", async () => {
    const settings = {
      format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
      channelLayout: "mono",
      maxSpeakers: 2,
    } as const;
    await expectConfideError(createPocketSphinxLiveSpeechToText().open({ ...settings, language: "de-DE" }), "provider.unsupported");
    await expectConfideError(
      createPocketSphinxLiveSpeechToText({ modelDirectory: join(directory, "no-model") }).open({ ...settings, language: "en-US" }),
      "speech.engine_unavailable",
    );
  });
});

describe("pocketsphinx-live streaming", () => {
  const mono = {
    language: "en-US",
    format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
    channelLayout: "mono",
    maxSpeakers: 2,
  } as const;
  const bytesPerMs = 32;
  /** Polls until `check` passes; the machine is shared, so the bound is generous. */
  const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 60_000, interval: 50 });

  let workNumber = 0;
  /** An engine working in a folder of its own, and a mono recognition on it. */
  async function openInFolder() {
    const folder = join(directory, `work-${(workNumber += 1)}`);
    await mkdir(folder);
    const engine = createPocketSphinxLiveSpeechToText({ temporaryDirectory: folder });
    return { folder, engine, recognition: await engine.open(mono) };
  }

  /** The PocketSphinx processes reading a FIFO under `folder`, each with the FIFOs it has open. */
  async function decoders(folder: string): Promise<Array<{ pid: number; fifos: string[] }>> {
    const found: Array<{ pid: number; fifos: string[] }> = [];
    for (const entry of await readdir("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const command = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
      if (!command.includes("pocketsphinx") || !command.includes(folder)) continue;
      const descriptors = await readdir(`/proc/${entry}/fd`).catch(() => []);
      const targets = await Promise.all(descriptors.map((fd) => readlink(`/proc/${entry}/fd/${fd}`).catch(() => "")));
      found.push({ pid: Number(entry), fifos: targets.filter((target) => target.startsWith(folder) && target.endsWith(".fifo")) });
    }
    return found;
  }

  /** Every file left under `folder`. */
  const filesUnder = async (folder: string) => (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => !entry.isDirectory()).map((entry) => entry.name);

  /** A 440 Hz tone at about -12 dBFS, `ms` long, as s16le bytes. */
  function toneBytes(ms: number): Uint8Array {
    const bytes = new Uint8Array(ms * bytesPerMs);
    const view = new DataView(bytes.buffer);
    for (let index = 0; index < bytes.length / 2; index += 1) view.setInt16(index * 2, Math.round(8_000 * Math.sin((2 * Math.PI * 440 * index) / 16_000)), true);
    return bytes;
  }

  it(
    "feeds an utterance to its PocketSphinx process while it is spoken, before the pause that ends it",
    async () => {
      const audio = await theDialogue();
      const pcm = await readLivePcm(audio.monoPath, 1);
      const { folder, engine, recognition } = await openInFolder();
      const events: LiveSpeechEvent[] = [];
      const reading = (async () => {
        for await (const event of recognition.events) events.push(event);
      })();
      const first = audio.lines[0]!;
      // The first turn up to its last word: no pause has ended it yet.
      await recognition.write(pcm.subarray(0, first.endMs * bytesPerMs));
      await eventually(async () => expect((await decoders(folder)).flatMap((decoder) => decoder.fifos)).toHaveLength(1));
      expect(events).toEqual([]);
      await recognition.write(pcm.subarray(first.endMs * bytesPerMs));
      await recognition.end();
      await reading;
      const finals = events.filter((event) => event.type === "final");
      expect(finals.length).toBeGreaterThan(0);
      expect(finals[0]!.startMs).toBeLessThan(first.endMs);
      expect(await decoders(folder)).toEqual([]);
      expect(await filesUnder(folder)).toEqual([]);
      await engine.close();
    },
    timeoutMs,
  );

  it(
    "kills the process of a burst too short to be an utterance (a click), and removes its FIFO",
    async () => {
      const { folder, engine, recognition } = await openInFolder();
      await recognition.write(toneBytes(60));
      await recognition.write(new Uint8Array(100 * bytesPerMs));
      await eventually(async () => expect(await decoders(folder)).toHaveLength(1));
      // The pause passes: the click is dropped, while the recognition goes on.
      await recognition.write(new Uint8Array(1_000 * bytesPerMs));
      await eventually(async () => {
        expect(await decoders(folder)).toEqual([]);
        expect(await filesUnder(folder)).toEqual([]);
      });
      await recognition.end();
      await engine.close();
    },
    timeoutMs,
  );

  it(
    "leaves no process and no FIFO behind when a recognition is aborted mid-utterance",
    async () => {
      const audio = await theDialogue();
      const pcm = await readLivePcm(audio.monoPath, 1);
      const { folder, engine, recognition } = await openInFolder();
      // The first turn and its pause (cut, decoding), then the second turn up to its middle (streaming).
      const second = audio.lines[1]!;
      await recognition.write(pcm.subarray(0, Math.round((second.startMs + second.endMs) / 2) * bytesPerMs));
      await eventually(async () => expect(await decoders(folder)).not.toEqual([]));
      recognition.abort();
      await eventually(async () => {
        expect(await decoders(folder)).toEqual([]);
        expect(await filesUnder(folder)).toEqual([]);
      });
      await engine.close();
    },
    timeoutMs,
  );
});

describe("pocketsphinx-live: where turns end", () => {
  const stereo = { language: "en-US", format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 2 }, channelLayout: "per-channel", maxSpeakers: 2 } as const;

  /** Every final of the dialogue written in 100 ms chunks, and what heard the turns end. */
  async function finalsOf(engine: ReturnType<typeof createPocketSphinxLiveSpeechToText>) {
    const audio = await theDialogue();
    const recognition = await engine.open(stereo);
    const events: LiveSpeechEvent[] = [];
    const reading = (async () => {
      for await (const event of recognition.events) events.push(event);
    })();
    const pcm = await readLivePcm(audio.stereoPath, 2);
    for (let offset = 0; offset < pcm.length; offset += 6_400) await recognition.write(pcm.subarray(offset, offset + 6_400));
    await recognition.end();
    await reading;
    await engine.close();
    return { audio, turnEnds: recognition.turnEnds, finals: events.filter((event) => event.type === "final") };
  }

  it(
    "with Silero VAD installed: ends each turn where the model hears it end, each final inside its turn on its channel, and says the model ran",
    async () => {
      if (!existsSync(modelsSource)) {
        throw new Error(`${modelsSource} is absent: point CONFIDE_MODELS_SOURCE at a folder or URL holding the models (see docs/models.md), as .ci/run does with ../shared/models.`);
      }
      const models = join(directory, "models");
      await installModel(models, modelManifest.find((model) => model.name === "silero-vad")!, { source: modelsSource });
      const { audio, turnEnds, finals } = await finalsOf(createPocketSphinxLiveSpeechToText({ modelsDirectory: models }));
      expect(turnEnds).toBe("silero-vad");
      expect(finals.map((final) => final.channel)).toEqual(audio.lines.map((line) => line.channel));
      for (const [index, final] of finals.entries()) {
        const line = audio.lines[index]!;
        // Within the turn, less than the 0.6 s loudness pause after it (the padding is at most 224 ms).
        expect(final.startMs).toBeGreaterThanOrEqual(line.startMs - 300);
        expect(final.endMs).toBeLessThanOrEqual(line.endMs + 300);
      }
      expect(finals.map((final) => final.text).join(" ")).toMatch(/sleeping|happy|worried|job|mind|today/);
    },
    timeoutMs,
  );

  it(
    "without the model (nothing installed in its folder, or no folder at all): the loudness detector runs, and says so",
    async () => {
      const { turnEnds, finals } = await finalsOf(createPocketSphinxLiveSpeechToText({ modelsDirectory: join(directory, "no-models-here") }));
      expect(turnEnds).toBe("loudness");
      expect(finals.length).toBeGreaterThan(0);
      const engine = createPocketSphinxLiveSpeechToText();
      const recognition = await engine.open(stereo);
      expect(recognition.turnEnds).toBe("loudness");
      recognition.abort();
      await engine.close();
    },
    timeoutMs,
  );
});
