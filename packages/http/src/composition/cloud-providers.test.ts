import { describe, expect, it } from "vitest";
import type { ConfideConfig } from "../config/config.ts";
import { cloudProvidersOf } from "./cloud-providers.ts";
import { adapterRegistry } from "./adapter-registry.ts";

const created = {
  speech: { provider: "speech-provider" },
  language: { provider: "language-provider" },
  notes: { provider: "notes-provider" },
} as unknown as Parameters<typeof cloudProvidersOf>[1];

function configWith(adapters: { speech: string; language: string; notes: string }, adapterSettings: Record<string, unknown> = {}) {
  return { adapters, adapterSettings } as unknown as Pick<ConfideConfig, "adapters" | "adapterSettings">;
}

describe("cloudProvidersOf", () => {
  it("lists the providers of chosen cloud services, by the name each adapter reports", () => {
    expect(cloudProvidersOf(configWith({ speech: "azure-speech", language: "azure-text-analytics", notes: "embedded" }), created)).toEqual([
      "speech-provider",
      "language-provider",
    ]);
    expect(cloudProvidersOf(configWith({ speech: "transcribe", language: "vader", notes: "embedded" }), created)).toEqual(["speech-provider"]);
  });

  it("lists nothing for an embedded deployment", () => {
    expect(cloudProvidersOf(configWith({ speech: "pocketsphinx", language: "vader", notes: "embedded" }), created)).toEqual([]);
  });

  it("counts a Whisper or notes server by its URL: a private network keeps the data in, a public host does not", () => {
    const inside = configWith(
      { speech: "whisper", language: "vader", notes: "openai" },
      { speech: { CONFIDE_WHISPER_URL: "http://10.0.0.7:8000" }, notes: { CONFIDE_OPENAI_NOTES_URL: "http://localhost:11434/v1" } },
    );
    const outside = configWith(
      { speech: "whisper", language: "vader", notes: "openai" },
      { speech: { CONFIDE_WHISPER_URL: "https://whisper.example.com" }, notes: { CONFIDE_OPENAI_NOTES_URL: "https://api.openai.com/v1" } },
    );

    expect(cloudProvidersOf(inside, created)).toEqual([]);
    expect(cloudProvidersOf(outside, created)).toEqual(["speech-provider", "notes-provider"]);
  });

  it("has every speech, language and notes adapter that calls a cloud API say so", () => {
    const cloud = ["azure-speech", "transcribe", "azure-text-analytics", "comprehend"];
    for (const port of ["speech", "language", "notes"] as const) {
      for (const adapter of adapterRegistry[port]) {
        if (cloud.includes(adapter.name)) expect(adapter.sendsSessionDataOut?.({}), adapter.name).toBe(true);
      }
    }
  });
});
