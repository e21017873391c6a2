/**
 * One multipart upload through a seeded `confide serve` (withUploadingConfide), measured as the
 * blob-store benchmarks compare it with their adapter and SDK runs (bench/s3-upload.ts,
 * bench/azure-blob-upload.ts): MiB/s, and the server's RSS growth — its peak (sampled every 50 ms,
 * and VmHWM) over its settled RSS.
 */
import { withUploadingConfide } from "./confide-server.ts";
import { peakRssBytes, startRssSampler } from "./rss-sampler.ts";
import { sendUpload } from "./upload-request.ts";
import { createWavMultipartBody } from "./wav-multipart-body.ts";

export interface UploadFigures {
  mibPerSecond: number;
  rssGrowthBytes: number;
}

const mebibyte = 1024 * 1024;

/** Uploads a `fileBytes` WAV to a server with `extraEnv` (its storage); `options` as withUploadingConfide's (a warm-up upload). */
export function measureServerUpload(
  extraEnv: Record<string, string>,
  fileBytes: number,
  options: { warmUpBytes?: number } = {},
): Promise<UploadFigures> {
  return withUploadingConfide(
    extraEnv,
    fileBytes,
    async ({ server, url, fields, headers }) => {
      const body = createWavMultipartBody({ fileBytes, fields });
      const sampler = await startRssSampler(server.pid, 50);
      const result = await sendUpload(url, body, headers);
      const rss = await sampler.stop();
      if (result.status !== 201) throw new Error(`the upload answered ${result.status}: ${result.responseText.slice(0, 300)}`);
      return { mibPerSecond: fileBytes / mebibyte / (result.durationMs / 1000), rssGrowthBytes: peakRssBytes(rss) - rss.baselineBytes };
    },
    options,
  );
}
