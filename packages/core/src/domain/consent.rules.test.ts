import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeConsent, formOfLatestGrant, type ConsentRecord, type ConsentScopeEntry } from "./consent.ts";

const form = { version: "v1", textSha256: "a".repeat(64) };
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

function record(sequence: number, kind: ConsentRecord["kind"], scopes: ConsentScopeEntry[]): ConsentRecord {
  const base = { id: `c-${sequence}`, patientId: "p", sequence, at: at(sequence), recordedBy: "p", recordedByRole: "patient" as const, scopes };
  return kind === "grant"
    ? { ...base, kind, form: { ...form, version: `v${sequence}` }, method: "electronic" }
    : { ...base, kind, reason: null, eraseSessions: false };
}

const entryArbitrary: fc.Arbitrary<ConsentScopeEntry> = fc.oneof(
  fc.constantFrom<ConsentScopeEntry>({ scope: "recording" }, { scope: "transcription" }, { scope: "ai_notes" }),
  fc.uniqueArray(fc.constantFrom("azure-speech", "transcribe", "whisper"), { minLength: 1 }).map((providers): ConsentScopeEntry => ({ scope: "cloud_processing", providers })),
);
const historyArbitrary = fc
  .array(fc.tuple(fc.constantFrom<ConsentRecord["kind"]>("grant", "withdrawal"), fc.array(entryArbitrary, { minLength: 1, maxLength: 4 })), { maxLength: 8 })
  .map((steps) => steps.map(([kind, scopes], index) => record(index + 1, kind, scopes)));

describe("what is in force after a history", () => {
  it("follows the records' sequence, whatever order they are read in", () => {
    fc.assert(
      fc.property(historyArbitrary.chain((history) => fc.tuple(fc.constant(history), fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }))), ([history, shuffled]) => {
        expect(activeConsent(shuffled)).toEqual(activeConsent(history));
      }),
    );
  });

  it("the latest record naming a scope decides it: granted stays granted until withdrawn", () => {
    fc.assert(
      fc.property(historyArbitrary, (history) => {
        const active = activeConsent(history);
        for (const scope of ["recording", "transcription", "ai_notes"] as const) {
          const last = history.findLast((entry) => entry.scopes.some((named) => named.scope === scope));
          expect(active.scopes.includes(scope)).toBe(last?.kind === "grant");
        }
        for (const provider of ["azure-speech", "transcribe", "whisper"]) {
          const last = history.findLast((entry) => entry.scopes.some((named) => named.scope === "cloud_processing" && named.providers.includes(provider)));
          expect(active.cloudProviders.includes(provider)).toBe(last?.kind === "grant");
        }
        expect(active.cloudProviders).toEqual(active.cloudProviders.toSorted());
        expect(active.since).toEqual(history.at(-1)?.at ?? null);
      }),
    );
  });

  it("lists cloud providers sorted, however they were granted", () => {
    const history = [record(1, "grant", [{ scope: "cloud_processing", providers: ["whisper"] }]), record(2, "grant", [{ scope: "cloud_processing", providers: ["azure-speech"] }])];
    expect(activeConsent(history).cloudProviders).toEqual(["azure-speech", "whisper"]);
  });

  it("a withdrawal out of order in the list still comes after the grant it follows", () => {
    const grant = record(1, "grant", [{ scope: "recording" }]);
    const withdrawal = record(2, "withdrawal", [{ scope: "recording" }]);
    expect(activeConsent([withdrawal, grant])).toMatchObject({ scopes: [], form: { version: "v1" }, since: at(2) });
  });
});

describe("the form a scope was last agreed on", () => {
  it("is the latest grant naming the scope, in sequence order, whatever grants of other scopes or withdrawals follow", () => {
    fc.assert(
      fc.property(historyArbitrary.chain((history) => fc.tuple(fc.constant(history), fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }))), ([history, shuffled]) => {
        for (const scope of ["recording", "transcription", "ai_notes"] as const) {
          const last = history.findLast((entry) => entry.kind === "grant" && entry.scopes.some((named) => named.scope === scope));
          expect(formOfLatestGrant(shuffled, scope)?.version ?? null).toBe(last ? `v${last.sequence}` : null);
        }
      }),
    );
  });

  it("names none when the scope was never granted, even when it was withdrawn", () => {
    expect(formOfLatestGrant([record(1, "grant", [{ scope: "recording" }]), record(2, "withdrawal", [{ scope: "ai_notes" }])], "ai_notes")).toBeNull();
    expect(formOfLatestGrant([record(1, "grant", [{ scope: "ai_notes" }]), record(2, "grant", [{ scope: "recording" }])], "ai_notes")?.version).toBe("v1");
  });
});
