import { describe, expect, it } from "vitest";
import { endsUploads, inForceCount, toggled, withdrawalEntries, type PlainScope } from "./consent-form.ts";

const inForce = { scopes: ["recording", "transcription", "ai_notes"] as PlainScope[], cloudProviders: ["whisper-live", "openai"] };

describe("withdrawalEntries", () => {
  it("sends one scope alone, or cloud processing by one provider alone", () => {
    expect(withdrawalEntries(inForce, { scopes: ["ai_notes"], cloudProviders: [] })).toEqual([{ scope: "ai_notes" }]);
    expect(withdrawalEntries(inForce, { scopes: [], cloudProviders: ["openai"] })).toEqual([{ scope: "cloud_processing", providers: ["openai"] }]);
  });

  it("keeps the order in force and drops what is chosen but no longer in force", () => {
    const chosen = { scopes: ["ai_notes", "recording"] as PlainScope[], cloudProviders: ["azure-speech", "whisper-live"] };
    expect(withdrawalEntries(inForce, chosen)).toEqual([{ scope: "recording" }, { scope: "ai_notes" }, { scope: "cloud_processing", providers: ["whisper-live"] }]);
    expect(withdrawalEntries({ scopes: ["recording"], cloudProviders: [] }, chosen)).toEqual([{ scope: "recording" }]);
  });

  it("is empty when nothing in force is chosen", () => {
    expect(withdrawalEntries(inForce, { scopes: [], cloudProviders: [] })).toEqual([]);
    expect(withdrawalEntries({ scopes: ["recording"], cloudProviders: [] }, { scopes: ["ai_notes"], cloudProviders: ["openai"] })).toEqual([]);
  });
});

describe("endsUploads", () => {
  const need = (scopes: ("recording" | "transcription")[], cloudProviders: string[]) => ({
    needs: {
      upload: { required: { scopes, cloudProviders }, missing: { scopes: [], cloudProviders: [] } },
      notes: { required: { scopes: [], cloudProviders: [] }, missing: { scopes: [], cloudProviders: [] } },
    },
  });
  const status = need(["recording", "transcription"], ["azure-speech"]);

  it("is true when a scope or a provider an upload requires is withdrawn", () => {
    expect(endsUploads(status, [{ scope: "transcription" }])).toBe(true);
    expect(endsUploads(status, [{ scope: "ai_notes" }, { scope: "cloud_processing", providers: ["openai", "azure-speech"] }])).toBe(true);
  });

  it("is false for what an upload does not require: AI notes, another provider, nothing", () => {
    expect(endsUploads(status, [{ scope: "ai_notes" }, { scope: "cloud_processing", providers: ["whisper-live"] }])).toBe(false);
    expect(endsUploads(need(["recording"], []), [{ scope: "transcription" }])).toBe(false);
    expect(endsUploads(status, [])).toBe(false);
  });
});

describe("inForceCount and toggled", () => {
  it("counts each scope and each provider in force", () => {
    expect(inForceCount(inForce)).toBe(5);
    expect(inForceCount({ scopes: [], cloudProviders: [] })).toBe(0);
  });

  it("adds an item once and takes it out", () => {
    expect(toggled(["a", "b"], "a", true)).toEqual(["b", "a"]);
    expect(toggled(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
  });
});
