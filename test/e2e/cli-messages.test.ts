/**
 * What the real `confide` process says when it cannot do what was asked: one message in words
 * that says what to change, no stack trace, and nothing written first.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliOutcome } from "../support/server-process.ts";

/** A stack trace's frames ("    at main (file:///…)"). */
const stackFrame = /^\s+at .+/m;
const commands = "serve, worker, migrate, migrate-storage, retention, backup, restore, models, seed, create-user, help";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "confide-cli-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("confide on the command line", () => {
  it("lists the commands for `help`, exit 0", async () => {
    const outcome = await runCliOutcome(["help"], {});
    expect(outcome.code).toBe(0);
    for (const command of commands.split(", ")) expect(outcome.stdout).toContain(`  ${command}`);
  });

  it("says an unknown command is not one and lists the commands, exit 2", async () => {
    const outcome = await runCliOutcome(["serv"], {});
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(new RegExp(`^confide: "serv" is not a command; the commands are ${commands}\\.`));
    expect(outcome.stderr).toContain("create-user --email E");
    expect(outcome.stderr).not.toMatch(stackFrame);
  });

  it("names an unknown option without a stack trace, exit 2", async () => {
    const outcome = await runCliOutcome(["serve", "--port", "9000"], {});
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^confide: Unknown option '--port'\.\n/);
    expect(outcome.stderr).not.toMatch(stackFrame);
  });

  it("refuses a separate worker when the queue runs jobs inside the server, exit 1", async () => {
    const outcome = await runCliOutcome(["worker"], { CONFIDE_DATA_DIR: join(folder, "worker") });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim()).toBe(
      "The in-process queue runs its jobs inside `confide serve`, so a separate worker would never get one. Run workers with a queue every process shares (CONFIDE_QUEUE=bullmq, as the selfhosted profile does).",
    );
  });

  it("says what backup and restore need, and never overwrites a file, exit 1 without touching the data directory", async () => {
    const dataDir = join(folder, "backup");
    const noFile = await runCliOutcome(["backup"], { CONFIDE_DATA_DIR: dataDir });
    expect(noFile.code).toBe(1);
    expect(noFile.stderr.trim()).toBe("backup needs --to FILE.");
    const existing = join(folder, "existing.backup");
    await writeFile(existing, "keep me");
    const overwrite = await runCliOutcome(["backup", "--to", existing], { CONFIDE_DATA_DIR: dataDir });
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr.trim()).toBe(`${existing} already exists: choose a new file (a backup never overwrites one).`);
    const missing = await runCliOutcome(["restore", "--from", join(folder, "nowhere.backup")], { CONFIDE_DATA_DIR: dataDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${join(folder, "nowhere.backup")} does not exist.`);
    const foreign = await runCliOutcome(["restore", "--from", existing], { CONFIDE_DATA_DIR: dataDir });
    expect(foreign.code).toBe(1);
    expect(foreign.stderr.trim()).toBe("This file is not a Confide backup (it does not start as one).");
    expect(await readdir(folder)).not.toContain("backup");
  });

  it("says what is wrong with each setting in words, exit 1", async () => {
    const dataDir = join(folder, "settings");
    const emptyFile = join(folder, "service-account.json");
    await writeFile(emptyFile, "");
    const outcome = await runCliOutcome(["serve"], {
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_PORT: "abc",
      CONFIDE_PUSH: "fcm",
      CONFIDE_FCM_SERVICE_ACCOUNT_FILE: emptyFile,
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      "Confide cannot start; fix the configuration:\n" +
        '  CONFIDE_PORT: must be a whole number (got "abc")\n' +
        `  CONFIDE_FCM_SERVICE_ACCOUNT_FILE: ${emptyFile} is empty\n`,
    );
    expect(await readdir(folder)).not.toContain("settings");
  });

  it("reports an unknown profile alone", async () => {
    const outcome = await runCliOutcome(["migrate"], { CONFIDE_DATA_DIR: join(folder, "profile"), CONFIDE_PROFILE: "bogus" });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split("\n")).toEqual([
      "Confide cannot start; fix the configuration:",
      "  CONFIDE_PROFILE: must be one of embedded, selfhosted, aws, azure",
    ]);
  });

  describe("with the port taken", () => {
    let taken: Server;
    let port: number;

    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen({ host: "127.0.0.1", port: 0 }, resolve));
      port = (taken.address() as { port: number }).port;
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    });

    it("refuses in one line before it seeds, migrates or prints a password", async () => {
      const dataDir = join(folder, "port-taken");
      const outcome = await runCliOutcome(["serve", "--seed"], {
        CONFIDE_DATA_DIR: dataDir,
        CONFIDE_PORT: String(port),
        CONFIDE_PASSWORD_COST: "1024",
      });
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).toBe(
        `Confide cannot listen: port ${port} on 127.0.0.1 is in use by another process (another confide serve?): ` +
          "stop it or set CONFIDE_PORT to a free port.\n",
      );
      // Nothing was created: no database, no lock, no secret.
      expect(await readdir(folder)).not.toContain("port-taken");
    });
  });
});
