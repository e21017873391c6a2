/** How a data key is written in CONFIDE_DATA_KEY and CONFIDE_DATA_KEYS_PREVIOUS. */
export const dataKeyFormat = "32 bytes written as 64 hex digits or as base64 (e.g. the output of `openssl rand -base64 32`)";

/** The length of a data key. */
export const dataKeyBytes = 32;

/**
 * The 32 bytes of a data key written in hex (64 digits) or base64 (standard or URL-safe,
 * padding optional).
 * @returns undefined when `text` is neither, or not 32 bytes.
 */
export function decodeDataKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, "base64");
  return bytes.byteLength === dataKeyBytes ? bytes : undefined;
}
