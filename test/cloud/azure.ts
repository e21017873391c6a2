/**
 * `npm run test:cloud -- azure`: the Azure ports' contract suites (azure.cloud.ts) against the
 * real services named by the usual settings (`CONFIDE_AZURE_STORAGE_*`, `CONFIDE_AZURE_SPEECH_*`,
 * `CONFIDE_AZURE_LANGUAGE_*`; keys, or `DefaultAzureCredential` without them). Every blob and job
 * it creates carries a run id; at the end it removes what the suites left — blobs under the run's
 * prefix, the run's staging container, Speech jobs named after the run (a job still running, which
 * the service will not delete, is marked to be deleted once it ends), the run's Cosmos DB
 * databases — and prints one row per port: passed, failed, and what is left behind. The notes
 * port (`CONFIDE_AZURE_OPENAI_*`: one short dialogue through the note-writer contract) and the
 * repository port (`CONFIDE_COSMOS_*`: the repositories contract, a database of the run's own per
 * test) run when their settings are given.
 *
 * Without Azure credentials it says so and exits 2 without running anything or claiming a pass.
 * CI does not run it: the repository's vitest configuration does not include test/cloud.
 * What it needs and costs: packages/adapters-azure/README.md, "A check against a real account".
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TokenCredential } from "@azure/identity";
import { parseSettings } from "@confide/core/adapter-kit";
import { createSpeechClient } from "../../packages/adapters-azure/src/azure-speech/azure-speech-client.ts";
import { azureSpeechSettings } from "../../packages/adapters-azure/src/azure-speech/settings.ts";
import { deleteWhenFinishedMark } from "../../packages/adapters-azure/src/azure-speech/azure-speech-deferred-deletion.ts";
import { azureCloudSettings, runDatabasePrefix, runDisplayName, runPrefix, type AzureCloudPort, type AzureCloudSettings } from "./azure-cloud-settings.ts";
import { cloudRows, exitCodeOf, formatCloudTable, runCloudSuites, type CloudRunReport } from "./cloud-run.ts";

export type AzureCloudRunReport = CloudRunReport<AzureCloudPort>;
export type CredentialLookup = (settings: AzureCloudSettings) => Promise<{ found: true } | { found: false; reason: string }>;

const ports: AzureCloudPort[] = ["storage", "speech", "language", "live", "notes", "repository"];

/** Keys or connection strings count as credentials; without any, whether Entra ID signs in (nothing is created). */
async function findCredentials(settings: AzureCloudSettings): Promise<{ found: true } | { found: false; reason: string }> {
  if (settings.hasKeys) return { found: true };
  try {
    const { DefaultAzureCredential } = await import("@azure/identity");
    const token = await new DefaultAzureCredential().getToken("https://cognitiveservices.azure.com/.default", { abortSignal: AbortSignal.timeout(30_000) });
    return token?.token ? { found: true } : { found: false, reason: "DefaultAzureCredential gave no token" };
  } catch (error) {
    return { found: false, reason: error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]!}` : String(error) };
  }
}

/** Deletes every blob under `prefix` of a container (or the whole container); what it could not, as text. */
async function removeBlobs(target: { connectionString: string | undefined; accountUrl: string | undefined }, container: string, prefix: string | null, credential: () => Promise<TokenCredential>): Promise<string[]> {
  const left: string[] = [];
  const { BlobServiceClient } = await import("@azure/storage-blob");
  const service = target.connectionString !== undefined ? BlobServiceClient.fromConnectionString(target.connectionString) : new BlobServiceClient(target.accountUrl!, await credential());
  const client = service.getContainerClient(container);
  try {
    if (prefix === null) {
      await client.deleteIfExists();
      return left;
    }
    for await (const blob of client.listBlobsFlat({ prefix })) {
      try {
        await client.deleteBlob(blob.name);
      } catch (error) {
        left.push(`blob ${container}/${blob.name} (${(error as Error).name})`);
      }
    }
  } catch (error) {
    left.push(`container ${container}${prefix === null ? "" : `/${prefix}*`} not cleaned (${(error as Error).name}): check by hand`);
  }
  return left;
}

/** How long the clean-up waits for the run's unfinished Speech jobs to end (the service cannot delete them before). */
const jobEndWaitMs = 5 * 60_000;
const jobPollMs = 10_000;

/**
 * Deletes the run's Speech jobs. One not finished (the service refuses to delete it) is marked
 * for the adapter's deferred deletion, then waited for — its recording is gone by then, so it
 * ends soon — up to `jobEndWaitMs`, and deleted; past the wait it is reported left behind.
 */
async function removeJobs(settings: AzureCloudSettings): Promise<string[]> {
  const left: string[] = [];
  const client = createSpeechClient(
    parseSettings(azureSpeechSettings, {
      ...(settings.speech.endpoint === undefined ? {} : { endpoint: settings.speech.endpoint }),
      ...(settings.speech.region === undefined ? {} : { region: settings.speech.region }),
      ...(settings.speech.key === undefined ? {} : { key: settings.speech.key }),
    }),
  );
  const name = runDisplayName(settings.runId);
  const unfinished = new Set<string>();
  try {
    let path: string | undefined = "/transcriptions";
    for (let page = 0; path !== undefined && page < 50; page += 1) {
      const answer = await client.send({ method: "GET", path, authenticated: true, what: "the job list", signal: undefined });
      const body = (answer.json ?? {}) as { values?: Array<{ self?: string; displayName?: string; status?: string }>; "@nextLink"?: string };
      for (const job of body.values ?? []) {
        if (typeof job.displayName !== "string" || !job.displayName.startsWith(name) || typeof job.self !== "string") continue;
        const id = new URL(job.self).pathname.split("/").pop()!;
        try {
          if (job.status === "NotStarted" || job.status === "Running") {
            await client.send({ method: "PATCH", path: `/transcriptions/${id}`, body: { description: deleteWhenFinishedMark }, authenticated: true, what: "marking a job", signal: undefined });
            unfinished.add(id);
          } else {
            await client.send({ method: "DELETE", path: `/transcriptions/${id}`, authenticated: true, accept: [404], what: "a job's deletion", signal: undefined });
          }
        } catch (error) {
          left.push(`Speech job ${id} (${(error as Error).message.slice(0, 80)})`);
        }
      }
      path = body["@nextLink"] || undefined;
    }
  } catch (error) {
    left.push(`Speech jobs ${name}* not listed (${(error as Error).message.slice(0, 80)}): check by hand`);
  }
  const deadline = Date.now() + jobEndWaitMs;
  while (unfinished.size > 0 && Date.now() < deadline) {
    for (const id of [...unfinished]) {
      try {
        const answer = await client.send({ method: "GET", path: `/transcriptions/${id}`, authenticated: true, accept: [404], what: "a job's status", signal: undefined });
        const status = answer.status === 404 ? "gone" : ((answer.json ?? {}) as { status?: string }).status;
        if (status === "gone") unfinished.delete(id);
        else if (status === "Succeeded" || status === "Failed") {
          await client.send({ method: "DELETE", path: `/transcriptions/${id}`, authenticated: true, accept: [404], what: "a job's deletion", signal: undefined });
          unfinished.delete(id);
        }
      } catch {
        // Asked again at the next round; reported below if it never ends.
      }
    }
    if (unfinished.size > 0) await new Promise((resolve) => setTimeout(resolve, jobPollMs));
  }
  for (const id of unfinished) left.push(`Speech job ${id} (not finished after ${jobEndWaitMs / 60_000} minutes: marked, deleted by the adapter's next sweep once it ends)`);
  return left;
}

/** Deletes the run's Cosmos DB databases (ids starting `confide-cloud-<runId>-`); what it could not, as text. */
async function removeDatabases(settings: AzureCloudSettings, credential: () => Promise<TokenCredential>): Promise<string[]> {
  const left: string[] = [];
  const prefix = runDatabasePrefix(settings.runId);
  try {
    const { CosmosClient } = await import("@azure/cosmos");
    const endpoint = settings.cosmos.endpoint!;
    const client = settings.cosmos.key !== undefined ? new CosmosClient({ endpoint, key: settings.cosmos.key }) : new CosmosClient({ endpoint, aadCredentials: await credential() });
    try {
      const { resources } = await client.databases.readAll().fetchAll();
      for (const database of resources.filter((candidate) => candidate.id.startsWith(prefix))) {
        try {
          await client.database(database.id).delete();
        } catch (error) {
          left.push(`Cosmos DB database ${database.id} (${(error as Error).name})`);
        }
      }
    } finally {
      client.dispose();
    }
  } catch (error) {
    left.push(`Cosmos DB databases ${prefix}* not listed (${(error as Error).name}): check by hand`);
  }
  return left;
}

async function cleanUp(settings: AzureCloudSettings): Promise<Record<AzureCloudPort, string[]>> {
  // The notes port creates nothing (one chat completion per test).
  const left: Record<AzureCloudPort, string[]> = { storage: [], speech: [], language: [], live: [], notes: [], repository: [] };
  let credential: Promise<TokenCredential> | undefined;
  const lazyCredential = () => (credential ??= import("@azure/identity").then((identity) => new identity.DefaultAzureCredential()));
  const prefix = runPrefix(settings.runId);
  if (settings.ports.storage.configured) left.storage.push(...(await removeBlobs(settings.storage, settings.storage.container, prefix, lazyCredential)));
  if (settings.ports.speech.configured) {
    left.speech.push(...(await removeJobs(settings)));
    const { staging } = settings.speech;
    if (staging.connectionString !== undefined || staging.accountUrl !== undefined) {
      left.speech.push(...(await removeBlobs(staging, `confide-cloud-${settings.runId}`, null, lazyCredential)));
    }
  }
  if (settings.ports.repository.configured) left.repository.push(...(await removeDatabases(settings, lazyCredential)));
  return left;
}

/**
 * Runs the Azure suites against the real resources and prints the table to `output`.
 * @returns the report; nothing runs (exitCode 2) without credentials or without a configured port.
 */
export async function run(options: { environment?: NodeJS.ProcessEnv; output?: NodeJS.WritableStream; findCredentials?: CredentialLookup } = {}): Promise<AzureCloudRunReport> {
  const environment = options.environment ?? process.env;
  const output = options.output ?? process.stdout;
  const runId = `r${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const settings = azureCloudSettings(environment, runId);
  const notRun = (status: string): AzureCloudRunReport => ({
    provider: "azure",
    runId,
    ran: false,
    rows: ports.map((port) => ({ port, provider: settings.ports[port].provider, status, passed: 0, failed: 0, skipped: 0, leftBehind: [] })),
    exitCode: 2,
  });
  if (ports.every((port) => !settings.ports[port].configured)) {
    const report = notRun("not configured");
    output.write(`No Azure port is configured (CONFIDE_AZURE_* settings). Nothing was run and nothing passed.\n${formatCloudTable(report)}\n`);
    return report;
  }
  const credentials = await (options.findCredentials ?? findCredentials)(settings);
  if (!credentials.found) {
    const report = notRun("not run: no Azure credentials");
    output.write(`No Azure credentials found (${credentials.reason}). Nothing was run and nothing passed.\n`);
    output.write("Give keys or connection strings (CONFIDE_AZURE_*_KEY, CONFIDE_COSMOS_KEY, CONFIDE_AZURE_STORAGE_CONNECTION_STRING) or an identity DefaultAzureCredential finds (AZURE_* variables, managed identity, az login).\n");
    output.write(`${formatCloudTable(report)}\n`);
    return report;
  }
  output.write(`test:cloud azure, run ${runId}: blobs under ${runPrefix(runId)}, Speech jobs ${runDisplayName(runId)} *, Cosmos DB databases ${runDatabasePrefix(runId)}*\n`);
  const results = await runCloudSuites("azure.cloud.ts", runId, output);
  const left = await cleanUp(settings);
  await rm(join(tmpdir(), `confide-cloud-${runId}`), { recursive: true, force: true });
  const rows = cloudRows(ports, settings.ports, results, left);
  const report: AzureCloudRunReport = { provider: "azure", runId, ran: true, rows, exitCode: exitCodeOf(rows, settings.ports) };
  output.write(`\n${formatCloudTable(report)}\n`);
  return report;
}
