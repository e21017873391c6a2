import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import type { Diarizer, LiveDiarization } from "../../ports/diarizer.ts";
import type { LiveSpeechEvent, LiveSpeechSettings } from "../../ports/live-speech-to-text.ts";
import { createInstantLiveSpeechToText } from "../../live-speech/instant-live-speech-to-text.ts";
import { diarizedLiveSpeechToText } from "./diarized-live-speech-to-text.ts";

const mono: LiveSpeechSettings = {
  language: "en-US",
  format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
  channelLayout: "mono",
  maxSpeakers: 2,
};

/** 16 kHz mono PCM: a 400 Hz tone for each [startMs, endMs), silence between. */
function bursts(turns: Array<[number, number]>, totalMs: number): Uint8Array {
  const samples = new Int16Array((totalMs * 16_000) / 1000);
  for (const [startMs, endMs] of turns) {
    for (let i = (startMs * 16) | 0; i < endMs * 16; i += 1) samples[i] = Math.round(8_000 * Math.sin((2 * Math.PI * 400 * i) / 16_000));
  }
  return new Uint8Array(samples.buffer);
}

/** A follower that names speakers in turn (S1, S2, S1…) and records what it was pushed. */
function alternatingDiarizer(): Diarizer & { pushedBytes: number; maxSpeakers: number[] } {
  const diarizer = {
    provider: "fake",
    pushedBytes: 0,
    maxSpeakers: [] as number[],
    async diarize() {
      return { turns: [], speakers: [], warnings: [], voices: null };
    },
    async embedVoice(): Promise<never> {
      throw new Error("not used by live tests");
    },
    follow({ maxSpeakers }: { maxSpeakers: number }): LiveDiarization {
      diarizer.maxSpeakers.push(maxSpeakers);
      let next = 0;
      return {
        push(pcm) {
          diarizer.pushedBytes += pcm.byteLength;
        },
        speakerOf() {
          next += 1;
          return { speaker: next % 2 === 1 ? "S1" : "S2", confidence: 0.9 };
        },
      };
    },
    async check() {},
    async close() {},
  };
  return diarizer;
}

async function finalsOf(live: ReturnType<typeof diarizedLiveSpeechToText>, settings: LiveSpeechSettings, audio: Uint8Array) {
  const recognition = await live.open(settings);
  const events: LiveSpeechEvent[] = [];
  const reading = (async () => {
    for await (const event of recognition.events) events.push(event);
  })();
  for (let offset = 0; offset < audio.byteLength; offset += 3_200 * settings.format.channels) {
    await recognition.write(audio.subarray(offset, offset + 3_200 * settings.format.channels));
  }
  await recognition.end();
  await reading;
  return events.filter((event) => event.type === "final");
}

const dialogue = bursts([[300, 1_500], [2_500, 3_700], [4_700, 5_900]], 7_000);

describe("diarizedLiveSpeechToText", () => {
  it("gives mono finals the follower's speakers, pushing it every byte written", async () => {
    const diarizer = alternatingDiarizer();
    const live = diarizedLiveSpeechToText(createInstantLiveSpeechToText(), diarizer);
    expect(live.capabilities.liveDiarization).toBe(true);
    const finals = await finalsOf(live, { ...mono, maxSpeakers: 3 }, dialogue);
    expect(finals.map((final) => final.type === "final" && final.speaker)).toEqual(["S1", "S2", "S1"]);
    expect(diarizer.pushedBytes).toBe(dialogue.byteLength);
    expect(diarizer.maxSpeakers.at(-1)).toBe(3);
  });

  it("leaves engines and sessions it cannot help as they are: stereo per-channel, or a diarizer that cannot follow", async () => {
    const diarizer = alternatingDiarizer();
    const live = diarizedLiveSpeechToText(createInstantLiveSpeechToText(), diarizer);
    const stereo = new Uint8Array(dialogue.byteLength * 2);
    const perChannel = await finalsOf(live, { ...mono, channelLayout: "per-channel", format: { ...mono.format, channels: 2 } }, stereo);
    expect(perChannel.every((final) => final.type === "final" && final.speaker !== "S1" && final.speaker !== "S2")).toBe(true);
    expect(diarizer.pushedBytes).toBe(0);

    const none: Diarizer = {
      ...alternatingDiarizer(),
      follow() {
        throw new ConfideError("provider.unsupported", "no live");
      },
    };
    const plain = diarizedLiveSpeechToText(createInstantLiveSpeechToText(), none);
    expect(plain.capabilities.liveDiarization).toBe(false);
    const finals = await finalsOf(plain, mono, dialogue);
    expect(finals.map((final) => final.type === "final" && final.speaker)).toEqual([null, null, null]);
  });
});
