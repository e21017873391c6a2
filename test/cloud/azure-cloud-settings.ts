/**
 * What `npm run test:cloud -- azure` runs against, read from the usual `CONFIDE_*` settings
 * (`DefaultAzureCredential` — managed identity, `AZURE_*` variables, a developer sign-in — where
 * no key or connection string is given). Shared by the runner (azure.ts) and the suites
 * (azure.cloud.ts). Everything the run creates carries `runId`: blobs under
 * `confide-cloud-<runId>/` (the storage container and the speech staging container), Speech
 * batch jobs whose `displayName` starts `confide-cloud-<runId>`, Cosmos DB databases whose id starts
 * `confide-cloud-<runId>-` (one per repository test: the contract asks an empty store). The
 * notes port (an Azure OpenAI deployment) creates nothing.
 */
import type { PortState } from "./cloud-run.ts";

export type AzureCloudPort = "storage" | "speech" | "language" | "live" | "notes" | "repository";

export interface AzureCloudSettings {
  runId: string;
  /** A key or connection string is set for at least one port (else Entra ID must sign in). */
  hasKeys: boolean;
  storage: { connectionString: string | undefined; accountUrl: string | undefined; container: string };
  speech: { endpoint: string | undefined; region: string | undefined; key: string | undefined; staging: { connectionString: string | undefined; accountUrl: string | undefined; container: string } };
  language: { endpoint: string | undefined; key: string | undefined };
  live: { host: string | undefined };
  notes: { endpoint: string | undefined; deployment: string | undefined };
  cosmos: { endpoint: string | undefined; key: string | undefined };
  ports: Record<AzureCloudPort, PortState>;
}

/** The blob prefix of everything the run stores. */
export const runPrefix = (runId: string) => `confide-cloud-${runId}/`;
/** The start of every Cosmos DB database id of the run. */
export const runDatabasePrefix = (runId: string) => `confide-cloud-${runId}-`;
/** The start of every Speech job's displayName of the run. */
export const runDisplayName = (runId: string) => `confide-cloud-${runId}`;

const present = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

export function azureCloudSettings(environment: NodeJS.ProcessEnv, runId: string): AzureCloudSettings {
  const storage = {
    connectionString: present(environment.CONFIDE_AZURE_STORAGE_CONNECTION_STRING),
    accountUrl: present(environment.CONFIDE_AZURE_STORAGE_ACCOUNT_URL),
    container: present(environment.CONFIDE_AZURE_STORAGE_CONTAINER) ?? "confide-recordings",
  };
  const speech = {
    endpoint: present(environment.CONFIDE_AZURE_SPEECH_ENDPOINT),
    region: present(environment.CONFIDE_AZURE_SPEECH_REGION),
    key: present(environment.CONFIDE_AZURE_SPEECH_KEY),
    staging: {
      connectionString: present(environment.CONFIDE_AZURE_SPEECH_STAGING_CONNECTION_STRING),
      accountUrl: present(environment.CONFIDE_AZURE_SPEECH_STAGING_ACCOUNT_URL),
      container: present(environment.CONFIDE_AZURE_SPEECH_STAGING_CONTAINER) ?? "confide-speech-staging",
    },
  };
  const language = { endpoint: present(environment.CONFIDE_AZURE_LANGUAGE_ENDPOINT), key: present(environment.CONFIDE_AZURE_LANGUAGE_KEY) };
  const live = { host: present(environment.CONFIDE_AZURE_LIVE_SPEECH_HOST) };
  const notes = { endpoint: present(environment.CONFIDE_AZURE_OPENAI_ENDPOINT), deployment: present(environment.CONFIDE_AZURE_OPENAI_DEPLOYMENT) };
  const cosmos = { endpoint: present(environment.CONFIDE_COSMOS_ENDPOINT), key: present(environment.CONFIDE_COSMOS_KEY) };
  const storageSet = storage.connectionString !== undefined || storage.accountUrl !== undefined;
  const stagingSet = speech.staging.connectionString !== undefined || speech.staging.accountUrl !== undefined;
  const speechEndpoint = speech.endpoint !== undefined || (speech.region !== undefined && speech.key !== undefined);
  return {
    runId,
    hasKeys: [storage.connectionString, speech.key, language.key, speech.staging.connectionString, present(environment.CONFIDE_AZURE_OPENAI_KEY), cosmos.key].some((value) => value !== undefined),
    storage,
    speech,
    language,
    live,
    notes,
    cosmos,
    ports: {
      storage: storageSet ? { provider: "azure-blob", configured: true } : { provider: "azure-blob", configured: false, missing: "CONFIDE_AZURE_STORAGE_CONNECTION_STRING or _ACCOUNT_URL" },
      speech: !speechEndpoint
        ? { provider: "azure-speech", configured: false, missing: "CONFIDE_AZURE_SPEECH_ENDPOINT (or _REGION with _KEY)" }
        : !storageSet && !stagingSet
          ? { provider: "azure-speech", configured: false, missing: "a container the service reads recordings from (CONFIDE_AZURE_STORAGE_* or CONFIDE_AZURE_SPEECH_STAGING_*)" }
          : { provider: "azure-speech", configured: true },
      language: language.endpoint === undefined ? { provider: "azure-text-analytics", configured: false, missing: "CONFIDE_AZURE_LANGUAGE_ENDPOINT" } : { provider: "azure-text-analytics", configured: true },
      live:
        speech.key === undefined || (speech.region === undefined && live.host === undefined)
          ? { provider: "azure", configured: false, missing: "CONFIDE_AZURE_SPEECH_KEY with CONFIDE_AZURE_SPEECH_REGION (or CONFIDE_AZURE_LIVE_SPEECH_HOST)" }
          : { provider: "azure", configured: true },
      notes:
        notes.endpoint === undefined || notes.deployment === undefined
          ? { provider: "azure-openai", configured: false, missing: "CONFIDE_AZURE_OPENAI_ENDPOINT with CONFIDE_AZURE_OPENAI_DEPLOYMENT" }
          : { provider: "azure-openai", configured: true },
      repository: cosmos.endpoint === undefined ? { provider: "cosmos", configured: false, missing: "CONFIDE_COSMOS_ENDPOINT" } : { provider: "cosmos", configured: true },
    },
  };
}
