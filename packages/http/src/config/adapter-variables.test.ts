import { comprehendDescriptor } from "@confide/adapters-aws/comprehend";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { adapterRegistry, adapterPorts } from "../composition/adapter-registry.ts";
import { adapterVariables, settingsFromEnvironment } from "./adapter-variables.ts";

describe("an adapter's variables", () => {
  it("are the settings whose schema names a variable, in the schema's order; settings for code alone have none", () => {
    expect(adapterVariables(comprehendDescriptor.settings).map(({ key, variable }) => [key, variable])).toEqual([
      ["region", "CONFIDE_COMPREHEND_REGION"],
      ["endpoint", "CONFIDE_COMPREHEND_ENDPOINT"],
      ["requestTimeoutMs", "CONFIDE_COMPREHEND_TIMEOUT_MS"],
      ["maxAttempts", "CONFIDE_COMPREHEND_MAX_ATTEMPTS"],
    ]);
  });

  it("are read from the environment into the settings, empty ones left to their default", () => {
    const parsed = settingsFromEnvironment(
      comprehendDescriptor.settings,
      { CONFIDE_COMPREHEND_REGION: "eu-west-1", CONFIDE_COMPREHEND_MAX_ATTEMPTS: "3", CONFIDE_COMPREHEND_TIMEOUT_MS: "", maxAttempts: "5" },
      "the comprehend language adapter",
    );
    expect(parsed).toEqual({ success: true, data: { region: "eu-west-1", maxAttempts: 3, requestTimeoutMs: 30_000, connectionTimeoutMs: 5_000 } });
  });

  it("report each problem under the variable's name, never the setting's", () => {
    const parsed = settingsFromEnvironment(
      comprehendDescriptor.settings,
      { CONFIDE_COMPREHEND_MAX_ATTEMPTS: "9", CONFIDE_COMPREHEND_ENDPOINT: "comprehend" },
      "the comprehend language adapter",
    );
    expect(parsed).toEqual({
      success: false,
      problems: [
        { variable: "CONFIDE_COMPREHEND_ENDPOINT", message: "must be a URL such as scheme://host:port" },
        { variable: "CONFIDE_COMPREHEND_MAX_ATTEMPTS", message: 'must be at most 5 (got "9")' },
      ],
    });
  });

  it("name a missing required variable and who reads it", () => {
    const settings = z.object({ bucket: z.string().min(1).meta({ env: "CONFIDE_X_BUCKET" }) });
    expect(settingsFromEnvironment(settings, {}, "the x storage adapter")).toEqual({
      success: false,
      problems: [{ variable: "CONFIDE_X_BUCKET", message: "required by the x storage adapter" }],
    });
  });

  it("of every registered adapter: none read twice by one adapter", () => {
    for (const port of adapterPorts) {
      for (const adapter of adapterRegistry[port]) {
        const variables = adapterVariables(adapter.settings).map(({ variable }) => variable);
        expect(new Set(variables).size, adapter.name).toBe(variables.length);
      }
    }
  });

  it("of every registered adapter: its settings are keyed by setting, never by variable name (one settings shape)", () => {
    for (const port of adapterPorts) {
      for (const adapter of adapterRegistry[port]) {
        const keyedByVariable = Object.keys(adapter.settings.shape).filter((key) => /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(key));
        expect(keyedByVariable, `${port}/${adapter.name}`).toEqual([]);
      }
    }
  });

  it("a setting named like a variable but without env is not read from the environment", () => {
    const settings = z.object({ CONFIDE_X_BUCKET: z.string().optional() });
    expect(adapterVariables(settings)).toEqual([]);
    expect(settingsFromEnvironment(settings, { CONFIDE_X_BUCKET: "b" }, "the x storage adapter")).toEqual({ success: true, data: {} });
  });
});
