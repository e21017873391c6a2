/** Quotes: whole utterances, the clinically weightiest first. Dialogues written for the test. */
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { dialogueInput } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

function quotesOf(turns: string[]): NoteItemDraft[] {
  const notes = writeEmbeddedNotes(dialogueInput(turns));
  return isNotAssessed(notes.significantQuotes) ? [] : notes.significantQuotes;
}

describe("significant quotes", () => {
  it("joins a patient's turn split by the therapist's backchannel and quotes it whole", () => {
    const quotes = quotesOf([
      "P: At the wedding we all wore long green dresses and the band played until two in the morning and",
      "T: Mm-hmm.",
      "P: and I didn't wear my insulin pump all night because it spoiled the look of the dress.",
    ]);
    expect(quotes.map((quote) => quote.quote)).toContain(
      "At the wedding we all wore long green dresses and the band played until two in the morning and and I didn't wear my insulin pump all night because it spoiled the look of the dress.",
    );
    expect(quotes[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-0", "seg-2"]);
  });

  it("never quotes an utterance broken off with a dash", () => {
    const quotes = quotesOf(["P: We all went to the party by the river and everyone wore really nice dresses-", "T: Go on."]);
    expect(quotes).toEqual([]);
  });

  it("quotes a statement of risk before the scene the patient set", () => {
    const quotes = quotesOf([
      "P: We drove down to the coast on Saturday and had fish and chips on the pier with the kids.",
      "T: And then?",
      "P: We walked along the beach and looked at the boats coming into the harbour for an hour.",
      "T: How did you feel?",
      "P: We played crazy golf and the kids won every hole and we laughed about it all the way home.",
      "T: And since?",
      "P: Since Sunday night I've been thinking I want to die, I keep looking at the pills in the cupboard.",
    ]);
    expect(quotes.map((quote) => quote.quote)).toContain("Since Sunday night I've been thinking I want to die, I keep looking at the pills in the cupboard.");
  });

  it("quotes care left undone before a cheerful scene", () => {
    const quotes = quotesOf([
      "P: We had the best time at the wedding, the food was lovely and everyone looked really happy and beautiful.",
      "T: Go on.",
      "P: We danced until late and the band was brilliant and my cousin gave a really lovely speech.",
      "T: And the pump?",
      "P: I left it in my bag, to be fair, so I didn't wear my pump after about eight o'clock.",
      "T: And the hotel?",
      "P: The hotel was right on the seafront and the sunset over the water was absolutely amazing.",
    ]);
    expect(quotes.map((quote) => quote.quote)).toContain("I left it in my bag, to be fair, so I didn't wear my pump after about eight o'clock.");
  });
});
