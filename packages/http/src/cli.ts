#!/usr/bin/env node
import { enableCompileCache } from "node:module";
import { parseArgs } from "node:util";
import type { CreatedAccount } from "./commands/accounts.ts";

// Node keeps the compiled code of every module loaded below (TypeScript sources included) in its
// compile cache (NODE_COMPILE_CACHE, default <tmp>/node-compile-cache), which halves module
// loading on every later start. It must be on before those modules are loaded, hence the
// dynamic imports. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();
// Everything this process and its children (ffmpeg, PocketSphinx) create is private to the
// user it runs as, whatever umask the caller had: recordings, the database, temporary audio.
process.umask(0o077);
await import("reflect-metadata");
const { ConfideError } = await import("@confide/core/ports");
const { loadConfig } = await import("./config/config.ts");
const { createRuntime } = await import("./composition/runtime.ts");
const { createJsonLogger } = await import("./logging/json-logger.ts");
const { createUserCommand, seedCommand, seedIfNoAccounts } = await import("./commands/accounts.ts");
const { assertCanListen } = await import("./listen-address.ts");

const usage = `confide <command> [options]

Commands:
  serve [--with-worker] [--seed]
                          HTTP API. The embedded profile (in-process queue) always runs the worker too.
                          --seed: on a database with no accounts, first creates the seed accounts (below).
  worker                  Runs the queue handlers and the recovery sweep.
  migrate                 Applies database migrations and exits.
  migrate-storage --from <store> --to <store>
                          Copies every session's recording from one storage adapter to another
                          (filesystem, s3, azure-blob), streaming, each verified by sha256 read back
                          from the destination; safe to re-run (what is there and verifies is skipped).
                          Each side reads CONFIDE_FROM_<NAME> / CONFIDE_TO_<NAME> over CONFIDE_<NAME>.
  retention --dry-run | --yes
                          --dry-run: lists what the retention policy (CONFIDE_RETENTION_*) would delete now and
                          why (session, rule, finalized/failed date, legal hold), deleting nothing. --yes: runs one
                          sweep now (the worker also runs it every CONFIDE_RETENTION_SWEEP_INTERVAL_MS). In the
                          embedded profile, only while no server holds the data directory.
  backup --to FILE        Writes a backup of the database and every recording to FILE (a new file),
                          encrypted with CONFIDE_DATA_KEY when it is set, verified before it is kept.
                          While a server holds the embedded database, the server makes it.
  restore --from FILE     Restores a backup into an empty data directory or database (verified first;
                          a damaged file, a wrong key or a non-empty target is refused, nothing kept).
  models install | list | verify
                          The learned models the configured adapters use (the embedded diarizer's voice
                          activity and speaker segmentation): install fetches them into CONFIDE_MODELS_DIR
                          (from CONFIDE_MODELS_SOURCE, a mirror URL or folder, when set), each checked by
                          size and sha256 before it is put in place; list and verify say what is installed.
  seed                    Creates an admin, a therapist and a linked patient with generated passwords.
  create-user --email E --role therapist|patient|admin [--name N]
                          Creates one account with a generated password.
  help                    Shows this.

Configuration comes from CONFIDE_* environment variables (see the README).`;

const commands = ["serve", "worker", "migrate", "migrate-storage", "retention", "backup", "restore", "models", "seed", "create-user", "help"];

/** The command being run, for what an error message suggests. */
let currentCommand: string | undefined;

