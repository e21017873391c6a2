/**
 * The public packages as they would be published: each is packed as `npm pack` makes it from a
 * clean checkout (a copy of the repository's files without any `dist/`, so its `prepack` builds
 * `dist` from nothing), and the tarball is checked by publint (package.json
 * fields against the files shipped) and by Are the Types Wrong (every entry point resolves, with
 * types that match the JavaScript, for ESM consumers under Node's and bundlers' resolution).
 * The packages are ESM only: `require()` from CommonJS and Node 10's resolution are out of scope.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedPackages } from "../../scripts/workspace-packages.ts";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
/** Every workspace package not marked private (the root package.json lists them). */
const publicPackages = publishedPackages(root);
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
let checkout: string;
const tarballs = new Map<string, string>();

/**
 * A clean checkout of this tree in a temporary folder: the files git tracks (and new files it does
 * not ignore), with what `npm ci` adds — the dependencies (linked from this repository's
 * node_modules, the workspace packages linked to the copy's own) and the console's build, which
 * `npm ci` makes in its `prepare` — and no `dist/` or build info of any package.
 */
async function cleanCheckout(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), "confide-checkout-"));
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const files = stdout.split("\0").filter(Boolean);
  const folders = new Set(files.map((file) => dirname(join(copy, file))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  // A file deleted in the work tree but still tracked is not in the checkout either.
  await Promise.all(files.map((file) => cp(join(root, file), join(copy, file), { verbatimSymlinks: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  })));
  await mkdir(join(copy, "node_modules/@confide"), { recursive: true });
  for (const entry of await readdir(join(root, "node_modules"))) {
    if (entry !== "@confide") await symlink(join(root, "node_modules", entry), join(copy, "node_modules", entry));
  }
  for (const name of await readdir(join(root, "node_modules/@confide"))) {
    await symlink(join("../../packages", name), join(copy, "node_modules/@confide", name));
  }
  await cp(join(root, "packages/http/console-assets"), join(copy, "packages/http/console-assets"), { recursive: true });
  return copy;
}

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), "confide-pack-"));
  checkout = await cleanCheckout();
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", packDir, ...publicPackages.map((name) => `--workspace=packages/${name}`)], {
    cwd: checkout,
    maxBuffer: 64 * 1024 * 1024,
    // The build from nothing is about 45 s of CPU; the wall time is for a shared, loaded machine.
    timeout: 1_200_000,
  });
  const packed = JSON.parse(stdout) as Array<{ name: string; filename: string }>;
  for (const entry of packed) tarballs.set(entry.name, join(packDir, entry.filename));
}, 1_260_000);

afterAll(async () => {
  if (packDir) await rm(packDir, { recursive: true, force: true });
  if (checkout) await rm(checkout, { recursive: true, force: true });
});

describe("the clean checkout packed", () => {
  it("held no build output before packing: each package's dist was built by its prepack", async () => {
    const { stdout } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...publicPackages.map((name) => `packages/${name}/dist`)], { cwd: root });
    expect(stdout).toBe("");
    expect(tarballs.size).toBe(publicPackages.length);
  });
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

