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

const issuesOf = (variables: Record<string, string>) =>
  azureTextAnalyticsDescriptor.settings.safeParse(variables).error?.issues.map((issue) => issue.path.join("."));

describe("azure-text-analytics descriptor", () => {
  it("needs an endpoint; documents its defaults; refuses out-of-range numbers", () => {
    expect(issuesOf({})).toEqual(["CONFIDE_AZURE_LANGUAGE_ENDPOINT"]);
    expect(azureTextAnalyticsDescriptor.settings.parse({ CONFIDE_AZURE_LANGUAGE_ENDPOINT: "https://x.cognitiveservices.azure.com" })).toEqual({
      CONFIDE_AZURE_LANGUAGE_ENDPOINT: "https://x.cognitiveservices.azure.com",
      CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS: 30_000,
      CONFIDE_AZURE_LANGUAGE_MAX_RETRIES: 0,
    });
    const endpoint = { CONFIDE_AZURE_LANGUAGE_ENDPOINT: "https://x.cognitiveservices.azure.com" };
    expect(issuesOf({ ...endpoint, CONFIDE_AZURE_LANGUAGE_MAX_RETRIES: "9" })).toEqual(["CONFIDE_AZURE_LANGUAGE_MAX_RETRIES"]);
    expect(issuesOf({ ...endpoint, CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS: "0" })).toEqual(["CONFIDE_AZURE_LANGUAGE_TIMEOUT_MS"]);
    expect(issuesOf({ CONFIDE_AZURE_LANGUAGE_ENDPOINT: "ftp://x" })).toEqual(["CONFIDE_AZURE_LANGUAGE_ENDPOINT"]);
  });

  it("creates an analyzer that scores through the endpoint with the key (an http endpoint allowed)", async () => {
    const settings = azureTextAnalyticsDescriptor.settings.parse({ CONFIDE_AZURE_LANGUAGE_ENDPOINT: fake.url, CONFIDE_AZURE_LANGUAGE_KEY: fake.key });
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
