/**
 * The public packages as they would be published (issue 26): each is packed as `npm pack` makes
 * it (its `prepack` builds `dist` first), and the tarball is checked by publint (package.json
 * fields against the files shipped) and by Are the Types Wrong (every entry point resolves, with
 * types that match the JavaScript, for ESM consumers under Node's and bundlers' resolution).
 * The packages are ESM only: `require()` from CommonJS and Node 10's resolution are out of scope.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
const publicPackages = ["core", "adapters-local", "adapters-azure", "adapters-aws", "client", "http"];
/** Resolution modes of an ESM-only package's consumers (attw's `esm-only` profile). */
const esmResolutions = new Set(["node16-esm", "bundler"]);

/** What Are the Types Wrong finds for an ESM consumer: nothing for a sound package. */
async function typeProblems(tarball: Uint8Array): Promise<string[]> {
  const result = await checkPackage(createPackageFromTarballData(tarball));
  if (result.types === false) return ["the package ships no types"];
  return result.problems
    .filter((problem) => !("resolutionKind" in problem) || esmResolutions.has(problem.resolutionKind))
    .map((problem) => JSON.stringify(problem));
}

let packDir: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), "confide-pack-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", packDir, ...publicPackages.map((name) => `--workspace=packages/${name}`)], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const packed = JSON.parse(stdout) as Array<{ name: string; filename: string }>;
  for (const entry of packed) tarballs.set(entry.name, join(packDir, entry.filename));
}, 240_000);

afterAll(async () => {
  if (packDir) await rm(packDir, { recursive: true, force: true });
});

describe.each(publicPackages)("@confide/%s as packed", (name) => {
  const tarball = async () => {
    const path = tarballs.get(`@confide/${name}`);
    expect(path, `npm pack made no tarball for @confide/${name}`).toBeDefined();
    return readFile(path!);
  };

  it("passes publint with no errors or warnings", async () => {
    const data = await tarball();
    // Inside a tarball npm puts everything under package/.
    const { messages, pkg } = await publint({ pkgDir: "package", pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer }, level: "warning" });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`)).toEqual([]);
  });

  it("has types that resolve and match for ESM consumers (Are the Types Wrong)", async () => {
    expect(await typeProblems(new Uint8Array(await tarball()))).toEqual([]);
  });

  it("ships its README, its built entry points and no test files", async () => {
    const { stdout } = await run("tar", ["-tzf", tarballs.get(`@confide/${name}`)!]);
    const files = stdout.split("\n").filter(Boolean);
    expect(files).toContain("package/README.md");
    expect(files.some((file) => file.startsWith("package/dist/") && file.endsWith(".d.ts"))).toBe(true);
    expect(files.some((file) => file.startsWith("package/dist/") && file.endsWith(".js.map"))).toBe(true);
    expect(files.filter((file) => /\.test\.(ts|js|d\.ts)$/.test(file))).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("refuse a package whose exports name a types file it does not ship", async () => {
    const dir = await mkdtemp(join(tmpdir(), "confide-broken-pack-"));
    try {
      await writeFile(join(dir, "package.json"), JSON.stringify({ name: "broken", version: "1.0.0", type: "module", exports: { ".": { types: "./missing.d.ts", default: "./index.js" } } }));
      await writeFile(join(dir, "index.js"), "export const x = 1;\n");
      const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], { cwd: dir });
      const data = await readFile(join(dir, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename));
      const { messages } = await publint({ pkgDir: "package", pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer }, level: "warning" });
      expect(messages.some((message) => message.type === "error")).toBe(true);
      expect(await typeProblems(new Uint8Array(data))).not.toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
