import { createHash, timingSafeEqual } from "node:crypto";
import { ConfideError } from "@confide/core/ports";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

export interface BackupRouteOptions {
  /**
   * The secret a caller must present as `Authorization: Bearer <token>`: the server writes it
   * into its private data directory at each start (backup-token.ts), so only the account the
   * server runs as (or root) can read it — `confide backup` on the same machine.
   */
  token: string;
  /** Starts a backup. @returns its archive bytes. */
  open(): Promise<ReadableStream<Uint8Array>>;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * `GET /v1/admin/backup`: the backup archive, streamed, for `confide backup` while this process
 * holds the embedded database. Not an API for people (no JWT, not in the OpenAPI document): a
 * caller proves it may read the data directory by presenting the token stored in it.
 * @throws ConfideError `auth.unauthenticated` without the token, or with another one.
 */
export function createBackupRoute(options: BackupRouteOptions) {
  const expected = digest(options.token);
  const router = new Hono<AppEnv>();
  router.get("/", async (c) => {
    const presented = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    // Compared as digests: equal lengths, constant time.
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      throw new ConfideError("auth.unauthenticated", "A backup is given only to a caller presenting the token in the server's data directory (confide backup does).");
    }
    const body = await options.open();
    return new Response(body, {
      status: 200,
      headers: { "content-type": "application/octet-stream", "content-disposition": 'attachment; filename="confide.backup"' },
    });
  });
  return router;
}
