import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { profileDefaultNames, profiles } from "../config/profiles.ts";
import { adapterPorts, adapterRegistry, findAdapter } from "./adapter-registry.ts";
import { adapterVariables } from "../config/adapter-variables.ts";

const run = promisify(execFile);

describe("adapter registry", () => {
  it("holds every adapter a profile chooses, under the port the profile chooses it for", () => {
    for (const [profile, defaults] of Object.entries(profiles)) {
      for (const port of adapterPorts) {
        for (const name of profileDefaultNames(defaults[port])) expect(findAdapter(port, name), `${profile} ${port} ${name}`).toBeDefined();
      }
    }
  });

  it("lists each adapter once, under its own port and a name unique there", () => {
    for (const port of adapterPorts) {
      const adapters = adapterRegistry[port];
      expect(adapters.length).toBeGreaterThan(0);
      for (const adapter of adapters) expect(adapter.port).toBe(port);
      expect(new Set(adapters.map((adapter) => adapter.name)).size).toBe(adapters.length);
    }
  });

  it("names each adapter's variables CONFIDE_* and says in one line what the adapter is", () => {
    for (const port of adapterPorts) {
      for (const adapter of adapterRegistry[port]) {
        expect(adapter.settings.description, `${adapter.name} ${port}`).toMatch(/^[^\n|]+$/);
        for (const { variable } of adapterVariables(adapter.settings)) expect(variable).toMatch(/^CONFIDE_[A-Z0-9_]+$/);
      }
    }
  });

  it("loads no adapter module and no SDK until an adapter is created", async () => {
    // A fresh process, so what earlier tests imported does not count: it records every module
    // loaded while the registry is imported.
    const script = `
      import { registerHooks } from "node:module";
      const loaded = [];
      registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); loaded.push(resolved.url); return resolved; } });
      await import(${JSON.stringify(new URL("./adapter-registry.ts", import.meta.url).href)});
      process.stdout.write(JSON.stringify(loaded));`;
    const { stdout } = await run(process.execPath, ["--conditions=source", "--input-type=module", "--eval", script]);
    const loaded = JSON.parse(stdout) as string[];

    expect(loaded.some((url) => url.endsWith("/postgres/descriptor.ts"))).toBe(true);
    expect(loaded.some((url) => url.endsWith("/s3/descriptor.ts"))).toBe(true);
    expect(loaded.some((url) => url.endsWith("/azure-blob/descriptor.ts"))).toBe(true);
    expect(loaded.some((url) => url.endsWith("/cosmos/descriptor.ts"))).toBe(true);
    expect(loaded.some((url) => url.endsWith("/adapters-google/src/fcm/descriptor.ts"))).toBe(true);
    expect(loaded.some((url) => url.endsWith("/adapters-openai/src/openai-notes/descriptor.ts"))).toBe(true);
    const sdks = /\/node_modules\/(pg|pg-pool|bullmq|ioredis|firebase-admin|openai|@electric-sql\/pglite|vader-sentiment|@energetic-ai\/[^/]+|@aws-sdk\/[^/]+|@azure\/[^/]+)\//;
    expect(loaded.filter((url) => sdks.test(url))).toEqual([]);
    const adapterModules = /adapters-[a-z]+\/src\/.*-(repositories|client|blob-store|speech-to-text|language-analyzer|job-queue|push-notifier)\.ts$/;
    expect(loaded.filter((url) => adapterModules.test(url))).toEqual([]);
  });
});
