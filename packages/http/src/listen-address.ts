import { ConfideError } from "@confide/core/ports";
import { createServer } from "node:net";

/**
 * The configuration problem a failed listen() stands for, in words (the port is taken, the
 * address is not this machine's, a port below 1024 needs privileges); other errors unchanged.
 */
export function listenProblem(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problems: Record<string, string> = {
    EADDRINUSE: `port ${port} on ${host} is in use by another process (another confide serve?): stop it or set CONFIDE_PORT to a free port`,
    EADDRNOTAVAIL: `${host} is not an address of this machine: set CONFIDE_HOST to one of its addresses (127.0.0.1, 0.0.0.0)`,
    EACCES: `port ${port} needs privileges this process lacks: set CONFIDE_PORT to 1024 or above`,
    ENOTFOUND: `${host} does not resolve to an address: set CONFIDE_HOST to one of this machine's addresses`,
  };
  const problem = code === undefined ? undefined : problems[code];
  if (problem === undefined) return error;
  return new ConfideError("validation.invalid_input", `Confide cannot listen: ${problem}.`, {
    cause: error,
    details: { problems: [`CONFIDE_${code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? "HOST" : "PORT"}: ${problem}`] },
  });
}

/**
 * Checks that `host:port` can be listened on, by listening and closing again, so `serve`
 * refuses before it migrates, seeds or recovers anything. Port 0 (any free port) always can.
 * @throws ConfideError `validation.invalid_input` naming CONFIDE_PORT or CONFIDE_HOST.
 */
export async function assertCanListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error) => reject(listenProblem(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
