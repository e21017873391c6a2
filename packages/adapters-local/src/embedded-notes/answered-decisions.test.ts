/**
 * An act said alone in answer to "What's the plan?" is what the patient decided: the plan, quoted
 * in their words beside the question, and grounded by core's check. Every dialogue here is
 * written for the test.
 */
import { type NoteItem, verifyNotes } from "@confide/core";
import { isNotAssessed } from "@confide/core/adapter-kit";
import { describe, expect, it } from "vitest";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { dialogueInput as input } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

const provenance = { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) };
const reader = createWinkClaimReader();

function notesOf(turns: string[]) {
  const given = input(turns);
  return verifyNotes(writeEmbeddedNotes(given), { ...given, revision: 1 }, provenance, reader);
}
const plan = (turns: string[]): NoteItem[] => {
  const notes = notesOf(turns);
  return isNotAssessed(notes.actionItems) ? [] : notes.actionItems;
};
const toConfirm = (turns: string[]): string[] => {
  const notes = notesOf(turns);
  return isNotAssessed(notes.followUpTopics) ? [] : notes.followUpTopics.map((item) => item.text);
};

describe("an act said alone, in answer to a question of what the patient decided", () => {
  it("is the plan, quoting the answer and the question, each cited and grounded", () => {
    const items = plan(["T: Okay. So what's the plan?", "P: Ring the GP on Monday and book a check-up."]);
    expect(items.map((item) => item.text)).toEqual(["Agreed: “Ring the GP on Monday and book a check-up.” — to “So what's the plan?”"]);
    expect(items[0]!.evidence.map((span) => span.segmentId)).toEqual(["seg-0", "seg-1"]);
    expect(items[0]!.verification.status).toBe("grounded");
    for (const [question, answer, quoted] of [
      ["What will you do about the drinking?", "Yeah, cut down to weekends only.", "Yeah, cut down to weekends only."],
      ["What have you decided?", "Tell her on Sunday.", "Tell her on Sunday."],
      ["What are you going to do this week?", "Cut down to weekends, and talk to my wife about it.", "Cut down to weekends, and talk to my wife about it."],
      // The acts said alone right after the first are quoted with it; what follows them is not.
      ["What's your next step?", "Walk out. Go round the block. I did that on Sunday and it worked.", "Walk out. Go round the block."],
    ]) {
      const found = plan([`T: ${question}`, `P: ${answer}`]);
      expect(found.map((item) => item.text), answer).toEqual([`Agreed: “${quoted}” — to “${question}”`]);
      expect(found[0]!.verification.status, answer).toBe("grounded");
    }
  });

  it("reads the question by its words when speech recognition leaves its mark out", () => {
    const items = plan(["T: okay so whats the plan", "P: ring the gp on monday and book a check up"]);
    expect(items.map((item) => [item.text, item.verification.status])).toEqual([["Agreed: “ring the gp on monday and book a check up” — to “okay so whats the plan”", "grounded"]]);
  });

  it("is to confirm when hedged, and nothing when no act is said, the act keeps a habit up, or it harms", () => {
    expect(plan(["T: What are you going to do before next time?", "P: Probably ring the GP and book a check-up."])).toEqual([]);
    expect(toConfirm(["T: What are you going to do before next time?", "P: Probably ring the GP and book a check-up."])).toEqual([
      "To confirm: What are you going to do before next time? — “Probably ring the GP and book a check-up.”",
    ]);
    for (const answer of ["Keep smoking, to be honest.", "Just see how it goes.", "Not sure.", "I'm going to my room to cry.", "Nothing, really.", "Punch him.", "My wife, I suppose."]) {
      const turns = ["T: What are you going to do about it?", `P: ${answer}`];
      expect(plan(turns), answer).toEqual([]);
      expect(toConfirm(turns), answer).toEqual([]);
    }
  });

  it("reads no decision in an answer to what the patient could do, would like, did or plans for fun, or what they will do if something happens", () => {
    for (const question of ["What could you do?", "What would you like to do?", "What did you do?", "What are your plans for the weekend?", "What will you do if the urge comes back?"]) {
      expect(plan([`T: ${question}`, "P: Talk to my wife."]), question).toEqual([]);
    }
  });

  it("is a step to confirm, however firmly said, in answer to what the patient will do if something happens", () => {
    const turns = ["T: What will you do if the urge comes back?", "P: Call my sister."];
    expect(plan(turns)).toEqual([]);
    expect(toConfirm(turns)).toEqual(["To confirm: What will you do if the urge comes back? — “Call my sister.”"]);
    expect(toConfirm(["T: What will you do if she calls?", "P: Not sure."])).toEqual([]);
  });

  it("is an idea to confirm, however firmly said, in answer to what the patient could do", () => {
    for (const question of ["What could you do instead?", "What might you try when the craving comes?"]) {
      const turns = [`T: ${question}`, "P: Call my sister."];
      expect(plan(turns), question).toEqual([]);
      expect(toConfirm(turns), question).toEqual([`To confirm: ${question} — “Call my sister.”`]);
    }
    for (const answer of ["Not sure.", "Nothing, really.", "Punch him.", "Keep smoking, to be honest."]) expect(toConfirm(["T: What could you do?", `P: ${answer}`]), answer).toEqual([]);
    expect(toConfirm(["T: What could you have done?", "P: Call my sister."])).toEqual([]);
  });

  it("leaves an answer that commits in its own words to the patient's own line", () => {
    expect(plan(["T: What are you going to do?", "P: I'll ring the GP tomorrow."]).map((item) => item.text)).toEqual(["I'll ring the GP tomorrow."]);
  });
});
