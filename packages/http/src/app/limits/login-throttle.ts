import { createHash } from "node:crypto";
import { ConfideError } from "@confide/core";
import type { RateLimitCounter, RateLimitStore } from "@confide/core/ports";

/**
 * How sign-in attempts are limited (OWASP Authentication Cheat Sheet: limit per account and
 * address, slow down rather than lock out, so that an attacker elsewhere cannot keep the owner
 * out for long).
 */
export interface LoginThrottleLimits {
  /** Failed attempts allowed for one account from one client address within the window; then that pair waits for the window to end. */
  perAccountAddress: number;
  /** Failed attempts allowed from one client address, over every account, within the window. */
  perAddress: number;
  /**
   * Failed attempts allowed for one account from all addresses within the window before it is
   * slowed down: each further failure makes the account wait `backoffBaseMs`, doubling per
   * failure up to `backoffMaxMs`, before the next attempt from any address is checked.
   */
  perAccount: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  windowMs: number;
}

export const defaultLoginThrottle: LoginThrottleLimits = {
  perAccountAddress: 5,
  perAddress: 50,
  perAccount: 20,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  windowMs: 15 * 60_000,
};

/** An attempt admitted by `reserve`: report how it ended exactly once. */
export interface LoginAttempt {
  /** The password was wrong (or the account unknown): the reservation counts as a failure. */
  failed(): Promise<void>;
  /** Signed in: the pair's and account's failures are forgotten; the address keeps its count. */
  succeeded(): Promise<void>;
  /** Ended for another reason (e.g. a server error): the reservation is given back. */
  abandoned(): Promise<void>;
}

export interface LoginThrottle {
  /**
   * Reserves one attempt for (account, address) before the password is checked, atomically, so
   * parallel attempts cannot all pass a check made before any failure was counted.
   *
   * With `device`, the id of a valid device cookie for this account (this browser signed in to
   * it before), the attempt is limited by that device's failures (`perAccountAddress` per
   * window) instead of the pair's, the address's and the account's slowdown: a burst of
   * failures from the same address or against the same account does not keep the device out,
   * and a stolen cookie buys no more guesses than an address would. Its failures still count
   * against the account, slowing down untrusted attempts.
   * @throws ConfideError `auth.throttled` (retryable, with retryAfterMs) when the pair, the
   * address or the device has used its failures, or the account is slowed down.
   */
  reserve(account: string, address: string, device?: string | null): Promise<LoginAttempt>;
}

const throttled = (retryAfterMs: number) =>
  new ConfideError("auth.throttled", "Too many failed sign-in attempts. Try again later.", { retryable: true, retryAfterMs });

/** Emails are personal data: the stores see a digest. */
const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

/** Counts failed logins per (account, address), per address and per account (DESIGN §6 login). */
export function createLoginThrottle(options: { store: RateLimitStore; limits?: Partial<LoginThrottleLimits> }): LoginThrottle {
  const limits = { ...defaultLoginThrottle, ...options.limits };
  const durationSeconds = Math.max(1, Math.ceil(limits.windowMs / 1000));
  const pairs = options.store.counter("login-pair", { points: limits.perAccountAddress, durationSeconds });
  const addresses = options.store.counter("login-address", { points: limits.perAddress, durationSeconds });
  const accounts = options.store.counter("login-account", { points: limits.perAccount, durationSeconds });
  /** One attempt per account at a time once it is slowed down; blocked for the backoff after each failure. */
  const accountGates = options.store.counter("login-account-gate", { points: 1, durationSeconds: 1 });
  const devices = options.store.counter("login-device", { points: limits.perAccountAddress, durationSeconds });

  const release = (taken: Array<[RateLimitCounter, string]>) => Promise.all(taken.map(([limiter, key]) => limiter.refund(key, 1)));

  return {
    async reserve(account, address, device) {
      const accountKey = digest(account);
      const pairKey = `${accountKey}:${address}`;
      const deviceKey = device ? `${accountKey}:${device}` : null;
      const taken: Array<[RateLimitCounter, string]> = [];
      const take = async (limiter: RateLimitCounter, key: string) => {
        const outcome = await limiter.consume(key);
        if (!outcome.allowed) {
          await release(taken);
          throw throttled(outcome.retryAfterMs);
        }
        taken.push([limiter, key]);
      };
      if (deviceKey) {
        await take(devices, deviceKey);
      } else {
        await take(pairs, pairKey);
        await take(addresses, address);
        const accountFailures = await accounts.peek(accountKey);
        const slowedDown = accountFailures.remainingPoints === 0;
        if (slowedDown) await take(accountGates, accountKey);
      }

      let settled = false;
      const settle = async (action: () => Promise<unknown>) => {
        if (settled) return;
        settled = true;
        await action();
      };
      return {
        failed: () =>
          settle(async () => {
            // Pair and address (or device) keep their points: each failure counts.
            const { consumedPoints } = await accounts.consume(accountKey);
            const excess = consumedPoints - limits.perAccount;
            if (excess > 0) {
              const backoffMs = Math.min(limits.backoffMaxMs, limits.backoffBaseMs * 2 ** Math.min(30, excess - 1));
              await accountGates.block(accountKey, backoffMs);
            }
          }),
        succeeded: () =>
          settle(async () => {
            const resets = [pairs.reset(pairKey), accounts.reset(accountKey), accountGates.reset(accountKey)];
            // The address's count is given back only where it was taken.
            await Promise.all(deviceKey ? [...resets, devices.reset(deviceKey)] : [...resets, addresses.refund(address, 1)]);
          }),
        abandoned: () => settle(() => release(taken)),
      };
    },
  };
}
