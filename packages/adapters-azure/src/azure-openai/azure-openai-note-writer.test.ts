import { verifyNotes } from "@confide/core";
import type { NoteWriterInput } from "@confide/core/ports";
import { describeNoteWriterContract, expectConfideError, riskDialogue } from "@confide/contracts";
import { startFakeAzureOpenAiServer, type FakeAzureOpenAiServer } from "@confide/contracts/fakes";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import { notePrompts } from "@confide/llm-notes";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAzureOpenAiNoteWriter } from "./azure-openai-note-writer.ts";
import type { AzureOpenAiSettings } from "./settings.ts";
import { azureOpenAiDescriptor } from "./descriptor.ts";

let fake: FakeAzureOpenAiServer;
beforeAll(async () => {
  fake = await startFakeAzureOpenAiServer({
    deployments: {
      "notes-gpt-4o": { model: "gpt-4o-2024-08-06", contextTokens: 128_000 },
      "small-context": { model: "gpt-35-turbo", contextTokens: 900 },
      "notes-o4-mini": { model: "o4-mini-2025-04-16", contextTokens: 200_000 },
    },
  });
});
beforeEach(() => {
  fake.reply = { kind: "notes" };
  fake.received.length = 0;
});
afterAll(() => fake.close());

const writerOf = (settings: Partial<AzureOpenAiSettings> = {}) =>
  createAzureOpenAiNoteWriter({ endpoint: fake.url, deployment: "notes-gpt-4o", key: fake.key, timeoutMs: 5_000, ...settings });

