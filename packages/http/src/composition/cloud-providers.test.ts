import { describe, expect, it } from "vitest";
import type { ConfideConfig } from "../config/config.ts";
import { cloudProvidersOf } from "./cloud-providers.ts";
import { adapterRegistry } from "./adapter-registry.ts";

const created = {
  speech: { provider: "speech-provider" },
  language: { provider: "language-provider" },
  notes: { provider: "notes-provider" },
  live: { provider: "live-provider" },
} as unknown as Parameters<typeof cloudProvidersOf>[1];

function configWith(adapters: { speech: string; language: string; notes: string; live?: string }, adapterSettings: Record<string, unknown> = {}) {
  return { adapters: { live: "embedded", ...adapters }, adapterSettings } as unknown as Pick<ConfideConfig, "adapters" | "adapterSettings">;
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
      { speech: { baseUrl: "http://10.0.0.7:8000" }, notes: { baseUrl: "http://localhost:11434/v1" } },
    );
    const outside = configWith(
      { speech: "whisper", language: "vader", notes: "openai" },
      { speech: { baseUrl: "https://whisper.example.com" }, notes: { baseUrl: "https://api.openai.com/v1" } },
    );

    expect(cloudProvidersOf(inside, created)).toEqual([]);
    expect(cloudProvidersOf(outside, created)).toEqual(["speech-provider", "notes-provider"]);
  });

  it("counts the live engine too: Azure and Transcribe Streaming always, a Whisper server by its URL, the embedded engine never", () => {
    const batch = { speech: "pocketsphinx", language: "vader", notes: "embedded" };
    expect(cloudProvidersOf(configWith({ ...batch, live: "azure" }), created)).toEqual(["live-provider"]);
    expect(cloudProvidersOf(configWith({ ...batch, live: "transcribe" }), created)).toEqual(["live-provider"]);
    expect(cloudProvidersOf(configWith({ ...batch, live: "embedded" }), created)).toEqual([]);
    const whisperAt = (url: string) => configWith({ ...batch, live: "whisper" }, { live: { baseUrl: url } });
    expect(cloudProvidersOf(whisperAt("http://192.168.1.20:9000"), created)).toEqual([]);
    expect(cloudProvidersOf(whisperAt("https://whisper.example.com"), created)).toEqual(["live-provider"]);
  });

  it("has every speech, language, notes and live adapter that calls a cloud API say so", () => {
    const cloud = ["azure-speech", "transcribe", "azure-text-analytics", "comprehend", "azure", "azure-openai", "bedrock"];
    for (const port of ["speech", "language", "notes", "live"] as const) {
      for (const adapter of adapterRegistry[port]) {
        if (cloud.includes(adapter.name)) expect(adapter.sendsSessionDataOut?.({}), adapter.name).toBe(true);
      }
    }
  });
});
