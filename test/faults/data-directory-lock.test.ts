/**
 * One process owns an embedded (PGlite) data directory. Each process keeps its own copy of the
 * database in memory, so a second one used to "succeed" and lose its writes: `create-user`
 * printed a password for an account that never existed. Real processes, real HTTP.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliOutcome, startCli, type ConfideProcess } from "../support/server-process.ts";

interface Account {
  user: { email: string; role: string };
  password: string;
}

let dataDir: string;
let env: Record<string, string>;
const running: ConfideProcess[] = [];

async function serve(): Promise<ConfideProcess & { port: number }> {
  const server = await startCli(["serve"], env, { timeoutMs: 60_000 });
  running.push(server);
  return server;
}

async function login(port: number, account: { email: string; password: string }): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  await response.body?.cancel();
  return response.status;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "confide-lock-"));
  env = { CONFIDE_DATA_DIR: dataDir, CONFIDE_PORT: "0", CONFIDE_PASSWORD_COST: "1024" };
}, 60_000);

// A test that fails with its server running must not leave the directory locked for the next.
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop("SIGKILL");
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("an embedded data directory in use", () => {
  it("refuses create-user at once while a server runs, and the account it would have lost is not announced", async () => {
    const seeded = JSON.parse(await runCli(["seed"], env)) as { accounts: Account[] };
    const admin = seeded.accounts.find((account) => account.user.role === "admin") as Account;
    const server = await serve();

    const refused = await runCliOutcome(["create-user", "--email", "late@confide.local", "--role", "therapist"], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe(""); // no password for an account that would not exist
    expect(refused.stderr).toContain(`is in use by process ${server.child.pid} (cli.ts serve)`);
    expect(refused.stderr).toContain("Stop that process first.");
    expect(refused.stderr).toContain("POST /v1/admin/users");

    // The server still owns the database and answers from it.
    expect(await login(server.port, { email: admin.user.email, password: admin.password })).toBe(200);
    expect(await server.stop()).toBe(0);

    // Stopped cleanly: the lock is gone and create-user works; the account is really there.
    const created = JSON.parse(await runCli(["create-user", "--email", "late@confide.local", "--role", "therapist"], env)) as Account;
    const restarted = await serve();
    expect(await login(restarted.port, { email: "late@confide.local", password: created.password })).toBe(200);
    expect(await restarted.stop()).toBe(0);
  }, 180_000);

  it("refuses a second server on the same directory before it migrates, and the first keeps serving", async () => {
    const first = await serve();
    const second = await runCliOutcome(["serve"], env);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^The embedded database .+ is in use by process \d+ \(cli\.ts serve\) since .+: one process at a time may open it\. Stop that process first\.$/);
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
  }, 180_000);

  it("is not left locked by a server killed with kill -9: the next one starts", async () => {
    const killed = await serve();
    const lockFile = `${join(dataDir, "db")}.lock`;
    expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: killed.child.pid });
    expect(await killed.stop("SIGKILL")).toBe(null);

    const next = await serve();
    expect((await fetch(`http://127.0.0.1:${next.port}/healthz`)).status).toBe(200);
    expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: next.child.pid });
    expect(await next.stop()).toBe(0);
  }, 180_000);
});
