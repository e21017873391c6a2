/**
 * `@vercel/cosmosdb-server` (the Cosmos DB REST protocol in Node) as a stand-in for Azure
 * Cosmos DB, one per test file, in a child process: its queries run on their own core and a
 * test can end it to make the database unreachable. HTTPS with a certificate made at start
 * (the package's bundled certificate is for "localhost" only and cannot be trusted by name
 * for 127.0.0.1), keep-alive on (the package closes every connection by default).
 *
 * The real `@azure/cosmos` client trusts it without touching NODE_TLS_REJECT_UNAUTHORIZED:
 * `new CosmosClient(server.clientOptions)` — that is `{ endpoint, key, agent: new
 * https.Agent({ ca, keepAlive: true }), connectionPolicy: { enableEndpointDiscovery: false } }`.
 * Endpoint discovery is off because the server advertises its own address as the account's
 * region endpoint, which would route the client around a proxy placed in front of it.
 *
 * The server checks no signatures; `key` is the Cosmos DB emulator's published key, which the
 * client needs only to be valid base64.
 */
import { Agent } from "node:https";
import { createRequire } from "node:module";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "./self-signed-certificate.ts";
import { probeHttp } from "./probe-http.ts";
import { startStandInProcess } from "./stand-in-process.ts";

/** The Azure Cosmos DB emulator's well-known key (public). */
export const cosmosEmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

/** The options `@azure/cosmos`'s CosmosClient needs to reach a local HTTPS stand-in. */
export interface LocalCosmosClientOptions {
  endpoint: string;
  key: string;
  agent: Agent;
  connectionPolicy: { enableEndpointDiscovery: false };
}

export interface CosmosServer {
  /** e.g. https://127.0.0.1:41234/ */
  endpoint: string;
  key: string;
  /** The server's certificate and key; `cert` is also the CA to trust. */
  certificate: Pick<SelfSignedCertificate, "cert" | "key">;
  /** Spread into `new CosmosClient(...)`; add `connectionPolicy.retryOptions` as a test needs. */
  clientOptions: LocalCosmosClientOptions;
  pid: number;
  stop(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

/** Runs in the child (CommonJS): paths and the module location come in the environment. */
const serverScript = `
const { readFileSync } = require("node:fs");
const { createHttpsServer } = require(process.env.COSMOS_SERVER_MODULE);
const server = createHttpsServer({
  cert: readFileSync(process.env.COSMOS_SERVER_CERT),
  key: readFileSync(process.env.COSMOS_SERVER_KEY),
  keepAlive: true,
});
server.listen(0, "127.0.0.1", () => console.log("cosmos server listening on port " + server.address().port));
process.on("SIGTERM", () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`;

export function localCosmosClientOptions(endpoint: string, ca: string): LocalCosmosClientOptions {
  return {
    endpoint,
    key: cosmosEmulatorKey,
    agent: new Agent({ ca, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  };
}

export async function startCosmosServer(): Promise<CosmosServer> {
  const certificate = await createSelfSignedCertificate();
  try {
    const { process: server, match } = await startStandInProcess({
      name: "cosmosdb-server",
      nodeArgs: ["--input-type=commonjs", "-e", serverScript],
      env: {
        ...process.env,
        COSMOS_SERVER_MODULE: requireFromHere.resolve("@vercel/cosmosdb-server"),
        COSMOS_SERVER_CERT: certificate.certPath,
        COSMOS_SERVER_KEY: certificate.keyPath,
      },
      ready: /cosmos server listening on port (\d+)/,
    });
    const endpoint = `https://127.0.0.1:${match[1]}/`;
    try {
      await probeHttp(endpoint, { ca: certificate.cert });
    } catch (error) {
      await server.stop();
      throw error;
    }
    const clientOptions = localCosmosClientOptions(endpoint, certificate.cert);
    return {
      endpoint,
      key: cosmosEmulatorKey,
      certificate: { cert: certificate.cert, key: certificate.key },
      clientOptions,
      pid: server.pid,
      async stop() {
        clientOptions.agent.destroy();
        await server.stop();
      },
    };
  } finally {
    // The server read the files when it started: none stay on disk while it runs.
    await certificate.remove();
  }
}
