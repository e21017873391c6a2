/**
 * What the self-hosted and the Azure test stacks share: the seeded accounts and the `confide serve`
 * and `confide worker` processes they start, tracked so that the stack's close stops them.
 */
import { login, recordTestConsent, registerDevice, type SeededAccount } from "./confide-api-client.ts";
import { runCli, startCli, type ConfideProcess } from "./server-process.ts";

export type RunningProcess = ConfideProcess & { port: number };

export interface ApiProcess extends RunningProcess {
  baseUrl: string;
}

export interface StackProcesses {
  accounts: { admin: SeededAccount; therapist: SeededAccount; patient: SeededAccount };
  startApi(overrides?: Record<string, string>): Promise<ApiProcess>;
  startWorker(overrides?: Record<string, string>): Promise<RunningProcess>;
  /** Signs the therapist in on `api` and registers one phone for them; returns the access token. */
  signInTherapistWithPhone(api: ApiProcess): Promise<string>;
  /** SIGKILL: the process dies without any cleanup, as in a crash or an OOM kill. */
  kill(process: RunningProcess): Promise<void>;
}

/**
 * Seeds the first accounts (`confide seed` with `env`), then starts processes with `env` (plus
 * per-process overrides), each pushed onto `processes`. Unless `consent` is false, the first API
 * started records the seeded patient's consent as the therapist (`recordTestConsent`).
 * @param phoneToken the push token of the therapist's phone (unique per stack).
 */
export async function seedStackProcesses(
  env: Record<string, string>,
  processes: RunningProcess[],
  options: { consent?: boolean | undefined; phoneToken: string },
): Promise<StackProcesses> {
  const seeded = JSON.parse(await runCli(["seed"], env)) as { accounts: SeededAccount[] };
  const byRole = (role: string) => {
    const account = seeded.accounts.find((candidate) => candidate.user.role === role);
    if (!account) throw new Error(`confide seed made no ${role}: ${JSON.stringify(seeded)}`);
    return account;
  };

  let consentRecorded = false;
  const track = (process: RunningProcess) => {
    processes.push(process);
    return process;
  };

  return {
    accounts: { admin: byRole("admin"), therapist: byRole("therapist"), patient: byRole("patient") },
    async startApi(overrides = {}) {
      const api = track(await startCli(["serve"], { ...env, ...overrides }, { timeoutMs: 30_000 }));
      const baseUrl = `http://127.0.0.1:${api.port}`;
      if (!consentRecorded && options.consent !== false) {
        const therapist = byRole("therapist");
        await recordTestConsent(baseUrl, await login(baseUrl, therapist), byRole("patient").user.id);
        consentRecorded = true;
      }
      return Object.assign(api, { baseUrl });
    },
    async startWorker(overrides = {}) {
      return track(await startCli(["worker"], { ...env, ...overrides }, { ready: (line) => line.message === "worker started", timeoutMs: 30_000 }));
    },
    async signInTherapistWithPhone(api) {
      const token = await login(api.baseUrl, byRole("therapist"));
      await registerDevice(api.baseUrl, token, options.phoneToken);
      return token;
    },
    async kill(process) {
      process.child.kill("SIGKILL");
      await process.exited;
    },
  };
}
