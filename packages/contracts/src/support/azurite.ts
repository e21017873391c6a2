/**
 * Azurite's Blob service as a stand-in for Azure Blob Storage, one per test file:
 * `azurite-blob --blobHost 127.0.0.1 --blobPort 0 --inMemoryPersistence --disableTelemetry
 * --skipApiVersionCheck --silent` as a child process (see stand-in-process.ts for how it is
 * stopped). `--skipApiVersionCheck` because Azurite answers 400 to API versions newer than its
 * own, which current SDKs send; `--disableTelemetry` because it reports to Microsoft by default.
 *
 * Two modes:
 * - plain HTTP (default): shared key and SAS, what most blob store tests need;
 * - `https: true`: HTTPS with a self-signed certificate and `--oauth basic`, which accepts
 *   bearer tokens (the SDK refuses to send one over HTTP) — needed for user-delegation SAS.
 *   Azurite's "basic" OAuth checks a token's issuer, audience and lifetime, not its signature:
 *   `tokenCredential` mints such tokens locally.
 *
 * Account: Azurite's development account `devstoreaccount1` with its published key; URLs are
 * path-style (`http://127.0.0.1:<port>/devstoreaccount1/<container>/<blob>`).
 */
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "./self-signed-certificate.ts";
import { probeHttp } from "./probe-http.ts";
import { startStandInProcess } from "./stand-in-process.ts";

/** Azurite's development account (public, from Azurite's README). */
export const azuriteAccountName = "devstoreaccount1";
export const azuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** What `@azure/core-auth`'s TokenCredential needs, without importing it. */
export interface LocalTokenCredential {
  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number }>;
}

export interface AzuriteBlob {
  /** e.g. http://127.0.0.1:41234/devstoreaccount1 */
  blobEndpoint: string;
  /** For `BlobServiceClient.fromConnectionString`. */
  connectionString: string;
  accountName: string;
  accountKey: string;
  /**
   * HTTPS mode: the certificate to trust (`ca`). With @azure/storage-blob pass
   * `{ tlsOptions: { ca } }` in the client options (see AZURE-NOTES.md).
   */
  ca: string | undefined;
  /** HTTPS mode: a credential whose tokens Azurite's `--oauth basic` accepts. */
  tokenCredential: LocalTokenCredential | undefined;
  /** The Azurite process id (for tests that check it is gone). */
  pid: number;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** HTTPS with a self-signed certificate and `--oauth basic`. Default false. */
  https?: boolean;
  /** `--loose`: ignore headers and parameters Azurite does not support. Default false. */
  loose?: boolean;
  /** `--extentMemoryLimit` in MB (in-memory storage cap; Azurite's default is half the RAM). */
  extentMemoryLimitMb?: number;
}

const requireFromHere = createRequire(import.meta.url);

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * A JWT shaped like one from Microsoft Entra ID for Azure Storage. Unsigned in substance (the
 * signature part is filler): only Azurite's "basic" OAuth level accepts it.
 */
function localEntraToken(lifetimeSeconds: number): { token: string; expiresOnTimestamp: number } {
  const tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  const nowSeconds = Math.floor(Date.now() / 1000);
  const expiresSeconds = nowSeconds + lifetimeSeconds;
  const header = { typ: "JWT", alg: "RS256", kid: "confide-local" };
  const payload = {
    aud: "https://storage.azure.com",
    iss: `https://sts.windows.net/${tenantId}/`,
    iat: nowSeconds - 60,
    nbf: nowSeconds - 60,
    exp: expiresSeconds,
    oid: "23657296-5cd5-45b0-a809-d972a7f4dfe1",
    sub: "confide-tests",
    tid: tenantId,
    appid: randomUUID(),
    ver: "1.0",
  };
  return {
    token: `${base64Url(header)}.${base64Url(payload)}.${Buffer.from("not-signed").toString("base64url")}`,
    expiresOnTimestamp: expiresSeconds * 1000,
  };
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteBlob> {
  const https = options.https ?? false;
  const certificate: SelfSignedCertificate | undefined = https ? await createSelfSignedCertificate() : undefined;
  const args = [
    requireFromHere.resolve("azurite/dist/src/blob/main.js"),
    "--blobHost",
    "127.0.0.1",
    "--blobPort",
    "0",
    "--inMemoryPersistence",
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--silent",
  ];
  if (options.loose) args.push("--loose");
  if (options.extentMemoryLimitMb !== undefined) args.push("--extentMemoryLimit", String(options.extentMemoryLimitMb));
  if (certificate !== undefined) args.push("--cert", certificate.certPath, "--key", certificate.keyPath, "--oauth", "basic");

  try {
    const { process: azurite, match } = await startStandInProcess({
      name: "Azurite (blob)",
      nodeArgs: args,
      // In-memory persistence writes nothing; a neutral working directory all the same.
      cwd: tmpdir(),
      ready: /successfully listens on (https?:\/\/[^\s]+)/,
    });
    const origin = match[1]!.replace(/\/$/, "");
    const blobEndpoint = `${origin}/${azuriteAccountName}`;
    try {
      // Any HTTP answer will do (an anonymous request is refused): the listener is serving.
      await probeHttp(`${blobEndpoint}?comp=list`, { ca: certificate?.cert });
    } catch (error) {
      await azurite.stop();
      throw error;
    }
    return {
      blobEndpoint,
      connectionString:
        `DefaultEndpointsProtocol=${https ? "https" : "http"};AccountName=${azuriteAccountName};` +
        `AccountKey=${azuriteAccountKey};BlobEndpoint=${blobEndpoint};`,
      accountName: azuriteAccountName,
      accountKey: azuriteAccountKey,
      ca: certificate?.cert,
      tokenCredential: https ? { getToken: async () => localEntraToken(3600) } : undefined,
      pid: azurite.pid,
      stop: () => azurite.stop(),
    };
  } finally {
    // The server read the files when it started: none stay on disk while it runs.
    await certificate?.remove();
  }
}
