import { createHash } from "node:crypto";
import { ConfideError, type RateLimitCounter, type RateLimitStore } from "@confide/core/ports";

/**
 * How sign-in attempts are limited (OWASP Authentication Cheat Sheet): failures against one
 * account lock that account for a while; failures from one address slow down only what that
 * address sends that is unknown or failing, so a clinic behind one address is not kept out by
 * one machine's guesses.
 */
export interface LoginThrottleLimits {
  /** Failed attempts allowed for one account from one client address within the window; then that pair waits for the window to end. */
  perAccountAddress: number;
  /**
   * Failed attempts from one client address, over every account, within the window, before the
   * address is slowed down: past it, an attempt for an account that has failed in the window is
   * refused unchecked, and a wrong or unknown one is answered "wait" (429) instead of "wrong".
   * A correct password for an account that has not failed still signs in.
   */
  perAddress: number;
  /** Failures a slowed-down address may still have checked within the window (one per account that has not failed); then every attempt from it waits. */
  perAddressSlowed: number;
  /** Failed attempts for one account from every address within the window; the one that reaches it locks the account for `accountLockMs`. */
  perAccount: number;
  accountLockMs: number;
  windowMs: number;
}

export const defaultLoginThrottle: LoginThrottleLimits = {
  perAccountAddress: 5,
  perAddress: 50,
  perAddressSlowed: 500,
  perAccount: 20,
  accountLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** An attempt admitted by `reserve`: report how it ended exactly once. */
export interface LoginAttempt {
  /**
   * The password was wrong (or the account unknown): the reservation counts as a failure.
   * @returns the error to answer instead of "wrong credentials" (`auth.throttled`, the address
   * being slowed down), or undefined.
   */
  failed(): Promise<ConfideError | undefined>;
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
   * window) instead of the pair's, the address's and the account's lock: a burst of failures
   * from the same address or against the same account does not keep the device out, and a
   * stolen cookie buys no more guesses than an address would. Its failures still count against
   * the account.
   * @throws ConfideError `auth.throttled` (retryable, with retryAfterMs) when the pair or the
   * device has used its failures, the account is locked, or a slowed-down address asks for an
   * account that has failed (or has used its slowed-down checks too).
   */
  reserve(account: string, address: string, device?: string | null): Promise<LoginAttempt>;
}

const throttled = (retryAfterMs: number) =>
  new ConfideError("auth.throttled", "Too many failed sign-in attempts.", { retryable: true, retryAfterMs: Math.max(1_000, retryAfterMs) });

/** Emails are personal data: the stores see a digest. */
const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

/** Counts failed logins per (account, address), per address and per account. */
export function createLoginThrottle(options: { store: RateLimitStore; limits?: Partial<LoginThrottleLimits> }): LoginThrottle {
  const limits = { ...defaultLoginThrottle, ...options.limits };
  const durationSeconds = Math.max(1, Math.ceil(limits.windowMs / 1000));
  const pairs = options.store.counter("login-pair", { points: limits.perAccountAddress, durationSeconds });
  const addresses = options.store.counter("login-address", { points: limits.perAddress, durationSeconds });
  const slowedAddresses = options.store.counter("login-address-slowed", { points: limits.perAddressSlowed, durationSeconds });
  const accounts = options.store.counter("login-account", { points: limits.perAccount, durationSeconds });
  const devices = options.store.counter("login-device", { points: limits.perAccountAddress, durationSeconds });

  const release = (taken: Array<[RateLimitCounter, string]>) => Promise.all(taken.map(([limiter, key]) => limiter.refund(key, 1)));

  return {
    async reserve(account, address, device) {
      const accountKey = digest(account);
      const pairKey = `${accountKey}:${address}`;
      const deviceKey = device ? `${accountKey}:${device}` : null;
      const taken: Array<[RateLimitCounter, string]> = [];
      const refuse = async (retryAfterMs: number) => {
        await release(taken);
        return throttled(retryAfterMs);
      };
      const take = async (limiter: RateLimitCounter, key: string) => {
        const outcome = await limiter.consume(key);
        if (!outcome.allowed) throw await refuse(outcome.retryAfterMs);
        taken.push([limiter, key]);
      };
      let slowed = false;
      if (deviceKey) {
        await take(devices, deviceKey);
      } else {
        await take(pairs, pairKey);
        const accountState = await accounts.peek(accountKey);
        if (accountState.remainingPoints === 0) throw await refuse(accountState.resetInMs);
        const addressOutcome = await addresses.consume(address);
        if (addressOutcome.allowed) {
          taken.push([addresses, address]);
        } else {
          // A busy address: an account that has failed in the window waits; another is checked once.
          slowed = true;
          if (accountState.remainingPoints < limits.perAccount) throw await refuse(addressOutcome.retryAfterMs);
          await take(slowedAddresses, address);
        }
      }

      let settled = false;
      const settle = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
        if (settled) return undefined;
        settled = true;
        return action();
      };
      return {
        failed: () =>
          settle(async () => {
            // Pair and address (or device) keep their points: each failure counts.
            const { consumedPoints } = await accounts.consume(accountKey);
            if (consumedPoints >= limits.perAccount) await accounts.block(accountKey, limits.accountLockMs);
            if (!slowed) return undefined;
            return throttled((await addresses.peek(address)).resetInMs);
          }),
        succeeded: async () => {
          await settle(async () => {
            const resets = [pairs.reset(pairKey), accounts.reset(accountKey)];
            // The address's counts are given back only where they were taken.
            const refunds = deviceKey ? [devices.reset(deviceKey)] : taken.filter(([limiter]) => limiter !== pairs).map(([limiter, key]) => limiter.refund(key, 1));
            await Promise.all([...resets, ...refunds]);
          });
        },
        abandoned: async () => {
          await settle(() => release(taken));
        },
      };
    },
  };
}
