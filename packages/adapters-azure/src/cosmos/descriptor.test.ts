import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSession } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { cosmosDescriptor } from "./descriptor.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

const problems = (variables: Record<string, string>) =>
  cosmosDescriptor.settings.safeParse(variables).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("cosmos descriptor", () => {
  it("connects with the key, trusting the CA file, to the configured database; discovery off", async () => {
    const folder = await mkdtemp(join(tmpdir(), "confide-cosmos-ca-"));
    try {
      const caFile = join(folder, "ca.pem");
      await writeFile(caFile, standIn.server().certificate.cert);
      const settings = standIn.settings();
      const repositories = await cosmosDescriptor.create(
        cosmosDescriptor.settings.parse({
          CONFIDE_COSMOS_ENDPOINT: settings.endpoint,
          CONFIDE_COSMOS_KEY: settings.key!,
          CONFIDE_COSMOS_DATABASE: settings.databaseId!,
          CONFIDE_COSMOS_CA_FILE: caFile,
          CONFIDE_COSMOS_ENDPOINT_DISCOVERY: "false",
        }),
      );
      try {
        expect(await repositories.prepare()).toContain(`database ${settings.databaseId}`);
        const session = buildSession();
        await repositories.sessions.create(session);
        expect(await repositories.sessions.get(session.id)).toEqual(session);
      } finally {
        await repositories.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("without the CA file the stand-in's certificate is not trusted: dependency.unavailable", async () => {
    const settings = standIn.settings();
    const repositories = await cosmosDescriptor.create(
      cosmosDescriptor.settings.parse({ CONFIDE_COSMOS_ENDPOINT: settings.endpoint, CONFIDE_COSMOS_KEY: settings.key!, CONFIDE_COSMOS_ENDPOINT_DISCOVERY: "false" }),
    );
    try {
      await expect(repositories.check()).rejects.toMatchObject({ code: "dependency.unavailable" });
    } finally {
      await repositories.close();
    }
  }, 30_000);

  it("defaults: database confide, discovery on, 10 s requests; no key means Microsoft Entra ID, and nothing is sent until used", async () => {
    const parsed = cosmosDescriptor.settings.parse({ CONFIDE_COSMOS_ENDPOINT: "https://clinic.documents.azure.com:443/" });
    expect(parsed).toMatchObject({ CONFIDE_COSMOS_DATABASE: "confide", CONFIDE_COSMOS_ENDPOINT_DISCOVERY: true, CONFIDE_COSMOS_REQUEST_TIMEOUT_MS: 10_000 });
    const repositories = await cosmosDescriptor.create(parsed);
    await repositories.close();
  });

  it("names what is wrong with each variable", async () => {
    expect(problems({})).toEqual([["CONFIDE_COSMOS_ENDPOINT", expect.any(String)]]);
    expect(problems({ CONFIDE_COSMOS_ENDPOINT: "ftp://x" })?.[0]?.[0]).toBe("CONFIDE_COSMOS_ENDPOINT");
    expect(problems({ CONFIDE_COSMOS_ENDPOINT: "https://x/", CONFIDE_COSMOS_KEY: "not a key!" })).toEqual([["CONFIDE_COSMOS_KEY", "is not a Cosmos DB key (base64)"]]);
    expect(problems({ CONFIDE_COSMOS_ENDPOINT: "https://x/", CONFIDE_COSMOS_DATABASE: "a/b" })?.[0]?.[0]).toBe("CONFIDE_COSMOS_DATABASE");
    expect(problems({ CONFIDE_COSMOS_ENDPOINT: "https://x/", CONFIDE_COSMOS_CA_FILE: "/no/such/ca.pem" })).toEqual([
      ["CONFIDE_COSMOS_CA_FILE", "there is no file /no/such/ca.pem"],
    ]);
    const folder = await mkdtemp(join(tmpdir(), "confide-cosmos-ca-"));
    try {
      await writeFile(join(folder, "empty.pem"), "nothing here");
      expect(problems({ CONFIDE_COSMOS_ENDPOINT: "https://x/", CONFIDE_COSMOS_CA_FILE: join(folder, "empty.pem") })).toEqual([
        ["CONFIDE_COSMOS_CA_FILE", `${join(folder, "empty.pem")} holds no PEM certificate`],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect(problems({ CONFIDE_COSMOS_ENDPOINT: "https://x/", CONFIDE_COSMOS_REQUEST_TIMEOUT_MS: "5" })?.[0]?.[0]).toBe("CONFIDE_COSMOS_REQUEST_TIMEOUT_MS");
  });
});
