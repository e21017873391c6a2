import { clearlyPositive } from "@confide/contracts";
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

const issuesOf = (variables: Record<string, string>) => comprehendDescriptor.settings.safeParse(variables).error?.issues.map((issue) => issue.path.join("."));

describe("comprehend descriptor", () => {
  it("needs nothing; documents its defaults; refuses out-of-range numbers and a malformed endpoint", () => {
    expect(comprehendDescriptor.settings.parse({})).toEqual({ CONFIDE_COMPREHEND_TIMEOUT_MS: 30_000, CONFIDE_COMPREHEND_MAX_ATTEMPTS: 2 });
    expect(issuesOf({ CONFIDE_COMPREHEND_MAX_ATTEMPTS: "0" })).toEqual(["CONFIDE_COMPREHEND_MAX_ATTEMPTS"]);
    expect(issuesOf({ CONFIDE_COMPREHEND_TIMEOUT_MS: "ten" })).toEqual(["CONFIDE_COMPREHEND_TIMEOUT_MS"]);
    expect(issuesOf({ CONFIDE_COMPREHEND_ENDPOINT: "comprehend" })).toEqual(["CONFIDE_COMPREHEND_ENDPOINT"]);
  });

  it("scores through the endpoint and region with credentials from the SDK's default chain", async () => {
    // The SDK's default chain reads these (Confide's variables hold no keys).
    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", fake.credentials.secretAccessKey);
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    const settings = comprehendDescriptor.settings.parse({ CONFIDE_COMPREHEND_REGION: "eu-west-1", CONFIDE_COMPREHEND_ENDPOINT: fake.url });
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
});
