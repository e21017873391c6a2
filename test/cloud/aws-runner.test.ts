import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { awsCloudSettings } from "./aws-cloud-settings.ts";
import { formatCloudTable, run } from "./aws.ts";
import { cloudRows, exitCodeOf } from "./cloud-run.ts";

/** What run() printed. */
function captured(): { output: PassThrough; text: () => string } {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { output, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("npm run test:cloud -- aws (the runner; the suites need a real account and are not run here)", () => {
  it("without credentials says so, runs nothing and exits 2: never a pass", async () => {
    const { output, text } = captured();

    const report = await run({
      environment: { CONFIDE_S3_BUCKET: "confide-recordings", AWS_REGION: "eu-central-1" },
      output,
      findCredentials: async () => ({ found: false, reason: "Could not load credentials from any providers" }),
    });

    expect(report).toMatchObject({ ran: false, exitCode: 2 });
    expect(report.rows.every((row) => row.passed === 0 && row.failed === 0 && row.status === "not run: no AWS credentials")).toBe(true);
    expect(text()).toMatch(/No AWS credentials found \(Could not load credentials from any providers\)\. Nothing was run and nothing passed\./);
  });

  it("with credentials but no port configured runs nothing and exits 2", async () => {
    const report = await run({ environment: {}, output: captured().output, findCredentials: async () => ({ found: true }) });

    expect(report).toMatchObject({ ran: false, exitCode: 2 });
    expect(report.rows.map((row) => row.status)).toEqual(Array(5).fill("not configured"));
  });

  it("names the missing setting of each port it cannot run", () => {
    const settings = awsCloudSettings({ AWS_REGION: "eu-central-1" }, "r1abc23");
    expect(settings.ports.storage).toEqual({ provider: "s3", configured: false, missing: "CONFIDE_S3_BUCKET" });
    expect(settings.ports.speech).toEqual({ provider: "transcribe", configured: false, missing: "CONFIDE_TRANSCRIBE_OUTPUT_BUCKET" });
    expect(settings.ports.language.configured).toBe(true);
  });

  it("has a notes port (Bedrock on CONFIDE_BEDROCK_MODEL_ID): without credentials it is not run either, exit 2", async () => {
    expect(awsCloudSettings({ CONFIDE_BEDROCK_MODEL_ID: "eu.anthropic.claude-3-7-sonnet-20250219-v1:0", CONFIDE_BEDROCK_REGION: "eu-central-1" }, "r1abc23").ports.notes).toEqual({ provider: "bedrock", configured: true });
    expect(awsCloudSettings({ AWS_REGION: "eu-central-1" }, "r1abc23").ports.notes).toEqual({ provider: "bedrock", configured: false, missing: "CONFIDE_BEDROCK_MODEL_ID" });
    expect(awsCloudSettings({ CONFIDE_BEDROCK_MODEL_ID: "amazon.nova-pro-v1:0" }, "r1abc23").ports.notes).toMatchObject({ configured: false, missing: expect.stringContaining("CONFIDE_BEDROCK_REGION") });

    const { output, text } = captured();
    const report = await run({
      environment: { CONFIDE_BEDROCK_MODEL_ID: "amazon.nova-pro-v1:0", CONFIDE_BEDROCK_REGION: "eu-central-1" },
      output,
      findCredentials: async () => ({ found: false, reason: "Could not load credentials from any providers" }),
    });
    expect(report).toMatchObject({ ran: false, exitCode: 2 });
    expect(report.rows.find((row) => row.port === "notes")).toMatchObject({ provider: "bedrock", status: "not run: no AWS credentials", passed: 0, failed: 0 });
    expect(text()).toContain("Nothing was run and nothing passed.");
  });

  it("counts the notes suite's results on the notes row (the suites' top-level describe is the port)", () => {
    const settings = awsCloudSettings({ CONFIDE_BEDROCK_MODEL_ID: "amazon.nova-pro-v1:0", AWS_REGION: "eu-central-1" }, "r1abc23");
    const rows = cloudRows(["notes", "language"], settings.ports, { testResults: [{ status: "passed", assertionResults: [
      { ancestorTitles: ["notes", "NoteWriter contract: bedrock amazon.nova-pro-v1:0"], status: "passed" },
      { ancestorTitles: ["notes", "NoteWriter contract: bedrock amazon.nova-pro-v1:0"], status: "failed" },
      { ancestorTitles: ["language", "LanguageAnalyzer contract"], status: "passed" },
    ] }] }, { notes: [], language: [] });
    expect(rows[0]).toMatchObject({ port: "notes", status: "ran", passed: 1, failed: 1 });
    expect(exitCodeOf(rows, settings.ports)).toBe(1);
  });

  it("prints one row per port with passed, failed and what was left behind", () => {
    const table = formatCloudTable({
      provider: "aws",
      runId: "r1abc23",
      ran: true,
      exitCode: 1,
      rows: [{ port: "speech", provider: "transcribe", status: "ran", passed: 16, failed: 1, skipped: 0, leftBehind: ["Transcribe job confide-cloud-r1abc23-x (IN_PROGRESS: delete it once it ends)"] }],
    });
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toMatch(/\| speech +\| transcribe +\| ran +\| 16 +\| 1 +\| 0 +\| Transcribe job confide-cloud-r1abc23-x/);
  });
});
