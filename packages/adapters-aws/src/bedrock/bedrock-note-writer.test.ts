import { verifyNotes } from "@confide/core";
import { describeNoteWriterContract, expectConfideError, riskDialogue } from "@confide/contracts";
import { startFakeBedrockRuntimeServer, type FakeBedrockRuntimeServer } from "@confide/contracts/fakes";
import { createPlainWordsClaimReader } from "@confide/core/testing";
import { notePrompts, notesJsonSchema, reflectionJsonSchema } from "@confide/llm-notes";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createBedrockNoteWriter, notesToolName } from "./bedrock-note-writer.ts";
import { bedrockDescriptor } from "./descriptor.ts";
import type { BedrockSettings } from "./settings.ts";

const claude = "anthropic.claude-3-5-sonnet-20240620-v1:0";
const llama = "meta.llama3-1-70b-instruct-v1:0";
const mistralLarge = "mistral.mistral-large-2407-v1:0";
const nova = "eu.amazon.nova-pro-v1:0";
const profileArn = "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
let fake: FakeBedrockRuntimeServer;
beforeAll(async () => {
  fake = await startFakeBedrockRuntimeServer({
    models: {
      [claude]: { contextTokens: 200_000, maxOutputTokens: 8192 },
      "meta.llama3-1-8b-instruct-v1:0": { contextTokens: 1_000, maxOutputTokens: 2048 },
      [llama]: { contextTokens: 128_000, maxOutputTokens: 2048 },
      [mistralLarge]: { contextTokens: 128_000, maxOutputTokens: 8192 },
      [nova]: { contextTokens: 300_000, maxOutputTokens: 5000 },
      [profileArn]: { contextTokens: 200_000, maxOutputTokens: 8192, baseModel: claude },
      "anthropic.claude-3-opus-20240229-v1:0": { contextTokens: 200_000, maxOutputTokens: 4096, access: false },
    },
  });
});
beforeEach(() => {
  fake.reply = { kind: "notes" };
  fake.received.length = 0;
});
afterAll(() => fake.close());

const writerOf = (settings: Partial<BedrockSettings> = {}) =>
  createBedrockNoteWriter({ modelId: claude, region: fake.region, endpoint: fake.url, credentials: fake.credentials, timeoutMs: 5_000, ...settings });

const transcriptWords = riskDialogue.segments.map((segment) => segment.text.slice(0, 20));
function expectNoTranscriptIn(text: string) {
  for (const words of transcriptWords) expect(text).not.toContain(words);
}
const verified = (notes: Parameters<typeof verifyNotes>[0]) =>
  verifyNotes(notes, { ...riskDialogue, revision: 1 }, { provider: "bedrock", model: claude, promptVersion: "p", writtenAt: new Date(0) }, createPlainWordsClaimReader());

describeNoteWriterContract({ name: "bedrock (fake Bedrock Runtime, Converse with a forced tool)", create: () => writerOf() });

