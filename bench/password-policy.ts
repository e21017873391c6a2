/**
 * Password-policy benchmark: how long one `checkPasswordPolicy` call (zxcvbn-ts with the common
 * and English dictionaries) holds the event loop, for the passwords a client can send to
 * create-user and change-password, up to the 1,024-character maximum. The estimator sees at
 * most 64 characters and 8 l33t substitutions (packages/core/src/domain/password-strength.ts).
 * Target: the worst call < 500 ms (an scrypt hash at the production cost takes about 100 ms).
 *
 * Run: node --conditions=source bench/password-policy.ts
 * Environment: BENCH_PASSWORD_RUNS (default 20 per kind).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { checkPasswordPolicy } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import { machineLoadLine } from "./support/machine-load.ts";
import { median } from "./support/median.ts";

const runs = Number(process.env.BENCH_PASSWORD_RUNS ?? 20);
const targetMs = 500;
const owner = { email: "robin.ortega@example.org", displayName: "Robin Ortega" };

const kinds: Record<string, () => string> = {
  "random 20 (seed)": () => randomBytes(15).toString("base64url"),
  "random 64": () => randomBytes(48).toString("base64url"),
  "random 1024": () => randomBytes(768).toString("base64url"),
  "l33t-heavy 64": () => "1!1!4@4@3$3$0000".repeat(4),
  "passphrase 40": () => "tangerine lantern orbit harbour engine 42",
};

async function timeOne(password: string): Promise<number> {
  const startMs = performance.now();
  try {
    await checkPasswordPolicy(password, { minLength: 12, owner });
  } catch (error) {
    if (!ConfideError.is(error, "auth.weak_password")) throw error;
  }
  return performance.now() - startMs;
}

console.log(machineLoadLine());
const firstMs = await timeOne("warm-up password 1");
console.log(`first call (loads the dictionaries): ${firstMs.toFixed(0)} ms`);
let worstMs = 0;
for (const [kind, make] of Object.entries(kinds)) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await timeOne(make()));
  const kindWorstMs = Math.max(...times);
  worstMs = Math.max(worstMs, kindWorstMs);
  console.log(`${kind.padEnd(18)} median ${median(times).toFixed(1)} ms, worst ${kindWorstMs.toFixed(1)} ms (${runs} runs)`);
}
console.log(`worst call ${worstMs.toFixed(0)} ms: ${worstMs < targetMs ? "within" : "MISSED"} the ${targetMs} ms target`);
