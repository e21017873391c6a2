import { type Clock, ConfideError } from "@confide/core/ports";
import { verify } from "hono/jwt";

/** What a refused token is called in its error ("The audio link has expired; ask for a new one."). */
export interface TokenWording {
  invalid: string;
  expired: string;
}

/** The claims every Confide HS256 token carries (an access token, an audio link), once checked. */
export interface VerifiedClaims {
  /** The account id (claim `sub`). */
  sub: string;
  /** The account's token generation (claim `gen`): revoking bumps it. */
  gen: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Every claim, for the caller's own (`role`, `aud`, `sid`). */
  payload: Record<string, unknown>;
}

const unauthenticated = (wording: TokenWording, reason: "invalid" | "expired", cause?: unknown) =>
  new ConfideError("auth.unauthenticated", wording[reason], { details: { reason }, ...(cause === undefined ? {} : { cause }) });

/**
 * How far a token's `nbf` (not before) or `iat` (issued at) may lie ahead of this server's clock:
 * enough for two servers' clocks that drift apart a little, too little to use a token minted
 * for later.
 */
export const tokenClockLeewaySeconds = 60;

/** A token that is not valid yet (`nbf`), or claims to be issued later than now (`iat`), past the leeway. */
function issuedInTheFuture(payload: Record<string, unknown>, nowSeconds: number): boolean {
  return [payload["nbf"], payload["iat"]].some(
    (claim) => claim !== undefined && (typeof claim !== "number" || !Number.isFinite(claim) || claim > nowSeconds + tokenClockLeewaySeconds),
  );
}

/**
 * Checks an HS256 token's signature, its `sub`, `gen` and `exp` claims, the caller's own claims
 * (`fits`), that it is not dated in the future (`nbf` or `iat` more than `tokenClockLeewaySeconds`
 * ahead: `invalid`), then its expiry by the injected clock (not the machine's).
 * @returns the checked claims.
 * @throws ConfideError `auth.unauthenticated` (details.reason `invalid`, or `expired` for a token
 *   otherwise good).
 */
export async function verifySignedToken(
  token: string,
  options: { secret: string; clock: Clock; wording: TokenWording; fits: (payload: Record<string, unknown>) => boolean },
): Promise<VerifiedClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, options.secret, { alg: "HS256", exp: false, nbf: false, iat: false });
  } catch (error) {
    throw unauthenticated(options.wording, "invalid", error);
  }
  const { sub, gen, exp } = payload;
  if (
    !options.fits(payload) ||
    typeof sub !== "string" ||
    sub === "" ||
    typeof exp !== "number" ||
    typeof gen !== "number" ||
    !Number.isSafeInteger(gen) ||
    gen < 0
  ) {
    throw unauthenticated(options.wording, "invalid");
  }
  const nowSeconds = Math.floor(options.clock.now().getTime() / 1000);
  if (issuedInTheFuture(payload, nowSeconds)) throw unauthenticated(options.wording, "invalid");
  if (exp <= nowSeconds) throw unauthenticated(options.wording, "expired");
  return { sub, gen, exp, payload };
}
