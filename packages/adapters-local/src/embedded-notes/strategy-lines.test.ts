/**
 * A strategy line is what the therapist put forward for the patient to do: never a question in any
 * form, an opinion, a prediction, reassurance, praise for going on, a piece of a web address, nor
 * the same words twice. Every dialogue here is written for the test.
 */
import { isNotAssessed } from "@confide/core/adapter-kit";
import { describe, expect, it } from "vitest";
import { dialogueInput as input } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

/** The strategy lines written for a therapist's turn after a patient's opening one. */
function strategiesOf(...therapist: string[]): string[] {
  const strategies = writeEmbeddedNotes(input(["P: Things have been hard since the move.", ...therapist.map((turn) => `T: ${turn}`)])).strategies;
  return isNotAssessed(strategies) ? [] : strategies.map((item) => item.text);
}

describe("strategy lines", () => {
  it("never quotes a sentence put as a question without its mark; a proposal stated beside it stays", () => {
    expect(strategiesOf("Have you talked to your neighbour about the noise")).toEqual([]);
    expect(strategiesOf("so did you try calling the housing office")).toEqual([]);
    expect(strategiesOf("Could u try the library for quiet")).toEqual([]);
    expect(strategiesOf("How about asking your cousin to help you unpack")).toEqual([]);
    // As speech recognition gives it: no mark, and the question after a clause.
    expect(strategiesOf("and if the thoughts get stronger who could you call")).toEqual([]);
    expect(strategiesOf("when it gets bad what can you do to calm down")).toEqual([]);
    expect(strategiesOf("and if calling dan doesn't help who else could you call")).toEqual([]);
    expect(strategiesOf("you could call someone else you trust when it gets bad")).toEqual(["you could call someone else you trust when it gets bad"]);
    expect(strategiesOf("you could call your sister when it gets bad")).toEqual(["you could call your sister when it gets bad"]);
    expect(strategiesOf("Have you thought about it. You could ask the housing office for a quieter flat.")).toEqual(["You could ask the housing office for a quieter flat."]);
    // A clause set before, after an opener, ends at its comma: "you could" opens the main clause.
    expect(strategiesOf("And if the worry gets too much at night, you could jot it down.")).toEqual(["And if the worry gets too much at night, you could jot it down."]);
    // An imperative is no question.
    expect(strategiesOf("Call your landlord about the heating.")).toEqual(["Call your landlord about the heating."]);
  });

  it("never quotes a question run into a statement as speech recognition gives it: a verb between the question word and 'you', or an auxiliary and 'you' after a clause", () => {
    expect(strategiesOf("so you've seen it done what would help you keep to two")).toEqual([]);
    expect(strategiesOf("your gp wants to repeat the blood tests would you be willing to book that in for next month")).toEqual([]);
    expect(strategiesOf("the housing office is open till five could you try ringing them today")).toEqual([]);
  });

  it("never quotes the therapist's own offer of help as a strategy; a thing judged helpful stays", () => {
    expect(strategiesOf("Sorry the move has been so hard on you, I will help however I can.", "We can help with that.")).toEqual([]);
    expect(strategiesOf("Walking after dinner might help.", "Writing it down could help.")).toEqual(["Walking after dinner might help.", "Writing it down could help."]);
  });

  it("never quotes the therapist's view after \"I would\"; advice after it stays", () => {
    expect(strategiesOf("I would say that is a sensible worry to have.")).toEqual([]);
    expect(strategiesOf("I would bet your neighbours feel the same way.")).toEqual([]);
    expect(strategiesOf("I would fully agree with your sister on that.")).toEqual([]);
    expect(strategiesOf("I would call the council and ask about a transfer.")).toEqual(["I would call the council and ask about a transfer."]);
    // After an adverb, "be" and "have" may lead an act; right after "you might" they foretell a state.
    expect(strategiesOf("I would also have a word with your landlord about the damp.")).toEqual(["I would also have a word with your landlord about the damp."]);
    expect(strategiesOf("You might be right about the landlord.")).toEqual([]);
  });

  it("never quotes what might have been, said with a modal and 'have'; an act with 'have' stays", () => {
    expect(strategiesOf("You could have been badly hurt on that road.")).toEqual([]);
    expect(strategiesOf("You might have called the council sooner.")).toEqual([]);
    expect(strategiesOf("You could have a word with the neighbours about the noise.")).toEqual(["You could have a word with the neighbours about the noise."]);
  });

  it("never quotes a proposal that only points back to what was said before", () => {
    expect(strategiesOf("You could ask the neighbours round.", "I would recommend just that.")).toEqual(["You could ask the neighbours round."]);
    expect(strategiesOf("I'd recommend it.")).toEqual([]);
    expect(strategiesOf("I would advise that.")).toEqual([]);
    expect(strategiesOf("I would suggest that you ring the housing office tomorrow.")).toEqual(["I would suggest that you ring the housing office tomorrow."]);
    expect(strategiesOf("I would recommend the library for quiet.")).toEqual(["I would recommend the library for quiet."]);
  });

  it("never quotes a prediction or a hope put after \"you might\", \"you can\" or \"maybe you\"", () => {
    expect(strategiesOf("You might still get your old flat back!")).toEqual([]);
    expect(strategiesOf("You might even find that the new place grows on you.")).toEqual([]);
    expect(strategiesOf("Maybe you will learn to like the quiet streets.")).toEqual([]);
    expect(strategiesOf("You can recover from a hard year like this one.")).toEqual([]);
    // What happens to the patient is no act of theirs.
    expect(strategiesOf("You might forget to eat properly during the move.")).toEqual([]);
    expect(strategiesOf("You might benefit from joining a walking group nearby.")).toEqual(["You might benefit from joining a walking group nearby."]);
    expect(strategiesOf("You can also do 20 minutes of unpacking a day.")).toEqual(["You can also do 20 minutes of unpacking a day."]);
    expect(strategiesOf("You can do it, the move was hard.")).toEqual([]);
  });

  it("takes what helps from an act it names, not from what it does for the patient, nor from the therapist's own feeling", () => {
    expect(strategiesOf("I'm glad these are steps that may help you!")).toEqual([]);
    expect(strategiesOf("I understand, but a short walk each evening could help.")).toEqual(["I understand, but a short walk each evening could help."]);
    expect(strategiesOf("I understand that perhaps you could ring the landlord first.")).toEqual(["I understand that perhaps you could ring the landlord first."]);
    // What helps for the patient is no act of theirs: "it will help you to settle" names none.
    expect(strategiesOf("It will help you to settle in faster.")).toEqual([]);
    expect(strategiesOf("It would be good if you could ring the council this week.")).toEqual(["It would be good if you could ring the council this week."]);
    expect(strategiesOf("It might be worth calling the council about a transfer.")).toEqual(["It might be worth calling the council about a transfer."]);
    expect(strategiesOf("I think it would be a good idea to visit the library nearby.")).toEqual(["I think it would be a good idea to visit the library nearby."]);
    expect(strategiesOf("I think it would help you to write to your old neighbours.")).toEqual(["I think it would help you to write to your old neighbours."]);
    expect(strategiesOf("It might help to get out for a walk each morning.")).toEqual(["It might help to get out for a walk each morning."]);
    expect(strategiesOf("Walking to work each morning will help you learn the area.")).toEqual(["Walking to work each morning will help you learn the area."]);
    expect(strategiesOf("I know it is hard, but unpacking one box a day could help.")).toEqual(["I know it is hard, but unpacking one box a day could help."]);
  });

  it("never quotes praise for going on; an act kept up stays", () => {
    expect(strategiesOf("Keep it up.")).toEqual([]);
    expect(strategiesOf("Keep up the good work with the boxes.")).toEqual([]);
    expect(strategiesOf("Take it one step at a time with the boxes.")).toEqual([]);
    expect(strategiesOf("I suggest taking a step back from the unpacking.")).toEqual([]);
    expect(strategiesOf("Take a short walk around the new streets each evening.")).toEqual(["Take a short walk around the new streets each evening."]);
    // A soft "I think you can…" still proposes the act it names.
    expect(strategiesOf("I think you can check the bus times online.")).toEqual(["I think you can check the bus times online."]);
    expect(strategiesOf("Keep a list of the rooms still to unpack.")).toEqual(["Keep a list of the rooms still to unpack."]);
    // An attitude beside an act: the act makes it a strategy.
    expect(strategiesOf("You could ring the removal firm tomorrow, and stay calm.")).toEqual(["You could ring the removal firm tomorrow, and stay calm."]);
  });

  it("never quotes a piece of a sentence cut at a web address's dot; a space left out after a full stop is no address", () => {
    expect(strategiesOf("You can search for movers on moverhelp.com and compare their prices.")).toEqual([]);
    // An address with two dots is cut at either.
    expect(strategiesOf("On data.health.gov you can look up the figures.")).toEqual([]);
    expect(strategiesOf("i see.you could ask the landlord for more time.")).toEqual(["you could ask the landlord for more time."]);
  });

  it("lists the same proposal once, where it was first said", () => {
    const lines = writeEmbeddedNotes(input(["P: The boxes are everywhere.", "T: Try to unpack one room a day.", "P: It is a lot.", "T: Try to unpack one room a day. Keep a list of the rooms."])).strategies;
    expect(isNotAssessed(lines) ? [] : lines.map((item) => [item.text, item.evidence[0]?.segmentId])).toEqual([
      ["Try to unpack one room a day.", "seg-1"],
      ["Keep a list of the rooms.", "seg-3"],
    ]);
  });
});
