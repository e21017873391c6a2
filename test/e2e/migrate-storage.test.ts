/**
 * `confide migrate-storage` moving a self-hosted deployment's recordings (filesystem, on the
 * local PostgreSQL) into S3 (s3rver): killed half-way and run again it completes, every
 * recording verified; the API switched to `CONFIDE_STORAGE=s3` then serves every session's audio
 * with the same bytes (whole and by range, compared by sha256). The same command then moves them
 * on from S3 to Azure Blob Storage (Azurite): any two stores, each side with its own variables.
 */
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { startAzurite, startS3Server, type AzuriteBlob, type S3Server } from "@confide/contracts/support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, uploadSession, waitUntilReady } from "../support/confide-api-client.ts";
import { startSelfHostedStack, type SelfHostedStack } from "../support/selfhosted-stack.ts";
import { runCliOutcome } from "../support/server-process.ts";
import { makeToneWav } from "../support/tone-wav.ts";

const cli = fileURLToPath(new URL("../../packages/http/src/cli.ts", import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Report {
  sessions: number;
  copied: number;
  alreadyPresent: number;
  missing: number;
  checksumMismatch: number;
  problems: unknown[];
}

/** The JSON report at the end of the command's output. */
function reportOf(stdout: string): Report {
  return JSON.parse(stdout.slice(stdout.indexOf("\n{") + 1)) as Report;
}

describe("confide migrate-storage from the filesystem to S3", () => {
  let stack: SelfHostedStack;
  let s3: S3Server;
  let raw: S3Client;
  let toS3: Record<string, string>;
  const sessions: Array<{ id: string; whole: string; range: string }> = [];

  beforeAll(async () => {
    s3 = await startS3Server({ buckets: ["moved-recordings"] });
    raw = new S3Client({ ...s3.clientConfig });
    stack = await startSelfHostedStack();
    toS3 = {
      CONFIDE_TO_S3_BUCKET: "moved-recordings",
      CONFIDE_TO_S3_ENDPOINT: s3.endpoint,
      CONFIDE_TO_S3_REGION: s3.region,
      CONFIDE_TO_S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    };
    const api = await stack.startApi();
    await stack.startWorker();
    const token = await login(api.baseUrl, stack.accounts.therapist);
    const uploaded = [];
    for (let index = 0; index < 4; index += 1) {
      const audio = makeToneWav({ durationMs: 20_000 + index * 1_000, frequencyHz: 300 + index * 50 });
      const session = await uploadSession(api.baseUrl, token, { patientId: stack.accounts.patient.user.id, title: `moved ${index}`, audio });
      uploaded.push(session.id);
      sessions.push({ id: session.id, whole: sha256(audio), range: sha256(audio.subarray(1_000, 5_000)) });
    }
    await waitUntilReady(api.baseUrl, token, uploaded, 90_000);
    for (const process of stack.processes) await process.stop();
  }, 180_000);

  afterAll(async () => {
    raw?.destroy();
    await stack?.close();
    if (stack !== undefined) await rm(`${stack.dataDir}-elsewhere`, { recursive: true, force: true });
    await s3?.stop();
  });

  it("refuses a store it does not know, and a side whose settings are missing, naming the prefixed variable", async () => {
    const unknown = await runCliOutcome(["migrate-storage", "--from", "filesystem", "--to", "floppy"], { ...stack.env, ...toS3 });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--to must be one of filesystem, s3, azure-blob (got "floppy")');

    const { CONFIDE_TO_S3_BUCKET: _bucket, ...withoutBucket } = toS3;
    const missing = await runCliOutcome(["migrate-storage", "--from", "filesystem", "--to", "s3"], { ...stack.env, ...withoutBucket });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("CONFIDE_TO_S3_BUCKET (or CONFIDE_S3_BUCKET): required by the s3 store of --to");
  });

  it("killed half-way, completes when run again, every recording verified; a lost or altered copy is copied again", async () => {
    // Killed as soon as it reports its first copy.
    const child = spawn(process.execPath, ["--conditions=source", cli, "migrate-storage", "--from", "filesystem", "--to", "s3"], {
      env: { ...process.env, ...stack.env, ...toS3 },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (/^copied/m.test(output)) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });
    expect(output).toMatch(/^copied/m);

    const rerun = await runCliOutcome(["migrate-storage", "--from", "filesystem", "--to", "s3"], { ...stack.env, ...toS3 });
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = reportOf(rerun.stdout);
    expect(report).toMatchObject({ sessions: 4, missing: 0, checksumMismatch: 0, problems: [] });
    expect(report.copied + report.alreadyPresent).toBe(4);
    expect(report.alreadyPresent).toBeGreaterThanOrEqual(1);

    // A copy lost and one altered at the destination: the next run copies those two again.
    const listed = await raw.send(new ListObjectsV2Command({ Bucket: "moved-recordings" }));
    const keys = (listed.Contents ?? []).map((object) => object.Key as string);
    expect(keys).toHaveLength(4);
    await raw.send(new DeleteObjectCommand({ Bucket: "moved-recordings", Key: keys[0] }));
    await raw.send(new PutObjectCommand({ Bucket: "moved-recordings", Key: keys[1], Body: new Uint8Array(64).fill(9), ContentType: "audio/wav" }));
    const mended = await runCliOutcome(["migrate-storage", "--from", "filesystem", "--to", "s3"], { ...stack.env, ...toS3 });
    expect(mended.code, mended.stderr).toBe(0);
    expect(reportOf(mended.stdout)).toMatchObject({ sessions: 4, copied: 2, alreadyPresent: 2, problems: [] });
  });

  /** Every session's audio read through the API of `overrides`' storage equals what was uploaded. */
  async function expectSameAudio(overrides: Record<string, string>): Promise<void> {
    const api = await stack.startApi({
      ...overrides,
      // A data directory without blobs: every byte served must come from the store named.
      CONFIDE_DATA_DIR: `${stack.dataDir}-elsewhere`,
    });
    const token = await login(api.baseUrl, stack.accounts.therapist);
    for (const session of sessions) {
      const whole = await fetch(`${api.baseUrl}/v1/sessions/${session.id}/audio`, { headers: { authorization: `Bearer ${token}` } });
      expect(whole.status).toBe(200);
      expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(session.whole);
      const ranged = await fetch(`${api.baseUrl}/v1/sessions/${session.id}/audio`, {
        headers: { authorization: `Bearer ${token}`, range: "bytes=1000-4999" },
      });
      expect(ranged.status).toBe(206);
      expect(sha256(new Uint8Array(await ranged.arrayBuffer()))).toBe(session.range);
    }
    await api.stop();
  }

  it("the API on S3 serves every session's audio with the same bytes, whole and by range", async () => {
    await expectSameAudio({
      CONFIDE_STORAGE: "s3",
      CONFIDE_S3_BUCKET: "moved-recordings",
      CONFIDE_S3_ENDPOINT: s3.endpoint,
      CONFIDE_S3_REGION: s3.region,
      CONFIDE_S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    });
  });

  it("moves them on from S3 to Azure Blob Storage (Azurite), from which the API serves the same bytes", async () => {
    const azurite: AzuriteBlob = await startAzurite();
    try {
      const moved = await runCliOutcome(["migrate-storage", "--from", "s3", "--to", "azure-blob"], {
        ...stack.env,
        CONFIDE_FROM_S3_BUCKET: "moved-recordings",
        CONFIDE_FROM_S3_ENDPOINT: s3.endpoint,
        CONFIDE_FROM_S3_REGION: s3.region,
        CONFIDE_FROM_S3_FORCE_PATH_STYLE: "true",
        AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
        CONFIDE_TO_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        CONFIDE_TO_AZURE_STORAGE_CONTAINER: "moved-on",
      });
      expect(moved.code, moved.stderr).toBe(0);
      expect(reportOf(moved.stdout)).toMatchObject({ sessions: 4, copied: 4, problems: [] });

      await expectSameAudio({
        CONFIDE_STORAGE: "azure-blob",
        CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        CONFIDE_AZURE_STORAGE_CONTAINER: "moved-on",
      });
    } finally {
      await azurite.stop();
    }
  });
});
