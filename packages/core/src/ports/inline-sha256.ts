import { createHash } from "node:crypto";
import type { Sha256Hashing } from "./sha256-hashing.ts";

/** sha256 on the calling thread (node:crypto's incremental hash): core's default. */
export const inlineSha256: Sha256Hashing = () => {
  const hash = createHash("sha256");
  return {
    update: (chunk) => {
      hash.update(chunk);
    },
    digest: async () => hash.digest("hex"),
    discard: () => undefined,
  };
};
