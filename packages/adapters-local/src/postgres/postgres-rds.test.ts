/**
 * What an RDS deployment needs of the PostgreSQL repositories, against the local server behind a
 * front that does what RDS does first (postgres-front.test-support.ts): TLS verified against a CA
 * bundle named in the URL, and IAM authentication tokens as passwords, one per new connection.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expectConfideError } from "@confide/contracts";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "@confide/contracts/support";
import { postgresUrl } from "../../test-support/sql-test-databases.ts";
import { createPostgresClient } from "./postgres-client.ts";
import { startPostgresFront, type PostgresFront } from "./postgres-front.test-support.ts";
import { postgresDescriptor } from "./descriptor.ts";
import type { SqlClient } from "../sql/sql-client.ts";

const upstream = new URL(postgresUrl);
const upstreamPort = Number(upstream.port || 5432);
const user = decodeURIComponent(upstream.username || "postgres");
const database = upstream.pathname.slice(1) || "test";
const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

let certificate: SelfSignedCertificate;
let otherCertificate: SelfSignedCertificate;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  certificate = await createSelfSignedCertificate();
  otherCertificate = await createSelfSignedCertificate();
});
afterAll(async () => {
  await certificate?.remove();
  await otherCertificate?.remove();
});
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function front(options: Omit<Parameters<typeof startPostgresFront>[0], "upstreamPort">): Promise<PostgresFront> {
  const started = await startPostgresFront({ upstreamPort, ...options });
  cleanups.push(() => started.close());
  return started;
}

async function client(settings: Parameters<typeof createPostgresClient>[0]): Promise<SqlClient> {
  const created = await createPostgresClient({ connectionTimeoutMs: 3_000, ...settings });
  cleanups.push(() => created.close());
  return created;
}

describe("PostgreSQL over TLS with a CA bundle named in the URL (RDS: sslmode=verify-full&sslrootcert=rds-ca.pem)", () => {
  it("connects over TLS, verifying the server against the bundle, and runs queries", async () => {
    const tls = await front({ tls: certificate });
    const sql = await client({
      connectionString: `postgres://${user}@127.0.0.1:${tls.port}/${database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(certificate.certPath)}`,
    });

    expect(await sql.query<{ answer: number }>("SELECT 41 + 1 AS answer")).toEqual([{ answer: 42 }]);
    expect(tls.tlsConnections).toBe(1);
  });

  it("refuses a server whose certificate the bundle does not vouch for, as dependency.unavailable", async () => {
    const tls = await front({ tls: certificate });
    const sql = await client({
      connectionString: `postgres://${user}@127.0.0.1:${tls.port}/${database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(otherCertificate.certPath)}`,
    });

    const refused = await expectConfideError(sql.query("SELECT 1"), "dependency.unavailable");
    expect(refused).toMatchObject({ retryable: false, details: { reason: "tls" } });
    expect(tls.connections).toBe(0);
  });

  it("refuses a server that does not speak TLS when the URL asks for verify-full", async () => {
    const plain = await front({});
    const sql = await client({
      connectionString: `postgres://${user}@127.0.0.1:${plain.port}/${database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(certificate.certPath)}`,
    });

    const refused = await expectConfideError(sql.query("SELECT 1"), "dependency.unavailable");
    expect(refused).toMatchObject({ retryable: false, details: { reason: "tls" } });
    expect(plain.connections).toBe(0);
  });
});

/** The parameters of an RDS IAM token: `host:port/?Action=connect&DBUser=…&X-Amz-…`. */
function tokenParameters(token: string): { hostAndPort: string; parameters: URLSearchParams } {
  const [hostAndPort, query] = token.split("/?") as [string, string];
  return { hostAndPort, parameters: new URLSearchParams(query) };
}

