import { describe, expect, it } from "vitest";
import { s3ObjectOfUrl } from "./s3-media-location.ts";

const inFrankfurt = { region: "eu-central-1", s3Endpoint: undefined };

describe("s3ObjectOfUrl: where Transcribe can read a recording in place", () => {
  it.each([
    ["virtual-hosted", "https://recordings.s3.eu-central-1.amazonaws.com/sessions/s1/audio.wav?X-Amz-Signature=ab", "recordings", "sessions/s1/audio.wav"],
    ["virtual-hosted, dotted bucket", "https://confide.recordings.s3.eu-central-1.amazonaws.com/a.wav?X-Amz-Signature=ab", "confide.recordings", "a.wav"],
    ["virtual-hosted, dash region", "https://recordings.s3-eu-central-1.amazonaws.com/a.wav", "recordings", "a.wav"],
    ["dual-stack", "https://recordings.s3.dualstack.eu-central-1.amazonaws.com/a.wav", "recordings", "a.wav"],
    ["path-style", "https://s3.eu-central-1.amazonaws.com/recordings/sessions/s1/audio.wav?X-Amz-Date=1", "recordings", "sessions/s1/audio.wav"],
    ["percent-encoded key", "https://recordings.s3.eu-central-1.amazonaws.com/sessions/a%20b/%C3%A9.wav", "recordings", "sessions/a b/é.wav"],
  ])("%s", (_label, url, bucket, key) => {
    expect(s3ObjectOfUrl(url, inFrankfurt)).toEqual({ bucket, key });
  });

  it("takes the global endpoint as us-east-1", () => {
    expect(s3ObjectOfUrl("https://recordings.s3.amazonaws.com/a.wav", { region: "us-east-1", s3Endpoint: undefined })).toEqual({ bucket: "recordings", key: "a.wav" });
    expect(s3ObjectOfUrl("https://recordings.s3.amazonaws.com/a.wav", inFrankfurt)).toBeUndefined();
  });

  it.each([
    ["another region", "https://recordings.s3.us-west-2.amazonaws.com/a.wav"],
    ["Azure Blob", "https://account.blob.core.windows.net/recordings/a.wav?sig=x"],
    ["an S3-compatible store", "https://minio.example.org/recordings/a.wav?X-Amz-Signature=ab"],
    ["plain HTTP to Amazon", "http://recordings.s3.eu-central-1.amazonaws.com/a.wav"],
    ["a bucket without a key", "https://s3.eu-central-1.amazonaws.com/recordings"],
    ["not a URL", "sessions/s1/audio.wav"],
  ])("stages a recording signed by %s", (_label, url) => {
    expect(s3ObjectOfUrl(url, inFrankfurt)).toBeUndefined();
  });

  it("reads path-style URLs of the configured S3 endpoint (a stand-in), and no other origin's", () => {
    const where = { region: "eu-central-1", s3Endpoint: "http://127.0.0.1:4569" };
    expect(s3ObjectOfUrl("http://127.0.0.1:4569/recordings/sessions/s1/audio.wav?X-Amz-Signature=ab", where)).toEqual({
      bucket: "recordings",
      key: "sessions/s1/audio.wav",
    });
    expect(s3ObjectOfUrl("http://127.0.0.1:4570/recordings/sessions/s1/audio.wav", where)).toBeUndefined();
  });

  it("takes any region's URL when the region is not known", () => {
    expect(s3ObjectOfUrl("https://recordings.s3.ap-south-1.amazonaws.com/a.wav", { region: undefined, s3Endpoint: undefined })).toEqual({
      bucket: "recordings",
      key: "a.wav",
    });
  });
});
