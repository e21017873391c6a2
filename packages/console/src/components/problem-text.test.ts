import { ConfideApiError } from "@confide/client";
import { describe, expect, it } from "vitest";
import { describeError, formatBytes } from "./problem-text.ts";

const problem = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  new ConfideApiError({ status, code, message, details });

describe("the sentences the console shows for a problem", () => {
  it("says once how long to wait after too many sign-in attempts, from Retry-After", () => {
    const throttled = (retryAfterSeconds?: number) =>
      new ConfideApiError({ status: 429, code: "auth.throttled", message: "Too many failed sign-in attempts.", details: {}, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    expect(describeError(throttled(678))).toBe("Too many sign-in attempts. Try again in 12 minutes.");
    expect(describeError(throttled(660))).toBe("Too many sign-in attempts. Try again in 11 minutes.");
    expect(describeError(throttled(60))).toBe("Too many sign-in attempts. Try again in 1 minute.");
    expect(describeError(throttled(1))).toBe("Too many sign-in attempts. Try again in 1 second.");
    expect(describeError(throttled(42))).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    expect(describeError(throttled())).toBe("Too many sign-in attempts. Try again later.");
  });

  it("says how large a recording may be (413), in megabytes", () => {
    expect(describeError(problem(413, "upload.too_large", "The recording is larger than 2097152 bytes.", { maxBytes: 2 * 1024 * 1024 }))).toBe(
      "This recording is too large: the limit is 2.0 MB. Split it or compress it (MP3, OGG), then upload again.",
    );
    expect(describeError(problem(413, "upload.too_large", "Too large."))).toBe("This recording is too large for the server.");
  });

  it("names the formats it reads for a file that is not audio (415)", () => {
    expect(describeError(problem(415, "upload.not_audio", "Not audio."))).toBe(
      "This file is not a recording Confide can read. Upload WAV, MP3, OGG, FLAC, M4A or WebM audio.",
    );
  });

  it("says what to do about a resumable upload that expired or is being sent elsewhere, without codes", () => {
    expect(describeError(problem(410, "upload.expired", "This upload was abandoned for too long and removed: start again."))).toBe(
      "This upload waited too long and was removed. Upload the recording again.",
    );
    expect(describeError(problem(409, "upload.locked", "Another request is sending this upload."))).toBe(
      "This recording is being sent from another tab or window. Wait for it to finish, then check the sessions list.",
    );
  });

  it("says the patient's consent is missing (403 consent.missing), and what to do", () => {
    expect(describeError(problem(403, "consent.missing", "No consent."))).toBe(
      "This patient has not given consent to recording. Record their consent before uploading a session.",
    );
    // Consent to recording is there, the deployment's cloud provider is not: it is named.
    const cloud = problem(403, "consent.missing", "No consent.", { missingScopes: [], missingCloudProviders: ["azure-speech", "openai"] });
    expect(describeError(cloud)).toBe(
      "This patient has not given consent to cloud processing by services this deployment uses (Microsoft Azure AI Speech, OpenAI API). Record their consent before uploading a session.",
    );
  });

  it("keeps the server's own sentence for other codes, and words a cancelled upload", () => {
    expect(describeError(problem(404, "session.not_found", "No session abc."))).toBe("No session abc.");
    expect(describeError(new DOMException("The upload was aborted.", "AbortError"))).toBe("The upload was cancelled.");
    expect(describeError(new TypeError("The upload failed: the connection was lost or refused."))).toBe(
      "The upload failed: the connection was lost or refused.",
    );
  });

  it("formats sizes in the unit a person reads", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(3.5 * 1024 * 1024), formatBytes(2 * 1024 ** 3)]).toEqual([
      "512 bytes",
      "2 KB",
      "3.5 MB",
      "2.0 GB",
    ]);
  });
});
