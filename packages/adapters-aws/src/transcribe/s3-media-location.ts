/** An object in S3 that Transcribe can read as `s3://<bucket>/<key>`. */
export interface S3Object {
  bucket: string;
  key: string;
}

/** `s3.<region>`, `s3-<region>`, `s3.dualstack.<region>` or `s3` (global, us-east-1) under amazonaws.com(.cn). */
const awsHost = /^(?:(?<bucket>.+)\.)?s3(?:[.-](?:dualstack\.)?(?<region>[a-z]{2}(?:-[a-z]+)+-\d+))?\.amazonaws\.com(?:\.cn)?$/;

function decodedKey(segments: string[]): string | undefined {
  try {
    const key = segments.map((segment) => decodeURIComponent(segment)).join("/");
    return key === "" ? undefined : key;
  } catch {
    // Not percent-encoding a signer writes: not a URL this adapter can read.
    return undefined;
  }
}

function pathStyle(path: string): S3Object | undefined {
  const [bucket, ...rest] = path.replace(/^\//, "").split("/");
  if (bucket === undefined || bucket === "") return undefined;
  const key = decodedKey(rest);
  return key === undefined ? undefined : { bucket: decodeURIComponent(bucket), key };
}

/**
 * The S3 object a URL that reads it names — the blob store's signed read URL of the recording
 * (`AudioSource.readUrl`) — when Transcribe can read that object in place: an Amazon S3 URL
 * (virtual-hosted or path-style) in Transcribe's region (Transcribe reads only buckets of its
 * own region), or a path-style URL of the configured S3 endpoint (stand-ins).
 * @returns undefined for any other URL (Azure Blob, an S3-compatible store, another region):
 * the recording is then copied to the staging bucket.
 */
export function s3ObjectOfUrl(url: string, where: { region: string | undefined; s3Endpoint: string | undefined }): S3Object | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (where.s3Endpoint !== undefined && URL.canParse(where.s3Endpoint) && parsed.origin === new URL(where.s3Endpoint).origin) {
    return pathStyle(parsed.pathname);
  }
  if (parsed.protocol !== "https:") return undefined;
  const match = awsHost.exec(parsed.hostname);
  if (match === null) return undefined;
  const region = match.groups?.region ?? "us-east-1";
  if (where.region !== undefined && region !== where.region) return undefined;
  const bucket = match.groups?.bucket;
  if (bucket === undefined) return pathStyle(parsed.pathname);
  const key = decodedKey(parsed.pathname.replace(/^\//, "").split("/"));
  return key === undefined ? undefined : { bucket, key };
}
