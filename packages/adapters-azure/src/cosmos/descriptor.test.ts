import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSession, expectConfideError } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { cosmosDescriptor } from "./descriptor.ts";
import { useCosmosStandIn } from "./cosmos-stand-in.test-support.ts";

const standIn = useCosmosStandIn();

const problems = (settings: Record<string, unknown>) =>
  cosmosDescriptor.settings.safeParse(settings).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("cosmos descriptor", () => {
  it("connects with the key, trusting the CA file, to the configured database; discovery off", async () => {
    const folder = await mkdtemp(join(tmpdir(), "confide-cosmos-ca-"));
    try {
      const caFile = join(folder, "ca.pem");
      await writeFile(caFile, standIn.server().certificate.cert);
      const settings = standIn.settings();
      const repositories = await cosmosDescriptor.create(
        cosmosDescriptor.settings.parse({
          endpoint: settings.endpoint,
          key: settings.key!,
          databaseId: settings.databaseId!,
          caFile,
          endpointDiscovery: "false",
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
      cosmosDescriptor.settings.parse({ endpoint: settings.endpoint, key: settings.key!, endpointDiscovery: "false" }),
    );
    try {
      await expect(repositories.check()).rejects.toMatchObject({ code: "dependency.unavailable" });
    } finally {
      await repositories.close();
    }
  }, 30_000);

  it("defaults: database confide, discovery on, 10 s requests; no key means Microsoft Entra ID, and nothing is sent until used", async () => {
    const parsed = cosmosDescriptor.settings.parse({ endpoint: "https://clinic.documents.azure.com:443/" });
    expect(parsed).toEqual({ endpoint: "https://clinic.documents.azure.com:443/", databaseId: "confide", endpointDiscovery: true, requestTimeoutMs: 10_000 });
    // As the variables give them: text; as code gives them: a boolean.
    expect(cosmosDescriptor.settings.parse({ ...parsed, endpointDiscovery: "0", requestTimeoutMs: "3000" })).toMatchObject({ endpointDiscovery: false, requestTimeoutMs: 3_000 });
    expect(cosmosDescriptor.settings.parse({ ...parsed, endpointDiscovery: false })).toMatchObject({ endpointDiscovery: false });
    const repositories = await cosmosDescriptor.create(parsed);
    await repositories.close();
  });

  it("names what is wrong with each setting", async () => {
    expect(problems({})).toEqual([["endpoint", expect.any(String)]]);
    expect(problems({ endpoint: "ftp://x" })?.[0]?.[0]).toBe("endpoint");
    expect(problems({ endpoint: "https://x/", key: "not a key!" })).toEqual([["key", "is not a Cosmos DB key (base64)"]]);
    expect(problems({ endpoint: "https://x/", databaseId: "a/b" })?.[0]?.[0]).toBe("databaseId");
    expect(problems({ endpoint: "https://x/", caFile: "/no/such/ca.pem" })).toEqual([["caFile", "there is no file /no/such/ca.pem"]]);
    expect(problems({ endpoint: "https://x/", endpointDiscovery: "maybe" })?.[0]?.[0]).toBe("endpointDiscovery");
    const folder = await mkdtemp(join(tmpdir(), "confide-cosmos-ca-"));
    try {
      await writeFile(join(folder, "empty.pem"), "nothing here");
      expect(problems({ endpoint: "https://x/", caFile: join(folder, "empty.pem") })).toEqual([["caFile", `${join(folder, "empty.pem")} holds no PEM certificate`]]);
      await writeFile(join(folder, "ca.pem"), standIn.server().certificate.cert);
      expect(problems({ endpoint: "https://x/", caFile: join(folder, "ca.pem"), ca: standIn.server().certificate.cert })).toEqual([
        ["caFile", "give either this or ca (the certificate itself), not both"],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect(problems({ endpoint: "https://x/", requestTimeoutMs: "5" })?.[0]?.[0]).toBe("requestTimeoutMs");
  });

  it("the factory refuses bad settings as validation.invalid_input naming the setting", async () => {
    const { createCosmosRepositories } = await import("./cosmos-repositories.ts");
    const timeout = await expectConfideError(createCosmosRepositories({ ...standIn.settings(), requestTimeoutMs: 50 }), "validation.invalid_input");
    expect(timeout.details).toEqual({ setting: "requestTimeoutMs" });
    const key = await expectConfideError(createCosmosRepositories({ ...standIn.settings(), key: "not a key!" }), "validation.invalid_input");
    expect(key.details).toEqual({ setting: "key" });
  });
});
