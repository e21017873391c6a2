import type { LiveSpeechToText } from "@confide/core/ports";
import { expectConfideError } from "@confide/contracts";
import { startFakeWhisperServer, type FakeWhisperServer } from "@confide/contracts/fakes";
import { toneBurstsPcm } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pocketSphinxLiveDescriptor } from "../pocketsphinx-live/descriptor.ts";
import { whisperLiveDescriptor } from "./descriptor.ts";

let server: FakeWhisperServer;
beforeAll(async () => {
  server = await startFakeWhisperServer();
});
afterAll(async () => {
  await server.close();
});


/** How many utterances an engine cuts from two bursts 450 ms apart. */
async function finalsOf(engine: LiveSpeechToText): Promise<number> {
  const recognition = await engine.open({
    language: "en-US",
    format: { encoding: "pcm_s16le", sampleRateHz: 16000, channels: 1 },
    channelLayout: "mono",
    maxSpeakers: 2,
  });
  let finals = 0;
  const reading = (async () => {
    for await (const event of recognition.events) if (event.type === "final") finals += 1;
  })();
  await recognition.write(
    toneBurstsPcm(
      [
        [
          [200, 1_200],
          [1_650, 2_600],
        ],
      ],
      3_600,
    ),
  );
  await recognition.end();
  await reading;
  return finals;
}

describe("live engine descriptors", () => {
  it("whisper: defaults the utterance cutting, and hands the pause it is given to the engine", async () => {
    expect(whisperLiveDescriptor.settings.parse({ baseUrl: server.url })).toEqual({
      baseUrl: server.url,
      model: "whisper-1",
      pauseMs: 600,
      maxUtteranceMs: 15_000,
      thresholdDbfs: -40,
      utteranceTimeoutMs: 30_000,
      checkTimeoutMs: 5_000,
    });
    expect(whisperLiveDescriptor.settings.safeParse({ baseUrl: server.url, thresholdDbfs: "3" }).success).toBe(false);
    const create = (settings: Record<string, string>) => whisperLiveDescriptor.create(whisperLiveDescriptor.settings.parse({ baseUrl: server.url, ...settings }));
    // A 450 ms gap: within the default 600 ms pause one utterance, past a 300 ms pause two.
    expect(await finalsOf(await create({}))).toBe(1);
    expect(await finalsOf(await create({ pauseMs: "300" }))).toBe(2);
  });

  it("embedded: hands PocketSphinx's program and model to the engine", async () => {
    const create = (settings: Record<string, string>) => pocketSphinxLiveDescriptor.create(pocketSphinxLiveDescriptor.settings.parse(settings));
    const noModel = await expectConfideError(
      create({ modelDirectory: "/nonexistent/model" }).then((live) => live.check()),
      "speech.engine_unavailable",
    );
    expect(noModel.details?.modelDirectory).toBe("/nonexistent/model");
    const noEngine = await expectConfideError(
      create({ pocketsphinxPath: "/nonexistent/pocketsphinx_continuous" }).then((live) => live.check()),
      "speech.engine_unavailable",
    );
    expect(noEngine.details?.path).toBe("/nonexistent/pocketsphinx_continuous");
  });
});
