import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfideError } from "../../errors.ts";
import { checkConsentForm, checkConsentMethod, checkConsentScopes } from "./consent-input.ts";

/** The validation error `run` throws: its field and message, what a client is shown. */
function invalid(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!ConfideError.is(error, "validation.invalid_input")) throw error;
    return { field: error.details?.field, message: error.message };
  }
  throw new Error("Expected validation.invalid_input, nothing was thrown.");
}

const sha = "0123456789abcdef".repeat(4);

describe("the scopes of a grant or a withdrawal", () => {
  it("names at least one scope: an empty or missing list is refused on field scopes", () => {
    for (const scopes of [[], undefined, "recording"]) {
      expect(invalid(() => checkConsentScopes(scopes))).toEqual({ field: "scopes", message: "Name at least one consent scope." });
    }
  });

  it("names only known scopes, and says which are known", () => {
    for (const scopes of [[{ scope: "everything" }], [{ scope: 7 }], [null], [{}]]) {
      expect(invalid(() => checkConsentScopes(scopes))).toEqual({
        field: "scopes",
        message: "A consent scope is one of recording, transcription, ai_notes, cloud_processing.",
      });
    }
  });

  it("names each scope once, saying which was repeated", () => {
    expect(invalid(() => checkConsentScopes([{ scope: "transcription" }, { scope: "ai_notes" }, { scope: "transcription" }]))).toEqual({
      field: "scopes",
      message: "The scope transcription is named twice.",
    });
  });

  it("gives providers to cloud_processing only", () => {
    expect(invalid(() => checkConsentScopes([{ scope: "ai_notes", providers: ["azure-speech"] }]))).toEqual({
      field: "scopes",
      message: "Only cloud_processing names providers.",
    });
  });

  it("has cloud_processing name 1 to 20 providers: 0 and 21 are refused, 1 and 20 accepted", () => {
    const names = (count: number) => Array.from({ length: count }, (_, index) => `provider-${String(index).padStart(2, "0")}`);
    for (const providers of [[], names(21), undefined, "azure-speech"]) {
      expect(invalid(() => checkConsentScopes([{ scope: "cloud_processing", providers }]))).toEqual({
        field: "scopes",
        message: "cloud_processing names the 1 to 20 providers it covers.",
      });
    }
    expect(checkConsentScopes([{ scope: "cloud_processing", providers: names(1) }])).toEqual([{ scope: "cloud_processing", providers: names(1) }]);
    expect(checkConsentScopes([{ scope: "cloud_processing", providers: names(20) }])).toEqual([{ scope: "cloud_processing", providers: names(20) }]);
  });

  it("takes provider names of lower-case letters, digits and dashes, 1 to 60 characters, nothing after", () => {
    const message = "A provider name is lower-case letters, digits and dashes, e.g. azure-speech.";
    for (const provider of ["Azure", "-azure", "azure speech", "azure-speech\n", "azure_speech", "a".repeat(61), "", 42]) {
      expect(invalid(() => checkConsentScopes([{ scope: "cloud_processing", providers: [provider] }]))).toEqual({ field: "scopes", message });
    }
    for (const provider of ["a", "9", "azure-speech", "a".repeat(60)]) {
      expect(checkConsentScopes([{ scope: "cloud_processing", providers: [provider] }])).toEqual([{ scope: "cloud_processing", providers: [provider] }]);
    }
  });

  it("keeps each provider once, sorted, whatever order and repeats they came in", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("azure-speech", "transcribe", "comprehend", "whisper", "openai-notes"), { minLength: 1, maxLength: 20 }), (providers) => {
        const [entry] = checkConsentScopes([{ scope: "cloud_processing", providers }]);
        expect(entry).toEqual({ scope: "cloud_processing", providers: [...new Set(providers)].sort() });
      }),
    );
  });
});

describe("the consent form", () => {
  it("has a version of 1 to 100 characters once trimmed", () => {
    const message = "The consent form's version must have 1 to 100 characters.";
    for (const version of ["", "   ", "v".repeat(101), undefined, 3]) {
      expect(invalid(() => checkConsentForm({ version, textSha256: sha }))).toEqual({ field: "form.version", message });
    }
    expect(invalid(() => checkConsentForm(undefined))).toEqual({ field: "form.version", message });
    expect(checkConsentForm({ version: " v ", textSha256: sha })).toEqual({ version: "v", textSha256: sha });
    expect(checkConsentForm({ version: "v".repeat(100), textSha256: sha }).version).toBe("v".repeat(100));
  });

  it("has the sha256 of its text: exactly 64 hex digits, stored lower-case", () => {
    const message = "The consent form's textSha256 must be the sha256 of its text, 64 hex digits.";
    for (const textSha256 of [sha.slice(1), `${sha}0`, `g${sha}`, `${sha}g`, `x${sha.slice(1)}`, undefined, 64]) {
      expect(invalid(() => checkConsentForm({ version: "v1", textSha256 }))).toEqual({ field: "form.textSha256", message });
    }
    expect(checkConsentForm({ version: "v1", textSha256: sha.toUpperCase() })).toEqual({ version: "v1", textSha256: sha });
  });
});

describe("the method of a grant", () => {
  it("is written, verbal_witnessed or electronic, nothing else", () => {
    for (const method of ["written", "verbal_witnessed", "electronic"]) expect(checkConsentMethod(method)).toBe(method);
    for (const method of ["by telepathy", "", undefined, 1]) {
      expect(invalid(() => checkConsentMethod(method))).toEqual({ field: "method", message: "The method is one of written, verbal_witnessed, electronic." });
    }
  });
});
