/**
 * `npm run test:cloud -- aws`: the AWS ports' contract suites (aws.cloud.ts) against the real
 * services named by the usual settings (`CONFIDE_S3_BUCKET`, `CONFIDE_TRANSCRIBE_OUTPUT_BUCKET`,
 * `CONFIDE_TRANSCRIBE_REGION` / `AWS_REGION`…; credentials from the SDK's default chain). Every
 * object and job it creates carries a run id; at the end it removes what the suites left and
 * prints one row per port: passed, failed, and what is left behind (things it could not remove).
 *
 * Without AWS credentials it says so and exits 2 without running anything or claiming a pass.
 * CI does not run it: the repository's vitest configuration does not include test/cloud.
 * What it needs and costs: packages/adapters-aws/README.md, "A check against a real account".
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { awsCloudSettings, runJobNamePrefix, runPrefix, type AwsCloudPort, type AwsCloudSettings } from "./aws-cloud-settings.ts";

export interface CloudPortRow {
  port: AwsCloudPort;
  provider: string;
  /** `ran`, or why not (a setting missing). */
  status: string;
  passed: number;
  failed: number;
  skipped: number;
  /** What the run created and could not remove. */
  leftBehind: string[];
}

export interface CloudRunReport {
  provider: "aws";
  runId: string;
  /** False when nothing ran (no credentials): never a pass. */
  ran: boolean;
  rows: CloudPortRow[];
  /** 0 every configured port passed and nothing is left behind; 1 otherwise; 2 nothing could run. */
  exitCode: 0 | 1 | 2;
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const ports: AwsCloudPort[] = ["storage", "speech", "language", "live"];

/** Whether the SDK's default credential chain finds credentials (environment, profile, SSO, role). */
async function findCredentials(region: string | undefined): Promise<{ found: true } | { found: false; reason: string }> {
  const { S3Client } = await import("@aws-sdk/client-s3");
  // A client's configuration resolves the SDK's default chain; nothing is sent.
  const client = new S3Client({ region: region ?? "us-east-1" });
  try {
    const credentials = await client.config.credentials();
    return credentials.accessKeyId ? { found: true } : { found: false, reason: "the credential chain gave no access key" };
  } catch (error) {
    return { found: false, reason: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  } finally {
    client.destroy();
  }
}

interface VitestJson {
  testResults?: Array<{ assertionResults?: Array<{ ancestorTitles?: string[]; status?: string }>; status?: string; message?: string }>;
}

/** Runs aws.cloud.ts in vitest; the results of each test by its port. */
async function runSuites(settings: AwsCloudSettings, output: NodeJS.WritableStream): Promise<VitestJson> {
  const folder = await mkdtemp(join(tmpdir(), "confide-cloud-"));
  const jsonPath = join(folder, "results.json");
  try {
    const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
    const child = spawn(process.execPath, [vitest, "run", "--config", "test/cloud/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${jsonPath}`], {
      cwd: root,
      env: { ...process.env, CONFIDE_CLOUD_RUN_ID: settings.runId },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
    await new Promise<void>((resolve) => child.on("close", () => resolve()));
    return JSON.parse(await readFile(jsonPath, "utf8")) as VitestJson;
  } catch (error) {
    output.write(`The suites did not report: ${String(error)}\n`);
    return {};
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Removes what the run left in S3 and Transcribe; returns what could not be removed, by port. */
async function cleanUp(settings: AwsCloudSettings): Promise<Record<AwsCloudPort, string[]>> {
  const left: Record<AwsCloudPort, string[]> = { storage: [], speech: [], language: [], live: [] };
  const prefix = runPrefix(settings.runId);
  const { S3Client, ListObjectsV2Command, DeleteObjectCommand } = await import("@aws-sdk/client-s3");
  const buckets = new Map<string, AwsCloudPort>();
  if (settings.ports.storage.configured && settings.s3Bucket) buckets.set(settings.s3Bucket, "storage");
  if (settings.ports.speech.configured) {
    for (const bucket of [settings.transcribeOutputBucket, settings.transcribeStagingBucket]) if (bucket && !buckets.has(bucket)) buckets.set(bucket, "speech");
  }
  const region = process.env.CONFIDE_S3_REGION ?? settings.region;
  const clientFor = (port: AwsCloudPort) => {
    const endpoint = port === "storage" ? settings.endpoints.s3 : settings.endpoints.transcribeS3;
    return new S3Client({
      ...(region === undefined ? {} : { region }),
      ...(endpoint === undefined ? {} : { endpoint, forcePathStyle: port === "speech" || settings.endpoints.s3ForcePathStyle }),
    });
  };
  for (const [bucket, port] of buckets) {
    const s3 = clientFor(port);
    try {
      try {
        let token: string | undefined;
        do {
          const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
          for (const object of page.Contents ?? []) {
            try {
              await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key! }));
            } catch (error) {
              left[port].push(`s3://${bucket}/${object.Key} (${(error as Error).name})`);
            }
          }
          token = page.NextContinuationToken;
        } while (token !== undefined);
      } catch (error) {
        left[port].push(`s3://${bucket}/${prefix}* not listed (${(error as Error).name}): check by hand`);
      }
    } finally {
      s3.destroy();
    }
  }
  if (settings.ports.speech.configured) {
    const { TranscribeClient, ListTranscriptionJobsCommand, DeleteTranscriptionJobCommand } = await import("@aws-sdk/client-transcribe");
    const transcribe = new TranscribeClient({
      ...(settings.region === undefined ? {} : { region: settings.region }),
      ...(settings.endpoints.transcribe === undefined ? {} : { endpoint: settings.endpoints.transcribe }),
    });
    try {
      let token: string | undefined;
      do {
        const page = await transcribe.send(new ListTranscriptionJobsCommand({ JobNameContains: runJobNamePrefix(settings.runId), NextToken: token, MaxResults: 100 }));
        for (const job of page.TranscriptionJobSummaries ?? []) {
          const name = job.TranscriptionJobName!;
          if (job.TranscriptionJobStatus === "QUEUED" || job.TranscriptionJobStatus === "IN_PROGRESS") {
            left.speech.push(`Transcribe job ${name} (${job.TranscriptionJobStatus}: delete it once it ends)`);
            continue;
          }
          try {
            await transcribe.send(new DeleteTranscriptionJobCommand({ TranscriptionJobName: name }));
          } catch (error) {
            left.speech.push(`Transcribe job ${name} (${(error as Error).name})`);
          }
        }
        token = page.NextToken;
      } while (token !== undefined);
    } catch (error) {
      left.speech.push(`Transcribe jobs ${runJobNamePrefix(settings.runId)}* not listed (${(error as Error).name}): check by hand`);
    } finally {
      transcribe.destroy();
    }
  }
  return left;
}

/** The report as a plain table. */
export function formatCloudTable(report: CloudRunReport): string {
  const header = ["port", "provider", "status", "passed", "failed", "skipped", "left behind"];
  const lines = report.rows.map((row) => [row.port, row.provider, row.status, String(row.passed), String(row.failed), String(row.skipped), row.leftBehind.length === 0 ? "nothing" : row.leftBehind.join("; ")]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)].join("\n");
}

/**
 * Runs the AWS suites against the real account and prints the table to `output`.
 * @returns the report; nothing runs (exitCode 2) without credentials.
 */
export async function run(
  options: {
    environment?: NodeJS.ProcessEnv;
    output?: NodeJS.WritableStream;
    /** How credentials are looked for; default the SDK's default chain. */
    findCredentials?: (region: string | undefined) => Promise<{ found: true } | { found: false; reason: string }>;
  } = {},
): Promise<CloudRunReport> {
  const environment = options.environment ?? process.env;
  const output = options.output ?? process.stdout;
  const runId = `r${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const settings = awsCloudSettings(environment, runId);
  const credentials = await (options.findCredentials ?? findCredentials)(settings.region);
  const notRun = (status: string): CloudRunReport => ({
    provider: "aws",
    runId,
    ran: false,
    rows: ports.map((port) => ({ port, provider: settings.ports[port].provider, status, passed: 0, failed: 0, skipped: 0, leftBehind: [] })),
    exitCode: 2,
  });
  if (!credentials.found) {
    const report = notRun("not run: no AWS credentials");
    output.write(`No AWS credentials found (${credentials.reason}). Nothing was run and nothing passed.\n`);
    output.write("Give the SDK's default chain credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a role) and the CONFIDE_* settings of the ports to check.\n");
    output.write(`${formatCloudTable(report)}\n`);
    return report;
  }
  if (ports.every((port) => !settings.ports[port].configured)) {
    const report = notRun("not configured");
    output.write(`No AWS port is configured (a region at least). Nothing was run and nothing passed.\n${formatCloudTable(report)}\n`);
    return report;
  }
  output.write(`test:cloud aws, run ${runId}: objects under ${runPrefix(runId)}, Transcribe jobs ${runJobNamePrefix(runId)}*\n`);
  const results = await runSuites(settings, output);
  const left = await cleanUp(settings);
  // The dialogue recordings the suites made for the run.
  await rm(join(tmpdir(), `confide-cloud-${runId}`), { recursive: true, force: true });
  const rows = ports.map((port): CloudPortRow => {
    const state = settings.ports[port];
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const file of results.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.ancestorTitles?.[0] !== port) continue;
        if (test.status === "passed") counts.passed += 1;
        else if (test.status === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    const suiteFailed = (results.testResults ?? []).some((file) => file.status === "failed" && (file.assertionResults ?? []).length === 0);
    const ran = state.configured && counts.passed + counts.failed > 0;
    return {
      port,
      provider: state.provider,
      status: !state.configured ? `not configured: ${state.missing}` : ran ? "ran" : suiteFailed ? "did not start (see the output above)" : "no test ran",
      ...counts,
      leftBehind: left[port],
    };
  });
  const configured = rows.filter((row) => settings.ports[row.port].configured);
  const allPassed = configured.every((row) => row.status === "ran" && row.failed === 0 && row.leftBehind.length === 0);
  const report: CloudRunReport = { provider: "aws", runId, ran: true, rows, exitCode: allPassed ? 0 : 1 };
  output.write(`\n${formatCloudTable(report)}\n`);
  return report;
}