describe("bedrock NoteWriter on the fake Bedrock Runtime", () => {
  it("asks a suggested reflection with its own forced tool, whose input schema is the reflection's, and reads the tool's input", async () => {
    const input = { language: "en-US", speakers: riskDialogue.speakers, segments: riskDialogue.segments.slice(-2).map(({ id, speaker, text }) => ({ id, speaker, text })) };
    const reflection = await (await writerOf()).reflect(input);
    const body = fake.received[0]!.body;
    expect(body.toolConfig.tools).toEqual([{ toolSpec: { name: "suggest_reflection", description: expect.any(String), inputSchema: { json: reflectionJsonSchema } } }]);
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: "suggest_reflection" } });
    expect(reflection).toEqual({ text: "Next week I'm going to call my sister and tell her how I feel.", cites: ["seg-6"] });
  });

  it("calls Converse on the model with the system prompt, the transcript as the user turn, and one forced tool whose input schema is the notes'", async () => {
    const { model, promptVersion } = await (await writerOf()).write(riskDialogue);
    expect(fake.received).toHaveLength(1);
    const { body, modelId, headers } = fake.received[0]!;
    expect(modelId).toBe(claude);
    expect(String(headers.authorization)).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${fake.credentials.accessKeyId}/\\d{8}/${fake.region}/bedrock/aws4_request`));
    expect(body.system[0].text).toContain(notePrompts.confide.guidance);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0].content[0].text).toContain("[seg-4] patient: Honestly, I have been thinking about ending my life.");
    expect(body.inferenceConfig).toEqual({ maxTokens: 4096, temperature: 0.1 });
    expect(body.toolConfig.tools).toEqual([{ toolSpec: { name: notesToolName, description: expect.any(String), inputSchema: { json: notesJsonSchema } } }]);
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: notesToolName } });
    expect([model, promptVersion]).toEqual([claude, notePrompts.confide.version]);
  });

  it("asks each model family for the tool as the Converse docs allow: Claude 3+ and Nova the tool by name, Mistral Large any tool, Llama 3.1+ auto — each answer checked", async () => {
    const choices: Array<[string, unknown]> = [];
    for (const modelId of [claude, nova, mistralLarge, llama]) {
      fake.received.length = 0;
      const { notes } = await (await writerOf({ modelId, maxOutputTokens: 2048 })).write(riskDialogue);
      expect(verified(notes).quality.unverified, modelId).toBe(0);
      expect(fake.received[0]!.body.toolConfig.tools[0].toolSpec.name).toBe(notesToolName);
      choices.push([modelId, fake.received[0]!.body.toolConfig.toolChoice]);
    }
    expect(choices).toEqual([
      [claude, { tool: { name: notesToolName } }],
      [nova, { tool: { name: notesToolName } }],
      [mistralLarge, { any: {} }],
      [llama, undefined],
    ]);
  });

  it("a Llama model answering text instead of calling the tool (auto lets it): the text is read as the answer and checked, repaired when it is not the notes", async () => {
    fake.reply = (_request, index) => (index === 0 ? { kind: "text", text: "The session went well." } : { kind: "notes" });
    const { notes } = await (await writerOf({ modelId: llama, maxOutputTokens: 2048 })).write(riskDialogue);
    expect(fake.received).toHaveLength(2);
    expect(fake.received[1]!.body.messages.at(-1).content[0].text).toContain("not valid JSON");
    expect(verified(notes).quality.unverified).toBe(0);
  });

  it("refuses at start-up, in plain words, a model whose family Confide cannot ask for the notes' tool, unless CONFIDE_BEDROCK_TOOL_CHOICE says how", async () => {
    for (const modelId of ["amazon.titan-text-premier-v1:0", "anthropic.claude-v2:1", "meta.llama3-8b-instruct-v1:0", profileArn]) {
      const error = await expectConfideError(writerOf({ modelId }), "validation.invalid_input");
      expect(error.details, modelId).toEqual({ setting: "modelId" });
      expect(error.message).toContain("CONFIDE_BEDROCK_TOOL_CHOICE");
    }
    // An application inference profile hides its model: the operator says what it takes.
    await (await writerOf({ modelId: profileArn, toolChoice: "tool" })).write(riskDialogue);
    expect(fake.received.at(-1)!.body.toolConfig.toolChoice).toEqual({ tool: { name: notesToolName } });
    // A choice the family's documentation rules out is refused too.
    const forced = await expectConfideError(writerOf({ modelId: llama, toolChoice: "tool" }), "validation.invalid_input");
    expect(forced.details).toEqual({ setting: "toolChoice" });
    expect(fake.received.filter((request) => request.modelId === llama)).toHaveLength(0);
  });

  it("writes a BIRP note with the BIRP template, its version recorded", async () => {
    const result = await (await writerOf()).write({ ...riskDialogue, format: "birp" });
    expect(result.promptVersion).toBe(notePrompts.birp.version);
    expect(fake.received[0]!.body.system[0].text).toContain(notePrompts.birp.guidance);
  });

  it("a model that answers text instead of calling the tool: repaired once, the roles alternating as Converse requires", async () => {
    // A text answer that is not the notes: one repair, which the fake answers with the tool.
    fake.reply = (_request, index) => (index === 0 ? { kind: "text", text: "Here are the notes you asked for." } : { kind: "notes" });
    const { notes } = await (await writerOf()).write(riskDialogue);
    expect(fake.received).toHaveLength(2);
    // The repair alternates roles as Converse requires: user, assistant (the text answer), user.
    expect(fake.received[1]!.body.messages.map((message: { role: string }) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(verified(notes).quality.unverified).toBe(0);
  });

  it("stopReason max_tokens: asked once more for shorter notes; twice: provider.bad_response naming the limit", async () => {
    fake.reply = (_request, index) => (index === 0 ? { kind: "truncated" } : { kind: "notes" });
    await (await writerOf()).write(riskDialogue);
    expect(fake.received).toHaveLength(2);
    expect(fake.received[1]!.body.messages).toHaveLength(1);
    expect(fake.received[1]!.body.messages[0].content[0].text).toContain("shorter");
    fake.reply = { kind: "truncated" };
    const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.bad_response");
    expect(error.message).toContain("cut off at the output token limit (max_tokens)");
  });

  it("stopReason guardrail_intervened or content_filtered: provider.rejected (content_filter), not repaired, no transcript words", async () => {
    for (const kind of ["guardrail", "content-filtered"] as const) {
      fake.received.length = 0;
      fake.reply = { kind };
      const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.rejected");
      expect(fake.received).toHaveLength(1);
      expect(error).toMatchObject({ retryable: false, details: { provider: "bedrock", reason: "content_filter", where: "answer" } });
      expectNoTranscriptIn(`${error.message} ${JSON.stringify(error)}`);
    }
  });

  it("ThrottlingException (429): provider.throttled, retryable, Retry-After when sent else 1 s; the SDK retries nothing", async () => {
    fake.reply = { kind: "error", errorType: "ThrottlingException", status: 429, message: "Too many requests, please wait before trying again." };
    const error = await expectConfideError((await writerOf()).write(riskDialogue), "provider.throttled");
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 1_000, details: { reason: "ThrottlingException", status: 429 } });
    expect(fake.received).toHaveLength(1);
    fake.reply = { kind: "error", errorType: "ThrottlingException", status: 429, retryAfter: "4" };
    expect((await expectConfideError((await writerOf()).write(riskDialogue), "provider.throttled")).retryAfterMs).toBe(4_000);
    fake.reply = { kind: "error", errorType: "ModelNotReadyException", status: 429, message: "Model is not ready to serve inference requests." };
    await expectConfideError((await writerOf()).write(riskDialogue), "provider.throttled");
  });

  it("ModelTimeoutException (408): provider.timeout, retryable; a hang past the timeout: provider.timeout", async () => {
    fake.reply = { kind: "error", errorType: "ModelTimeoutException", status: 408, message: "Model has timed out in processing the request. Try your request again." };
    expect((await expectConfideError((await writerOf()).write(riskDialogue), "provider.timeout")).retryable).toBe(true);
    fake.reply = { kind: "hang" };
    const startedAt = Date.now();
    await expectConfideError((await writerOf({ timeoutMs: 300 })).write(riskDialogue), "provider.timeout");
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it("InternalServerException, ServiceUnavailableException, ModelErrorException: provider.unavailable, retryable", async () => {
    for (const [errorType, status] of [["InternalServerException", 500], ["ServiceUnavailableException", 503], ["ModelErrorException", 424]] as const) {
      fake.reply = { kind: "error", errorType, status };
      expect((await expectConfideError((await writerOf()).write(riskDialogue), "provider.unavailable")).retryable, errorType).toBe(true);
    }
  });

  it("ValidationException: an unknown model id, a window longer than the model's context, maxTokens above its limit — provider.rejected saying which setting", async () => {
    const unknown = await expectConfideError((await writerOf({ modelId: "anthropic.claude-99" })).write(riskDialogue), "provider.rejected");
    expect(unknown.details).toMatchObject({ reason: "model_id", status: 400 });
    expect(unknown.message).toContain("CONFIDE_BEDROCK_MODEL_ID");
    const tooLong = await expectConfideError((await writerOf({ modelId: "meta.llama3-1-8b-instruct-v1:0", contextTokens: 8192, maxOutputTokens: 512 })).write(riskDialogue), "provider.rejected");
    expect(tooLong.details).toMatchObject({ reason: "input_too_long" });
    expect(tooLong.message).toContain("CONFIDE_BEDROCK_CONTEXT_TOKENS");
    const tooMany = await expectConfideError((await writerOf({ maxOutputTokens: 10_000 })).write(riskDialogue), "provider.rejected");
    expect(tooMany.details).toMatchObject({ reason: "max_tokens" });
    for (const error of [unknown, tooLong, tooMany]) expect(error.retryable).toBe(false);
  });

  it("no access to the model (AccessDeniedException) or credentials Bedrock does not know: provider.rejected, not retryable", async () => {
    const denied = await expectConfideError((await writerOf({ modelId: "anthropic.claude-3-opus-20240229-v1:0" })).write(riskDialogue), "provider.rejected");
    expect(denied.details).toMatchObject({ reason: "AccessDeniedException", status: 403 });
    expect(denied.message).toContain("bedrock:InvokeModel");
    const stranger = await expectConfideError((await writerOf({ credentials: { accessKeyId: "AKIASTRANGER", secretAccessKey: "x" } })).write(riskDialogue), "provider.rejected");
    expect(stranger.details).toMatchObject({ reason: "credentials", status: 403 });
    const otherRegion = await expectConfideError((await writerOf({ region: "us-east-1" })).write(riskDialogue), "provider.rejected");
    expect(otherRegion.details).toMatchObject({ reason: "credentials" });
    expect(fake.received).toHaveLength(0);
  });

  it("check(): ListAsyncInvokes answers with good credentials; dependency.unavailable with unknown ones or no endpoint", async () => {
    await expect((await writerOf()).check()).resolves.toBeUndefined();
    await expectConfideError((await writerOf({ credentials: { accessKeyId: "AKIASTRANGER", secretAccessKey: "x" } })).check(), "dependency.unavailable");
    await expectConfideError((await writerOf({ endpoint: "http://127.0.0.1:9" })).check(), "dependency.unavailable");
  });

  describe("no transcript in logs", () => {
    const written: string[] = [];
    beforeEach(() => {
      for (const stream of [process.stdout, process.stderr]) {
        vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
      }
      for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args) => void written.push(args.map(String).join(" ")));
    });
    afterEach(() => vi.restoreAllMocks());

    it("writes nothing to the console or the process's streams while writing notes, failing or not", async () => {
      await (await writerOf()).write(riskDialogue);
      fake.reply = { kind: "guardrail" };
      await (await writerOf()).write(riskDialogue).catch(() => undefined);
      fake.reply = { kind: "text", text: "not json: ending my life" };
      await (await writerOf()).write(riskDialogue).catch(() => undefined);
      expect(fake.received.length).toBeGreaterThanOrEqual(3);
      expectNoTranscriptIn(written.join("\n"));
    });
  });
});

describe("bedrock descriptor", () => {
  it("is the notes adapter bedrock, and says it sends session data out (cloud_processing consent names it)", () => {
    expect([bedrockDescriptor.port, bedrockDescriptor.name]).toEqual(["notes", "bedrock"]);
    expect(bedrockDescriptor.sendsSessionDataOut()).toBe(true);
  });

  it("needs the model id; region and credentials from the SDK's chain; 128k context, 4096 output tokens by default", () => {
    expect(bedrockDescriptor.settings.safeParse({}).error?.issues.map((issue) => issue.path[0])).toEqual(["modelId"]);
    const settings = bedrockDescriptor.settings.parse({ modelId: claude });
    expect(settings).toMatchObject({ timeoutMs: 120_000, contextTokens: 128_000, maxOutputTokens: 4096, temperature: 0.1, checkTimeoutMs: 5_000 });
    expect(settings.region).toBeUndefined();
    // As the variables give them: text.
    expect(bedrockDescriptor.settings.parse({ modelId: claude, contextTokens: "8192", temperature: "0.3" })).toMatchObject({ contextTokens: 8192, temperature: 0.3 });
  });

  it("refuses a blank model id, an out-of-range number or temperature and a malformed endpoint, naming the setting", async () => {
    const issuesOf = (settings: Record<string, unknown>) => bedrockDescriptor.settings.safeParse({ modelId: claude, ...settings }).error?.issues.map((issue) => issue.path.join("."));
    expect(issuesOf({ modelId: "  " })).toEqual(["modelId"]);
    expect(issuesOf({ contextTokens: "1024" })).toEqual(["contextTokens"]);
    expect(issuesOf({ maxOutputTokens: "100" })).toEqual(["maxOutputTokens"]);
    expect(issuesOf({ timeoutMs: "0" })).toEqual(["timeoutMs"]);
    expect(issuesOf({ temperature: "1.5" })).toEqual(["temperature"]);
    expect(issuesOf({ endpoint: "bedrock" })).toEqual(["endpoint"]);
    for (const [setting, value] of [["modelId", ""], ["temperature", -0.1], ["checkTimeoutMs", 0], ["contextTokens", 10_000_001]] as const) {
      const error = await expectConfideError(createBedrockNoteWriter({ modelId: claude, [setting]: value }), "validation.invalid_input");
      expect(error.details).toEqual({ setting });
    }
  });

  it("creates a writer that calls the model its settings name in their region and endpoint", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", fake.credentials.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", fake.credentials.secretAccessKey);
    try {
      const writer = await bedrockDescriptor.create(
        bedrockDescriptor.settings.parse({ modelId: claude, region: fake.region, endpoint: fake.url }),
      );
      await writer.write(riskDialogue);
      await writer.close();
      expect(fake.received[0]!.modelId).toBe(claude);
      expect(writer.provider).toBe("bedrock");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