/** An Entra ID credential that hands out the fake's token and counts what it was asked. */
function fakeCredential(token: string) {
  const scopes: string[][] = [];
  const credential: TokenCredential = {
    async getToken(scope): Promise<AccessToken> {
      scopes.push([scope].flat());
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return { credential, scopes };
}

const transcriptWords = riskDialogue.segments.map((segment) => segment.text.slice(0, 20));
function expectNoTranscriptIn(text: string) {
  for (const words of transcriptWords) expect(text).not.toContain(words);
}

describeNoteWriterContract({
  name: "azure-openai (fake Azure OpenAI, key)",
  create: () => writerOf(),
});

describeNoteWriterContract({
  name: "azure-openai (fake Azure OpenAI, Entra ID)",
  create: () => writerOf({ key: undefined, credential: fakeCredential(fake.bearerToken).credential }),
});

describe("azure-openai NoteWriter on the fake Azure OpenAI", () => {
  it("posts to the deployment's chat completions with the api-version and the api-key, asking strict JSON-schema output", async () => {
    const { model, promptVersion } = await (await writerOf()).write(riskDialogue);
    expect(fake.received).toHaveLength(1);
    const request = fake.received[0]!;
    expect(request.path).toBe("/openai/deployments/notes-gpt-4o/chat/completions");
    expect(request.headers["api-key"]).toBe(fake.key);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "clinical_notes", strict: true } });
    expect(request.body.messages[0]).toMatchObject({ role: "system" });
    expect(request.body.messages[1].content).toContain("[seg-4] patient: Honestly, I have been thinking about ending my life.");
    // Provenance: the model the service says answered, and the template's version.
    expect(model).toBe("gpt-4o-2024-08-06");
    expect(promptVersion).toBe(notePrompts.confide.version);
  });

  it("a reasoning deployment set as one: max_completion_tokens and no temperature from the first request, on an API version that serves it", async () => {
    const { notes } = await (await writerOf({ deployment: "notes-o4-mini", reasoningModel: true })).write(riskDialogue);
    expect(notes.keyTopics).not.toHaveProperty("status");
    expect(fake.received).toHaveLength(1);
    const request = fake.received[0]!;
    expect(request.body).toMatchObject({ max_completion_tokens: 4096 });
    expect(request.body).not.toHaveProperty("max_tokens");
    expect(request.body).not.toHaveProperty("temperature");
    expect(request.query["api-version"]).toBe("2025-03-01-preview");
  });

  it("a reasoning deployment not set as one, on an API version that serves it: learnt from its 400 unsupported_parameter, sent again, remembered", async () => {
    const writer = await writerOf({ deployment: "notes-o4-mini", apiVersion: "2025-03-01-preview" });
    await writer.write(riskDialogue);
    await writer.write(riskDialogue);
    // Refused twice (max_tokens, then the temperature), answered the third time; the second write asks right at once.
    expect(fake.received.map(({ body }) => [body.max_tokens, body.max_completion_tokens, body.temperature])).toEqual([
      [4096, undefined, 0.1],
      [undefined, 4096, 0.1],
      [undefined, 4096, undefined],
      [undefined, 4096, undefined],
    ]);
  });

  it("a GPT-4o deployment keeps max_tokens and the temperature (what the GA API version documents for it)", async () => {
    await (await writerOf()).write(riskDialogue);
    expect(fake.received[0]!.body).toMatchObject({ temperature: 0.1, max_tokens: 4096 });
    expect(fake.received[0]!.query["api-version"]).toBe("2024-10-21");
  });

  it("a reasoning deployment reached on an API version that does not serve it: provider.rejected telling which setting to change", async () => {
    const error = await expectConfideError((await writerOf({ deployment: "notes-o4-mini" })).write(riskDialogue), "provider.rejected");
    expect(fake.received).toHaveLength(1);
    expect(error.message).toContain("CONFIDE_AZURE_OPENAI_REASONING_MODEL");
    expect(error.details).toMatchObject({ status: 400, reason: "api_version" });
  });

  it("refuses at start-up what the documentation rules out: a reasoning deployment on an API version before 2024-12-01-preview, any deployment before structured outputs (2024-08-01-preview)", async () => {
    const reasoning = await expectConfideError(createAzureOpenAiNoteWriter({ endpoint: fake.url, deployment: "d", reasoningModel: true, apiVersion: "2024-10-21" }), "validation.invalid_input");
    expect(reasoning.details).toEqual({ setting: "apiVersion" });
    expect(reasoning.message).toContain("2024-12-01-preview");
    const old = await expectConfideError(createAzureOpenAiNoteWriter({ endpoint: fake.url, deployment: "d", apiVersion: "2024-06-01" }), "validation.invalid_input");
    expect(old.message).toContain("2024-08-01-preview");
    expect(fake.received).toHaveLength(0);
  });

  it("writes a DAP note with the DAP template, its version recorded", async () => {
    const result = await (await writerOf()).write({ ...riskDialogue, format: "dap" });
    expect(result.promptVersion).toBe(notePrompts.dap.version);
    expect(fake.received[0]!.body.messages[0].content).toContain(notePrompts.dap.guidance);
  });

  it("signs in with Entra ID without a key: a bearer token for the Cognitive Services scope, fetched once and reused", async () => {
    const { credential, scopes } = fakeCredential(fake.bearerToken);
    const writer = await writerOf({ key: undefined, credential });
    await writer.write(riskDialogue);
    await writer.write(riskDialogue);
    expect(fake.received.map((request) => request.headers.authorization)).toEqual([`Bearer ${fake.bearerToken}`, `Bearer ${fake.bearerToken}`]);
    expect(fake.received[0]!.headers["api-key"]).toBeUndefined();
    expect(scopes).toEqual([["https://cognitiveservices.azure.com/.default"]]);
  });

  it("a wrong key or token: provider.rejected (credentials), not retryable", async () => {
    const wrongKey = await expectConfideError((await writerOf({ key: "wrong" })).write(riskDialogue), "provider.rejected");
    expect(wrongKey).toMatchObject({ retryable: false, details: { reason: "credentials", status: 401 } });
    await expectConfideError((await writerOf({ key: undefined, credential: fakeCredential("not-the-token").credential })).write(riskDialogue), "provider.rejected");
  });

  it("a credential that cannot sign in: provider.rejected naming it", async () => {
    const failing: TokenCredential = {
      async getToken() {
        throw Object.assign(new Error("no managed identity endpoint"), { name: "CredentialUnavailableError" });
      },
    };
    const error = await expectConfideError((await writerOf({ key: undefined, credential: failing })).write(riskDialogue), "provider.rejected");
    expect(error.message).toContain("CredentialUnavailableError");
    expect(fake.received).toHaveLength(0);
  });

  it("an unknown deployment, an API version the service does not serve: provider.rejected with what to check", async () => {
    const noDeployment = await expectConfideError((await writerOf({ deployment: "gpt-nope" })).write(riskDialogue), "provider.rejected");
    expect(noDeployment.details).toMatchObject({ status: 404, reason: "DeploymentNotFound" });
    expect(noDeployment.message).toContain("CONFIDE_AZURE_OPENAI_DEPLOYMENT");
    const oldVersion = await expectConfideError((await writerOf({ apiVersion: "2024-09-01-preview" })).write(riskDialogue), "provider.rejected");
    expect(oldVersion.message).toContain("CONFIDE_AZURE_OPENAI_API_VERSION");
  });

  it("a transcript the content filter refuses (HTTP 400 content_filter): provider.rejected, not retried, no words of it in the error", async () => {
    fake.reply = { kind: "prompt-filtered" };
    const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.rejected");
    expect(fake.received).toHaveLength(1);
    expect(error).toMatchObject({ retryable: false, details: { provider: "azure-openai", reason: "content_filter", where: "prompt" } });
    expect(error.message).toMatch(/content filter refused the transcript/);
    expectNoTranscriptIn(`${error.message} ${JSON.stringify(error)}`);
  });

  it("an answer the content filter withholds (finish_reason content_filter): provider.rejected, not repaired", async () => {
    fake.reply = { kind: "answer-filtered" };
    const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.rejected");
    expect(fake.received).toHaveLength(1);
    expect(error.details).toMatchObject({ reason: "content_filter", where: "answer" });
  });

  it("429 with retry-after-ms and retry-after: throttled, retryable, the milliseconds first, the seconds else; the SDK retries nothing", async () => {
    fake.reply = { kind: "throttled", retryAfter: "7", retryAfterMs: "6500" };
    const both = await expectConfideError((await writerOf()).write(riskDialogue), "provider.throttled");
    expect(both).toMatchObject({ retryable: true, retryAfterMs: 6_500 });
    fake.reply = { kind: "throttled", retryAfter: "7" };
    expect((await expectConfideError((await writerOf()).write(riskDialogue), "provider.throttled")).retryAfterMs).toBe(7_000);
    expect(fake.received).toHaveLength(2);
  });

  it("an answer cut off at max_tokens (finish_reason length): asked once more for shorter notes; cut off twice: provider.bad_response", async () => {
    fake.reply = (_request, index) => (index === 0 ? { kind: "truncated" } : { kind: "notes" });
    const { notes } = await (await writerOf()).write(riskDialogue);
    expect(fake.received).toHaveLength(2);
    expect(fake.received[1]!.body.messages.at(-1).content).toContain("shorter");
    const verified = verifyNotes(notes, { ...riskDialogue, revision: 1 }, { provider: "azure-openai", model: "m", promptVersion: "p", writtenAt: new Date(0) }, createPlainWordsClaimReader());
    expect(verified.quality.unverified).toBe(0);

    fake.reply = { kind: "truncated" };
    const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.bad_response");
    expect(error.message).toContain("cut off at the output token limit (length)");
    expectNoTranscriptIn(error.message);
  });

  it("a window longer than the deployment's context (400 context_length_exceeded): provider.rejected telling to lower the context setting", async () => {
    const error = await expectConfideError((await writerOf({ deployment: "small-context", contextTokens: 8192, maxOutputTokens: 512 })).write(riskDialogue), "provider.rejected");
    expect(error.details).toMatchObject({ reason: "context_length_exceeded" });
    expect(error.message).toContain("CONFIDE_AZURE_OPENAI_CONTEXT_TOKENS");
  });

  it("5xx: provider.unavailable, retryable; a hang past the timeout: provider.timeout, retryable", async () => {
    fake.reply = { kind: "server-error", status: 503 };
    expect((await expectConfideError((await writerOf()).write(riskDialogue), "provider.unavailable")).retryable).toBe(true);
    fake.reply = { kind: "hang" };
    const startedAt = Date.now();
    const timeout = await expectConfideError((await writerOf({ timeoutMs: 300 })).write(riskDialogue), "provider.timeout");
    expect(timeout.retryable).toBe(true);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it("check(): the model list with the key; dependency.unavailable with a wrong key or an unreachable endpoint", async () => {
    await expect((await writerOf()).check()).resolves.toBeUndefined();
    await expectConfideError((await writerOf({ key: "wrong" })).check(), "dependency.unavailable");
    await expectConfideError((await writerOf({ endpoint: "http://127.0.0.1:9" })).check(), "dependency.unavailable");
  });

  describe("no transcript in logs", () => {
    const written: string[] = [];
    beforeEach(() => {
      vi.stubEnv("OPENAI_LOG", "debug");
      for (const stream of [process.stdout, process.stderr]) {
        vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
      }
      for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args) => void written.push(args.map(String).join(" ")));
    });
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    });

    it("writes nothing to the console or the process's streams while writing notes, failing or not (OPENAI_LOG=debug notwithstanding)", async () => {
      const input: NoteWriterInput = riskDialogue;
      await (await writerOf()).write(input);
      fake.reply = { kind: "prompt-filtered" };
      await (await writerOf()).write(input).catch(() => undefined);
      fake.reply = { kind: "content", content: "not json: ending my life" };
      await (await writerOf()).write(input).catch(() => undefined);
      expect(fake.received.length).toBeGreaterThanOrEqual(3);
      expectNoTranscriptIn(written.join("\n"));
    });
  });
});

