/**
 * What the self-hosted and the Azure test stacks share: the seeded accounts and the `confide serve`
 * and `confide worker` processes they start, tracked so that the stack's close stops them.
 */
import { login, recordTestConsent, registerDevice } from "./confide-api-client.ts";
import { seedAccounts, type SeededAccounts } from "./seed-accounts.ts";
import { startCli, type ConfideProcess } from "./server-process.ts";

export type RunningProcess = ConfideProcess & { port: number };

export interface ApiProcess extends RunningProcess {
  baseUrl: string;
}

export interface StackProcesses {
  accounts: SeededAccounts;
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
  const accounts = await seedAccounts(env);

  let consentRecorded = false;
  const track = (process: RunningProcess) => {
    processes.push(process);
    return process;
  };

  return {
    accounts,
    async startApi(overrides = {}) {
      const api = track(await startCli(["serve"], { ...env, ...overrides }, { timeoutMs: 30_000 }));
      const baseUrl = `http://127.0.0.1:${api.port}`;
      if (!consentRecorded && options.consent !== false) {
        await recordTestConsent(baseUrl, await login(baseUrl, accounts.therapist), accounts.patient.user.id);
        consentRecorded = true;
      }
      return Object.assign(api, { baseUrl });
    },
    async startWorker(overrides = {}) {
      return track(await startCli(["worker"], { ...env, ...overrides }, { ready: (line) => line.message === "worker started", timeoutMs: 30_000 }));
    },
    async signInTherapistWithPhone(api) {
      const token = await login(api.baseUrl, accounts.therapist);
      await registerDevice(api.baseUrl, token, options.phoneToken);
      return token;
    },
    async kill(process) {
      process.child.kill("SIGKILL");
      await process.exited;
    },
  };
}
