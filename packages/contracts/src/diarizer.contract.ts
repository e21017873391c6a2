/**
 * Behaviour every Diarizer must show (packages/core/src/ports/diarizer.ts). The adapter's test
 * file supplies a mono dialogue of two distinct voices with who spoke when, a recording of
 * silence and bytes that are not audio; the suite checks turns against the lines, the speaker
 * bounds, the errors, the abort and the live follower.
 */
import { ConfideError, type AudioSource, type Diarizer } from "@confide/core/ports";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

export interface DiarizerContractOptions {
  name: string;
  create: () => Promise<Diarizer>;
  /** A mono dialogue of two distinct voices. Called once per test that needs it. */
  dialogue: () => Promise<Pick<AudioSource, "open" | "contentType">>;
  /** Who speaks when in `dialogue` (a line's time may include the silence after it). */
  lines: () => Array<{ role: string; startMs: number; endMs: number }>;
  /** The dialogue as 16 kHz 16-bit mono PCM, for the live follower. */
  dialoguePcm: () => Promise<Uint8Array>;
  /** Some seconds of silence. */
  silence: () => Promise<Pick<AudioSource, "open" | "contentType">>;
  /** Bytes that are not audio. */
  notAudio: () => Promise<Pick<AudioSource, "open" | "contentType">>;
}

/** The speaker under most of each line. */
function speakerOfLines(turns: Array<{ speaker: string; startMs: number; endMs: number }>, lines: Array<{ role: string; startMs: number; endMs: number }>) {
  return lines.map((line) => {
    const time = new Map<string, number>();
    for (const turn of turns) {
      const overlap = Math.min(turn.endMs, line.endMs) - Math.max(turn.startMs, line.startMs);
      if (overlap > 0) time.set(turn.speaker, (time.get(turn.speaker) ?? 0) + overlap);
    }
    return { role: line.role, speaker: [...time].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null };
  });
}