/** A mistake on the command line: said in words, with the usage, exit code 2. */
class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "with-worker": { type: "boolean", default: false },
        seed: { type: "boolean", default: false },
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        yes: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    // node:util's messages say what is wrong ("Unknown option '--port'"); its stack does not help.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseCommandLine(argv);
  const command = positionals[0];
  currentCommand = command;
  if (values.help || command === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (command === undefined) throw new UsageError("No command given.");
  if (!commands.includes(command)) throw new UsageError(`"${command}" is not a command; the commands are ${commands.join(", ")}.`);
  if (command === "retention" && values["dry-run"] === values.yes) {
    throw new UsageError(
      values.yes
        ? "Give either --dry-run or --yes, not both."
        : "Deleting cannot be undone: add --yes to run the retention sweep now, or --dry-run to list what it would delete.",
    );
  }
  const config = loadConfig(process.env);
  const { traceFields } = await import("./telemetry/start-telemetry.ts");
  const logger = createJsonLogger({ level: config.logLevel, context: traceFields });
  if (command === "migrate-storage") {
    // Only the repository (the list of sessions) and the two stores: no queue, no providers.
    const { migrateStorageCommand } = await import("./commands/migrate-storage.ts");
    const report = await migrateStorageCommand(config, process.env, { from: values.from, to: values.to }, logger, (line) =>
      process.stdout.write(`${line}\n`),
    );
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.problems.length === 0 ? 0 : 1;
  }
  if (command === "models") {
    // The models folder only: no database, no adapters.
    const { modelsCommand, parseModelsAction } = await import("./commands/models.ts");
    let action;
    try {
      action = parseModelsAction(positionals[1]);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const report = await modelsCommand(config, action, (line) => process.stdout.write(`${line}\n`));
    return report.ok ? 0 : 1;
  }
  if (command === "backup" || command === "restore") {
    const { backupCommand, restoreCommand } = await import("./commands/backup.ts");
    const report =
      command === "backup"
        ? await backupCommand(config, process.env, values.to, logger)
        : await restoreCommand(config, process.env, values.from, logger);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  // Before anything is opened or written: a second server must not migrate or seed first.
  if (command === "serve") await assertCanListen(config.host, config.port);
  // The HTTP app's modules load while the runtime opens its adapters (the embedded database's
  // WASM compiles off the main thread meanwhile); awaited where the server starts, which reports
  // a failure to load them.
  const serverModule = command === "serve" ? import("./server.ts") : undefined;
  serverModule?.catch(() => undefined);
  const runtime = await createRuntime(config, logger, {
    checkSpeechEarly: command === "serve",
    ...(command === "serve" ? { telemetryRole: "api" as const } : command === "worker" ? { telemetryRole: "worker" as const } : {}),
  });

  switch (command) {
    case "serve": {
      const withWorker = values["with-worker"] || runtime.deps.queue.processLocal;
      if (values.seed) {
        try {
          const seeded = await seedIfNoAccounts(runtime.deps);
          if (seeded) process.stdout.write(seededAccountsTable(seeded.accounts));
        } catch (error) {
          await runtime.close();
          throw error;
        }
      }
      const { startServer } = await (serverModule ?? import("./server.ts"));
      // Only this process may open a database kept in the data directory, so it serves `confide backup`.
      const { findAdapter } = await import("./composition/adapter-registry.ts");
      const backupKeyring = findAdapter("repository", config.adapters.repository)?.keepsDatabaseInDataDir
        ? (await import("@confide/adapters-local/platform")).backupKeyring(process.env)
        : undefined;
      // Listening for Ctrl-C before the server starts: a signal during start-up stops it once started.
      const signalled = untilSignal();
      const server = await startServer(runtime, { withWorker, ...(backupKeyring ? { backupKeyring } : {}) });
      await signalled;
      await server.shutdown();
      return 0;
    }
    case "worker": {
      if (runtime.deps.queue.processLocal) {
        await runtime.close();
        throw new ConfideError(
          "validation.invalid_input",
          `The ${config.adapters.queue} queue runs its jobs inside \`confide serve\`, so a separate worker would never get one. Run workers with a queue every process shares (CONFIDE_QUEUE=bullmq, as the selfhosted profile does).`,
        );
      }
      const { startWorker } = await import("./worker.ts");
      const signalled = untilSignal();
      const worker = await startWorker(runtime);
      await signalled;
      worker.stop();
      await runtime.close();
      return 0;
    }
    case "migrate":
      await runtime.close();
      process.stdout.write("migrations applied\n");
      return 0;
    case "retention":
      try {
        const { retentionCommand } = await import("./commands/retention.ts");
        const result = await retentionCommand(runtime.deps, { dryRun: values["dry-run"] }, (line) => process.stdout.write(`${line}\n`));
        return result.counts.failed === 0 ? 0 : 1;
      } finally {
        await runtime.close();
      }
    case "seed":
      try {
        process.stdout.write(`${JSON.stringify(await seedCommand(runtime.deps), null, 2)}\n`);
      } finally {
        await runtime.close();
      }
      return 0;
    default: // create-user
      try {
        const created = await createUserCommand(runtime.deps, {
          email: values.email,
          role: values.role,
          displayName: values.name,
        });
        process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
      } finally {
        await runtime.close();
      }
      return 0;
  }
}

/** The seeded accounts as a person reads them at a terminal: email, role, password, one a line. */
function seededAccountsTable(accounts: CreatedAccount[]): string {
  const width = Math.max(...accounts.map((account) => account.user.email.length));
  const rows = accounts.map((account) => `  ${account.user.email.padEnd(width)}  ${account.user.role.padEnd(9)}  ${account.password}`);
  return `Seeded accounts (keep these passwords: they are not shown again):\n${rows.join("\n")}\n`;
}

/** What to do about an error that stops a command, in words; a stack only for what is a bug. */
function describeFailure(error: unknown, command: string | undefined): string {
  if (error instanceof UsageError) return `confide: ${error.message}\n\n${usage}`;
  if (!ConfideError.is(error)) return error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (error.details?.reason === "locked" && command === "retention") {
    return (
      `${error.message}\nThe running server's worker sweeps by the retention policy on its own (every CONFIDE_RETENTION_SWEEP_INTERVAL_MS). ` +
      "To see what it would delete, or sweep now, while it runs, ask it through its admin API with an admin's token: " +
      "GET /v1/admin/retention (dry run) or POST /v1/admin/retention/sweep (see /openapi.json)."
    );
  }
  if (error.details?.reason === "locked" && (command === "create-user" || command === "seed")) {
    return `${error.message}\nOr, while the server runs, create the account through its admin API: POST /v1/admin/users with an admin's token (see /openapi.json).`;
  }
  return error.message;
}

/**
 * Resolves at the first SIGINT or SIGTERM. The handlers stay: a repeated signal while the server
 * stops is ignored rather than killing the process mid-shutdown (npm forwards the terminal's Ctrl-C
 * to its child, so one Ctrl-C under `npm run` arrives twice).
 */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.on("SIGTERM", () => resolve());
    process.on("SIGINT", () => resolve());
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${describeFailure(error, currentCommand)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
