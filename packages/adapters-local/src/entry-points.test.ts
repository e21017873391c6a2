import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as root from "./index.ts";
import * as platform from "./platform.ts";

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  exports: Record<string, { source: string }>;
};

describe("@confide/adapters-local's entry points", () => {
  it("the root exports the providers' descriptors and nothing else: each provider subpath's, once", async () => {
    const exported = Object.entries(root);
    for (const [name, value] of exported) {
      expect(name).toMatch(/Descriptor$/);
      expect(value).toMatchObject({ port: expect.any(String), name: expect.any(String), create: expect.any(Function) });
    }
    const subpaths = Object.entries(packageJson.exports).filter(([, entry]) => entry.source.endsWith("/descriptor.ts"));
    const fromSubpaths = await Promise.all(subpaths.map(([, entry]) => import(new URL(`../${entry.source}`, import.meta.url).href)));
    expect(exported.map(([, value]) => value).sort((a, b) => String(a.name).localeCompare(b.name))).toEqual(
      fromSubpaths.flatMap((module) => Object.values(module)).sort((a, b) => String(a.name).localeCompare(b.name)),
    );
  });

  it("platform holds the host's helpers and no provider", () => {
    expect(Object.keys(platform).sort()).toEqual(
      [
        "backupKeyring",
        "backupUnreadable",
        "blobFrameBytes",
        "createBackupArchiveWriter",
        "lockDirectory",
        "ownerOnlyFileMode",
        "ownerOnlyFolderMode",
        "readBackupArchive",
        "readManifest",
        "restrictToOwner",
        "startStreamingPcmDecoder",
      ].sort(),
    );
  });
});
