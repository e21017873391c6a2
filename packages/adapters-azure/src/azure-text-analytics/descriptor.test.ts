import { clearlyNegative } from "@confide/contracts";
import { startFakeTextAnalyticsServer, type FakeTextAnalyticsServer } from "@confide/contracts/fakes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureTextAnalyticsDescriptor } from "./descriptor.ts";

let fake: FakeTextAnalyticsServer;

beforeAll(async () => {
  fake = await startFakeTextAnalyticsServer();
});

afterAll(async () => {
  await fake?.close();
});

const issuesOf = (settings: Record<string, unknown>) =>
  azureTextAnalyticsDescriptor.settings.safeParse(settings).error?.issues.map((issue) => issue.path.join("."));

describe("azure-text-analytics descriptor", () => {
  it("needs an endpoint; documents its defaults; refuses out-of-range numbers", () => {
    expect(issuesOf({})).toEqual(["endpoint"]);
    expect(azureTextAnalyticsDescriptor.settings.parse({ endpoint: "https://x.cognitiveservices.azure.com" })).toEqual({
      endpoint: "https://x.cognitiveservices.azure.com",
      requestTimeoutMs: 30_000,
      maxRetries: 0,
    });
    const endpoint = { endpoint: "https://x.cognitiveservices.azure.com" };
    // As the variables give them: text.
    expect(azureTextAnalyticsDescriptor.settings.parse({ ...endpoint, requestTimeoutMs: "1000", maxRetries: "2" })).toMatchObject({ requestTimeoutMs: 1000, maxRetries: 2 });
    expect(issuesOf({ ...endpoint, maxRetries: "9" })).toEqual(["maxRetries"]);
    expect(issuesOf({ ...endpoint, requestTimeoutMs: "0" })).toEqual(["requestTimeoutMs"]);
    expect(issuesOf({ endpoint: "ftp://x" })).toEqual(["endpoint"]);
    expect(issuesOf({ ...endpoint, key: "  " })).toEqual(["key"]);
  });

  it("creates an analyzer that scores through the endpoint with the key (an http endpoint allowed)", async () => {
    const settings = azureTextAnalyticsDescriptor.settings.parse({ endpoint: fake.url, key: fake.key });
    const analyzer = await azureTextAnalyticsDescriptor.create(settings);
    const from = fake.received.length;

    await analyzer.check();
    const [result] = await analyzer.sentiment([clearlyNegative[0] as string], { language: "en-GB" });
    await analyzer.close();

    expect(analyzer.provider).toBe("azure-text-analytics");
    expect(result!.label).toBe("negative");
    const scored = fake.received.slice(from).find((request) => request.documents.length === 1);
    expect(scored!.headers["ocp-apim-subscription-key"]).toBe(fake.key);
    expect(scored!.documents[0]!.language).toBe("en");
  });
});