describe("PostgreSQL with RDS IAM authentication tokens", () => {
  it("sends a token signed for the URL's host, port and user as each new connection's password", async () => {
    const iam = await front({ askPassword: true });
    const sql = await client({
      connectionString: `postgres://${user}@127.0.0.1:${iam.port}/${database}`,
      iamAuthentication: true,
      iamRegion: "eu-central-1",
      iamCredentials: credentials,
    });

    // Two connections at once: one held by a transaction, one for the query beside it.
    await sql.transaction(async (transaction) => {
      await transaction.query("SELECT 1");
      await sql.query("SELECT 2");
    });

    expect(iam.passwords).toHaveLength(2);
    for (const password of iam.passwords) {
      const { hostAndPort, parameters } = tokenParameters(password);
      expect(hostAndPort).toBe(`127.0.0.1:${iam.port}`);
      expect(parameters.get("Action")).toBe("connect");
      expect(parameters.get("DBUser")).toBe(user);
      expect(parameters.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
      expect(parameters.get("X-Amz-Credential")).toMatch(new RegExp(`^${credentials.accessKeyId}/\\d{8}/eu-central-1/rds-db/aws4_request$`));
      expect(parameters.get("X-Amz-Expires")).toBe("900");
      expect(parameters.get("X-Amz-SignedHeaders")).toBe("host");
      expect(parameters.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("signs a fresh token for a connection opened after the previous token expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T10:00:00Z"));
    const iam = await front({ askPassword: true });
    const sql = await client({
      connectionString: `postgres://${user}@127.0.0.1:${iam.port}/${database}`,
      iamAuthentication: true,
      iamRegion: "eu-central-1",
      iamCredentials: credentials,
      idleTimeoutMs: 1,
    });
    await sql.query("SELECT 1");
    // The idle connection is closed; the next one connects 16 minutes later, past the 15-minute token.
    await new Promise((resolve) => setTimeout(resolve, 100));
    vi.setSystemTime(new Date("2026-11-22T10:16:00Z"));
    await sql.query("SELECT 2");

    expect(iam.passwords.map((password) => tokenParameters(password).parameters.get("X-Amz-Date"))).toEqual([
      "20261122T100000Z",
      "20261122T101600Z",
    ]);
  });

  it("refuses a URL with a password, and one without a user, when IAM authentication is on", async () => {
    await expectConfideError(
      createPostgresClient({ connectionString: `postgres://${user}:secret@127.0.0.1:5432/test`, iamAuthentication: true, iamCredentials: credentials }),
      "validation.invalid_input",
    );
    await expectConfideError(createPostgresClient({ connectionString: "postgres://127.0.0.1:5432/test", iamAuthentication: true, iamCredentials: credentials }), "validation.invalid_input");
  });

  it("is chosen by iamAuthentication (CONFIDE_POSTGRES_IAM_AUTH), the region by iamRegion (CONFIDE_POSTGRES_IAM_REGION)", async () => {
    const parsed = postgresDescriptor.settings.parse({
      connectionString: "postgres://confide@db.example.eu-central-1.rds.amazonaws.com:5432/confide",
      iamAuthentication: "true",
      iamRegion: "eu-central-1",
    });
    expect(parsed).toMatchObject({ iamAuthentication: true, iamRegion: "eu-central-1" });
    expect(postgresDescriptor.settings.parse({ connectionString: "postgres://confide@db:5432/confide" }).iamAuthentication).toBe(false);
    // Parsed settings parse again to the same (the host parses the variables, the factory its settings).
    expect(postgresDescriptor.settings.parse(parsed)).toEqual(parsed);
  });
});

// A CA bundle file as RDS ships it (several certificates in one PEM) is read the same way.
it("accepts a CA bundle file holding several certificates", async () => {
  const bundlePath = join(certificate.certPath, "..", "bundle.pem");
  await writeFile(bundlePath, `${otherCertificate.cert}\n${certificate.cert}`);
  const tls = await front({ tls: certificate });
  const sql = await client({
    connectionString: `postgres://${user}@127.0.0.1:${tls.port}/${database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(bundlePath)}`,
  });
  expect(await sql.query<{ answer: number }>("SELECT 1 AS answer")).toEqual([{ answer: 1 }]);
});
