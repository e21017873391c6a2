import { clearlyPositive, expectConfideError } from "@confide/contracts";
import { startFakeComprehendServer, type FakeComprehendServer } from "@confide/contracts/fakes";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { comprehendDescriptor } from "./descriptor.ts";

let fake: FakeComprehendServer;

beforeAll(async () => {
  fake = await startFakeComprehendServer({ region: "eu-west-1" });
});

afterAll(async () => {
  await fake?.close();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const issuesOf = (settings: Record<string, unknown>) => comprehendDescriptor.settings.safeParse(settings).error?.issues.map((issue) => issue.path.join("."));

describe("comprehend descriptor", () => {
  it("needs nothing; documents its defaults; refuses out-of-range numbers and a malformed endpoint", () => {
    expect(comprehendDescriptor.settings.parse({})).toEqual({ requestTimeoutMs: 30_000, maxAttempts: 2, connectionTimeoutMs: 5_000 });
    // As the variables give them: text.
    expect(comprehendDescriptor.settings.parse({ requestTimeoutMs: "1000", maxAttempts: "1" })).toMatchObject({ requestTimeoutMs: 1000, maxAttempts: 1 });
    expect(issuesOf({ maxAttempts: "0" })).toEqual(["maxAttempts"]);
    expect(issuesOf({ requestTimeoutMs: "ten" })).toEqual(["requestTimeoutMs"]);
    expect(issuesOf({ endpoint: "comprehend" })).toEqual(["endpoint"]);
    expect(issuesOf({ region: "  " })).toEqual(["region"]);
  });

  it("scores through the endpoint and region with credentials from the SDK's default chain", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", fake.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = comprehendDescriptor.settings.parse({ region: "eu-west-1", endpoint: fake.url });
    const analyzer = await comprehendDescriptor.create(settings);
    const from = fake.received.length;

    await analyzer.check();
    const [result] = await analyzer.sentiment([clearlyPositive[0] as string], { language: "en-AU" });
    await analyzer.close();

    expect(analyzer.provider).toBe("comprehend");
    expect(result!.label).toBe("positive");
    const scored = fake.received.slice(from).at(-1)!;
    expect(scored.headers.authorization).toMatch(new RegExp(`Credential=${fake.credentials.accessKeyId}/\\d{8}/eu-west-1/comprehend/aws4_request`));
    expect((scored.body as { LanguageCode: string }).LanguageCode).toBe("en");
  });

  it("with no credentials anywhere in the chain: provider.rejected, not retryable; with no region: provider.unavailable, not retryable", async () => {
    // An empty chain: no variables, no files, no instance metadata.
    for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]) {
      vi.stubEnv(name, undefined);
    }
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/confide-aws-config");
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/confide-aws-credentials");
    const from = fake.received.length;

    const noCredentials = await comprehendDescriptor.create(comprehendDescriptor.settings.parse({ region: "eu-west-1", endpoint: fake.url }));
    const refused = await expectConfideError(noCredentials.sentiment(["Good."], { language: "en" }), "provider.rejected");
    expect(refused.retryable).toBe(false);
    expect(refused.details).toMatchObject({ reason: "CredentialsProviderError" });
    await noCredentials.close();

    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", fake.credentials.secretAccessKey);
    const noRegion = await comprehendDescriptor.create(comprehendDescriptor.settings.parse({ endpoint: fake.url }));
    const unusable = await expectConfideError(noRegion.sentiment(["Good."], { language: "en" }), "provider.unavailable");
    expect(unusable.retryable).toBe(false);
    await noRegion.close();
    expect(fake.received.length).toBe(from);
  });
});
