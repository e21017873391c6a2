import { ConfideError, type Clock } from "@confide/core";

export interface LoginThrottleOptions {
  /** Failed attempts allowed per account (lower-cased email) within the window. */
  perAccount: number;
  /** Failed attempts allowed per client address within the window. */
  perAddress: number;
  windowMs: number;
  clock: Clock;
  /** Keys remembered per kind; the least recently failed are forgotten first. */
  maxKeys?: number;
}

export interface LoginThrottle {
  /** @throws ConfideError `auth.throttled` (with retryAfterMs) when either limit is reached. */
  check(account: string, address: string): void;
  recordFailure(account: string, address: string): void;
  /** A successful login clears the account's failures (not the address's). */
  recordSuccess(account: string): void;
}

export const defaultLoginThrottle = { perAccount: 5, perAddress: 50, windowMs: 15 * 60_000 };

/** Failure timestamps per key in a sliding window, bounded in keys and in entries per key. */
function createWindowCounter(limit: number, windowMs: number, maxKeys: number) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => (failures.get(key) ?? []).filter((at) => at > nowMs - windowMs);
  return {
    /** Milliseconds until the key may try again, or 0. */
    blockedForMs(key: string, nowMs: number): number {
      const times = recent(key, nowMs);
      if (times.length < limit) return 0;
      const oldestCounted = times[times.length - limit] ?? nowMs;
      return Math.max(1, oldestCounted + windowMs - nowMs);
    },
    add(key: string, nowMs: number) {
      const times = [...recent(key, nowMs), nowMs].slice(-limit);
      failures.delete(key);
      failures.set(key, times);
      if (failures.size > maxKeys) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
    },
    clear(key: string) {
      failures.delete(key);
    },
  };
}

/** Counts failed logins per account and per client address (DESIGN §6 login). */
export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const maxKeys = options.maxKeys ?? 10_000;
  const accounts = createWindowCounter(options.perAccount, options.windowMs, maxKeys);
  const addresses = createWindowCounter(options.perAddress, options.windowMs, maxKeys);
  const nowMs = () => options.clock.now().getTime();
  return {
    check(account, address) {
      const now = nowMs();
      const waitMs = Math.max(accounts.blockedForMs(account, now), addresses.blockedForMs(address, now));
      if (waitMs > 0) {
        throw new ConfideError("auth.throttled", "Too many failed sign-in attempts. Try again later.", {
          retryable: true,
          retryAfterMs: waitMs,
        });
      }
    },
    recordFailure(account, address) {
      const now = nowMs();
      accounts.add(account, now);
      addresses.add(address, now);
    },
    recordSuccess(account) {
      accounts.clear(account);
    },
  };
}
