/**
 * The held-out part of the real-dialogue evaluation set, decided by id alone before anyone reads
 * a conversation: an id is held out when the first byte of its SHA-256 (of the id's UTF-8 bytes)
 * is divisible by 4 — about a quarter of the set. Whoever writes or tunes risk rules never reads
 * a held-out conversation; the bench reports it apart from the rest (the dev part).
 */
import { createHash } from "node:crypto";

export function isHeldOut(id: string): boolean {
  const firstByte = createHash("sha256").update(id, "utf8").digest()[0] as number;
  return firstByte % 4 === 0;
}

export const splitOf = (id: string): "held-out" | "dev" => (isHeldOut(id) ? "held-out" : "dev");
