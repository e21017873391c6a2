import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.ts";

/** The cookie that holds the browser console's refresh token. */
export const refreshCookieName = "confide_refresh";

/**
 * Sent only to the auth routes (login, refresh, logout, password): refresh reads it, and
 * logout needs it to revoke the sign-in's whole family, so it cannot be narrower than their
 * common parent. No data route ever receives it, so no other route can be made to act on it.
 */
export const refreshCookiePath = "/v1/auth";

/**
 * HttpOnly: page scripts (an injected one included) never read it; the access token lives in
 * the page's memory only. Secure: never sent over plain HTTP. Browsers treat http://localhost
 * as secure, so the console works there; on a plain-http LAN address (http://192.168.1.20:8080)
 * the browser drops a Secure cookie: sign-in still works, but a reload signs out. Serve the
 * console over HTTPS beyond localhost. SameSite=Strict: not sent on requests started by another
 * site; see `csrf-check.ts` for what else guards the routes that read it.
 */
const attributes = { httpOnly: true, secure: true, sameSite: "Strict", path: refreshCookiePath } as const;

/** Sets the refresh token; the cookie lives as long as the token. */
export function setRefreshCookie(c: Context<AppEnv>, refreshToken: string, expiresAt: Date, now: Date): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  setCookie(c, refreshCookieName, refreshToken, { ...attributes, maxAge });
}

/** The refresh token the browser sent, when it sent one. */
export function readRefreshCookie(c: Context<AppEnv>): string | undefined {
  const value = getCookie(c, refreshCookieName);
  return value === undefined || value === "" ? undefined : value;
}

/** Tells the browser to forget the cookie (after logout, or a refused token). */
export function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, refreshCookieName, attributes);
}
