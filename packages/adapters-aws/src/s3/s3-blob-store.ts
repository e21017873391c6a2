import { assertBlobKey, parseSettings } from "@confide/core/adapter-kit";
import { type BlobInfo, type BlobRead, type BlobStore, type ByteRange, ConfideError } from "@confide/core/ports";
import { isMissingObject, nameOf, statusOf, toS3Error } from "./s3-errors.ts";
import { uploadInParts, type PartTarget } from "./part-upload.ts";
import { mebibyte, s3Settings, type S3Settings } from "./settings.ts";

const defaultContentType = "application/octet-stream";
/** S3's longest presigned URL (SigV4): 7 days. */
const longestSignedUrlSeconds = 7 * 24 * 3600;

function notFound(key: string, cause?: unknown): ConfideError {
  return new ConfideError("blob.not_found", "There is no object at this key.", { cause, details: { key: key.slice(0, 100) } });
}

/** The reason an aborted signal carries, or a standard AbortError. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** ConfideError `dependency.unavailable` (not retryable) for what S3 cannot do as configured. */
function unusable(why: string, cause: unknown, reason: string): ConfideError {
  return new ConfideError("dependency.unavailable", `S3 cannot be used: ${why}.`, { cause, details: { dependency: "s3", reason } });
}

/** `bytes=start-end` for S3 (always explicit: suffix ranges are not what the port means). */
function rangeHeader(range: ByteRange): string {
  if (!Number.isInteger(range.start) || range.start < 0) {
    throw new ConfideError("validation.invalid_input", "A range starts at a non-negative whole byte.", { details: { field: "range" } });
  }
  if (range.end !== undefined && (!Number.isInteger(range.end) || range.end < range.start)) {
    throw new ConfideError("blob.range_not_satisfiable", "The range ends before it starts.", {
      details: { start: range.start, end: range.end },
    });
  }
  return `bytes=${range.start}-${range.end ?? ""}`;
}

/** Reads `bytes 100-199/1000` (S3's Content-Range). */
function parseContentRange(value: string | undefined): { start: number; sizeBytes: number } | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+)$/.exec(value ?? "");
  if (match === null) return undefined;
  return { start: Number(match[1]), sizeBytes: Number(match[2]) };
}

/** Passes `take` bytes after skipping `skip`, then ends (the rest is not read). */
function byteSlice(skip: number, take: number): TransformStream<Uint8Array, Uint8Array> {
  let position = 0;
  return new TransformStream({
    transform(chunk, controller) {
      const from = Math.max(0, skip - position);
      const to = Math.min(chunk.byteLength, skip + take - position);
      position += chunk.byteLength;
      if (from < to) controller.enqueue(chunk.subarray(from, to));
      if (position >= skip + take) controller.terminate();
    },
  });
}

/** The encryption headers `put` asks for. */
function encryptionParameters(settings: { serverSideEncryption: "AES256" | "aws:kms" | "none"; kmsKeyId?: string | undefined }): { ServerSideEncryption?: "AES256" | "aws:kms"; SSEKMSKeyId?: string } {
  if (settings.serverSideEncryption === "none") return {};
  if (settings.serverSideEncryption === "AES256") return { ServerSideEncryption: "AES256" };
  return { ServerSideEncryption: "aws:kms", ...(settings.kmsKeyId === undefined ? {} : { SSEKMSKeyId: settings.kmsKeyId }) };
}

/**
 * BlobStore on an S3 bucket (Amazon S3, or an S3-compatible store through `endpoint` and
 * `forcePathStyle`). `put` streams the body (part-upload.ts): a body no longer than one part is
 * one PutObject, a longer one a multipart upload that S3 makes visible only when it completes,
 * so readers see the old object or the whole new one. An upload holds at most
 * `partSize × (queueSize + 1)` bytes of the body in memory (15 MiB by default), in part buffers
 * it allocates once and reuses; the caller's chunks are copied in and not kept. Every object written asks for the configured
 * server-side encryption and keeps its content type. The client computes request checksums
 * only where an operation requires them (`WHEN_REQUIRED`): the SDK's default sends streamed
 * bodies aws-chunked, which some S3-compatible stores keep as the object's bytes, and puts a
 * checksum of an empty body into URLs signed for writing, which S3 then refuses.
 * @throws ConfideError `validation.invalid_input` naming the first bad setting.
 */
