#!/usr/bin/env node
import { enableCompileCache } from "node:module";
import { parseArgs } from "node:util";

// Node keeps the compiled code of every module loaded below (TypeScript sources included) in its
// compile cache (NODE_COMPILE_CACHE, default <tmp>/node-compile-cache), which halves module
// loading on every later start. It must be on before those modules are loaded, hence the
// dynamic imports. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();
// Everything this process and its children (ffmpeg, PocketSphinx) create is private to the
// user it runs as, whatever umask the caller had: recordings, the database, temporary audio.
process.umask(0o077);
await import("reflect-metadata");
const { ConfideError } = await import("@confide/core");
const { loadConfig } = await import("./config/config.ts");
const { createRuntime } = await import("./composition/runtime.ts");
const { createJsonLogger } = await import("./logging/json-logger.ts");
const { createUserCommand, seedCommand } = await import("./commands/accounts.ts");

const usage = `confide <command> [options]

Commands:
  serve [--with-worker]   HTTP API. The embedded profile (in-process queue) always runs the worker too.
  worker                  Runs the queue handlers and the recovery sweep.
  migrate                 Applies database migrations and exits.
  seed                    Creates an admin, a therapist and a linked patient with generated passwords.
  create-user --email E --role therapist|patient|admin [--name N]
                          Creates one account with a generated password.

Configuration comes from CONFIDE_* environment variables (see the README).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "with-worker": { type: "boolean", default: false },
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfig(process.env);
  const logger = createJsonLogger({ level: config.logLevel });
  const runtime = await createRuntime(config, logger, { checkSpeechEarly: command === "serve" });

  switch (command) {
    case "serve": {
      const withWorker = values["with-worker"] || config.adapters.queue === "in-process";
      const { startServer } = await import("./server.ts");
      const server = await startServer(runtime, { withWorker });
      await untilSignal();
      await server.shutdown();
      return 0;
    }
    case "worker": {
      const { startWorker } = await import("./worker.ts");
      const worker = await startWorker(runtime);
      await untilSignal();
      worker.stop();
      await runtime.close();
      return 0;
    }
    case "migrate":
      await runtime.close();
      process.stdout.write("migrations applied\n");
      return 0;
    case "seed":
      try {
        process.stdout.write(`${JSON.stringify(await seedCommand(runtime.deps), null, 2)}\n`);
      } finally {
        await runtime.close();
      }
      return 0;
    case "create-user":
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
    default:
      await runtime.close();
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      resolve();
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${ConfideError.is(error) ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
