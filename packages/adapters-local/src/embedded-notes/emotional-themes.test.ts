/** Emotional themes: a feeling the patient says, not one denied, said as a courtesy, of someone else, one they struggle to reach or a pleasant one only wished for. Sentences written for the test. */
import { describe, expect, it } from "vitest";
import { findEmotionalThemes } from "./emotional-themes.ts";
import { readSegment } from "./segment-reader.ts";

const themes = (text: string) => findEmotionalThemes([readSegment({ id: "p", speaker: "P", startMs: 0, text }, "patient")]).map((item) => item.text);

describe("findEmotionalThemes", () => {
  it("takes a feeling the patient says", () => {
    expect(themes("I feel motivated again since the new job.")).toContain("hope");
    expect(themes("I am so sad about the move.")).toContain("sadness");
  });

  it("takes no feeling from a word that names a thing", () => {
    for (const text of ["I picked up my blood pressure tablets.", "The scan showed a stress fracture.", "We hit the panic button by mistake."]) expect(themes(text), text).toEqual([]);
    expect(themes("There is so much pressure at work.")).toContain("anxiety");
  });

  it("takes no feeling the patient says they struggle to reach", () => {
    for (const text of ["I have trouble getting motivated in the mornings.", "It is hard to feel hopeful right now.", "I can't get motivated at all."]) {
      expect(themes(text), text).not.toContain("hope");
    }
  });

  it("takes no feeling said of someone else, and keeps one someone else causes", () => {
    for (const text of ["My son always seems happy when he comes home.", "She was so angry with the landlord.", "I scared her.", "I really upset my mum.", "What if I've already hurt her?", "I might have upset them.", "I hate seeing her like that.", "I tested positive for covid.", "Do something positive with it."]) {
      expect(themes(text), text).toEqual([]);
    }
    expect(themes("He makes me so happy.")).toContain("joy");
    expect(themes("They left and I was sad.")).toContain("sadness");
    expect(themes("It scared me half to death.")).toContain("fear");
    expect(themes("I was really hurt by what she said.")).toContain("sadness");
    expect(themes("I hate my manager.")).toContain("anger");
    // Someone's manner, told after the word: "Dead calm, like he's telling me what's for tea."
    expect(themes("Dead calm, like he's telling me what's for tea.")).toEqual([]);
    expect(themes("Calm, like I'd finally put it down.")).toContain("joy");
  });

  it("takes no pleasant feeling only wished for or supposed; one felt, or an unpleasant one, stays", () => {
    for (const text of ["Maybe one day I could be happy in a quieter job.", "I just want to feel calm again.", "I wish I was happy like before.", "I need to be more confident at work."]) {
      expect(themes(text), text).toEqual([]);
    }
    expect(themes("I am happy with the new flat.")).toContain("joy");
    expect(themes("I want to be a teacher and I feel confident about it.")).toContain("hope");
    expect(themes("I could be so angry with him.")).toContain("anger");
  });

  it("takes no feeling denied, nor a hope said as a courtesy", () => {
    expect(themes("I'm not anxious about it.")).not.toContain("anxiety");
    expect(themes("Thank you, I hope so.")).not.toContain("hope");
  });
});
