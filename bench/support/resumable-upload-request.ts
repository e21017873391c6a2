/**
 * One resumable upload of a recording to `confide serve` (tus 1.0, `/v1/uploads`), the way a tus
 * client sends a file it has whole: POST to create it (fields in Upload-Metadata), then one PATCH
 * of every byte. Timed from the POST to the PATCH's answer, which comes once the recording is
 * stored as a session (the staged file read through core's uploadSession into the blob store).
 */
import { performance } from "node:perf_hooks";
import type { UploadTarget } from "./confide-server.ts";
import { sendUpload, type UploadResult } from "./upload-request.ts";
import { createWavBody } from "./wav-multipart-body.ts";

const tusVersion = "1.0.0";
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** @returns the PATCH's answer (204 when stored), or the creation's when it was refused. */
export async function sendResumableUpload(target: Pick<UploadTarget, "url" | "fields" | "headers">, fileBytes: number): Promise<UploadResult> {
  const startMs = performance.now();
  const uploadsUrl = new URL("/v1/uploads", target.url);
  const metadata = Object.entries({ ...target.fields, filename: "bench.wav" })
    .map(([name, value]) => `${name} ${base64(value)}`)
    .join(",");
  const created = await fetch(uploadsUrl, {
    method: "POST",
    headers: { ...target.headers, "tus-resumable": tusVersion, "upload-length": String(fileBytes), "upload-metadata": metadata },
  });
  const location = created.headers.get("location");
  if (created.status !== 201 || location === null) {
    return { status: created.status, responseText: await created.text(), durationMs: performance.now() - startMs, sentBytes: 0 };
  }
  const patched = await sendUpload(
    new URL(location, uploadsUrl).href,
    createWavBody({ fileBytes }),
    { ...target.headers, "tus-resumable": tusVersion, "upload-offset": "0" },
    { method: "PATCH" },
  );
  return { ...patched, durationMs: performance.now() - startMs };
}
