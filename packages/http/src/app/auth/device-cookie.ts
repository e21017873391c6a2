import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.ts";
import { refreshCookiePath } from "./refresh-cookie.ts";

/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): set by a
 * successful sign-in, it tells a later sign-in of the same account that this browser signed in
 * before. Such a sign-in is limited by the device's own failures instead of its address's, so
 * a clinic behind one address, locked out by a burst of failed sign-ins from that address, can
 * still sign in — with the right password, from a browser that did before.
 */
export const deviceCookieName = "confide_device";

/** 90 days: a clinician who signs in every few weeks keeps the device trusted. */
const maxAgeSeconds = 90 * 24 * 60 * 60;

/** Sent with the sign-in only (the auth routes' path), never readable by page scripts. See refresh-cookie.ts. */
const attributes = { httpOnly: true, secure: true, sameSite: "Strict", path: refreshCookiePath, maxAge: maxAgeSeconds } as const;

export interface DeviceCookies {
  /** Sets a new device cookie naming `account` (after a successful sign-in). */
  issue(c: Context<AppEnv>, account: string): void;
  /**
   * The device id of a valid cookie naming `account`; null when there is none, it was forged or
   * altered, or it names another account.
   */
  read(c: Context<AppEnv>, account: string): string | null;
}

/** Signs device cookies with a key derived from `secret` for this use alone (the access tokens' key). */
export function createDeviceCookies(secret: string): DeviceCookies {
  const key = createHmac("sha256", secret).update("confide device cookie v1").digest();
  // The cookie holds the device id and this MAC only: the account (an email) never leaves the server.
  const mac = (deviceId: string, account: string) => createHmac("sha256", key).update(`${deviceId}\n${account}`).digest();
  return {
    issue(c, account) {
      const deviceId = randomBytes(16).toString("base64url");
      setCookie(c, deviceCookieName, `${deviceId}.${mac(deviceId, account).toString("base64url")}`, attributes);
    },
    read(c, account) {
      const value = getCookie(c, deviceCookieName);
      const [deviceId, signature, extra] = (value ?? "").split(".");
      if (!deviceId || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(deviceId)) return null;
      const expected = mac(deviceId, account);
      const given = Buffer.from(signature, "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
    },
  };
}
