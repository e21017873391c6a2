import { execFile } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describeDiarizerContract } from "@confide/contracts";
import { makeDialogueWav, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelManifest } from "../../models/model-manifest.ts";
import { installModel } from "../../models/model-store.ts";
import { createEmbeddedDiarizer } from "../embedded-diarizer.ts";

/** The shared mirror of the model files (CONFIDE_MODELS_SOURCE on CI; present on the development machines). */
const source = process.env.CONFIDE_MODELS_SOURCE ?? resolve(import.meta.dirname, "../../../../../../shared/models");
const present = existsSync(source);
const run = promisify(execFile);

const fileAudio = (path: string) => ({
  contentType: "audio/wav",
  async open() {
    return Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  },
});

let directory: string;
let models: string;
let dialogue: DialogueAudio;
let monologue: DialogueAudio;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-learned-diarizer-"));
  models = join(directory, "models");
  if (present) for (const model of modelManifest) await installModel(models, model, { source });
  [dialogue, monologue] = await Promise.all([
    makeDialogueWav({ directory, name: "two", voices: { therapist: "en-us+m3", patient: "en-us+f3" }, pauseMs: 600 }),
    makeDialogueWav({ directory, name: "one", voices: { therapist: "en-us+f2", patient: "en-us+f2" } }),
  ]);
}, 60_000);

afterAll(() => rm(directory, { recursive: true, force: true }));

if (!present) {
  describe("the embedded diarizer's learned pipeline", () => {
    it("needs the model files", () => {
      throw new Error(`${source} is absent: point CONFIDE_MODELS_SOURCE at a folder or URL holding the models (see docs/models.md), as .ci/run does with ../shared/models.`);
    });
  });
} else {
  describeDiarizerContract({
    name: "embedded (learned)",
    create: async () => createEmbeddedDiarizer({ modelsDirectory: models }),
    dialogue: async () => fileAudio(dialogue.monoPath),
    lines: () => dialogue.lines,
    dialoguePcm: () => readLivePcm(dialogue.monoPath, 1),
    silence: async () => {
      const silence = join(directory, "contract-silence.wav");
      await run("sox", ["-D", "-n", "-r", "16000", "-c", "1", "-b", "16", silence, "trim", "0", "3"]);
      return fileAudio(silence);
    },
    notAudio: async () => {
      const text = join(directory, "contract-notes.txt");
      await writeFile(text, "Session notes, not a recording.\n".repeat(100));
      return fileAudio(text);
    },
  });

  describe("the embedded diarizer's learned pipeline", () => {
    it("finds the two speakers of a mono dialogue, each line to its speaker, and says the learned pipeline ran", async () => {
      const found = await createEmbeddedDiarizer({ modelsDirectory: models }).diarize(fileAudio(dialogue.monoPath), { minSpeakers: 1, maxSpeakers: 4 });
      expect(found.pipeline).toBe("learned");
      expect(found.speakers).toEqual(["S1", "S2"]);
      const speakerOf = (line: DialogueAudio["lines"][number]) => {
        const time = new Map<string, number>();
        for (const turn of found.turns) {
          const overlap = Math.min(turn.endMs, line.endMs) - Math.max(turn.startMs, line.startMs);
          if (overlap > 0) time.set(turn.speaker, (time.get(turn.speaker) ?? 0) + overlap);
        }
        return [...time].sort((a, b) => b[1] - a[1])[0]?.[0];
      };
      const therapist = speakerOf(dialogue.lines[0]!);
      for (const line of dialogue.lines) expect(speakerOf(line) === therapist, `${line.role} line`).toBe(line.role === "therapist");
      for (let i = 1; i < found.turns.length; i += 1) expect(found.turns[i]!.startMs).toBeGreaterThanOrEqual(found.turns[i - 1]!.endMs);
      expect(found.voices?.speakers).toHaveLength(2);
    });

    it("finds one speaker when one voice speaks every line", async () => {
      const found = await createEmbeddedDiarizer({ modelsDirectory: models }).diarize(fileAudio(monologue.monoPath), { minSpeakers: 1, maxSpeakers: 4 });
      expect(found.speakers).toEqual(["S1"]);
    });

    it("runs the classical pipeline when a model is missing or damaged, and says so", async () => {
      const damaged = join(directory, "damaged");
      await cp(models, damaged, { recursive: true });
      await truncate(join(damaged, modelManifest[1]!.file), 1000);
      for (const folder of [join(directory, "empty"), damaged]) {
        const found = await createEmbeddedDiarizer({ modelsDirectory: folder }).diarize(fileAudio(dialogue.monoPath), { minSpeakers: 1, maxSpeakers: 4 });
        expect(found.pipeline).toBe("classical");
        expect(found.speakers).toEqual(["S1", "S2"]);
      }
    });
  });
}
