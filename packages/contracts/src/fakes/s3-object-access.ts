/**
 * How a fake cloud service reads and writes objects in the S3 stand-in, as the real service does
 * with its service role: plain path-style HTTP (`${endpoint}/${bucket}/${key}`) without
 * credentials, which the stand-in (s3rver) allows. Replace it on the fake to reach another
 * store.
 */
export interface S3ObjectAccess {
  /** The object's bytes, or the HTTP status when it could not be read (0: no answer). */
  read(bucket: string, key: string): Promise<{ status: number; bytes: Buffer }>;
  /** The object's size in bytes (HEAD's Content-Length), undefined when it does not exist. */
  size(bucket: string, key: string): Promise<number | undefined>;
  bucketExists(bucket: string): Promise<boolean>;
  /** Throws when the store refuses the object. */
  write(bucket: string, key: string, body: string, contentType: string): Promise<void>;
}

export function pathStyleS3Access(endpoint: string): S3ObjectAccess {
  const base = endpoint.replace(/\/$/, "");
  const objectUrl = (bucket: string, key: string) => `${base}/${encodeURIComponent(bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const head = async (url: string) => {
    try {
      return (await fetch(url, { method: "HEAD" })).ok;
    } catch {
      return false;
    }
  };
  return {
    async read(bucket, key) {
      try {
        const response = await fetch(objectUrl(bucket, key));
        const bytes = Buffer.from(await response.arrayBuffer());
        return { status: response.status, bytes: response.ok ? bytes : Buffer.alloc(0) };
      } catch {
        return { status: 0, bytes: Buffer.alloc(0) };
      }
    },
    async size(bucket, key) {
      try {
        const response = await fetch(objectUrl(bucket, key), { method: "HEAD" });
        const length = Number(response.headers.get("content-length"));
        return response.ok && Number.isFinite(length) ? length : undefined;
      } catch {
        return undefined;
      }
    },
    bucketExists: (bucket) => head(`${base}/${encodeURIComponent(bucket)}`),
    async write(bucket, key, body, contentType) {
      const response = await fetch(objectUrl(bucket, key), { method: "PUT", body, headers: { "content-type": contentType } });
      if (!response.ok) throw new Error(`PUT ${bucket}/${key}: ${response.status}`);
    },
  };
}
