/** The first accounts of a deployment, as `confide seed` makes them. */
import type { SeededAccount } from "./confide-api-client.ts";
import { runCli } from "./server-process.ts";

export interface SeededAccounts {
  admin: SeededAccount;
  therapist: SeededAccount;
  patient: SeededAccount;
}

/**
 * Runs `confide seed` with `env` (the deployment's database and settings).
 * @returns the admin, therapist and patient it made, with their passwords.
 * @throws Error naming the role when the seed made no account of it.
 */
export async function seedAccounts(env: Record<string, string>): Promise<SeededAccounts> {
  const seeded = JSON.parse(await runCli(["seed"], env)) as { accounts: SeededAccount[] };
  const byRole = (role: string) => {
    const account = seeded.accounts.find((candidate) => candidate.user.role === role);
    if (!account) throw new Error(`confide seed made no ${role}: ${JSON.stringify(seeded)}`);
    return account;
  };
  return { admin: byRole("admin"), therapist: byRole("therapist"), patient: byRole("patient") };
}
