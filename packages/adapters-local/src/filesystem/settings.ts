import { z } from "zod";
import { dataKeyFormat, decodeDataKey } from "./data-key.ts";

/** One data key; a value not in the format is refused without echoing it. */
const dataKey = z.string().transform((text, context) => {
  const key = decodeDataKey(text);
  if (key === undefined) {
    context.addIssue({ code: "custom", message: `must be ${dataKeyFormat}` });
    return z.NEVER;
  }
  return key;
});

/** A comma-separated list of data keys; an empty entry or one not in the format is refused, without echoing it. */
const dataKeys = z.string().transform((text, context) => {
  const keys = text.split(",").map(decodeDataKey);
  if (keys.some((key) => key === undefined)) {
    context.addIssue({ code: "custom", message: `each key must be ${dataKeyFormat}, separated by commas` });
    return z.NEVER;
  }
  return keys as Buffer[];
});

/** The environment variables of the filesystem blob store: encryption at rest of the recordings. */
export const filesystemSettings = z
  .object({
    CONFIDE_DATA_KEY: dataKey
      .optional()
      .describe(
        "encrypts new recordings at rest: 32 random bytes as base64 or 64 hex digits, e.g. `openssl rand -base64 32` (see [Data at rest](#data-at-rest))",
      )
      .meta({ shownDefault: "— (recordings stored as sent)" }),
    CONFIDE_DATA_KEYS_PREVIOUS: dataKeys
      .optional()
      .describe(
        "comma-separated earlier data keys (same format), still needed to read the recordings they encrypted; needs `CONFIDE_DATA_KEY`",
      ),
  })
  .superRefine((variables, context) => {
    if (variables.CONFIDE_DATA_KEYS_PREVIOUS !== undefined && variables.CONFIDE_DATA_KEY === undefined) {
      context.addIssue({
        code: "custom",
        path: ["CONFIDE_DATA_KEYS_PREVIOUS"],
        message: "needs CONFIDE_DATA_KEY, the key new recordings are encrypted with",
      });
    }
  })
  .describe("files under `<data dir>/blobs`");

export type FilesystemVariables = z.output<typeof filesystemSettings>;