describe("packing one package from a clean checkout", () => {
  it.each(publicPackages)("@confide/%s: its tsconfig references every @confide package it depends on, so its prepack `tsc -b` builds them first", async (name) => {
    const manifest = JSON.parse(await readFile(join(root, "packages", name, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    const tsconfig = JSON.parse(await readFile(join(root, "packages", name, "tsconfig.json"), "utf8")) as { references?: Array<{ path: string }> };
    const needed = Object.keys(manifest.dependencies ?? {})
      .filter((dependency) => dependency.startsWith("@confide/"))
      .map((dependency) => `../${dependency.slice("@confide/".length)}`)
      .sort();
    expect((tsconfig.references ?? []).map((reference) => reference.path).sort()).toEqual(needed);
  });
});

describe("npm publish --dry-run", () => {
  // --ignore-scripts: the packages were built by their prepack when packed above.
  it("accepts every public package and would upload the same files as the tarballs checked above", async () => {
    const { stdout } = await run("npm", ["publish", "--dry-run", "--json", "--ignore-scripts", ...publicPackages.map((name) => `--workspace=packages/${name}`)], {
      cwd: checkout,
      maxBuffer: 64 * 1024 * 1024,
    });
    const published = JSON.parse(stdout) as Record<string, { name: string; files: Array<{ path: string }> }>;
    expect(Object.keys(published).sort()).toEqual(publicPackages.map((name) => `@confide/${name}`).sort());
    for (const name of publicPackages) {
      const { stdout: listed } = await run("tar", ["-tzf", tarballs.get(`@confide/${name}`)!]);
      const packedFiles = listed.split("\n").filter(Boolean).map((file) => file.replace(/^package\//, "")).sort();
      expect(published[`@confide/${name}`]!.files.map((file) => file.path).sort()).toEqual(packedFiles);
    }
  }, 240_000);
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

/**
 * The subpaths an installed package's `exports` opens: each key, a `*` key expanded to every
 * folder of the shipped files its target matches (`./*` → `./dist/*\/descriptor.js`).
 */
async function entryPoints(installed: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as { exports: Record<string, { default: string }> };
  const entries: string[] = [];
  for (const [key, target] of Object.entries(manifest.exports)) {
    if (!key.includes("*")) {
      entries.push(key);
      continue;
    }
    const [before, after] = target.default.split("*") as [string, string];
    for (const folder of await readdir(join(installed, before))) {
      const file = join(installed, before, folder, after);
      if (await readFile(file).then(() => true, () => false)) entries.push(key.replace("*", folder));
    }
  }
  return entries;
}

/**
 * The tarballs installed in a project outside this repository (their dependencies from the npm
 * registry, or npm's cache), running programs that import only published entry points: a
 * developer's unit test on core's in-memory adapters, the embedded profile composed through
 * @confide/http and processing a recording, and the self-hosted profile on the local PostgreSQL
 * and Redis.
 */
describe("installed from the tarballs in a project outside the repository", () => {
  let project: string;
  let database: string;
  /** Runs a program of the project; its last line of output is its JSON answer (log lines may come before). */
  const node = async (script: string, env: Record<string, string> = {}, args: string[] = []) => {
    const { stdout } = await run(process.execPath, [join(project, script), ...args], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, timeout: 90_000 });
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null") as unknown;
  };

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "confide-outside-"));
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "outside", private: true, type: "module" }));
    // As the repository's own .npmrc says: onnxruntime-node's install script would fetch optional GPU
    // libraries from NuGet, which a CPU-only or offline install does without. Said here, so the
    // install does not depend on npm passing the repository's setting down (it does under `npm test`).
    await writeFile(join(project, ".npmrc"), "onnxruntime-node-install=skip\n");
    for (const script of ["in-memory.mjs", "composed.mjs"]) {
      await writeFile(join(project, script), await readFile(new URL(`./outside/${script}`, import.meta.url)));
    }
    // --prefer-offline: a dependency npm's cache holds (the repository's own `npm ci` filled it) is not fetched again;
    // --offline cannot do: `npm ci` caches the tarballs its lockfile names, not the registry's
    // metadata a version range of the tarballs' dependencies needs.
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...publicPackages.map((name) => tarballs.get(`@confide/${name}`)!)], {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    database = `confide_outside_${Date.now()}`;
    await run("createdb", ["-h", "127.0.0.1", "-U", "postgres", database]);
  }, 240_000);

  afterAll(async () => {
    if (database) await run("dropdb", ["-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database]).catch(() => undefined);
    if (project) await rm(project, { recursive: true, force: true });
  });

  it.each(publicPackages)("@confide/%s: plain Node imports every entry point of its exports", async (name) => {
    const entries = await entryPoints(join(project, "node_modules/@confide", name));
    expect(entries.length).toBeGreaterThan(0);
    const specifiers = entries.map((entry) => `@confide/${name}${entry === "." ? "" : entry.slice(1)}`);
    // One plain `node` (no --conditions, no loader) per package, importing each entry in turn.
    const program = `const failed = {}; for (const specifier of ${JSON.stringify(specifiers)}) { try { const module = await import(specifier); if (Object.keys(module).length === 0) failed[specifier] = "exports nothing"; } catch (error) { failed[specifier] = String(error); } } console.log(JSON.stringify(failed));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", program], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, timeout: 90_000 });
    expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "null")).toEqual({});
  }, 120_000);

  it("runs the whole pipeline on core's in-memory adapters", async () => {
    expect(await node("in-memory.mjs")).toMatchObject({ status: "ready", notes: true, risk: expect.stringMatching(/not a risk assessment/) });
  });

  it("composes the embedded profile from CONFIDE_* variables and processes a recording", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "confide-outside-data-"));
    try {
      expect(await node("composed.mjs", { CONFIDE_PROFILE: "embedded", CONFIDE_DATA_DIR: dataDir, CONFIDE_PASSWORD_COST: "1024" }, ["process"])).toMatchObject({ uploaded: "queued", status: "ready", sizeBytes: 32_044 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("composes the self-hosted profile on the local PostgreSQL and Redis, after `confide migrate`", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "confide-outside-data-"));
    const env = {
      CONFIDE_PROFILE: "selfhosted",
      CONFIDE_DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      CONFIDE_REDIS_URL: "redis://127.0.0.1:6379",
      CONFIDE_QUEUE_PREFIX: `confide-outside-${Date.now()}`,
      CONFIDE_JWT_SECRET: "an outside project's secret of enough length",
      CONFIDE_WHISPER_URL: "http://127.0.0.1:9",
      CONFIDE_PUSH: "log",
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_PASSWORD_COST: "1024",
    };
    try {
      await run(join(project, "node_modules/.bin/confide"), ["migrate"], { cwd: project, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, timeout: 60_000 }).catch((error: { stderr?: string; stdout?: string }) => {
        throw new Error(`confide migrate failed: ${error.stderr ?? ""} ${error.stdout ?? ""}`);
      });
      expect(await node("composed.mjs", env)).toMatchObject({ uploaded: "queued", status: "queued", sizeBytes: 32_044 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
