import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { azureCloudSettings } from "./azure-cloud-settings.ts";
import { run } from "./azure.ts";
import { formatCloudTable } from "./cloud-run.ts";

/** What run() printed. */
function captured(): { output: PassThrough; text: () => string } {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { output, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("npm run test:cloud -- azure (the runner; the suites need a real subscription and are not run here)", () => {
  it("without credentials says so, runs nothing and exits 2: never a pass", async () => {
    const { output, text } = captured();

    const report = await run({
      environment: { CONFIDE_AZURE_LANGUAGE_ENDPOINT: "https://confide-language.cognitiveservices.azure.com" },
      output,
      findCredentials: async () => ({ found: false, reason: "CredentialUnavailableError: no identity" }),
    });

    expect(report).toMatchObject({ provider: "azure", ran: false, exitCode: 2 });
    expect(report.rows.every((row) => row.passed === 0 && row.failed === 0 && row.status === "not run: no Azure credentials")).toBe(true);
    expect(text()).toMatch(/No Azure credentials found \(CredentialUnavailableError: no identity\)\. Nothing was run and nothing passed\./);
  });

  it("with no port configured runs nothing and exits 2, before looking for credentials", async () => {
    let looked = false;
    const report = await run({
      environment: {},
      output: captured().output,
      findCredentials: async () => {
        looked = true;
        return { found: true };
      },
    });

    expect(report).toMatchObject({ ran: false, exitCode: 2 });
    expect(report.rows.map((row) => row.status)).toEqual(Array(6).fill("not configured"));
    expect(looked).toBe(false);
  });

  it("names the missing setting of each port it cannot run; a key counts as a credential", () => {
    const settings = azureCloudSettings({ CONFIDE_AZURE_SPEECH_REGION: "westeurope", CONFIDE_AZURE_SPEECH_KEY: "k" }, "r1abc23");

    expect(settings.hasKeys).toBe(true);
    expect(settings.ports.storage).toEqual({ provider: "azure-blob", configured: false, missing: "CONFIDE_AZURE_STORAGE_CONNECTION_STRING or _ACCOUNT_URL" });
    expect(settings.ports.speech).toMatchObject({ configured: false, missing: expect.stringContaining("a container the service reads recordings from") });
    expect(settings.ports.live).toEqual({ provider: "azure", configured: true });
    expect(settings.ports.language).toMatchObject({ configured: false, missing: "CONFIDE_AZURE_LANGUAGE_ENDPOINT" });
  });

  it("has a notes port (Azure OpenAI) and a repository port (Cosmos DB); without credentials neither runs, exit 2", async () => {
    const environment = {
      CONFIDE_AZURE_OPENAI_ENDPOINT: "https://clinic.openai.azure.com",
      CONFIDE_AZURE_OPENAI_DEPLOYMENT: "notes-o4-mini",
      CONFIDE_COSMOS_ENDPOINT: "https://clinic.documents.azure.com:443/",
    };
    const settings = azureCloudSettings(environment, "r1abc23");
    expect(settings.ports.notes).toEqual({ provider: "azure-openai", configured: true });
    expect(settings.ports.repository).toEqual({ provider: "cosmos", configured: true });
    expect(settings.hasKeys).toBe(false);
    expect(azureCloudSettings({ CONFIDE_AZURE_OPENAI_ENDPOINT: "https://clinic.openai.azure.com" }, "r1abc23").ports.notes).toMatchObject({ configured: false, missing: expect.stringContaining("CONFIDE_AZURE_OPENAI_DEPLOYMENT") });
    expect(azureCloudSettings({}, "r1abc23").ports.repository).toEqual({ provider: "cosmos", configured: false, missing: "CONFIDE_COSMOS_ENDPOINT" });
    expect(azureCloudSettings({ CONFIDE_COSMOS_KEY: "k" }, "r1abc23").hasKeys).toBe(true);

    const { output, text } = captured();
    const report = await run({ environment, output, findCredentials: async () => ({ found: false, reason: "CredentialUnavailableError: no identity" }) });
    expect(report).toMatchObject({ ran: false, exitCode: 2 });
    expect(report.rows.filter((row) => row.port === "notes" || row.port === "repository")).toEqual([
      { port: "notes", provider: "azure-openai", status: "not run: no Azure credentials", passed: 0, failed: 0, skipped: 0, leftBehind: [] },
      { port: "repository", provider: "cosmos", status: "not run: no Azure credentials", passed: 0, failed: 0, skipped: 0, leftBehind: [] },
    ]);
    expect(text()).toContain("Nothing was run and nothing passed.");
  });

  it("prints one row per port with passed, failed and what was left behind", () => {
    const table = formatCloudTable({
      provider: "azure",
      runId: "r1abc23",
      ran: true,
      exitCode: 1,
      rows: [{ port: "speech", provider: "azure-speech", status: "ran", passed: 15, failed: 0, skipped: 0, leftBehind: ["Speech job 6b4f (Running: marked, deleted by the next sweep once it ends)"] }],
    });
    expect(table.split("\n")).toHaveLength(3);
    expect(table).toMatch(/\| speech +\| azure-speech +\| ran +\| 15 +\| 0 +\| 0 +\| Speech job 6b4f \(Running: marked/);
  });
});
