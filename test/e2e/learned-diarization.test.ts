/**
 * The learned speech models end to end: `confide models install` from a mirror folder (as CI
 * does from ../shared/models), `verify`, a refused install, then the real embedded `confide
 * serve` with those models separating the two voices of a mono recording and naming their
 * roles. Needs the shared model files; skipped, with the reason, only where they are absent.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDialogueWav, type DialogueAudio } from "@confide/contracts/support";
import { getSession, login, recordTestConsent, waitUntilReady } from "../support/confide-api-client.ts";
import { serveEmbedded, type ServedEmbedded } from "../support/embedded-server.ts";
import { runCli, runCliOutcome } from "../support/server-process.ts";

const source = process.env.CONFIDE_MODELS_SOURCE ?? resolve(import.meta.dirname, "../../../shared/models");
const present = existsSync(source);

describe.skipIf(!present)(`learned speech models (from ${source})`, () => {
  let work: string;
  let models: string;
  let embedded: ServedEmbedded;
  let dialogue: DialogueAudio;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "confide-models-e2e-"));
    models = join(work, "models");
  });

  afterAll(async () => {
    if (embedded) expect(await embedded.stop()).toBe(0);
    await rm(work, { recursive: true, force: true });
  });

  it("installs the models the embedded profile uses from a mirror folder, verifies them, and refuses a source without them", async () => {
    const env = { CONFIDE_DATA_DIR: join(work, "data"), CONFIDE_MODELS_DIR: models, CONFIDE_MODELS_SOURCE: source };
    const installed = await runCli(["models", "install"], env);
    expect(installed).toMatch(/^silero-vad: installed /m);
    expect(installed).toMatch(/^pyannote-segmentation-3\.0: installed /m);
    expect(await runCli(["models", "install"], env)).toMatch(/^silero-vad: already installed /m);
    expect(await runCli(["models", "verify"], env)).toMatch(/^silero-vad +installed .*MIT/m);

    const empty = join(work, "empty-mirror");
    await mkdir(empty);
    const refused = await runCliOutcome(["models", "install"], { ...env, CONFIDE_MODELS_DIR: join(work, "other"), CONFIDE_MODELS_SOURCE: empty });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Could not read silero-vad from ${join(empty, "silero-vad/silero_vad.onnx")}: no such file.`);
    const unverified = await runCliOutcome(["models", "verify"], { ...env, CONFIDE_MODELS_DIR: join(work, "other") });
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toContain("run `confide models install`");
  }, 60_000);

  it("separates the two voices of a mono recording with the learned pipeline, and names the therapist", async () => {
    embedded = await serveEmbedded({ CONFIDE_MODELS_DIR: models }, { prefix: "confide-learned-" });
    dialogue = await makeDialogueWav({ directory: join(work, "fixtures"), name: "distinct", voices: { therapist: "en-us+m3", patient: "en-us+f3" } });
    const base = embedded.baseUrl;
    const token = await login(base, embedded.accounts.therapist);
    await recordTestConsent(base, token, embedded.accounts.patient.user.id);
    const form = new FormData();
    form.append("patientId", embedded.accounts.patient.user.id);
    form.append("title", "One microphone");
    form.append("settings", JSON.stringify({ channelLayout: "mono", diarization: true }));
    form.append("audio", new Blob([await readFile(dialogue.monoPath)], { type: "audio/wav" }), "session.wav");
    const created = await fetch(`${base}/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const [ready] = await waitUntilReady(base, token, [id], 120_000);
    expect(ready?.status).toBe("ready");
    const view = (await getSession(base, token, id)) as unknown as {
      transcript: {
        speakers: Array<{ label: string; role: string }>;
        segments: Array<{ speaker: string; startMs: number; endMs: number }>;
        speakerDetection?: { method: string; diarizer?: string; pipeline?: string };
      };
    };
    expect(view.transcript.speakerDetection).toMatchObject({ method: "diarizer", diarizer: "embedded", pipeline: "learned" });
    expect(view.transcript.speakers.map((speaker) => speaker.label).sort()).toEqual(["S1", "S2"]);
    // Each line's segments carry its speaker's role: the therapist asks, the patient answers.
    const roleOf = new Map(view.transcript.speakers.map((speaker) => [speaker.label, speaker.role]));
    for (const line of dialogue.lines) {
      const inside = view.transcript.segments.filter((segment) => segment.startMs >= line.startMs - 300 && segment.endMs <= line.endMs + 300);
      expect(inside.length, `segments of the ${line.role} line at ${line.startMs} ms`).toBeGreaterThan(0);
      for (const segment of inside) expect(roleOf.get(segment.speaker), `the ${line.role} line at ${line.startMs} ms`).toBe(line.role);
    }
  }, 180_000);
});

if (!present) {
  describe("learned speech models", () =>
    it("need the model files", () => {
      throw new Error(`${source} is absent: point CONFIDE_MODELS_SOURCE at a folder or URL holding the models (see docs/models.md), as .ci/run does with ../shared/models.`);
    }));
}
