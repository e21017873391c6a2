import { readFileSync } from "node:fs";
import type { TokenCredential } from "@azure/identity";
import { fileSetting, isPassedObject } from "@confide/core/adapter-kit";
import { z } from "zod";

/** The PEM certificate(s) in the file at `path`, or what is wrong with that file, in words. */
export function readPemFile(path: string) {
  return fileSetting(path, (file) => readFileSync(file, "utf8"), (text) =>
    text.includes("-----BEGIN CERTIFICATE-----") ? { value: text } : { problem: `${path} holds no PEM certificate` },
  );
}

/** Cosmos DB database ids: 1–255 characters, none of `/ \ # ?`, no trailing space. */
const databaseIdPattern = /^[^/\\#?]{0,254}[^/\\#? ]$/;

/** The words `z.stringbool()` takes, for the one message of a flag given as text or as a boolean. */
const flagWords = ["true", "1", "yes", "on", "y", "enabled", "false", "0", "no", "off", "n", "disabled"];

/**
 * The settings of the Cosmos DB repositories: what `createCosmosRepositories` (and
 * `createCosmosContext`) take and what their environment variables set (each setting's `env`).
 */
export const cosmosSettings = z
  .object({
    endpoint: z
      .url({ protocol: /^https?$/ })
      .describe("the account's endpoint, `https://<account>.documents.azure.com:443/`")
      .meta({ env: "CONFIDE_COSMOS_ENDPOINT" }),
    /** The account key; without it (and without `credential`) `DefaultAzureCredential` signs in. */
    key: z
      .string()
      .trim()
      .min(1)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "is not a Cosmos DB key (base64)")
      .optional()
      .describe(
        "the account's primary or secondary key; unset: signs in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in), which needs a Cosmos DB data-plane role",
      )
      .meta({ env: "CONFIDE_COSMOS_KEY", shownDefault: "— (Microsoft Entra ID)" }),
    /** A Microsoft Entra ID credential to sign in with instead of a key. */
    credential: z.custom<TokenCredential>(isPassedObject).optional(),
    databaseId: z
      .string()
      .regex(databaseIdPattern, "must be 1–255 characters without / \\ # ? and not end with a space")
      .default("confide")
      .describe("the database holding Confide's containers; `confide migrate` creates it and them when missing")
      .meta({ env: "CONFIDE_COSMOS_DATABASE" }),
    /** A PEM file of a certificate authority to trust besides the system's; read when the client is made. */
    caFile: z
      .string()
      .min(1)
      .superRefine((path, context) => {
        const file = readPemFile(path);
        if (file.problem !== undefined) context.addIssue({ code: "custom", message: file.problem });
      })
      .optional()
      .describe(
        "PEM file of a certificate authority to trust besides the system's (the Cosmos DB emulator or a TLS-inspecting proxy); certificates are always checked",
      )
      .meta({ env: "CONFIDE_COSMOS_CA_FILE", shownDefault: "— (the system's)" }),
    /** PEM of a certificate authority to trust besides the system's (the emulator, a stand-in), instead of `caFile`. */
    ca: z.string().min(1).optional(),
    /** Default true; false always uses `endpoint` (emulator, proxy, private endpoint). Text as the variable gives it, or a boolean. */
    endpointDiscovery: z
      .union([z.boolean(), z.stringbool()], { error: `must be one of ${flagWords.join(", ")}` })
      .default(true)
      .describe(
        "`false`: always use the configured endpoint instead of the regional endpoints the account advertises (the emulator, a proxy, a private endpoint reached by another name)",
      )
      .meta({ env: "CONFIDE_COSMOS_ENDPOINT_DISCOVERY" }),
    /** Milliseconds per request before it fails. */
    requestTimeoutMs: z.coerce
      .number<number>()
      .int()
      .min(100)
      .max(120_000)
      .default(10_000)
      .describe("milliseconds one request to Cosmos DB may take before it fails as `dependency.unavailable` (100–120000)")
      .meta({ env: "CONFIDE_COSMOS_REQUEST_TIMEOUT_MS" }),
  })
  .superRefine((settings, context) => {
    if (settings.ca !== undefined && settings.caFile !== undefined) {
      context.addIssue({ code: "custom", path: ["caFile"], message: "give either this or ca (the certificate itself), not both" });
    }
  })
  .describe("containers of an Azure Cosmos DB for NoSQL database");

/** What code creating the repositories passes (defaults may be left out). */
export type CosmosSettings = z.input<typeof cosmosSettings>;
