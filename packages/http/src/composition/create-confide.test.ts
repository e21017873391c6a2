import type { Actor } from "@confide/core";
import { silentLogger } from "@confide/core/adapter-kit";
import { ConfideError } from "@confide/core/ports";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfide, type Confide } from "../compose.ts";

const run = promisify(execFile);
let dir: string;
/** A fresh process composing the embedded profile through the compose entry, started at once: it runs while the tests below do. */
let modulesLoaded: ReturnType<typeof run> | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "confide-compose-"));
  const script = `
    import { registerHooks } from "node:module";
    const loaded = [];
    registerHooks({ resolve(specifier, context, next) { const resolved = next(specifier, context); loaded.push(resolved.url); return resolved; } });
    const { createConfide } = await import(${JSON.stringify(new URL("../compose.ts", import.meta.url).href)});
    const confide = await createConfide({ profile: "embedded", dataDir: process.env.DATA_DIR, logger: { info() {}, warn() {}, error() {} } });
    const { profile, adapters } = confide.config;
    await confide.close();
    process.stdout.write(JSON.stringify({ profile, adapters, loaded }));`;
  modulesLoaded = run(process.execPath, ["--conditions=source", "--input-type=module", "--eval", script], { env: { PATH: process.env.PATH, DATA_DIR: join(dir, "modules") } });
  // Its failure is reported by the test that awaits it, not as an unhandled rejection meanwhile.
  modulesLoaded.catch(() => undefined);
});

afterAll(async () => {
  await modulesLoaded?.catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("createConfide from CONFIDE_* variables", () => {
  let confide: Confide;
  const operator: Actor = { userId: "test", role: "admin" };

  beforeAll(async () => {
    confide = await createConfide({ CONFIDE_DATA_DIR: join(dir, "env"), CONFIDE_PASSWORD_COST: "1024", CONFIDE_LOG_LEVEL: "error", PATH: "/usr/bin" });
  }, 60_000);

  afterAll(async () => {
    await confide?.close();
  });

  it("reads the variables as confide serve does: the embedded profile's adapters in the data directory given", () => {
    expect(confide.config.profile).toBe("embedded");
    expect(confide.config.dataDir).toBe(join(dir, "env"));
    expect(confide.config.adapters).toMatchObject({ repository: "pglite", storage: "filesystem", queue: "in-process" });
  });

  it("binds core's use cases to its deps: an account made by one signs in with another", async () => {
    await confide.createUser(operator, { email: "bound@compose.test", displayName: "B", role: "therapist", password: "lantern-orchard-52" });
    const { user } = await confide.login({ email: "BOUND@compose.test", password: "lantern-orchard-52" });
    expect(user).toMatchObject({ email: "bound@compose.test", role: "therapist" });
    await expect(confide.login({ email: "bound@compose.test", password: "lantern-orchard-53" })).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(confide.getSession({ userId: user.id, role: "therapist" }, { sessionId: "no-such-session" })).rejects.toMatchObject({ code: "session.not_found" });
  });

  it("answers readiness for every configured dependency", async () => {
    const entries = await confide.readiness();
    expect(entries.map((entry) => entry.name)).toEqual(expect.arrayContaining(["database:pglite", "storage:filesystem", "queue:in-process", "speech:pocketsphinx"]));
    expect(entries.filter((entry) => !entry.ok)).toEqual([]);
  }, 30_000);

  it("starts the worker once however often asked, and refuses a job it does not know", async () => {
    await Promise.all([confide.start(), confide.start()]);
    await confide.start();
    confide.stop();
    const refused = await confide.runJob({ name: "no.such.job", payload: {} }).catch((error: unknown) => error);
    expect(ConfideError.is(refused) && refused.code).toBe("validation.invalid_input");
  });
});

describe("createConfide with wrong settings", () => {
  it("names every problem and writes nothing", async () => {
    const dataDir = join(dir, "refused");
    const refused = await createConfide({ profile: "nowhere" as never, dataDir, variables: { CONFIDE_STORAGE: "floppy" }, logger: silentLogger }).catch((error: unknown) => error);
    expect(ConfideError.is(refused) && refused.code).toBe("validation.invalid_input");
    const problems = ((refused as ConfideError).details as { problems: string[] }).problems.join("\n");
    expect(problems).toMatch(/CONFIDE_PROFILE/);
    expect(problems).toMatch(/CONFIDE_STORAGE/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("@confide/http/compose loads what it uses", () => {
  it("composes the embedded profile and closes without loading Hono, a cloud SDK or OpenTelemetry", async () => {
    const { stdout } = await modulesLoaded!;
    const { profile, adapters, loaded } = JSON.parse(String(stdout)) as { profile: string; adapters: Record<string, string>; loaded: string[] };
    expect(profile).toBe("embedded");
    expect(adapters).toMatchObject({ repository: "pglite", storage: "filesystem" });
    expect(loaded.some((url) => url.includes("/packages/adapters-local/"))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/(hono|@hono|@aws-sdk|@azure|@opentelemetry|firebase-admin|bullmq|ioredis|pg)\//.test(url))).toEqual([]);
    // The registry reads every descriptor (names and settings schemas); only the chosen adapters' modules load.
    expect(loaded.filter((url) => /\/packages\/http\/src\/app\/(?!errors\/)/.test(url))).toEqual([]);
  }, 60_000);
});
