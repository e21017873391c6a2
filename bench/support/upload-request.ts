/**
 * Sends one streamed upload body (multipart by default; any method) with node:http (Content-Length set, a fresh connection,
 * backpressure honoured) and times it from the first byte written to the end of the response.
 */
import { request } from "node:http";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { WavMultipartBody } from "./wav-multipart-body.ts";

export interface UploadResult {
  status: number;
  responseText: string;
  durationMs: number;
  sentBytes: number;
}

export async function sendUpload(
  url: string,
  body: WavMultipartBody,
  headers: Record<string, string> = {},
  options: { method?: string } = {},
): Promise<UploadResult> {
  const startMs = performance.now();
  const outgoing = request(url, {
    method: options.method ?? "POST",
    agent: false,
    headers: { ...headers, "content-type": body.contentType, "content-length": String(body.contentLengthBytes) },
  });
  const answered = new Promise<{ status: number; responseText: string }>((resolve, reject) => {
    outgoing.once("error", reject);
    outgoing.once("response", (response) => {
      let responseText = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (responseText += text));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, responseText }));
      response.once("error", reject);
    });
  });
  let sentBytes = 0;
  const counted = Readable.from(body.chunks()).on("data", (chunk: Buffer) => (sentBytes += chunk.length));
  // A server that answers early (an error) may close before the body is sent: the answer wins.
  const sent = pipeline(counted, outgoing).catch((error: unknown) => error);
  const answer = await answered;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  return { ...answer, durationMs: performance.now() - startMs, sentBytes };
}
