import type { Actor } from "@confide/core";
import { ConfideError } from "@confide/core/ports";
import type { Confide } from "@confide/http/compose";

/**
 * The actor of a request signed with HTTP Basic auth (an account's email and password), through
 * core's `login`. A host with its own sign-in maps its user to an `Actor` instead.
 * @throws ConfideError `auth.invalid_credentials`.
 */
export async function basicAuthActor(confide: Confide, authorization: string | undefined): Promise<Actor> {
  const [scheme, encoded] = (authorization ?? "").split(" ");
  // A password may hold a colon: only the first one separates it from the email (RFC 7617).
  const decoded = Buffer.from(encoded ?? "", "base64").toString();
  const colon = decoded.indexOf(":");
  const [email, password] = colon === -1 ? [decoded, undefined] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  if (scheme !== "Basic" || !email || !password) {
    throw new ConfideError("auth.invalid_credentials", "Use HTTP Basic auth with an account's email and password.");
  }
  const { user } = await confide.login({ email, password });
  return { userId: user.id, role: user.role };
}
