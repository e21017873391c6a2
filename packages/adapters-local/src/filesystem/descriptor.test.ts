import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "@confide/core/adapter-kit";
import { byteStream } from "@confide/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { filesystemDescriptor } from "./descriptor.ts";

describe("filesystem descriptor", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "confide-filesystem-descriptor-"));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  const recording = new TextEncoder().encode("RIFF a recording that must not be readable on disk");
  const create = (settings: Record<string, string>) =>
    filesystemDescriptor.create(filesystemDescriptor.settings.parse(settings), { logger: silentLogger, dataDir });

  /** The bytes of the stored object's file under `<data dir>/blobs`. */
  async function storedBytes(): Promise<Buffer> {
    const files = (await readdir(join(dataDir, "blobs"), { recursive: true })).filter((name) => name.endsWith(".wav"));
    expect(files).toHaveLength(1);
    return readFile(join(dataDir, "blobs", files[0] as string));
  }

  it("keeps recordings under <data dir>/blobs, as sent when no data key is set", async () => {
    const blobs = await create({});
    await blobs.put("sessions/s1/audio.wav", byteStream(recording), { contentType: "audio/wav" });
    expect(await storedBytes()).toEqual(Buffer.from(recording));
    await blobs.close();
  });

  it("encrypts with dataKey (CONFIDE_DATA_KEY) and reads with a key of previousDataKeys (CONFIDE_DATA_KEYS_PREVIOUS) after a rotation", async () => {
    const oldKey = Buffer.alloc(32, 1).toString("base64");
    const newKey = Buffer.alloc(32, 2).toString("hex");
    const before = await create({ dataKey: oldKey });
    await before.put("sessions/s1/audio.wav", byteStream(recording), { contentType: "audio/wav" });
    await before.close();
    expect((await storedBytes()).includes(Buffer.from("a recording"))).toBe(false);

    const after = await create({ dataKey: newKey, previousDataKeys: oldKey });
    const read = await after.get("sessions/s1/audio.wav");
    expect(Buffer.from(await new Response(read.body).arrayBuffer())).toEqual(Buffer.from(recording));
    await after.close();
  });

  it("refuses earlier keys without a current one", () => {
    const result = filesystemDescriptor.settings.safeParse({ previousDataKeys: Buffer.alloc(32, 1).toString("base64") });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["previousDataKeys", "needs CONFIDE_DATA_KEY, the key new recordings are encrypted with"],
    ]);
  });
});
