/**
 * `npm run test:cloud -- aws`: the AWS ports' contract suites (aws.cloud.ts) against the real
 * services named by the usual settings (`CONFIDE_S3_BUCKET`, `CONFIDE_TRANSCRIBE_OUTPUT_BUCKET`,
 * `CONFIDE_TRANSCRIBE_REGION` / `AWS_REGION`, `CONFIDE_BEDROCK_MODEL_ID` for the notes…;
 * credentials from the SDK's default chain). Every
 * object and job it creates carries a run id; at the end it removes what the suites left and
 * prints one row per port: passed, failed, and what is left behind (things it could not remove).
 *
 * Without AWS credentials it says so and exits 2 without running anything or claiming a pass.
 * CI does not run it: the repository's vitest configuration does not include test/cloud.
 * What it needs and costs: packages/adapters-aws/README.md, "A check against a real account".
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awsCloudSettings, runJobNamePrefix, runPrefix, type AwsCloudPort, type AwsCloudSettings } from "./aws-cloud-settings.ts";
import { cloudRows, exitCodeOf, formatCloudTable, runCloudSuites, type CloudRunReport as CloudRunReportOf } from "./cloud-run.ts";

export type { CloudPortRow } from "./cloud-run.ts";
export { formatCloudTable } from "./cloud-run.ts";
export type CloudRunReport = CloudRunReportOf<AwsCloudPort>;

const ports: AwsCloudPort[] = ["storage", "speech", "language", "live", "notes"];

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

/** Removes what the run left in S3 and Transcribe; returns what could not be removed, by port. */
async function cleanUp(settings: AwsCloudSettings): Promise<Record<AwsCloudPort, string[]>> {
  // The notes port creates nothing (one Converse request per test).
  const left: Record<AwsCloudPort, string[]> = { storage: [], speech: [], language: [], live: [], notes: [] };
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
  const results = await runCloudSuites("aws.cloud.ts", runId, output);
  const left = await cleanUp(settings);
  // The dialogue recordings the suites made for the run.
  await rm(join(tmpdir(), `confide-cloud-${runId}`), { recursive: true, force: true });
  const rows = cloudRows(ports, settings.ports, results, left);
  const report: CloudRunReport = { provider: "aws", runId, ran: true, rows, exitCode: exitCodeOf(rows, settings.ports) };
  output.write(`\n${formatCloudTable(report)}\n`);
  return report;
}