export async function createS3BlobStore(input: S3Settings): Promise<BlobStore> {
  const settings = parseSettings(s3Settings, input);
  const partSizeBytes = settings.partSizeMiB * mebibyte;
  const [
    {
      AbortMultipartUploadCommand,
      CompleteMultipartUploadCommand,
      CreateMultipartUploadCommand,
      DeleteObjectCommand,
      GetObjectCommand,
      HeadBucketCommand,
      HeadObjectCommand,
      PutObjectCommand,
      S3Client,
      UploadPartCommand,
    },
    { getSignedUrl },
  ] = await Promise.all([import("@aws-sdk/client-s3"), import("@aws-sdk/s3-request-presigner")]);
  const client = new S3Client({
    ...(settings.region === undefined ? {} : { region: settings.region }),
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
    forcePathStyle: settings.forcePathStyle,
    maxAttempts: settings.maxAttempts,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: {
      connectionTimeout: settings.connectionTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Without it a request past the timeout only logs a warning and waits on.
      throwOnRequestTimeout: true,
    },
  });
  const Bucket = settings.bucket;
  const encryption = encryptionParameters(settings);
  const signalOption = (signal: AbortSignal | undefined) => (signal === undefined ? {} : { abortSignal: signal });

  /** Removes the object, mapping failures to ConfideErrors. */
  async function deleteObject(key: string, signal?: AbortSignal): Promise<void> {
    try {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }), signalOption(signal));
    } catch (error) {
      throw toS3Error(error, "delete an object");
    }
  }

  return {
    async put(key, body, options) {
      assertBlobKey(key);
      const { signal } = options;
      if (signal?.aborted) throw abortReason(signal);
      const ContentType = options.contentType;
      const target: PartTarget = {
        async putWhole(bytes) {
          try {
            await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, ContentType, ...encryption }));
          } catch (error) {
            throw toS3Error(error, "store an object");
          }
        },
        async startMultipart() {
          let UploadId: string | undefined;
          try {
            ({ UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType, ...encryption })));
          } catch (error) {
            throw toS3Error(error, "store an object");
          }
          if (UploadId === undefined) throw unusable("it started a multipart upload without an upload id", undefined, "no_upload_id");
          return {
            async uploadPart(PartNumber, bytes) {
              let ETag: string | undefined;
              try {
                ({ ETag } = await client.send(
                  new UploadPartCommand({ Bucket, Key: key, UploadId, PartNumber, Body: bytes, ContentLength: bytes.byteLength }),
                ));
              } catch (error) {
                throw toS3Error(error, "store an object");
              }
              if (ETag === undefined) throw unusable("it stored a part without an ETag", undefined, "no_etag");
              return ETag;
            },
            async complete(Parts) {
              try {
                await client.send(new CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts } }));
              } catch (error) {
                throw toS3Error(error, "store an object");
              }
            },
            async abort() {
              // S3 drops the parts; a failure here leaves them to the bucket's lifecycle rule (see the README).
              await client.send(new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId })).catch(() => undefined);
            },
          };
        },
      };
      try {
        await uploadInParts({ body, partSizeBytes, queueSize: settings.queueSize, target, ...(signal === undefined ? {} : { signal }) });
      } catch (error) {
        // Aborted while S3 stored the last bytes (the PutObject or CompleteMultipartUpload may have
        // gone through): take the object back. A key never written answers 204 as well.
        if (signal?.aborted) await deleteObject(key);
        throw error;
      }
      if (signal?.aborted) {
        await deleteObject(key);
        throw abortReason(signal);
      }
    },

    async get(key, options = {}): Promise<BlobRead> {
      assertBlobKey(key);
      const { range, signal } = options;
      const Range = range === undefined ? undefined : rangeHeader(range);
      let response;
      try {
        response = await client.send(new GetObjectCommand({ Bucket, Key: key, ...(Range === undefined ? {} : { Range }) }), signalOption(signal));
      } catch (error) {
        if (isMissingObject(error)) throw notFound(key, error);
        if (nameOf(error) === "InvalidRange" || statusOf(error) === 416) {
          throw new ConfideError("blob.range_not_satisfiable", "The range starts past the end of the object.", {
            cause: error,
            details: { start: range?.start },
          });
        }
        throw toS3Error(error, "read an object");
      }
      if (response.Body === undefined) throw unusable("it answered a read without a body", undefined, "no_body");
      const body = response.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      const contentType = response.ContentType ?? defaultContentType;
      if (range === undefined) return { body, sizeBytes: response.ContentLength ?? 0, contentType };
      // A store that ignores the range (200, the whole object) or widens it (s3rver answers
      // `bytes=0-0` with everything) is cut down to what was asked.
      const returned = parseContentRange(response.ContentRange) ?? { start: 0, sizeBytes: response.ContentLength ?? 0 };
      const end = Math.min(range.end ?? returned.sizeBytes - 1, returned.sizeBytes - 1);
      if (range.start > end || returned.start > range.start) {
        await body.cancel();
        throw new ConfideError("blob.range_not_satisfiable", "The range starts past the end of the object.", {
          details: { start: range.start, sizeBytes: returned.sizeBytes },
        });
      }
      const trimmed = body.pipeThrough(byteSlice(range.start - returned.start, end - range.start + 1));
      return { body: trimmed, sizeBytes: returned.sizeBytes, contentType, range: { start: range.start, end } };
    },

    async head(key, options = {}): Promise<BlobInfo | null> {
      assertBlobKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket, Key: key }), signalOption(options.signal));
        return { sizeBytes: response.ContentLength ?? 0, contentType: response.ContentType ?? defaultContentType };
      } catch (error) {
        if (isMissingObject(error)) return null;
        throw toS3Error(error, "look up an object");
      }
    },

    async delete(key, options = {}) {
      assertBlobKey(key);
      // S3 answers 204 for a missing key as for a deleted one.
      await deleteObject(key, options.signal);
    },

    async check(options = {}) {
      try {
        await client.send(new HeadBucketCommand({ Bucket }), signalOption(options.signal));
      } catch (error) {
        // HeadBucket has no body: a missing bucket is a bare 404 (NotFound).
        if (statusOf(error) === 404) throw unusable(`the bucket ${Bucket} does not exist`, error, "NoSuchBucket");
        throw toS3Error(error, "find its bucket");
      }
    },

    async signedUrl(key, options) {
      assertBlobKey(key);
      const { expiresInSeconds, access } = options;
      if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > longestSignedUrlSeconds) {
        throw new ConfideError("validation.invalid_input", `A signed URL expires after 1 to ${longestSignedUrlSeconds} seconds.`, {
          details: { field: "expiresInSeconds" },
        });
      }
      // No encryption header in a write URL: S3 would require the uploader to send it signed.
      const command = access === "read" ? new GetObjectCommand({ Bucket, Key: key }) : new PutObjectCommand({ Bucket, Key: key });
      try {
        return await getSignedUrl(client, command, { expiresIn: expiresInSeconds });
      } catch (error) {
        throw toS3Error(error, "sign a URL");
      }
    },

    async close() {
      client.destroy();
    },
  };
}