export function describeDiarizerContract(options: DiarizerContractOptions): void {
  describe(`Diarizer contract: ${options.name}`, () => {
    let diarizer: Diarizer;

    beforeEach(async () => {
      diarizer = await options.create();
    });

    afterEach(async () => {
      await diarizer.close();
    });

    it("names its provider and checks that it can run", async () => {
      expect(diarizer.provider.length).toBeGreaterThan(0);
      await expect(diarizer.check()).resolves.toBeUndefined();
    });

    it("finds the two voices of a mono dialogue: one label per person, turns in order, confidences in [0, 1]", async () => {
      const found = await diarizer.diarize(await options.dialogue(), { minSpeakers: 1, maxSpeakers: 4 });
      expect(found.speakers).toEqual(["S1", "S2"]);
      let previousEndMs = -Infinity;
      for (const turn of found.turns) {
        expect(found.speakers).toContain(turn.speaker);
        expect(turn.startMs).toBeGreaterThanOrEqual(previousEndMs);
        expect(turn.endMs).toBeGreaterThan(turn.startMs);
        expect(turn.confidence).toBeGreaterThanOrEqual(0);
        expect(turn.confidence).toBeLessThanOrEqual(1);
        previousEndMs = turn.endMs;
      }
      const labelOf = new Map<string, string | null>();
      for (const line of speakerOfLines(found.turns, options.lines())) {
        if (!labelOf.has(line.role)) labelOf.set(line.role, line.speaker);
        expect(line.speaker, `a ${line.role} line`).toBe(labelOf.get(line.role));
      }
      expect(new Set(labelOf.values()).size).toBe(2);
    });

    it("gives each speaker's voice, made by the same embedder as embedVoice", async () => {
      const found = await diarizer.diarize(await options.dialogue(), { minSpeakers: 1, maxSpeakers: 4 });
      const sample = await diarizer.embedVoice(await options.dialogue());
      expect(found.voices?.embedder).toBe(sample.embedder);
      expect(found.voices?.speakers.map((voice) => voice.speaker).sort()).toEqual([...found.speakers].sort());
      for (const voice of found.voices?.speakers ?? []) {
        expect(voice.embedding).toHaveLength(sample.embedding.length);
        expect(voice.speechMs).toBeGreaterThan(0);
      }
      expect(sample.speechMs).toBeGreaterThan(0);
      expect(sample.speechMs).toBeLessThanOrEqual(sample.durationMs);
      expect(sample.consistency).toBeGreaterThanOrEqual(0);
      expect(sample.consistency).toBeLessThanOrEqual(1);
    });

    it("hears no speech in a sample of silence (speechMs 0, not an error), and refuses what is not audio", async () => {
      const silent = await diarizer.embedVoice(await options.silence());
      expect(silent.speechMs).toBe(0);
      expect(silent.durationMs).toBeGreaterThan(0);
      const refused = await diarizer.embedVoice(await options.notAudio()).catch((error: unknown) => error);
      expect(ConfideError.is(refused, "provider.rejected")).toBe(true);
    });

    it("honours the bounds: exactly one speaker when asked for one", async () => {
      const found = await diarizer.diarize(await options.dialogue(), { minSpeakers: 1, maxSpeakers: 1 });
      expect(found.speakers).toEqual(["S1"]);
      expect(new Set(found.turns.map((turn) => turn.speaker))).toEqual(new Set(["S1"]));
    });

    it("answers no turns and no speakers for silence", async () => {
      const found = await diarizer.diarize(await options.silence(), { minSpeakers: 1, maxSpeakers: 2 });
      expect(found.turns).toEqual([]);
      expect(found.speakers).toEqual([]);
    });

    it("refuses what is not audio (provider.rejected, not retryable) and bounds outside 1 ≤ min ≤ max (validation.invalid_input)", async () => {
      await expect(diarizer.diarize(await options.notAudio(), { minSpeakers: 1, maxSpeakers: 2 })).rejects.toSatisfy(
        (error) => ConfideError.is(error, "provider.rejected") && !error.retryable,
      );
      await expect(diarizer.diarize(await options.dialogue(), { minSpeakers: 0, maxSpeakers: 2 })).rejects.toSatisfy((error) =>
        ConfideError.is(error, "validation.invalid_input"),
      );
      await expect(diarizer.diarize(await options.dialogue(), { minSpeakers: 3, maxSpeakers: 2 })).rejects.toSatisfy((error) =>
        ConfideError.is(error, "validation.invalid_input"),
      );
    });

    it("ends with the caller's abort reason", async () => {
      const controller = new AbortController();
      controller.abort(new Error("stopped by the caller"));
      await expect(
        diarizer.diarize(await options.dialogue(), { minSpeakers: 1, maxSpeakers: 2, signal: controller.signal }),
      ).rejects.toThrow("stopped by the caller");
    });

    it("follows a live stream: each utterance's speaker as it ends, both voices, answers never changed", async () => {
      const follower = diarizer.follow({ maxSpeakers: 2 });
      const pcm = await options.dialoguePcm();
      const answers: Array<{ role: string; speaker: string | undefined }> = [];
      let pushedBytes = 0;
      for (const line of options.lines()) {
        const endByte = Math.min(pcm.byteLength, Math.round((line.endMs * 32_000) / 1000) & ~1);
        follower.push(pcm.subarray(pushedBytes, endByte));
        pushedBytes = endByte;
        answers.push({ role: line.role, speaker: follower.speakerOf(line.startMs, line.endMs)?.speaker });
      }
      const labelOf = new Map<string, string | undefined>();
      for (const answer of answers) {
        if (!labelOf.has(answer.role)) labelOf.set(answer.role, answer.speaker);
        expect(answer.speaker, `a ${answer.role} utterance`).toBe(labelOf.get(answer.role));
      }
      expect(new Set(labelOf.values())).toEqual(new Set(["S1", "S2"]));
      expect(follower.speakerOf(pcm.byteLength / 32 + 10_000, pcm.byteLength / 32 + 11_000)).toBeNull();
    });
  });
}
