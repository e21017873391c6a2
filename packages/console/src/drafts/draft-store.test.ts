import { describe, expect, it } from "vitest";
import { createDraftStore, segmentOf, type DraftStorage } from "./draft-store.ts";

/** Web Storage over a Map, in insertion order as browsers keep it. */
function memoryStorage(): DraftStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (index) => [...entries.keys()][index] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, String(value)),
    removeItem: (key) => void entries.delete(key),
  };
}

describe("drafts kept while typing", () => {
  it("keeps each field per account and session, and forgets text equal to what is saved or blank", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.keep("u1", "s1", "segment:seg-2", "I slept badly", "I slept");
    store.keep("u1", "s1", "therapist-notes", "Sleep worse this week", "");
    store.keep("u1", "s1", "patient-summary", "   ", "");
    store.keep("u1", "s2", "therapist-notes", "Other session", "");
    store.keep("u2", "s1", "therapist-notes", "Another clinician", "");
    expect(store.of("u1", "s1")).toEqual([
      { field: "therapist-notes", text: "Sleep worse this week" },
      { field: "segment:seg-2", text: "I slept badly" },
    ]);
    store.keep("u1", "s1", "segment:seg-2", "I slept", "I slept");
    expect(store.of("u1", "s1").map((draft) => draft.field)).toEqual(["therapist-notes"]);
  });

  it("forgets one session's drafts, or every account's but one, or all", () => {
    const storage = memoryStorage();
    storage.setItem("confide.upload-form", "{}");
    const store = createDraftStore(() => storage);
    store.keep("u1", "s1", "therapist-notes", "a", "");
    store.keep("u1", "s2", "therapist-notes", "b", "");
    store.keep("u2", "s1", "patient-summary", "c", "");
    store.forgetSession("u1", "s1");
    expect(store.of("u1", "s1")).toEqual([]);
    expect(store.of("u1", "s2")).toHaveLength(1);
    store.forgetAll("u1");
    expect(store.of("u2", "s1")).toEqual([]);
    expect(store.of("u1", "s2")).toHaveLength(1);
    store.forgetAll();
    expect([...storage.entries.keys()]).toEqual(["confide.upload-form"]);
  });

  it("keys hold ids only: a separator inside an id cannot reach another account's drafts", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.keep("u|1", "s1", "therapist-notes", "kept", "");
    expect(store.of("u", "1|s1")).toEqual([]);
    expect(store.of("u|1", "s1")).toEqual([{ field: "therapist-notes", text: "kept" }]);
    for (const key of storage.entries.keys()) expect(key).not.toContain("kept");
  });

  it("does nothing, and throws nothing, when storage is blocked", () => {
    const blocked = createDraftStore(() => {
      throw new Error("SecurityError");
    });
    blocked.keep("u1", "s1", "therapist-notes", "a", "");
    expect(blocked.of("u1", "s1")).toEqual([]);
    expect(() => blocked.forgetAll()).not.toThrow();
  });

  it("names a segment's field by its id", () => {
    expect(segmentOf("segment:abc")).toBe("abc");
    expect(segmentOf("therapist-notes")).toBeNull();
  });
});
