import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelManifest, type ModelEntry } from "./model-manifest.ts";
import { inspectModel, installModel, locateModel, modelOrigin, modelsUsedBy } from "./model-store.ts";

/** The shared mirror of the real model files (present on CI and on the development machines). */
const sharedModels = resolve(import.meta.dirname, "../../../../../shared/models");

const bytes = Buffer.from("a small stand-in for a model file, long enough to be cut in two\n".repeat(40));
const entry = (content: Buffer, name = "silero-vad" as const): ModelEntry => ({
  name,
  description: "test",
  file: "test/model.onnx",
  url: "https://example.invalid/model.onnx",
  bytes: content.length,
  sha256: createHash("sha256").update(content).digest("hex"),
  licence: "MIT",
  usedBy: ["diarizer:embedded"],
});

let work: string;
let mirror: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "confide-models-"));
  mirror = join(work, "mirror");
  await mkdir(join(mirror, "test"), { recursive: true });
  await writeFile(join(mirror, "test/model.onnx"), bytes);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const leftovers = async (directory: string) => (await readdir(join(directory, "test")).catch(() => [])).filter((name) => name.includes(".partial-"));

describe("installModel", () => {
  it("installs from a folder mirror, checked, and keeps a good install as it is", async () => {
    const models = join(work, "good");
    expect(await installModel(models, entry(bytes), { source: mirror })).toBe("installed");
    expect(await readFile(join(models, "test/model.onnx"))).toEqual(bytes);
    expect(await installModel(models, entry(bytes), { source: join(work, "nowhere") })).toBe("already installed");
    expect((await inspectModel(models, entry(bytes))).state).toBe("installed");
  });

  it("refuses a file with the right size but other bytes, leaving nothing and keeping the old install", async () => {
    const models = join(work, "checksum");
    const older = Buffer.from(bytes);
    older[0] = 0x41;
    await mkdir(join(models, "test"), { recursive: true });
    await writeFile(join(models, "test/model.onnx"), older);
    const expected = entry(Buffer.from(bytes.map((b) => b ^ 1)));
    const error = await installModel(models, expected, { source: mirror }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "model.checksum_mismatch", details: { model: "silero-vad", expectedSha256: expected.sha256 } });
    expect(await readFile(join(models, "test/model.onnx"))).toEqual(older);
    expect(await leftovers(models)).toEqual([]);
  });

  it("refuses a truncated file and a longer one (size), leaving nothing in place", async () => {
    const models = join(work, "truncated");
    const longer = entry(Buffer.concat([bytes, Buffer.from("more")]));
    await expect(installModel(models, longer, { source: mirror })).rejects.toMatchObject({
      code: "model.size_mismatch",
      message: expect.stringContaining("truncated"),
      details: { bytes: bytes.length, expectedBytes: longer.bytes },
    });
    const shorter = entry(bytes.subarray(0, 100));
    await expect(installModel(models, shorter, { source: mirror })).rejects.toMatchObject({ code: "model.size_mismatch" });
    expect(existsSync(join(models, "test/model.onnx"))).toBe(false);
    expect(await leftovers(models)).toEqual([]);
  });

  describe("over http", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((request, response) => {
        if (request.url === "/m/test/model.onnx") return void response.end(bytes);
        if (request.url === "/cut/test/model.onnx") {
          // Announces the whole file, sends half, then drops the connection.
          response.writeHead(200, { "content-length": String(bytes.length) });
          response.write(bytes.subarray(0, 500));
          setTimeout(() => response.destroy(), 20);
          return;
        }
        if (request.url === "/at-once/test/model.onnx") {
          // Breaks off at once, most likely before the installer has opened its file to read into.
          response.writeHead(200, { "content-length": String(bytes.length) });
          response.write(bytes.subarray(0, 100), () => response.destroy());
          return;
        }
        response.writeHead(404).end();
      });
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it("installs from a URL prefix", async () => {
      const models = join(work, "http");
      expect(await installModel(models, entry(bytes), { source: `${base}/m/` })).toBe("installed");
      expect(await readFile(join(models, "test/model.onnx"))).toEqual(bytes);
    });

    it("says the source is unreachable on an HTTP error, a refused connection, a missing folder, a broken transfer", async () => {
      const models = join(work, "unreachable");
      await expect(installModel(models, entry(bytes), { source: `${base}/missing` })).rejects.toMatchObject({
        code: "model.source_unreachable",
        message: expect.stringContaining("HTTP 404"),
      });
      await expect(installModel(models, entry(bytes), { source: "http://127.0.0.1:1/m" })).rejects.toMatchObject({ code: "model.source_unreachable" });
      await expect(installModel(models, entry(bytes), { source: join(work, "no-such-folder") })).rejects.toMatchObject({
        code: "model.source_unreachable",
        message: expect.stringContaining("no such file"),
      });
      await expect(installModel(models, entry(bytes), { source: `${base}/cut` })).rejects.toMatchObject({ code: "model.source_unreachable" });
      // Broken off before a byte is read: the same answer, and the process goes on.
      await expect(installModel(models, entry(bytes), { source: `${base}/at-once` })).rejects.toMatchObject({ code: "model.source_unreachable" });
      expect(existsSync(join(models, "test/model.onnx"))).toBe(false);
      expect(await leftovers(models)).toEqual([]);
    });
  });
});

describe("the manifest and the mirror", () => {
  it("names each model's origin in a mirror by its manifest path", () => {
    const [silero] = modelManifest;
    expect(modelOrigin(silero!, undefined)).toBe(silero!.url);
    expect(modelOrigin(silero!, "https://mirror.example/models/")).toBe("https://mirror.example/models/silero-vad/silero_vad.onnx");
    expect(modelOrigin(silero!, "/srv/models")).toBe("/srv/models/silero-vad/silero_vad.onnx");
  });

  it("installs what the embedded diarizer uses, and nothing for a cloud diarizer", () => {
    expect(modelsUsedBy({ diarizer: "embedded" }).map((model) => model.name)).toEqual(["silero-vad", "pyannote-segmentation-3.0"]);
    expect(modelsUsedBy({ diarizer: "none", speech: "azure" })).toEqual([]);
    // The embedded live engine hears turn ends with Silero VAD.
    expect(modelsUsedBy({ diarizer: "none", live: "embedded" }).map((model) => model.name)).toEqual(["silero-vad"]);
  });

  it.skipIf(!existsSync(sharedModels))("installs every model of the manifest from the shared mirror, and a loader finds them", async () => {
    const models = join(work, "shared");
    for (const model of modelManifest) expect(await installModel(models, model, { source: sharedModels })).toBe("installed");
    for (const model of modelManifest) expect(await locateModel(models, model.name)).toBe(join(models, model.file));
    const later = join(work, "later");
    expect(await locateModel(later, "silero-vad")).toBeUndefined();
    // Installed afterwards, in the same process: found at the next call.
    await installModel(later, modelManifest[0]!, { source: sharedModels });
    expect(await locateModel(later, "silero-vad")).toBe(join(later, modelManifest[0]!.file));
  });
  if (!existsSync(sharedModels)) {
    it("needs the real model files", () => {
      throw new Error(`${sharedModels} is absent: the real model files are needed here (see docs/models.md).`);
    });
  }
});