describe("azure-openai descriptor", () => {
  const parse = (settings: Record<string, unknown>) => azureOpenAiDescriptor.settings.safeParse(settings);

  it("is the notes adapter azure-openai, and says it sends session data out (cloud_processing consent names it)", () => {
    expect([azureOpenAiDescriptor.port, azureOpenAiDescriptor.name]).toEqual(["notes", "azure-openai"]);
    expect(azureOpenAiDescriptor.sendsSessionDataOut()).toBe(true);
  });

  it("needs the endpoint and the deployment; no API version (the kind's default), not a reasoning deployment, no key (Entra ID), 128k context by default", () => {
    expect(parse({}).error?.issues.map((issue) => issue.path[0])).toEqual(["endpoint", "deployment"]);
    const settings = azureOpenAiDescriptor.settings.parse({ endpoint: "https://clinic.openai.azure.com", deployment: "notes" });
    expect(settings).toMatchObject({ reasoningModel: false, contextTokens: 128_000, maxOutputTokens: 4096 });
    expect(settings.apiVersion).toBeUndefined();
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", reasoningModel: "yes" }).data).toMatchObject({ reasoningModel: true });
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", reasoningModel: "true", apiVersion: "2024-10-21" }).error?.issues.map((issue) => issue.path[0])).toEqual(["apiVersion"]);
    expect(settings.key).toBeUndefined();
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", apiVersion: "latest" }).success).toBe(false);
    // As the variables give them: text; the limits the writer has always had.
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", contextTokens: "8192", temperature: "0.5" }).data).toMatchObject({ contextTokens: 8192, temperature: 0.5 });
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", contextTokens: 20_000_000 }).error?.issues.map((issue) => issue.path[0])).toEqual(["contextTokens"]);
    expect(parse({ endpoint: "https://x.openai.azure.com", deployment: "d", temperature: 3 }).error?.issues.map((issue) => issue.path[0])).toEqual(["temperature"]);
  });

  it("the factory refuses bad settings as validation.invalid_input naming the setting", async () => {
    const endpoint = await expectConfideError(createAzureOpenAiNoteWriter({ endpoint: "ftp://x", deployment: "d" }), "validation.invalid_input");
    expect(endpoint.details).toEqual({ setting: "endpoint" });
    const deployment = await expectConfideError(createAzureOpenAiNoteWriter({ endpoint: fake.url, deployment: " " }), "validation.invalid_input");
    expect(deployment.details).toEqual({ setting: "deployment" });
  });

  it("creates a writer that reaches the deployment with the key its variables name", async () => {
    const writer = await azureOpenAiDescriptor.create(
      azureOpenAiDescriptor.settings.parse({ endpoint: fake.url, deployment: "notes-gpt-4o", key: fake.key }),
    );
    await writer.check();
    await writer.write(riskDialogue);
    expect(fake.received[0]!.path).toBe("/openai/deployments/notes-gpt-4o/chat/completions");
    expect(writer.provider).toBe("azure-openai");
  });
});
