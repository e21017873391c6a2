import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env.ts";
import { problemResponse } from "../errors/problem-response.ts";

/** The header a cookie-mode request must carry (any non-empty value; the client sends "1"). */
export const csrfHeaderName = "Confide-CSRF";

/**
 * Refuses (throws 403 `auth.csrf_rejected`) a request that reads or sets the refresh cookie unless it
 * can only have come from a page of this origin:
 *
 * - The `Confide-CSRF` header is required. An HTML form, a link or an image cannot set a header,
 *   and a script on another origin that sets one makes the browser send a CORS preflight first;
 *   the API answers no preflight with `Access-Control-Allow-*`, so the request itself is never
 *   sent. (The JSON body's `Content-Type` triggers a preflight too.)
 * - `Sec-Fetch-Site`, which every current browser sends and no page can forge, must be
 *   `same-origin` when present. SameSite=Strict alone does not separate a sibling subdomain
 *   (`evil.example.org` is the same *site* as `confide.example.org`); this does.
 * - `Origin`, when present, must name this server's host: the check for browsers too old to send
 *   `Sec-Fetch-Site`. Only the host is compared, since a TLS proxy in front makes the server see
 *   `http` where the browser saw `https`.
 *
 * Body-mode requests (the refresh token in JSON) carry no ambient credential and are not checked:
 * a forged one would have to know the token.
 */
export function assertSameOriginRequest(c: Context<AppEnv>): void {
  const refuse = (reason: string): never => {
    throw new HTTPException(403, { res: problemResponse(c, "auth.csrf_rejected", `Refused as a possible cross-site request: ${reason}`) });
  };
  if (!c.req.header(csrfHeaderName)) refuse(`the ${csrfHeaderName} header is missing.`);
  const fetchSite = c.req.header("sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin") refuse(`Sec-Fetch-Site is ${fetchSite}.`);
  const origin = c.req.header("origin");
  if (origin !== undefined && hostOf(origin) !== new URL(c.req.url).host) refuse(`Origin ${origin} is not this server.`);
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
