import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { pocketSphinxDescriptor } from "./descriptor.ts";

// It needs nothing from the host's context.
const create = (settings: Record<string, string>) => pocketSphinxDescriptor.create(pocketSphinxDescriptor.settings.parse(settings));

describe("pocketsphinx descriptor", () => {
  it("defaults every setting to what the Debian packages install, and reads numbers as numbers", () => {
    expect(pocketSphinxDescriptor.settings.parse({})).toEqual({
      pocketsphinxPath: "pocketsphinx_continuous",
      modelDirectory: "/usr/share/pocketsphinx/model/en-us",
      segmentGapMs: 700,
      maxSegmentMs: 15_000,
      ffmpegPath: "ffmpeg",
      parallelChannels: 2,
      temporaryDirectory: tmpdir(),
    });
    // As the variables give them: text.
    expect(pocketSphinxDescriptor.settings.parse({ segmentGapMs: "250" }).segmentGapMs).toBe(250);
    expect(pocketSphinxDescriptor.settings.safeParse({ maxSegmentMs: "0" }).success).toBe(false);
  });

  it("hands the model directory, ffmpeg and PocketSphinx its settings name to the engine", async () => {
    const noModel = await expectConfideError(create({ modelDirectory: "/nonexistent/model" }).then((speech) => speech.check()), "speech.engine_unavailable");
    expect(noModel.details?.modelDirectory).toBe("/nonexistent/model");

    const noFfmpeg = await expectConfideError(create({ ffmpegPath: "/nonexistent/ffmpeg" }).then((speech) => speech.check()), "speech.engine_unavailable");
    expect(noFfmpeg.details?.path).toBe("/nonexistent/ffmpeg");

    const noEngine = await expectConfideError(
      create({ pocketsphinxPath: "/nonexistent/pocketsphinx_continuous" }).then((speech) => speech.check()),
      "speech.engine_unavailable",
    );
    expect(noEngine.details?.path).toBe("/nonexistent/pocketsphinx_continuous");
  });
});
