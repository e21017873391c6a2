import { describe, expect, it } from "vitest";
import { checkConsentTerms, checkDisplayName, checkEmail, checkPageLimit, checkRole } from "./account-input.ts";

const refusedFor = (field: string) => expect.objectContaining({ code: "validation.invalid_input", details: { field } });

describe("account input", () => {
  it.each(["ada@example.org", "a.b+tag@mail.example.co.uk", "x@y.z"])(
    "accepts the address %s",
    (email) => {
      expect(checkEmail(email)).toBe(email.toLowerCase());
    },
  );

  it("trims and lower-cases an address", () => {
    expect(checkEmail("  Ada@Example.ORG ")).toBe("ada@example.org");
  });

  it.each([
    ["no @", "ada.example.org"],
    ["two @", "ada@home@example.org"],
    ["no dot in the domain", "ada@localhost"],
    ["an empty domain label", "ada@example..org"],
    ["a dot right after @", "ada@.example.org"],
    ["a trailing dot", "ada@example.org."],
    ["nothing before @", "@example.org"],
    ["a space inside", "ada lovelace@example.org"],
    ["text after the address", "ada@example.org <ada>"],
    ["more than 254 characters", `${"a".repeat(64)}@${"b".repeat(186)}.org`],
  ])("refuses an address with %s", (_name, email) => {
    expect(() => checkEmail(email)).toThrow(refusedFor("email"));
    expect(() => checkEmail(email)).toThrow("The email address is not valid.");
  });

  it("accepts an address of exactly 254 characters", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(185)}.org`;
    expect(email).toHaveLength(254);
    expect(checkEmail(email)).toBe(email);
  });

  it("takes display names of 1 to 200 characters, counting characters, not bytes", () => {
    expect(checkDisplayName("  Ada  ")).toBe("Ada");
    expect(checkDisplayName("A")).toBe("A");
    expect(checkDisplayName("é".repeat(200))).toHaveLength(200);
    expect(checkDisplayName("🙂".repeat(200))).toBe("🙂".repeat(200));
    expect(() => checkDisplayName("🙂".repeat(201))).toThrow(refusedFor("displayName"));
    expect(() => checkDisplayName("   ")).toThrow(refusedFor("displayName"));
    expect(() => checkDisplayName("")).toThrow("The display name must have 1 to 200 characters.");
  });

  it("takes consent terms of 1 to 200 characters, trimmed", () => {
    expect(checkConsentTerms(" recording-and-analysis-v1 ")).toBe("recording-and-analysis-v1");
    expect(checkConsentTerms("v")).toBe("v");
    expect(checkConsentTerms(` ${"t".repeat(200)} `)).toBe("t".repeat(200));
    expect(() => checkConsentTerms("t".repeat(201))).toThrow(refusedFor("consent.terms"));
    expect(() => checkConsentTerms("  ")).toThrow(refusedFor("consent.terms"));
    expect(() => checkConsentTerms("")).toThrow("The consent terms must have 1 to 200 characters.");
  });

  it("knows the three roles and nothing else", () => {
    expect(["therapist", "patient", "admin"].map(checkRole)).toEqual(["therapist", "patient", "admin"]);
    for (const role of ["", "Admin", "superuser", "therapists"]) {
      expect(() => checkRole(role), role).toThrow(refusedFor("role"));
    }
    expect(() => checkRole("root")).toThrow("The role must be therapist, patient or admin.");
  });

  it("takes page sizes of 1 to 100, 50 when absent", () => {
    expect(checkPageLimit(undefined)).toBe(50);
    expect(checkPageLimit(1)).toBe(1);
    expect(checkPageLimit(100)).toBe(100);
    for (const limit of [0, 101, 1.5, -1, Number.NaN]) {
      expect(() => checkPageLimit(limit), String(limit)).toThrow(refusedFor("limit"));
    }
    expect(() => checkPageLimit(0)).toThrow("The page size must be 1 to 100.");
  });
});
