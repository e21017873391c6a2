import type { AgendaItemText, AgendaSegment } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { createEmbeddedAgendaMatcher } from "./embedded-agenda-matcher.ts";

const items: AgendaItemText[] = [
  { id: "sleep", text: "Sleep" },
  { id: "job", text: "Talk about the stress at her job" },
  { id: "mother", text: "Follow up on the conversation with her mother" },
  { id: "exercise", text: "Discuss an exercise routine" },
];

const segment = (text: string, role: AgendaSegment["role"] = "patient"): AgendaSegment => ({ id: "seg-1", role, text });

describe("embedded agenda matcher", () => {
  const matcher = createEmbeddedAgendaMatcher();

  it("matches an item by the lemmas of its content words, said in other forms and with negation", async () => {
    const matches = await matcher.match(items, segment("I haven't been sleeping well at all."));
    expect(matches).toEqual([{ itemId: "sleep", segmentId: "seg-1", matchedTerms: ["sleeping"] }]);
  });

  it("matches paraphrases that share enough content words, from either speaker, with the words as evidence", async () => {
    expect(await matcher.match(items, segment("My job has been so stressful, the stress never stops."))).toEqual([
      { itemId: "job", segmentId: "seg-1", matchedTerms: ["stress", "job"] },
    ]);
    expect(await matcher.match(items, segment("Did you have that conversation with your mother?", "therapist"))).toEqual([
      { itemId: "mother", segmentId: "seg-1", matchedTerms: ["conversation", "mother"] },
    ]);
    const several = await matcher.match(items, segment("I slept badly, and I quit my exercise routine."));
    expect(several.map((match) => match.itemId)).toEqual(["sleep", "exercise"]);
  });

  it("does not match on stop words, agenda verbs or unrelated talk", async () => {
    expect(await matcher.match(items, segment("Can we talk about it? I want to discuss how it went."))).toEqual([]);
    expect(await matcher.match(items, segment("Walking with my dog makes me happy."))).toEqual([]);
    // One content word of the long item is not enough ("her" and "conversation" alone).
    expect(await matcher.match(items, segment("That was a long conversation."))).toEqual([]);
    expect(await matcher.match([], segment("I haven't been sleeping."))).toEqual([]);
    expect(await matcher.match(items, segment("   "))).toEqual([]);
  });

  it("answers the same matches for the same input", async () => {
    const text = "Stress at my job keeps me from sleeping.";
    const first = await matcher.match(items, segment(text));
    const again = await createEmbeddedAgendaMatcher().match(items, segment(text));
    expect(again).toEqual(first);
    expect(first.map((match) => match.itemId)).toEqual(["sleep", "job"]);
  });
});
