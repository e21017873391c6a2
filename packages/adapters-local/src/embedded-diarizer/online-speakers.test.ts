/**
 * Live diarization of a mono stream: the instant fake live engine (voice activity cuts the
 * utterances) wrapped by core's diarizedLiveSpeechToText with the embedded diarizer's follower,
 * fed a two-voice dialogue at once in 100 ms chunks, as the live route writes it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diarizedLiveSpeechToText } from "@confide/core";
import type { LiveSpeechEvent } from "@confide/core/ports";
import { createInstantLiveSpeechToText } from "@confide/core/adapter-kit";
import { makeDialogueWav, monoLiveSettings, readLiveEvents, readLivePcm, type DialogueAudio } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedDiarizer } from "./embedded-diarizer.ts";
import { OnlineSpeakers } from "./online-speakers.ts";

let directory: string;
let dialogue: DialogueAudio;
let monologue: DialogueAudio;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "confide-online-speakers-"));
  [dialogue, monologue] = await Promise.all([
    makeDialogueWav({ directory, name: "two", voices: { therapist: "en-us+m3", patient: "en-us+f3" } }),
    makeDialogueWav({ directory, name: "one", voices: { therapist: "en-us+f2", patient: "en-us+f2" } }),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

type Final = Extract<LiveSpeechEvent, { type: "final" }>;

describe("live diarization (embedded follower)", () => {
  it("names both speakers of a mono dialogue while it streams, each line its voice's label, before the stream ends", async () => {
    const live = diarizedLiveSpeechToText(createInstantLiveSpeechToText(), createEmbeddedDiarizer());
    expect(live.capabilities.liveDiarization).toBe(true);
    const recognition = await live.open(monoLiveSettings);
    const { events } = readLiveEvents(recognition);
    const pcm = await readLivePcm(dialogue.monoPath, 1);
    for (let offset = 0; offset < pcm.byteLength; offset += 3_200) await recognition.write(pcm.subarray(offset, offset + 3_200));
    // Let the events of what was written come through, then look before ending.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = events.filter((event): event is Final => event.type === "final");
    expect(new Set(before.map((final) => final.speaker)).size, "both speakers before the end").toBe(2);
    await recognition.end();

    const finals = events.filter((event): event is Final => event.type === "final");
    const roleOf = (final: Final) => dialogue.lines.find((line) => line.startMs <= (final.startMs + final.endMs) / 2 && (final.startMs + final.endMs) / 2 < line.endMs + 500)?.role;
    const labelOf = new Map<string, string | null>();
    for (const final of finals) {
      const role = roleOf(final);
      if (!role) continue;
      if (!labelOf.has(role)) labelOf.set(role, final.speaker);
      expect(final.speaker, `final at ${final.startMs} ms is the ${role}`).toBe(labelOf.get(role));
    }
    expect(labelOf.get("therapist")).toBe("S1");
    expect(labelOf.get("patient")).toBe("S2");
  });

  it("keeps one voice one speaker, and never changes an answer given", async () => {
    const follower = new OnlineSpeakers(4);
    const pcm = await readLivePcm(monologue.monoPath, 1);
    follower.push(pcm);
    const answers = monologue.lines.map((line) => follower.speakerOf(line.startMs, line.endMs)?.speaker);
    expect(new Set(answers)).toEqual(new Set(["S1"]));
    expect(follower.speakerOf(100_000, 101_000)).toBeNull();
  });

  it("passes per-channel streams through, speakers by channel as the engine gives them", async () => {
    const live = diarizedLiveSpeechToText(createInstantLiveSpeechToText(), createEmbeddedDiarizer());
    const recognition = await live.open({ ...monoLiveSettings, channelLayout: "per-channel", format: { ...monoLiveSettings.format, channels: 2 } });
    const { events, done } = readLiveEvents(recognition);
    const stereo = await readLivePcm(dialogue.stereoPath, 2);
    for (let offset = 0; offset < stereo.byteLength; offset += 6_400) await recognition.write(stereo.subarray(offset, offset + 6_400));
    await recognition.end();
    await done;
    const finals = events.filter((event): event is Final => event.type === "final");
    expect(finals.length).toBeGreaterThan(0);
    expect(finals.every((final) => final.speaker === `ch${final.channel}` || final.speaker === null)).toBe(true);
  });
});
