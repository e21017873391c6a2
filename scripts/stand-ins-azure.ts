/**
 * `npm run stand-ins:azure [-- --out PATH]`: local stand-ins for the azure profile, to try
 * `CONFIDE_PROFILE=azure` on a machine with no Azure subscription —
 * - Azurite (Blob Storage, in memory),
 * - the Cosmos DB stand-in (`@vercel/cosmosdb-server`, HTTPS with a certificate made here),
 * - the fake Speech batch transcription server (every job answers the same short dialogue),
 * - the fake real-time Speech server for live sessions (USP over WebSocket; scripted phrases,
 *   speakers alternating) and
 * - the fake Text Analytics server (keyword sentiment),
 * all from @confide/contracts (the adapters' tests use the same ones). Redis is the local one
 * (`bash scripts/ensure-services.sh`). Push notifications go to the log (`CONFIDE_PUSH=log`).
 *
 * Writes the variables that point `confide` at them to a file (`--out`) (default
 * `.stand-ins/azure.env`, `export` lines for `source`), with the Cosmos stand-in's certificate
 * beside it, prints them, and runs until Ctrl-C (SIGINT/SIGTERM), which stops every stand-in and
 * removes both files. Nothing is kept: the stand-ins hold their data in memory.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startAzurite, startCosmosServer } from "../packages/contracts/src/support/index.ts";
import { startAzureSpeechLiveServer, startFakeSpeechBatchServer, startFakeTextAnalyticsServer } from "../packages/contracts/src/fakes/index.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: ".stand-ins/azure.env" } } });
const envFile = resolve(values.out as string);
const caFile = join(dirname(envFile), `${envFile.split("/").pop()}.cosmos-ca.pem`);

const stops: Array<() => Promise<unknown>> = [];
async function stopAll(): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
}

try {
  const [azurite, cosmos, speech, language] = await Promise.all([
    startAzurite(),
    startCosmosServer(),
    startFakeSpeechBatchServer(),
    startFakeTextAnalyticsServer(),
  ]);
  const liveSpeech = await startAzureSpeechLiveServer({ key: speech.key });
  stops.push(
    () => liveSpeech.close(),
    () => azurite.stop(),
    () => cosmos.stop(),
    () => speech.close(),
    () => language.close(),
  );
  await mkdir(dirname(envFile), { recursive: true });
  await writeFile(caFile, cosmos.certificate.cert, { mode: 0o600 });
  stops.push(() => rm(caFile, { force: true }));
  const variables: Record<string, string> = {
    CONFIDE_PROFILE: "azure",
    CONFIDE_AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    CONFIDE_COSMOS_ENDPOINT: cosmos.endpoint,
    CONFIDE_COSMOS_KEY: cosmos.key,
    CONFIDE_COSMOS_CA_FILE: caFile,
    CONFIDE_COSMOS_ENDPOINT_DISCOVERY: "false",
    CONFIDE_AZURE_SPEECH_ENDPOINT: speech.url,
    CONFIDE_AZURE_SPEECH_KEY: speech.key,
    CONFIDE_AZURE_LIVE_SPEECH_HOST: liveSpeech.url,
    CONFIDE_AZURE_LANGUAGE_ENDPOINT: language.url,
    CONFIDE_AZURE_LANGUAGE_KEY: language.key,
    CONFIDE_REDIS_URL: "redis://127.0.0.1:6379",
    CONFIDE_PUSH: "log",
    CONFIDE_JWT_SECRET: randomBytes(36).toString("base64url"),
  };
  const lines = Object.entries(variables).map(([name, value]) => `export ${name}='${value}'`);
  await writeFile(envFile, `# Written by npm run stand-ins:azure; removed when it stops.\n${lines.join("\n")}\n`, { mode: 0o600 });
  stops.push(() => rm(envFile, { force: true }));
  console.log(lines.join("\n"));
  console.log(`stand-ins ready: in another shell, source ${envFile} (Ctrl-C here stops them)`);
} catch (error) {
  await stopAll();
  throw error;
}

await new Promise<void>((resolveStop) => {
  process.once("SIGINT", resolveStop);
  process.once("SIGTERM", resolveStop);
});
await stopAll();
process.exit(0);
