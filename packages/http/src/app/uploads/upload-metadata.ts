import { ConfideError } from "@confide/core/ports";

const key = /^[^\s,]+$/;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a tus Upload-Metadata header: comma-separated pairs of a key and its value in base64
 * (the value may be absent: an empty string). Keys are unique.
 * @throws ConfideError `validation.invalid_input` for a malformed pair, a value that is not
 * base64 or not UTF-8, or a repeated key.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (header === undefined || header.trim() === "") return metadata;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const pair of header.split(",")) {
    const [name, value = "", ...rest] = pair.trim().split(" ");
    if (name === undefined || !key.test(name) || rest.length > 0 || !base64.test(value)) {
      throw invalid("Upload-Metadata must be comma-separated pairs of a key and a base64 value.");
    }
    if (Object.hasOwn(metadata, name)) throw invalid(`Upload-Metadata names "${name.slice(0, 40)}" twice.`);
    try {
      metadata[name] = decoder.decode(Buffer.from(value, "base64"));
    } catch (error) {
      throw invalid(`Upload-Metadata's "${name.slice(0, 40)}" is not UTF-8 text.`, error);
    }
  }
  return metadata;
}

const invalid = (message: string, cause?: unknown) =>
  new ConfideError("validation.invalid_input", message, { ...(cause === undefined ? {} : { cause }), details: { errors: [{ in: "header", field: "upload-metadata", message, code: "custom" }] } });
