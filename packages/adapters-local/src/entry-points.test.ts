import { existsSync, readdirSync, readFileSync } from "node:fs";
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
    // A provider's subpath is its folder (`./*` → `./src/*/descriptor.ts`): every folder with a descriptor.
    expect(packageJson.exports["./*"]?.source).toBe("./src/*/descriptor.ts");
    const folders = readdirSync(new URL(".", import.meta.url)).filter((folder) => existsSync(new URL(`./${folder}/descriptor.ts`, import.meta.url)));
    expect(folders.length).toBe(exported.length);
    const fromSubpaths = await Promise.all(folders.map((folder) => import(`@confide/adapters-local/${folder}`)));
    type Named = { port: string; name: string };
    const byPortAndName = (a: Named, b: Named) => `${a.port}/${a.name}`.localeCompare(`${b.port}/${b.name}`);
    const fromRoot = exported.map(([, value]) => value as Named).sort(byPortAndName);
    const fromFolders = fromSubpaths.flatMap((module: Record<string, Named>) => Object.values(module)).sort(byPortAndName);
    expect(fromRoot.length).toBe(fromFolders.length);
    fromRoot.forEach((descriptor, index) => expect(descriptor).toBe(fromFolders[index]));
  });

  it("platform holds the host's helpers and no provider", () => {
    expect(Object.keys(platform).sort()).toEqual(
      [
        "backupKeyring",
        "backupUnreadable",
        "blobFrameBytes",
        "createBackupArchiveWriter",
        // The host measures each upload's length with it (core's AudioProbe port).
        "createFfmpegAudioProbe",
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
