import { describe, expect, it } from "vitest";
import { expectConfideError } from "@confide/contracts";
import { pocketSphinxDescriptor } from "./descriptor.ts";

// It needs nothing from the host's context.
const create = (variables: Record<string, string>) => pocketSphinxDescriptor.create(pocketSphinxDescriptor.settings.parse(variables));

describe("pocketsphinx descriptor", () => {
  it("defaults every variable to what the Debian packages install, and reads numbers as numbers", () => {
    expect(pocketSphinxDescriptor.settings.parse({})).toEqual({
      CONFIDE_POCKETSPHINX_BINARY: "pocketsphinx_continuous",
      CONFIDE_POCKETSPHINX_MODEL_DIR: "/usr/share/pocketsphinx/model/en-us",
      CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS: 700,
      CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS: 15_000,
      CONFIDE_FFMPEG_BINARY: "ffmpeg",
    });
    expect(pocketSphinxDescriptor.settings.parse({ CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS: "250" }).CONFIDE_POCKETSPHINX_SEGMENT_GAP_MS).toBe(250);
    expect(pocketSphinxDescriptor.settings.safeParse({ CONFIDE_POCKETSPHINX_MAX_SEGMENT_MS: "0" }).success).toBe(false);
  });

  it("hands the model directory, ffmpeg and PocketSphinx its variables name to the engine", async () => {
    const noModel = await expectConfideError(create({ CONFIDE_POCKETSPHINX_MODEL_DIR: "/nonexistent/model" }).then((speech) => speech.check()), "speech.engine_unavailable");
    expect(noModel.details?.modelDirectory).toBe("/nonexistent/model");

    const noFfmpeg = await expectConfideError(create({ CONFIDE_FFMPEG_BINARY: "/nonexistent/ffmpeg" }).then((speech) => speech.check()), "speech.engine_unavailable");
    expect(noFfmpeg.details?.path).toBe("/nonexistent/ffmpeg");

    const noEngine = await expectConfideError(
      create({ CONFIDE_POCKETSPHINX_BINARY: "/nonexistent/pocketsphinx_continuous" }).then((speech) => speech.check()),
      "speech.engine_unavailable",
    );
    expect(noEngine.details?.path).toBe("/nonexistent/pocketsphinx_continuous");
  });
});
