import { readFileSync } from "node:fs";
import { fileSetting } from "@confide/core/ports";
import { z } from "zod";

/** The PEM certificate(s) in the file at `path`, or what is wrong with that file, in words. */
function readPemFile(path: string) {
  return fileSetting(path, (file) => readFileSync(file, "utf8"), (text) =>
    text.includes("-----BEGIN CERTIFICATE-----") ? { value: text } : { problem: `${path} holds no PEM certificate` },
  );
}

/** Cosmos DB database ids: 1–255 characters, none of `/ \ # ?`, no trailing space. */
const databaseIdPattern = /^[^/\\#?]{0,254}[^/\\#? ]$/;

/** The environment variables of the Cosmos DB repositories. */
export const cosmosSettings = z
  .object({
    CONFIDE_COSMOS_ENDPOINT: z
      .url({ protocol: /^https?$/ })
      .describe("the account's endpoint, `https://<account>.documents.azure.com:443/`"),
    CONFIDE_COSMOS_KEY: z
      .string()
      .trim()
      .min(1)
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "is not a Cosmos DB key (base64)")
      .optional()
      .describe(
        "the account's primary or secondary key; unset: signs in with Microsoft Entra ID (`DefaultAzureCredential`: managed identity, `AZURE_*` variables, developer sign-in), which needs a Cosmos DB data-plane role",
      )
      .meta({ shownDefault: "— (Microsoft Entra ID)" }),
    CONFIDE_COSMOS_DATABASE: z
      .string()
      .regex(databaseIdPattern, "must be 1–255 characters without / \\ # ? and not end with a space")
      .default("confide")
      .describe("the database holding Confide's containers; `confide migrate` creates it and them when missing"),
    CONFIDE_COSMOS_CA_FILE: z
      .string()
      .min(1)
      .transform((path, context) => {
        const file = readPemFile(path);
        if (file.problem !== undefined) {
          context.addIssue({ code: "custom", message: file.problem });
          return z.NEVER;
        }
        return file.value;
      })
      .optional()
      .describe(
        "PEM file of a certificate authority to trust besides the system's (the Cosmos DB emulator or a TLS-inspecting proxy); certificates are always checked",
      )
      .meta({ shownDefault: "— (the system's)" }),
    CONFIDE_COSMOS_ENDPOINT_DISCOVERY: z
      .stringbool()
      .default(true)
      .describe(
        "`false`: always use the configured endpoint instead of the regional endpoints the account advertises (the emulator, a proxy, a private endpoint reached by another name)",
      ),
    CONFIDE_COSMOS_REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(10_000)
      .describe("milliseconds one request to Cosmos DB may take before it fails as `dependency.unavailable` (100–120000)"),
  })
  .describe("containers of an Azure Cosmos DB for NoSQL database");

export type CosmosVariables = z.output<typeof cosmosSettings>;
