import { readFile } from "node:fs/promises";
import { defaultCoreSettings } from "@confide/core";
import { loadConfig } from "@confide/http";
import { describe, expect, it } from "vitest";

describe("the console's consent form and live reflections", () => {
  it("its current version is a form that tells of reflections, for core and for the host's default, and its text says so", async () => {
    // Read as text: the form's module imports the console's API client, built for the browser.
    const form = await readFile(new URL("../../packages/console/src/consent/consent-form.ts", import.meta.url), "utf8");
    const version = /export const consentFormVersion = "([^"]+)";/.exec(form)?.[1];
    expect(version).toBeDefined();
    expect(defaultCoreSettings.live.reflectionConsentForms).toContain(version);
    expect(loadConfig({}).live.reflectionConsentForms).toEqual(defaultCoreSettings.live.reflectionConsentForms);
    expect(form).toMatch(/during a live session the program may also suggest to your therapist a way to say back what you said/);
  });
});
