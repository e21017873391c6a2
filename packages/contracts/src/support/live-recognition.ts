import type { LiveRecognition, LiveSpeechEvent, LiveSpeechSettings, LiveSpeechToText } from "@confide/core/ports";
import { toneBurstsPcm } from "./tone-bursts-pcm.ts";

/** What the live adapters' own tests open a recognition with: en-US, 16 kHz 16-bit mono PCM, up to two speakers. */
export const monoLiveSettings: LiveSpeechSettings = {
  language: "en-US",
  format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
  channelLayout: "mono",
  maxSpeakers: 2,
};

/** The three turns of the tone dialogue (start and end, ms): speaker one, speaker two, speaker one, a second or so apart. */
export const toneDialogueTurns: ReadonlyArray<[startMs: number, endMs: number]> = [
  [500, 2_000],
  [3_000, 4_200],
  [5_200, 6_500],
];

/** The tone dialogue as 7.5 s of mono PCM: what the live fakes hear as three utterances. */
export const toneDialogueMonoPcm = (): Uint8Array => toneBurstsPcm([[...toneDialogueTurns]], 7_500);

/** The tone dialogue in interleaved stereo, one speaker a channel: turns one and three left, turn two right. */
export const toneDialogueStereoPcm = (): Uint8Array =>
  toneBurstsPcm([[toneDialogueTurns[0]!, toneDialogueTurns[2]!], [toneDialogueTurns[1]!]], 7_500);

/** Reads `recognition`'s events as they come: `events` fills in order, `done` resolves when they end. */
export function readLiveEvents(recognition: LiveRecognition): { events: LiveSpeechEvent[]; done: Promise<void> } {
  const events: LiveSpeechEvent[] = [];
  const done = (async () => {
    for await (const event of recognition.events) events.push(event);
  })();
  return { events, done };
}

/**
 * Opens a recognition on `engine` with `settings`, writes `audio` in 100 ms chunks, ends it and
 * returns every event. A write the recognition refuses (live.closed, once it failed) stops the
 * writing without throwing: the error event is what a test checks. The engine stays open.
 */
export async function recogniseLive(engine: LiveSpeechToText, audio: Uint8Array, settings: LiveSpeechSettings = monoLiveSettings): Promise<LiveSpeechEvent[]> {
  const recognition = await engine.open(settings);
  const reading = readLiveEvents(recognition);
  const chunkBytes = 3_200 * settings.format.channels;
  try {
    for (let offset = 0; offset < audio.byteLength; offset += chunkBytes) await recognition.write(audio.subarray(offset, offset + chunkBytes));
  } catch {
    // A failed recognition refuses writes (live.closed); its error event is what is checked.
  }
  await recognition.end();
  await reading.done;
  return reading.events;
}
