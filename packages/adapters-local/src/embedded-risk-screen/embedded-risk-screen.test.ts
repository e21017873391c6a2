import type { RiskCategory, RiskFinding } from "@confide/core/ports";
import { describeRiskScreenContract } from "@confide/contracts";
import { describe, expect, it } from "vitest";
import { riskDialogue } from "./risk-dialogue.test-support.ts";
import { embeddedRiskScreenDescriptor } from "./descriptor.ts";
import { createEmbeddedRiskScreen, screenTranscript } from "./embedded-risk-screen.ts";
import { riskRules } from "./risk-rules.ts";

const { rows: riskPatterns, concepts: riskConcepts } = riskRules();

describeRiskScreenContract({ name: "embedded", create: async () => createEmbeddedRiskScreen() });


function findings(lines: string[], roles = true): RiskFinding[] {
  const output = screenTranscript(riskDialogue(lines, roles));
  if (output.status !== "screened") throw new Error(output.reason);
  return output.findings;
}

/** The patient's own findings (not someone else's) on one segment. */
function ownOn(lines: string[], segmentId: string, roles = true): RiskFinding[] {
  return findings(lines, roles).filter((finding) => finding.subject === "speaker" && finding.evidence.some((span) => span.segmentId === segmentId));
}

const categoriesOf = (found: RiskFinding[]) => [...new Set(found.map((finding) => finding.category))];

describe("embedded risk screen: the rules table", () => {
  it.each(riskPatterns.flatMap((row) => row.examples.map((example) => [row.id, example, row.category] as const)).filter(([id]) => !riskPatterns.find((row) => row.id === id)?.needsSuicideContext))(
    "%s raises its category on %j",
    (_id, example, category) => {
      expect(categoriesOf(ownOn([example], "seg-1")).concat(categoriesOf(findings([example]).filter((finding) => finding.subject === "other_person")))).toContain(category);
    },
  );

  it.each(riskPatterns.filter((row) => row.needsSuicideContext).flatMap((row) => row.examples.map((example) => [row.id, example, row.category] as const)))(
    "%s raises %j only after suicide was talked about",
    (_id, example, category) => {
      expect(categoriesOf(ownOn(["I've been thinking about killing myself.", "T: Have you thought about when?", example], "seg-3"))).toContain(category);
      expect(categoriesOf(ownOn(["Work has been busy.", "T: What's the plan?", example], "seg-3"))).not.toContain(category);
    },
  );
});

describe("embedded risk screen: context rules", () => {
  it.each([
    ["I'm not going to do anything to myself, I promise."],
    ["I would never, ever in a million years actually hurt myself."],
    ["I have no plans to end my life."],
    ["I'm not suicidal."],
    ["I don't use coke, pills or anything like that."],
  ])("a negation reaches as far as its clause: no flag for %j", (line) => {
    expect(ownOn([line], "seg-1")).toEqual([]);
  });

  it.each([
    ["I don't see a reason to keep living.", "passive_death_wish"],
    ["I don't know why, I just want to die.", "passive_death_wish"],
    ["I'm not sure I won't hurt myself.", "self_harm"],
    ["No, I want to die.", "passive_death_wish"],
    ["I can't stop thinking about killing myself.", "active_ideation"],
    ["i cant stop thinking about ending it all", "active_ideation"],
    ["I can't help thinking about suicide.", "active_ideation"],
    ["I couldn't shake the thoughts of suicide.", "active_ideation"],
    ["I can't get the thought of killing myself out of my head.", "active_ideation"],
    ["I can't stop wanting to die.", "passive_death_wish"],
  ] as const)("negated words that express risk are risk: %j raises %s", (line, category) => {
    expect(categoriesOf(ownOn([line], "seg-1"))).toContain(category);
  });

  it("keeps 'can't' a negation of what it says: no flag for 'I can't kill myself', 'I can't get any pills'", () => {
    for (const line of ["I couldn't kill myself, I'd never do that to my kids.", "I can't get any pills out of my mum's cupboard, she counts them."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).not.toContain("active_ideation");
    }
  });

  it("takes 'not any more' as the past, not as nothing", () => {
    expect(ownOn(["I don't cut anymore."], "seg-1")).toMatchObject([{ category: "self_harm", temporality: "history" }]);
  });

  it.each([
    "If I ever felt like hurting myself I'd call my sister.",
    "my safety plan is if i feel like killing myself i call the crisis line",
    "What if I relapse?",
  ])("a risk inside a condition is hypothetical: no flag for %j", (line) => {
    expect(ownOn([line], "seg-1")).toEqual([]);
  });

  it("a risk that would follow a condition is still risk (conditional ideation)", () => {
    expect(categoriesOf(ownOn(["If she leaves me I'll kill myself."], "seg-1"))).toContain("active_ideation");
  });

  it("'if I'm honest' is no condition", () => {
    expect(categoriesOf(ownOn(["If I'm honest I want to die."], "seg-1"))).toContain("passive_death_wish");
  });

  it.each(["My brother overdosed last year.", "My uncle killed himself when I was ten.", "My dad drinks every night."])(
    "someone else's risk is recorded as theirs, not the patient's: %j",
    (line) => {
      const found = findings([line]);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((finding) => finding.subject === "other_person")).toBe(true);
    },
  );

  it.each(["My back is killing me.", "I nearly died laughing.", "I could murder a pizza.", "It really hit me when she left.", "I'd rather die than sing karaoke."])(
    "an idiom raises nothing: %j",
    (line) => {
      expect(ownOn([line], "seg-1")).toEqual([]);
    },
  );

  it("wasting one's life or time is no drinking; getting wasted is", () => {
    expect(ownOn(["Honestly I have been wasting my life in this job."], "seg-1")).toEqual([]);
    expect(ownOn(["I was wasting so much time on my phone."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I got wasted again on Saturday night."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["I was completely wasted by nine."], "seg-1"))).toEqual(["substance"]);
    // Said as "wasted", what follows does not matter: the words as said are read too.
    expect(categoriesOf(ownOn(["I was wasted the whole weekend."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["I'm wasted."], "seg-1"))).toEqual(["substance"]);
    // A thing or a time wasted, or "a waste", is no drinking.
    for (const line of ["It feels like my weekends are all wasted.", "It was a waste of time.", "That was a waste.", "All that effort was wasted.", "My talent is wasted in this job."]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
  });

  it.each(["I cut myself shaving.", "I fell down the stairs and cut my leg.", "I burned my hand on the oven."])("an accident is not self-harm: %j", (line) => {
    expect(ownOn([line], "seg-1")).toEqual([]);
  });

  describe("rules 6", () => {
    it("a relative named as an object is not the subject: 'I went to my sister's and got hammered' is the speaker's", () => {
      expect(ownOn(["i went to my sisters and got absolutely hammered"], "seg-1")).toMatchObject([{ category: "substance", subject: "speaker" }]);
      // A relative who is the subject still makes it someone else's.
      expect(ownOn(["my sister drinks every night"], "seg-1")).toEqual([]);
    });

    it("'not as much' compares, it does not deny: 'not as much, just a few cans at the weekend' is use", () => {
      expect(categoriesOf(ownOn(["not as much just like at the weekend a few cans"], "seg-1"))).toEqual(["substance"]);
      expect(ownOn(["I don't drink, not even a few cans."], "seg-1")).toEqual([]);
    });

    it("'I don't know, like…' is a hedge, not a denial of what follows", () => {
      expect(categoriesOf(ownOn(["i dont know like three weeks ago i cut my arm on the bus home"], "seg-1"))).toEqual(["self_harm"]);
      // Without the hedge the same words are a denial.
      expect(ownOn(["i dont cut my arm on the bus home or anywhere"], "seg-1")).toEqual([]);
    });

    it("'not on purpose' is an accident's word, not a sign of a deliberate act", () => {
      expect(ownOn(["oh then no not on purpose i just fell off my bike on tuesday and skinned my whole knee till it bled"], "seg-1")).toEqual([]);
      expect(categoriesOf(ownOn(["I fell on purpose, I threw myself down the stairs."], "seg-1"))).toEqual(["self_harm"]);
    });

    it.each([
      "i ate so much i thought i would die",
      "if he gets custody i swear i'll kill myself i mean not literally",
      "I'm going to kill him, honestly, I'm going to wring his neck.",
      "We did a module on suicide prevention last week, for the youth work.",
      "I really shot myself in the foot with that email.",
      "I just have to bite the bullet and ring them.",
      "I jumped the gun and told everyone.",
      "I'm trying to hang in there.",
      "I hurt myself laughing at that video.",
      "I nearly killed myself carrying the sofa up the stairs.",
      "I'd jump off a cliff for her, she's that good a friend.",
      "I'm going to kill myself if I have to hear that song again, joking.",
    ])("a saying raises nothing: %j", (line) => {
      expect(ownOn([line], "seg-1")).toEqual([]);
    });

    it("saying how they would do it, answering a question about suicide, is read as the answer it is", () => {
      const example = "I've thought about it properly. How I'd do it.";
      expect(categoriesOf(ownOn(["I've been thinking about killing myself.", "T: Have you thought about when?", example], "seg-3"))).toContain("active_ideation");
      expect(categoriesOf(ownOn(["Work has been busy.", "T: What's the plan?", example], "seg-3"))).not.toContain("active_ideation");
    });

    it("handing the means over to someone is a safety step, not giving things away", () => {
      const afterSuicideTalk = ["I've had thoughts of hanging myself.", "T: What have you done to keep yourself safe?"];
      expect(categoriesOf(ownOn([...afterSuicideTalk, "I've given the belt to my flatmate."], "seg-3"))).not.toContain("preparatory_behaviour");
      expect(categoriesOf(ownOn([...afterSuicideTalk, "I gave my nan my necklace and my brother my PlayStation."], "seg-3"))).toContain("preparatory_behaviour");
    });
  });

  describe("rules 5", () => {
    it("a hyphen inside a word joins its parts: 'self-harmed' reads as 'self harmed'", () => {
      expect(ownOn(["I self-harmed all through sixth form, that was twelve years ago."], "seg-1")).toMatchObject([{ category: "self_harm", temporality: "history" }]);
      expect(categoriesOf(ownOn(["the self-harm is back"], "seg-1"))).toEqual(["self_harm"]);
    });

    it("a run of negated verbs said without commas keeps each negation: 'don't smoke don't vape' is no use", () => {
      expect(ownOn(["nah i dont smoke dont vape dont drink none of it"], "seg-1")).toEqual([]);
      // The verb after the run is affirmed again.
      expect(categoriesOf(ownOn(["i dont smoke i just drink every night"], "seg-1"))).toEqual(["substance"]);
    });

    it("a cue said twice is one: 'no no drink' is a denial", () => {
      expect(ownOn(["oh no no drinking no drugs just loads of work"], "seg-1")).toEqual([]);
    });

    it("a denial closing the sentence takes the named risk back: 'Suicidal, no.'", () => {
      expect(ownOn(["Tired, yes. Suicidal, no."], "seg-1")).toEqual([]);
      expect(ownOn(["cutting drugs all that no never"], "seg-1")).toEqual([]);
      // But not a "no" that was what someone said, nor "no joke".
      expect(categoriesOf(ownOn(["She wouldn't stop when I said no."], "seg-1"))).toEqual(["abuse"]);
      expect(categoriesOf(ownOn(["I want to die, no joke."], "seg-1"))).toContain("passive_death_wish");
    });

    it("another clause's negation does not reach a new subject after its verb", () => {
      expect(categoriesOf(ownOn(["when he won't stop crying I want to throw him at the wall"], "seg-1"))).toEqual(["harm_to_others"]);
      // A reporting verb carries it on: "I'm not saying I want to die" stays a denial.
      expect(ownOn(["I'm not saying I want to die."], "seg-1")).toEqual([]);
    });

    it("a clause denied as a whole stays denied: 'it's not like he hit me'", () => {
      for (const line of ["It's not like he hit me or anything.", "It's not as if he hit me.", "it's not as though I want to die"]) {
        expect(ownOn([line], "seg-1"), line).toEqual([]);
      }
      // "like" alone carries no denial from an earlier clause.
      expect(categoriesOf(ownOn(["I didn't say anything, like he hit me for nothing."], "seg-1"))).toEqual(["abuse"]);
    });

    it("a mistake said outright is no method, misuse or self-harm", () => {
      const afterSuicideTalk = ["I've had thoughts of ending my life.", "T: Are there tablets at home?", "I took my heart tablets twice on Tuesday by accident, I forgot I'd had them."];
      expect(ownOn(afterSuicideTalk, "seg-3")).toEqual([]);
      expect(ownOn(["i took a double dose of my inhaler by accident"], "seg-1")).toEqual([]);
    });

    it("medication taken as prescribed is no substance use; taken beyond it is", () => {
      expect(ownOn(["Gabapentin for my nerve pain, 300 mg three times a day."], "seg-1")).toEqual([]);
      expect(categoriesOf(ownOn(["The doctor says two a day but I take four at once to feel floaty."], "seg-1"))).toEqual(["substance"]);
    });

    it("a sentence naming no one keeps the previous sentence's someone else", () => {
      const found = findings(["My brother drinks every day. Two bottles of wine, easy."]);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((finding) => finding.subject === "other_person")).toBe(true);
      // With a word for the speaker, it is the speaker's own.
      expect(categoriesOf(ownOn(["My brother drinks. I have two bottles of wine a night."], "seg-1"))).toEqual(["substance"]);
    });

    it("throwing oneself, or hitting one's own face, is never an accident", () => {
      expect(categoriesOf(ownOn(["I threw myself down the stairs last night."], "seg-1"))).toEqual(["self_harm"]);
      expect(categoriesOf(ownOn(["i keep slapping my own face at work when i mess up"], "seg-1"))).toEqual(["self_harm"]);
    });

    it("asking whether something counts, or naming a risk as a question, discloses nothing", () => {
      expect(ownOn(["Is picking my lip self-harm?"], "seg-1")).toEqual([]);
      expect(ownOn(["And self-harm, burning or anything like that?"], "seg-1", false)).toEqual([]);
      // "As in" explaining oneself is no question.
      expect(categoriesOf(ownOn(["as in i wont be here for christmas"], "seg-1"))).toContain("suicide_intent_or_plan");
    });

    it("reads everyday idioms as idioms: a lead balloon, cracked ribs", () => {
      expect(ownOn(["The talk went down like a lead balloon."], "seg-1")).toEqual([]);
      expect(ownOn(["I cracked two ribs falling off my bike."], "seg-1")).toEqual([]);
    });
  });

  it("a patient asking what a question means is not disclosing", () => {
    expect(ownOn(["T: Any thoughts of hurting yourself?", "What do you mean by hurting myself?"], "seg-2")).toEqual([]);
    expect(ownOn(["T: Any thoughts of hurting yourself?", "Hurting myself as in cutting?"], "seg-2")).toEqual([]);
  });

  it.each([
    ["I used to cut when I was fifteen but I haven't in years.", "self_harm"],
    ["When I was a kid my dad used to beat me.", "abuse"],
    ["I stopped drinking two years ago.", "substance"],
  ] as const)("past and over is history: %j", (line, category) => {
    expect(ownOn([line], "seg-1")).toContainEqual(expect.objectContaining({ category, temporality: "history" }));
  });

  it("something happening again now is current, whatever happened before", () => {
    expect(ownOn(["I used to cut, and I started again last week."], "seg-1")).toContainEqual(expect.objectContaining({ category: "self_harm", temporality: "current" }));
  });

  it("an injury the patient did to themselves is self-harm, not abuse", () => {
    expect(categoriesOf(ownOn(["I bite the inside of my arm until it leaves marks."], "seg-1"))).toEqual(["self_harm"]);
    expect(categoriesOf(ownOn(["He hits me when he's drunk."], "seg-1"))).toContain("abuse");
  });
});

describe("embedded risk screen: a way of dying is a way with the place it kills", () => {
  it.each([
    "I keep thinking about jumping off the bridge.",
    "I could throw myself off the multi-storey car park.",
    "I thought about walking into traffic.",
    "Some nights I want to drive into a tree.",
    "i'd just walk into the sea",
    "I want to lie down on the tracks.",
    "I thought of lying down in front of a train.",
    "I'd throw myself under a bus.",
    "I nearly stepped over the edge.",
    "Some days I feel like jumping over the bridge on my way home.",
    "I thought about throwing myself over the side.",
    "I could jump off the platform.",
  ])("%j names a method", (line) => {
    expect(categoriesOf(ownOn([line], "seg-1"))).toContain("suicide_method");
  });

  it.each([
    "I walked into the building and saw my boss.",
    "We drove over the bridge to see my mum.",
    "I stepped onto the platform and the train was late.",
    "I stepped off the train at the wrong stop.",
    "The kids fell off the wall at the park.",
    "I walked into the train station to meet her.",
    "The van nearly crashed into the shop front on our road.",
  ])("%j is everyday movement, no method", (line) => {
    expect(findings([line]).filter((finding) => finding.category === "suicide_method")).toEqual([]);
  });
});

describe("embedded risk screen: context rules, second round", () => {
  it.each([
    ["If I see him in the pub again I'm going to glass him.", "harm_to_others"],
    ["He said if I ever leave he'll kill me.", "abuse"],
  ] as const)("a risk that opens the clause after a condition is what would follow, not the condition: %j raises %s", (line, category) => {
    expect(categoriesOf(ownOn([line], "seg-1"))).toContain(category);
  });

  it("'says I' and 'imagine' mid-sentence are no condition; at the start of a sentence they are", () => {
    expect(categoriesOf(ownOn(["The voice says I'd be doing everyone a favour if I was gone."], "seg-1"))).toContain("passive_death_wish");
    expect(categoriesOf(ownOn(["I imagine I'd just step in front of a train."], "seg-1"))).toContain("suicide_method");
    expect(ownOn(["Say I felt like killing myself again, I'd ring the crisis line."], "seg-1")).toEqual([]);
  });

  it("a condition the patient dwells on is rumination, not a hypothetical", () => {
    expect(categoriesOf(ownOn(["I keep wondering whether anyone would notice if I took all my tablets."], "seg-1"))).toContain("suicide_method");
    expect(ownOn(["If I ever took all my tablets, my sister would find me."], "seg-1").filter((finding) => finding.category === "suicide_method")).toEqual([]);
  });

  it("an overdose or poison said not to be meant to kill is self-harm, in any sentence of the turn", () => {
    const lines = ["I drank bleach last month. Not enough to die. I just wanted to hurt."];
    expect(categoriesOf(ownOn(lines, "seg-1"))).toEqual(["self_harm"]);
    expect(categoriesOf(ownOn(["i took loads of ibuprofen on saturday not to die just to feel something"], "seg-1"))).toEqual(["self_harm"]);
    expect(categoriesOf(ownOn(["I took all my tablets on Saturday."], "seg-1"))).toContain("suicide_method");
  });

  it("abuse done to the patient is the patient's, whoever did it, and never recorded as someone else's", () => {
    expect(ownOn(["On Friday he left marks on my legs."], "seg-1")).toContainEqual(expect.objectContaining({ category: "abuse", subject: "speaker" }));
    const found = findings(["She left bruises on my arms."]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((finding) => finding.subject === "speaker")).toBe(true);
  });

  it("a comparison with the past keeps the risk current: 'more than I used to' is not history", () => {
    expect(ownOn(["I'm drinking more than I used to."], "seg-1")).toContainEqual(expect.objectContaining({ category: "substance", temporality: "current" }));
    expect(ownOn(["I used to drink a lot when I was at uni."], "seg-1")).toContainEqual(expect.objectContaining({ category: "substance", temporality: "history" }));
  });

  it("speech recognition's 'whats', 'id', 'hes' read as said, and 'like what' mid-sentence is no clarifying question", () => {
    expect(categoriesOf(ownOn(["i just dont want to wake up tomorrow honestly like whats the point"], "seg-1"))).toContain("passive_death_wish");
    expect(ownOn(["T: Any thoughts of hurting yourself?", "Hurt myself like what?"], "seg-2")).toEqual([]);
  });

  it("hears wondering what the point of it all is as asking it, and no point of a thing as none", () => {
    for (const line of ["Sometimes I sit there at night and I wonder what the point of it all is, really.", "What's the point of it all?", "i keep thinking what the point of any of it is"]) {
      expect(ownOn([line], "seg-1").map((finding) => [finding.category, finding.rule]), line).toEqual([["passive_death_wish", "passive.no_point"]]);
    }
    for (const line of ["I wonder what the point of the exercise is.", "I asked what the point of the meeting was.", "What's the point of it, the form I mean?"]) expect(ownOn([line], "seg-1"), line).toEqual([]);
  });

  it("hears a wound where accidents leave one, and pins and needles, as no harm and no drug use", () => {
    for (const roles of [true, false]) {
      expect(findings(["T: Any numbness or tingling, pins and needles, anything like that?", "P: Sometimes at night. And I had a cut on my heel last month that I didn't even know was there till I saw the blood on my sock.", "T: Is it healed now?", "P: Yeah, it's healed up now."], roles)).toEqual([]);
      expect(findings(["T: any numbness or tingling pins and needles anything like that", "P: sometimes at night a bit of tingling in my toes and i had a cut on my heel last month", "T: is it healed now", "P: yeah its healed up now"], roles)).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I cut on my arm again last night."], "seg-1"))).toEqual(["self_harm"]);
    expect(categoriesOf(ownOn(["I've been sharing needles again."], "seg-1"))).toEqual(["substance"]);
    for (const line of ["I hate needles.", "I'm scared of needles, always have been.", "I don't like needles."]) expect(ownOn([line], "seg-1"), line).toEqual([]);
  });

  it("hears something that may come back on someone, or not coming back to a place, as no wish to be gone", () => {
    expect(findings(["T: We could talk about how to do it so it doesn't come back on you. Could we meet again on Thursday?", "P: Yeah, Thursday's fine."])).toEqual([]);
    expect(ownOn(["I'm not coming back to work this week."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I'm just not coming back."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["sometimes i think i'll just go to sleep and never come back"], "seg-1"))).toEqual(["passive_death_wish"]);
  });

  it("hears safety-netting as an instruction: a yes to it agrees to ring for help, and pages nothing", () => {
    const lines = [
      "T: Have you had any thoughts of harming yourself?",
      "P: No. Never.",
      "T: Before I go, if things start to feel worse, or if you ever did have thoughts of harming yourself or Theo, I want you to ring the GP, or 111, straight away. Or me. Is that okay?",
      "P: Yeah. Yeah, I will.",
    ];
    expect(findings(lines)).toEqual([]);
    // A question that asks outright is still one.
    expect(categoriesOf(ownOn(["T: Have you had any thoughts of harming yourself lately?", "P: Yeah."], "seg-2")).length).toBeGreaterThan(0);
  });

  it("reads a pronoun handed over up to four turns after the means was named, and the means in what holds them", () => {
    const lines = [
      "T: What do you use?",
      "P: Blades. Out of a pencil sharpener. I've got them in a tin in my drawer.",
      "T: How would you feel about those not being in your room?",
      "P: I'd feel a bit panicky, I think.",
      "T: That makes sense. What would feel possible?",
      "P: I could give them to my mum, I suppose.",
      "T: Let's write that in: give the tin of blades to Mum when you get home today.",
      "P: Yeah.",
    ];
    const found = findings(lines);
    expect(found.filter((finding) => finding.category === "preparatory_behaviour")).toEqual([]);
    expect(found.filter((finding) => finding.evidence.some((span) => span.segmentId === "seg-7"))).toEqual([]);
  });

  it("hears being pushed back into a wall as abuse, a tablet's time as no use of a substance, and where tablets will be kept as medicine", () => {
    expect(categoriesOf(ownOn(["And when I got in he was really angry, and he pushed me, and I went back into the wall in the hallway."], "seg-1"))).toEqual(["abuse"]);
    expect(categoriesOf(ownOn(["Some nights I think about driving into a tree."], "seg-1"))).toContain("suicide_method");
    expect(findings(["T: Do you want to set the alarm now?", "P: Ten o'clock, every day."])).toEqual([]);
    expect(categoriesOf(ownOn(["Ten cans every night."], "seg-1"))).toEqual(["substance"]);
    expect(findings(["T: And where will you keep the tablets?", "P: Next to the telly."])).toEqual([]);
  });

  it("quotes an answer by its first sentence that says more than a hesitation", () => {
    const found = ownOn(["T: Have you been having any thoughts of killing yourself?", "(pause) Um. Yeah. Yeah, I have."], "seg-2");
    expect(found.map((finding) => [finding.category, finding.quote])).toEqual([["active_ideation", "Yeah."]]);
  });

  it("reads a time said as back around, at or over as past", () => {
    expect(ownOn(["Back around Christmas I did sometimes think it'd be easier if I wasn't here."], "seg-1").map((finding) => finding.temporality)).toEqual(["history"]);
  });

  it("hears a drug worker's talk of overdose risk as how using harms, no talk of suicide", () => {
    const lines = [
      "T: So that's on top of the sixty. That's the bit that worries me, 'cause the two together, that's where the overdose risk really goes up, especially if your tolerance for the gear's dropped. Were you on your own?",
      "P: Tuesday I was with Lee. Saturday, yeah, on my own.",
      "T: What led up to it?",
      "P: He came round and I just thought, well, I know where to get it, and that was that.",
    ];
    expect(findings(lines)).toEqual([]);
    // Suicide named outright in the same sentence is still talk of it.
    expect(findings(["T: The overdose risk goes up, and I need to ask, have you thought about killing yourself?", "P: Yeah, sometimes."]).map((finding) => finding.category)).toContain("active_ideation");
  });

  it("reads finding out how much was lost, spent or drunk as no research of a means", () => {
    expect(ownOn(["My wife found out how much I've lost."], "seg-1")).toEqual([]);
    expect(ownOn(["I checked how much I'd spent on the apps."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I looked up how much it would take."], "seg-1"))).toContain("preparatory_behaviour");
  });

  it("hears 'not have anything to live for' as nothing to live for, but not with someone still to live for", () => {
    expect(categoriesOf(ownOn(["I don't really have anything to live for."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["I haven't got anyone left to live for."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["I don't really have anything to live for besides my kids."], "seg-1")).toEqual([]);
    expect(ownOn(["I don't really have anything to live for except my daughter."], "seg-1")).toEqual([]);
  });

  it("reads not existing as the speaker's own wish only: a thing not existing, or being ignored, is none", () => {
    expect(categoriesOf(ownOn(["I just don't exist anymore."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["Sometimes I want to not exist."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["She says the mice in the loft don't exist."], "seg-1")).toEqual([]);
    expect(ownOn(["It doesn't exist."], "seg-1")).toEqual([]);
    expect(ownOn(["He acts like I don't exist."], "seg-1")).toEqual([]);
    expect(ownOn(["To them I don't exist."], "seg-1")).toEqual([]);
    expect(ownOn(["They treat me like I don't exist."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I feel like I don't exist."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["I honestly wish I could just not exist."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["T: Do you mean sleep?", "Properly not exist."], "seg-2"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["Without her the club wouldn't exist."], "seg-1")).toEqual([]);
  });

  it("a bite is abuse when a person bites, not an animal or an insect", () => {
    expect(categoriesOf(ownOn(["My brother bites me when mum is out."], "seg-1"))).toEqual(["abuse"]);
    expect(ownOn(["The dog bit me last week."], "seg-1")).toEqual([]);
    expect(ownOn(["There are fleas in the flat. They bite me at night."], "seg-1")).toEqual([]);
  });

  it("reads 'easier if I just died / didn't wake up' as a wish to be dead, and a wish never as a plan", () => {
    for (const line of ["It'd be easier if I just died.", "Sometimes I think it'd be easier if I just went to sleep and didn't wake up.", "It would be easier if I didn't wake up."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toEqual(["passive_death_wish"]);
    }
    // "I could go to…" is no "I'm going to…": a wish to sleep and not wake is a passive wish (listed to review), never a plan (which pages).
    expect(categoriesOf(ownOn(["I wish I could go to sleep and not wake up."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["I'm going to go to sleep and never wake up."], "seg-1"))).toContain("suicide_intent_or_plan");
    expect(ownOn(["It would be easier if I just went to bed early."], "seg-1")).toEqual([]);
  });

  it("reads what others make of the speaker ('acting like I'm on heroin') as no act of the speaker's", () => {
    expect(ownOn(["Like, she's acting like I'm on heroin or something."], "seg-1")).toEqual([]);
    expect(ownOn(["They look at me like I'm going to kill myself."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I'm on heroin most weekends."], "seg-1"))).toEqual(["substance"]);
  });

  it("reads a stop wanted, tried or to come as use now, not as use stopped", () => {
    for (const line of ["I want to quit smoking.", "I'm trying to stop drinking.", "I'm going to stop drinking."]) {
      const found = ownOn([line], "seg-1");
      expect(categoriesOf(found), line).toEqual(["substance"]);
      expect(found.map((finding) => finding.temporality), line).toEqual(["current"]);
    }
    expect(ownOn(["I stopped drinking two years ago."], "seg-1").map((finding) => finding.temporality)).toEqual(["history"]);
    expect(ownOn(["I had to stop drinking because of my liver."], "seg-1").map((finding) => finding.temporality)).toEqual(["history"]);
    // Someone else's stop is theirs.
    expect(ownOn(["He needs to stop drinking, or I'm leaving."], "seg-1")).toEqual([]);
  });

  it("reads thinking of just not being here, and being better off not waking up, as a wish to be dead", () => {
    expect(categoriesOf(ownOn(["Sometimes I think about just not being here."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["I'd be better off not waking up."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["I thought about not being at the wedding."], "seg-1")).toEqual([]);
  });

  it("reads 'I did it again' after the other speaker named the cutting as self-harm done again, to review", () => {
    const found = ownOn(["T: Last week you told me about the cutting. How has this week been?", "I did it again on Tuesday. After the thing with my dad."], "seg-2");
    expect(found.map((finding) => [finding.category, finding.basis, finding.quote])).toEqual([["self_harm", "answer_to_other_question", "I did it again on Tuesday."]]);
    expect(ownOn(["T: Last week you told me about the cutting. How has this week been?", "I haven't done it again. I used the ice."], "seg-2")).toEqual([]);
    expect(ownOn(["T: Last week you told me about the cutting. How has this week been?", "Good. I'm doing better."], "seg-2")).toEqual([]);
    expect(ownOn(["T: Did you go to the gym this week?", "I did it again on Tuesday."], "seg-2")).toEqual([]);
    expect(ownOn(["T: Have you managed to cut down this week?", "I slipped up on Saturday."], "seg-2").filter((finding) => finding.category === "self_harm")).toEqual([]);
  });

  it("hears 'ending my life' as a speech engine mishears it, only after thinking of or wanting it", () => {
    expect(categoriesOf(ownOn(["I'm thinking about and in my life."], "seg-1"))).toEqual(["active_ideation"]);
    expect(categoriesOf(ownOn(["Sometimes I want to end in my life."], "seg-1"))).toEqual(["active_ideation"]);
    expect(categoriesOf(ownOn(["I've been thinking about ending my live."], "seg-1"))).toEqual(["active_ideation"]);
    expect(ownOn(["I've been thinking about it and in my life I never felt this."], "seg-1")).toEqual([]);
    expect(ownOn(["There's a lot going on at work and in my life."], "seg-1")).toEqual([]);
    expect(ownOn(["I wanna live my life and in my life there's room for him."], "seg-1")).toEqual([]);
  });

  it("the latest screening question decides what a yes means, not the risk disclosed before it", () => {
    const lines = ["I punch myself when I'm angry.", "T: And have you had thoughts of ending your life?", "Yeah, sometimes."];
    expect(ownOn(lines, "seg-3")).toMatchObject([{ category: "active_ideation", rule: "answer.yes_to_screening_question" }]);
  });
});

describe("embedded risk screen: speakers and dialogue", () => {
  it("raises nothing on the therapist's screening questions", () => {
    const found = findings(["T: Have you had thoughts of killing yourself? What about your heroin use?", "No."]);
    expect(found).toEqual([]);
  });

  it("with no roles, a question about the listener's own risk raises nothing, whoever asked it", () => {
    expect(findings(["How much are you drinking every night?", "A bottle of wine."], false).map((finding) => finding.evidence[0]?.segmentId)).toEqual(["seg-2"]);
  });

  it("with no roles (a mono recording), a screening question raises nothing, but the patient's words still do", () => {
    const found = findings(["Have you had thoughts of killing yourself?", "I want to kill myself."], false);
    expect(found.map((finding) => finding.evidence[0]?.segmentId)).toEqual(["seg-2"]);
  });

  it("a yes to a screening question says what the question asked", () => {
    expect(ownOn(["T: Have you had thoughts of ending your life?", "Yeah, sometimes."], "seg-2")).toMatchObject([
      { category: "active_ideation", rule: "answer.yes_to_screening_question", quote: "Yeah, sometimes." },
    ]);
  });

  it("a yes is an answer to a named question only when the question named suicide, ending one's life, hurting oneself or someone", () => {
    const basisOfYes = (question: string) => ownOn([`T: ${question}`, "Yeah, sometimes."], "seg-2").map((finding) => finding.basis);
    expect(basisOfYes("Have you had thoughts of ending your life?")).toEqual(["answer_to_named_question"]);
    expect(basisOfYes("Have you thought about suicide?")).toContain("answer_to_named_question");
    expect(basisOfYes("Have you been hurting yourself?")).toContain("answer_to_named_question");
    // A question that names no such thing: a yes to it is a reply to another question, never a page.
    for (const basis of basisOfYes("Are you drinking every night?")) expect(basis).toBe("answer_to_other_question");
    const followUp = ownOn(["I cut my arms last night.", "T: How often has that been happening?", "Most nights this week."], "seg-3");
    expect(followUp.map((finding) => finding.basis)).toEqual(["answer_to_other_question"]);
  });

  it("says a first-person current statement of a paging category is a statement; a therapist-style reflection is not", () => {
    expect(ownOn(["I want to kill myself."], "seg-1", false)).toMatchObject([{ category: "active_ideation", basis: "statement" }]);
    expect(ownOn(["I told you I've been cutting myself again."], "seg-1", false).map((finding) => finding.basis)).toContain("statement");
    // One microphone: the therapist's reflection of what the patient said is no statement of the speaker's.
    for (const line of ["You told me you've been cutting yourself again.", "So you've been cutting your arms again."]) {
      expect(findings([line], false).filter((finding) => finding.basis === "statement")).toEqual([]);
    }
    // Past risk, someone else's, a substance: mentions.
    expect(ownOn(["I used to drink a lot when I was at uni."], "seg-1").map((finding) => finding.basis)).toEqual(["mention"]);
    expect(ownOn(["I drink a bottle of wine every night."], "seg-1").map((finding) => finding.basis)).toEqual(["mention"]);
  });

  it("a no to a screening question raises nothing", () => {
    expect(ownOn(["T: Have you had thoughts of ending your life?", "No, never."], "seg-2")).toEqual([]);
  });

  it("an answer to a follow-up question about a risk just disclosed says more about it", () => {
    const lines = ["I cut my arms last night.", "T: How often has that been happening?", "Most nights this week."];
    expect(categoriesOf(ownOn(lines, "seg-3"))).toEqual(["self_harm"]);
    // Asked what was meant, the answer is read in its own words.
    const meant = ["I can't carry on like this, can I?", "T: What do you mean by that?", "I mean the marriage."];
    expect(ownOn(meant, "seg-3")).toEqual([]);
    expect(categoriesOf(ownOn([meant[0]!, meant[1]!, "I mean I want to die."], "seg-3"))).toContain("passive_death_wish");
  });

  it("reads 'ending it' as naming suicide after a wish to be dead stated earlier in the same turn, as after one in the turns before", () => {
    const ending = (found: RiskFinding[]) => found.filter((finding) => finding.category === "active_ideation").map((finding) => finding.basis);
    expect(ending(ownOn(["That everyone would be better off without me. I've been thinking about ending it."], "seg-1"))).toEqual(["statement"]);
    expect(ending(ownOn(["That everyone would be better off without me.", "T: Go on.", "I've been thinking about ending it."], "seg-3"))).toEqual(["statement"]);
    // Said alone, or after words that state nothing, it is listed to review.
    expect(ending(ownOn(["I've been thinking about ending it."], "seg-1"))).toEqual(["mention"]);
    expect(ending(ownOn(["Work has been awful. I've been thinking about ending it."], "seg-1"))).toEqual(["mention"]);
  });

  it("reads the speaker better off where the dead are as a wish to be with them; someone who died better off is none", () => {
    expect(categoriesOf(ownOn(["Since mum died it's been hard. Sometimes I think I'd be better off up there with her."], "seg-1"))).toEqual(["passive_death_wish"]);
    for (const line of ["He's better off in heaven now, no more pain.", "I'd be better off with her than with him."]) {
      expect(findings([line]), line).toEqual([]);
    }
  });

  it("reads being afraid of what someone will do as a threat, and of what they will say or think as none", () => {
    for (const line of ["I'm scared of what she'll say.", "Maybe. I'm scared of what the midwife will say.", "I'm terrified of what they think of me."]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I'm terrified of what he might do."], "seg-1"))).toEqual(["abuse"]);
  });

  it("an answer to a question of how much a change matters, or how sure of it one is, says nothing more of the risk", () => {
    for (const question of ["T: On a scale of one to ten, how important is it to you to stop?", "T: And how confident are you that you could cut down?", "T: How ready do you feel to stop?"]) {
      expect(ownOn(["I smoke about twenty a day.", question, "Probably like an eight."], "seg-3"), question).toEqual([]);
    }
    // How much of the use is still asked about.
    expect(categoriesOf(ownOn(["I smoke about twenty a day.", "T: How long have you been smoking that much?", "Since I was about fifteen."], "seg-3"))).toEqual(["substance"]);
  });

  it("an answer to a question of getting help tells of help, not more of the risk", () => {
    for (const question of ["T: Would you be willing to call Dan if the thoughts come back?", "T: could you ring the crisis line if it gets worse", "T: Will you save the crisis number in your phone today?", "T: How are you feeling about the plan?", "T: Would you be willing to call me tomorrow?", "T: could you text us tonight"]) {
      expect(ownOn(["I've been thinking about killing myself.", question, "Yes, I'll call him tonight if it gets bad."], "seg-3"), question).toEqual([]);
    }
    // Asked to tell or talk of it, the answer says more of it.
    for (const question of ["T: Can you tell me what you've been thinking?", "T: Could you talk to me about the thoughts?"]) {
      expect(categoriesOf(ownOn(["I've been thinking about killing myself.", question, "That I should just do it."], "seg-3")), question).toContain("active_ideation");
    }
  });

  it("a blade named by someone whose cutting is not to die is the means of their self-harm, not a way to die", () => {
    const told = ["I cut my arm again on Friday.", "T: Is it because you want to end your life?", "No. It's just to get the feeling out.", "T: Have you had thoughts of killing yourself?", "No, not at all.", "T: What do you use?", "Razor blades from the bathroom."];
    expect(ownOn(told, "seg-7")).toMatchObject([{ category: "self_harm", text: "Named what they use to hurt themselves" }]);
    // A wish to die told since, the blade is a way to die again.
    const since = [...told.slice(0, 5), "Actually lately I have wanted to die.", "T: What do you use?", "Razor blades from the bathroom."];
    expect(categoriesOf(ownOn(since, "seg-8"))).toEqual(["suicide_method"]);
  });

  it("an act of preparing carries intent or plan and thoughts of suicide as reasons of its one finding (the C-SSRS ladder)", () => {
    // Letters alone do not name suicide: listed to review; said with it, a statement (it may page).
    const found = ownOn(["I've written letters to each of my children."], "seg-1");
    expect(found).toMatchObject([{ category: "preparatory_behaviour", basis: "mention", reasons: ["suicide_intent_or_plan", "active_ideation"] }]);
    const named = ownOn(["I've written letters to each of my children for after I kill myself."], "seg-1");
    expect(named.map((finding) => [finding.category, finding.basis])).toContainEqual(["preparatory_behaviour", "statement"]);
    // Someone else's preparing implies nothing of the patient's.
    expect(ownOn(["My brother wrote letters to each of his children before he died."], "seg-1")).toEqual([]);
  });

  it("quotes the sentence and cites it exactly", () => {
    const lines = ["Work was fine. I just want to die."];
    const [finding] = ownOn(lines, "seg-1");
    expect(finding?.quote).toBe("I just want to die.");
    expect(finding?.evidence).toEqual([{ segmentId: "seg-1", start: 15, end: 34 }]);
  });

  it("reads speech-recognition text: lower case, no punctuation", () => {
    expect(categoriesOf(ownOn(["ive been saving up my pills and i wrote letters to my kids just in case"], "seg-1"))).toEqual(
      expect.arrayContaining<RiskCategory>(["preparatory_behaviour"]),
    );
  });
});

describe("embedded risk screen on a long session", () => {
  it("gives the event loop turns while it reads, and stops when its signal aborts part-way", async () => {
    const long = riskDialogue(Array.from({ length: 450 }, (_, index) => (index % 2 === 0 ? "T: How was the week?" : "Fine, I walked the dog.")));
    const screen = createEmbeddedRiskScreen();
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    await screen.screen(long);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);

    const controller = new AbortController();
    const stopped = screen.screen(long, { signal: controller.signal });
    controller.abort();
    await expect(stopped).rejects.toMatchObject({ code: "provider.interrupted" });
  });
});

describe("embedded risk screen descriptor", () => {
  it("creates the embedded screen from no settings", async () => {
    const screen = await embeddedRiskScreenDescriptor.create();
    expect(embeddedRiskScreenDescriptor.settings.parse({})).toEqual({});
    expect(screen.provider).toBe("embedded");
    expect(await screen.screen(riskDialogue(["I want to die."]))).toMatchObject({ status: "screened", findings: [{ category: "passive_death_wish" }] });
  });
});

describe("embedded risk screen: rules on concepts", () => {
  // A concept row raises its category on its examples; a row that needs suicide to have been talked
  // about is tried after a turn that talks of it.
  const opener = "I've been thinking about killing myself.";
  it.each(riskConcepts.flatMap((row) => row.examples.map((example) => [row.id, example, row.category, row.needsSuicideContext ?? false] as const)))(
    "%s raises its category on %j",
    (id, example, category, needsContext) => {
      const lines = needsContext ? [opener, "T: Tell me more.", example] : [example];
      const segment = `seg-${lines.length}`;
      const own = ownOn(lines, segment);
      // Rows come first: the concept's own finding shows where no row already raised the category.
      expect(categoriesOf(own), id).toContain(category);
    },
  );

  it("needs both parts: a future without dying or a means, or a place without a decision, raises nothing", () => {
    for (const line of ["I'm going to the bridge tomorrow to meet my sister.", "I've decided to take the job.", "We walked along the cliffs on Sunday.", "I know exactly how to get there."]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
  });

  it("keeps the context rules: negation, hypothetical, someone else's, an accident, prescribed use", () => {
    expect(ownOn(["I'm not going to kill myself. I'm going to see my mum on Sunday."], "seg-1")).toEqual([]);
    expect(ownOn(["If I ever decided to end it all, I'd call the crisis line first."], "seg-1")).toEqual([]);
    expect(ownOn(["My uncle decided to end his life with his shotgun."], "seg-1").filter((finding) => finding.rule.startsWith("concept."))).toEqual([]);
    expect(ownOn(["I took double my blood pressure tablets by mistake on Monday."], "seg-1")).toEqual([]);
    expect(ownOn(["My doctor gave me codeine for my tooth and I took it like it said."], "seg-1")).toEqual([]);
    // A negation before the concept's words reaches them even when its companion stands before it.
    expect(ownOn(["i dont smoke i dont vape i dont drink i literally just drink tea all day"], "seg-1")).toEqual([]);
    expect(ownOn(["I've never taken heroin, crack, or anything like that."], "seg-1")).toEqual([]);
  });

  it("reads control of a phone, money or keys as someone else's doing, not the speaker's own", () => {
    for (const line of ["After dinner I do the dishes or check my phone.", "I keep my phone in the kitchen at night.", "We keep our car keys by the door.", "I check my bank account every day."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).not.toContain("abuse");
    }
    for (const line of ["I found out he checks my phone every night.", "I think Tom checks my phone.", "My husband has my bank card."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toContain("abuse");
    }
  });

  it("reads 'high' before a noun as a measure, not as being high on drugs", () => {
    for (const line of ["I'm high risk so I stay in and keep my distance.", "I've been high school friends with her for years.", "My blood pressure has been high lately.", "We were on the high street all morning."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).not.toContain("substance");
    }
    expect(categoriesOf(ownOn(["I got high before the interview."], "seg-1"))).toContain("substance");
  });

  it("reads a guess at having hurt oneself, with no act told, as a mention to review, never a statement that pages", () => {
    const basisOf = (line: string) => ownOn([line], "seg-1").filter((finding) => finding.category === "self_harm").map((finding) => finding.basis);
    for (const line of ["I guess I hurt myself. People walk all over me.", "I suppose I hurt myself too."]) {
      expect(basisOf(line), line).toEqual(["mention"]);
    }
    for (const line of ["I hurt myself last night.", "I guess I hurt myself on purpose.", "i guess i hurt myself again with the razor", "I guess I cut myself."]) {
      expect(basisOf(line), line).toEqual(["statement"]);
    }
  });

  it("reads being moved or hurt by a thing, looking every which way, a prognosis and being beaten as what they are", () => {
    for (const [line, category] of [
      ["Honestly, that letter touched me so much.", "abuse"],
      ["I was hurt by that remark too.", "abuse"],
      ["I was all over the place, looking every which way.", "preparatory_behaviour"],
      ["The doctors told me I had a year to live, so I put everything in order.", "preparatory_behaviour"],
      ["It all changed when I learned I was going to die of it.", "suicide_intent_or_plan"],
      ["Those lads beat the crap out of me.", "harm_to_others"],
    ] as const) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).not.toContain(category);
    }
    for (const [line, category] of [
      ["My uncle touched me when I was little.", "abuse"],
      ["I was hurt by my stepfather.", "abuse"],
      ["I looked up which tablets would be enough.", "preparatory_behaviour"],
      ["I've put everything in order, the will and the letters.", "preparatory_behaviour"],
      ["I'm ready to die now.", "suicide_intent_or_plan"],
      ["Those lads beat the crap out of me.", "abuse"],
    ] as const) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toContain(category);
    }
  });

  it("reads 'I could die tomorrow' as life's uncertainty, not as when they would do it", () => {
    for (const line of ["Since my brother passed, I keep thinking I could die tomorrow.", "You never know, I might just die next week."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).not.toContain("suicide_intent_or_plan");
    }
    for (const line of ["I'll die tomorrow, I've made up my mind.", "I could kill myself tomorrow."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toContain("suicide_intent_or_plan");
    }
  });

  it("finds the companion in the next sentence of the same turn, not in another turn", () => {
    expect(categoriesOf(ownOn(["To kill myself. On Sunday, when everyone's at church."], "seg-1"))).toContain("suicide_intent_or_plan");
    expect(categoriesOf(ownOn(["On Sunday, when everyone's at church.", "T: And then?", "To kill myself."], "seg-1"))).not.toContain("suicide_intent_or_plan");
  });

  it("reads a step towards help said beside suicidal thoughts as that step, never as a plan to die", () => {
    for (const line of [
      "I've been thinking about ending my life. I'm going to call my sister.",
      "I want to die. On Friday I have an appointment with the crisis team.",
      "I keep thinking about killing myself. Tonight I'll ring the helpline.",
      "I don't want to be alive. Tomorrow I'm going to see my GP.",
      "I've decided to go and stay with my mum. I can't stop thinking about suicide.",
    ]) {
      const found = ownOn([line], "seg-1");
      expect(categoriesOf(found), line).not.toContain("suicide_intent_or_plan");
      expect(categoriesOf(found).some((category) => ["active_ideation", "passive_death_wish"].includes(category)), line).toBe(true);
    }
    for (const line of [
      "I want to die. I'm going to do it tonight.",
      "I want to die. I'm going to take them all tonight.",
      "I want to kill myself. I'm going to see my family one last time tonight.",
      "I want to die. I'm going to call my mum and then kill myself tonight.",
    ]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toContain("suicide_intent_or_plan");
    }
  });

  it("reads a day told of the past, after suicide was talked about, as when it happened, never as a time set for a plan", () => {
    const asked = "T: Last time you told me about the thoughts of killing yourself. How have things been since?";
    for (const line of ["On Tuesday I sat in the car for an hour and thought about driving into the river.", "on tuesday i sat in the car and thought about the river", "On Friday I drove to the bridge and looked down."]) {
      const found = ownOn([asked, line], "seg-2");
      expect(found.filter((finding) => finding.rule === "concept.decided_in_context"), line).toEqual([]);
      // What was said is still there to review: the method, or the act towards it.
      expect(categoriesOf(found).some((category) => ["suicide_method", "preparatory_behaviour"].includes(category)), line).toBe(true);
    }
    // A time still set, a decision, or an act nearly done stays a plan, whatever else is past.
    for (const line of ["On Friday I'm doing it, the river.", "I'll be at the bridge on Friday.", "On Friday I nearly did it, at the bridge.", "On Tuesday I sat in the car and I'm going to do it on Friday, the river.", "yeah i was gonna do it on friday i just couldnt"]) {
      expect(categoriesOf(ownOn([asked, line], "seg-2")), line).toContain("suicide_intent_or_plan");
    }
  });

  it("reads being pulled out of the water, at the end of what was told, as an attempt interrupted; not being pulled out of school", () => {
    const asked = "T: Have you ever tried to kill yourself?";
    expect(categoriesOf(ownOn([asked, "Then in April, this year, I walked into the river. A man pulled me out."], "seg-2"))).toContain("suicide_intent_or_plan");
    for (const line of ["Dad pulled me out of school.", "My mate pulled me out of the party early."]) {
      expect(ownOn([asked, line], "seg-2"), line).toEqual([]);
    }
  });

  it("a threat to someone: an intent or urge with a violent act against a person, not against oneself", () => {
    expect(categoriesOf(ownOn(["I've got this urge to smother the baby with a pillow."], "seg-1"))).toContain("harm_to_others");
    expect(categoriesOf(ownOn(["I've thought about whether I'd ever hurt myself, and honestly, no."], "seg-1"))).not.toContain("harm_to_others");
  });
});

describe("embedded risk screen: what states a wish to be dead", () => {
  const basisOf = (line: string) => ownOn([line], "seg-1").map((finding) => [finding.category, finding.basis]);

  it("a wish to be dead said outright in the speaker's own words is a statement (it never pages: core's rule lists it)", () => {
    expect(basisOf("Most days I want to die.")).toEqual([["passive_death_wish", "statement"]]);
    expect(basisOf("Honestly I have nothing to live for.")).toEqual([["passive_death_wish", "statement"]]);
  });

  it("other passive words, a reflection and reported words stay mentions", () => {
    expect(basisOf("I feel like such a burden to everyone.")).toEqual([["passive_death_wish", "mention"]]);
    expect(findings(["People keep telling me I'd be better off dead."]).filter((finding) => finding.basis === "statement")).toEqual([]);
  });

  it("not wanting to live somewhere or with someone is no wish to be dead; not wanting to live in this world is", () => {
    expect(basisOf("I don't want to live in constant fear of him.")).toEqual([]);
    expect(basisOf("I don't want to keep going back to that job.")).toEqual([]);
    expect(basisOf("I don't want to live in this world anymore.")).toEqual([["passive_death_wish", "statement"]]);
  });

  it("a sentence whose 'I' is left out is the speaker's; a misspelt suicide is still suicide", () => {
    expect(basisOf("want to commit sucide")).toEqual([["active_ideation", "statement"]]);
    expect(basisOf("Want to die.")).toEqual([["passive_death_wish", "statement"]]);
    expect(basisOf("Suicide hotlines never pick up.").filter(([, basis]) => basis === "statement")).toEqual([]);
  });
});

describe("embedded risk screen: sessions written for the tests (rules 52)", () => {
  it("a turn that only holds the floor answers nothing: the question stays open for the words that follow", () => {
    const lines = ["I've been thinking about killing myself.", "T: Have you thought about how you'd do it?", "Um.", "I've got a rope in the car."];
    expect(ownOn(lines, "seg-3")).toEqual([]);
    expect(ownOn(lines, "seg-4").length).toBeGreaterThan(0);
  });

  it("only a transcriber's note holds the floor: words a speaker put in brackets were said", () => {
    expect(ownOn(["T: How are you feeling tonight?", "(long pause)"], "seg-2")).toEqual([]);
    expect(categoriesOf(ownOn(["T: How are you feeling tonight?", "(I honestly want to die)"], "seg-2"))).toEqual(["passive_death_wish"]);
  });

  it("asking leave, or for a step now, asks no more of the risk", () => {
    for (const question of ["T: There's a part of you that rang tonight and I want to talk to that part too, is that ok", "T: Thank you. Can you do it now while you're on the phone to me?"]) {
      expect(ownOn(["I've been thinking about killing myself.", question, "Yeah I guess."], "seg-3"), question).toEqual([]);
    }
  });

  it("the car keys handed to someone are a means made safe", () => {
    const lines = ["I was going to drive to the woods and end it.", "T: Could you give the car keys to Tom for tonight?", "Yeah, ok, I'll give the keys to Tom."];
    expect(ownOn(lines, "seg-3")).toEqual([]);
  });

  it("someone's anger foretold and a game's round are sayings", () => {
    for (const line of ["She'd kill me if she found out I didn't ring.", "My mum will kill me when she sees the bill.", "I'll murder them next round though."]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I'll murder him when he gets home."], "seg-1"))).toEqual(["harm_to_others"]);
  });

  it("once the speaker has named a terminal illness, their dying in bare words and their funeral plans are the illness", () => {
    const told = ["The chemo's stopped. He said it's months rather than years.", "T: How are you sitting with it?"];
    expect(ownOn([...told, "I'm going to die, I know that, and I've made a kind of peace with it."], "seg-3")).toEqual([]);
    expect(ownOn([...told, "And maybe I'll write the funeral bits down."], "seg-3")).toEqual([]);
    // A time set soon, or dying by one's own hand, is no prognosis.
    expect(categoriesOf(ownOn([...told, "I'm going to die tonight."], "seg-3"))).toEqual(["suicide_intent_or_plan"]);
    // Someone else's illness explains nothing of the speaker's dying.
    expect(categoriesOf(ownOn(["T: Your dad's chemo has stopped, hasn't it?", "Yes. And I'm going to die too."], "seg-2"))).toEqual(["suicide_intent_or_plan"]);
  });

  it("asked what they meant, an answer that denies is no more of the risk", () => {
    const lines = ["Some nights I've thought, if it gets really bad, I'd want it over quickly.", "T: Can you help me understand what you mean by over quickly?", "Not... I don't mean I'd do anything. God, no."];
    expect(ownOn(lines, "seg-3")).toEqual([]);
  });

  it("a bath given or had is no method; the bath named after suicide talk is", () => {
    const asked = ["I've had thoughts of ending my life."];
    for (const question of ["T: What would you think about doing a bath with Dan there?", "T: The point is you carry on with the bath anyway."]) {
      expect(ownOn([...asked, "T: Thank you for telling me.", "Okay.", "T: Let's talk about the baby.", "Okay.", question, "Yes. I'll do it."], "seg-7"), question).toEqual([]);
    }
    expect(categoriesOf(ownOn([...asked, "T: Have you thought about how?", "It would be the bath, probably."], "seg-3"))).toContain("suicide_method");
  });

  it("a death recorded and dying of embarrassment are no thoughts of the speaker's; everyone better off, said alone, is a wish to be gone", () => {
    for (const line of ["And then the coroner said \"suicide\" and it was official.", "i wanted to die of embarrassment honestly"]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
    const answer = ["T: Do you ever have thoughts about not wanting to be here?", "Not like, I'm not going to do anything. But sometimes I think everyone'd be better off. Without me kicking off all the time."];
    expect(categoriesOf(ownOn(answer, "seg-2"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["The kids would be better off with a childminder."], "seg-1")).toEqual([]);
  });

  it("a row that went as far as a punch, wanting the arguing to stop, and a state set aside are no attempt or wish to be dead", () => {
    expect(categoriesOf(findings(["T: so on saturday it went as far as punching the door and claire has told you she's scared of you", "yeah when you say it like that it sounds bad"]))).not.toContain("suicide_intent_or_plan");
    // Going as far as a place is an attempt after suicide was talked about; on the way to a baby group it is none.
    expect(categoriesOf(ownOn(["I keep thinking about ending it.", "T: What happened on Sunday?", "I got as far as the bridge."], "seg-3"))).toContain("suicide_intent_or_plan");
    expect(ownOn(["I was going to go to baby sensory, and I got as far as the car park and then I just sat there and drove home."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I'd got as far as thinking that was the weekend I'd do it."], "seg-1"))).toContain("suicide_intent_or_plan");
    expect(ownOn(["no no nothing like that i just want it to stop the arguing i mean"], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I just want it all to stop."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(ownOn(["It was more like being tired of it all, rather than, like, wanting to die, if that makes sense."], "seg-1").filter((finding) => finding.rule === "passive.want_to_die")).toEqual([]);
    // An act set aside was weighed: it stands.
    expect(categoriesOf(ownOn(["But instead of killing myself I went for a walk."], "seg-1"))).toContain("active_ideation");
  });

  it("a place to live sorted, being knocked for six and a question of prison are no plan, abuse or talk of suicide", () => {
    expect(ownOn(["I was meant to have a place sorted before I came out but it fell through."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I've got the date all sorted."], "seg-1"))).toEqual(["suicide_intent_or_plan"]);
    expect(ownOn(["Honestly? Knocked me for six."], "seg-1")).toEqual([]);
    expect(categoriesOf(findings(["T: The notes say heroin was the main thing before you went in.", "Yeah."]))).toEqual(["substance"]);
  });

  it("reads a sentence that ends on \"in.\" or \"no.\" with its last word: \"before I do myself in.\"", () => {
    expect(categoriesOf(ownOn(["I'm giving myself till the autumn before I do myself in."], "seg-1"))).toContain("active_ideation");
  });

  it("a denial of suicide, nothing disclosed, closes the talk of it", () => {
    const denied = [
      "T: Can I ask something I ask everyone? Have you had any thoughts of ending your life?",
      "No. Nothing like that. I've got my lad. I want to see him.",
      "T: And Saturday, when you used, was any part of that about not caring whether you woke up?",
      "No. I just wanted to feel normal for an hour.",
      "T: Thank you.",
      "Yeah.",
      "T: There's residential rehab. It might be worth thinking about.",
      "Nah. Not yet.",
      "T: Fair enough.",
      "Maybe.",
      "T: So let me go over it. You've got the naloxone, you've shown me you know how to use it, and it's going in your jacket.",
      "Yeah. That's it.",
    ];
    expect(findings(denied)).toEqual([]);
    // Something disclosed keeps it open.
    const disclosed = ["T: Have you had thoughts of killing yourself?", "Sometimes, yeah.", "T: Have you worked out how you would do it?", "Yeah."];
    expect(categoriesOf(ownOn(disclosed, "seg-4"))).toContain("suicide_intent_or_plan");
  });

  it("quotes an answer by its yes when it opens setting something aside; a time long past told just after dates the act", () => {
    const answer = ownOn(["T: Are you having thoughts of ending your life at the moment?", "Not like last night. But it's... it's there a bit. In the background."], "seg-2");
    expect(answer.map((finding) => finding.quote)).toContain("But it's... it's there a bit.");
    expect(ownOn(["I crashed. And that's when I took the overdose. Two years ago, nearly. But that was then."], "seg-1").map((finding) => finding.temporality)).toEqual(["history"]);
    expect(ownOn(["I crashed. And that's when I took the overdose. It was awful."], "seg-1").map((finding) => finding.temporality)).toEqual(["current"]);
    expect(ownOn(["I've got too much on, I'm not ill enough for that, you'd have to drag me there."], "seg-1")).toEqual([]);
  });

  it("a joint account, a blunt question, a sleeve rolled up, sleeping like the dead and building bridges are no risk", () => {
    for (const line of [
      "My wages go into the joint account and he moves it.",
      "Sorry to be blunt, but you're wrong.",
      "[rolls up sleeve] He always goes for where it won't show.",
      "I was dead to the world on Tuesday.",
      "He was an engineer, he built bridges, and now he can't do his own buttons up.",
      "He's got the bank app on his phone, he checks it every night.",
    ]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I smoked a joint last night."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["I have a roll-up most mornings."], "seg-1"))).toEqual(["substance"]);
  });

  it("an answer opening \"Oh, no, not that\" denies", () => {
    expect(ownOn(["I can't go on like this.", "T: When you say you can't go on, do you mean you've thought about ending your life?", "Oh — no, not that. I mean the caring."], "seg-3")).toEqual([]);
  });

  it("a prayer to be taken and joining the dead are a wish to be dead; a mistake that could have killed, and a death watched, are none", () => {
    for (const line of ["I pray every night that God takes me soon.", "Ya Allah, take me soon.", "And Inshallah I will join her."]) {
      expect(categoriesOf(ownOn([line], "seg-1")), line).toEqual(["passive_death_wish"]);
    }
    for (const line of ["I'll join her at the cafe later.", "I gave him the wrong dose. I could have killed him.", "I nearly killed a patient.", "And I watched him bleed out."]) {
      expect(ownOn([line], "seg-1"), line).toEqual([]);
    }
    // A denial that takes back its own words still closes the talk of suicide: a medicine named later asks of no method.
    const denied = ["T: Have you had any thoughts of ending your life?", "No. God, no. I feel awful, but I don't want to die.", "T: When the thought about the insulin pops up, jot it down for later.", "That sounds a bit weird. But okay."];
    expect(findings(denied)).toEqual([]);
  });

  it("what keeps them going, dying set aside, a number to ring and the end of the session ask or say nothing of the risk", () => {
    const told = ["But I've thought, if I wasn't here, they'd get the life insurance."];
    expect(ownOn([...told, "T: What stops you?", "The kids, mainly."], "seg-3")).toEqual([]);
    expect(ownOn(["I don't want to die, I want this to stop."], "seg-1")).toEqual([]);
    const recap = "T: So, before you go, we put the block on your phone. And if those thoughts about not being here get stronger, it's 116 123, 111, or A&E.";
    expect(ownOn([...told, recap, "Yeah. That's it."], "seg-3")).toEqual([]);
    // Quoting the listener's words, "before you go" is theirs.
    expect(categoriesOf(ownOn(["I just want things tidy before I go.", "T: When you say before you go, do you mean before you end your life?", "Yes."], "seg-3"))).toContain("suicide_intent_or_plan");
  });

  it("a question opened by \"and\", \"so\" or a filler, as speech recognition gives it, is a question: no answer to the one before", () => {
    // One microphone: the question is known by its words alone.
    const lines = ["T: have you ever tried to end your life", "yeah um when i was seventeen i took a load of pills i havent since", "T: and what about the last year any thoughts like that", "no not really"];
    expect(ownOn(lines, "seg-3", false)).toEqual([]);
  });

  it("the drink given away is a means made safe", () => {
    const lines = ["There's a bottle of prosecco someone gave me for my birthday.", "T: What will you do with it?", "I'll give it to my neighbour."];
    expect(findings(lines).filter((finding) => finding.category !== "substance")).toEqual([]);
  });

  it("'you'll get a letter' is no will and letter; an answer to a question of medicines taken is a prescription", () => {
    expect(findings(["T: I'll do that today. You'll get a letter with a start date.", "Okay."])).toEqual([]);
    expect(findings(["T: How many tablets are you on these days?", "Heart ones, water tablets, the blood thinner. Twelve, fourteen a day."])).toEqual([]);
    expect(categoriesOf(ownOn(["T: How many tablets are you on these days?", "Twelve a day, and more than I should when it's bad."], "seg-2"))).toEqual(["substance"]);
  });
});

describe("embedded risk screen: sessions written for the tests (rules 53)", () => {
  it("a yes is said at the answer's opening or its 'but', never by an 'I'm' inside what is said of someone else", () => {
    const before = ["I keep thinking I'd be better off dead.", "I've still got his tablets in a tin."];
    expect(findings([...before, "T: I'd like to ring your GP and tell her what you've told me about the tablets.", "She'll think I'm a monster."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-4")).toEqual([]);
    expect(categoriesOf(ownOn(["I've thought about crashing the car on the motorway.", "T: Have you decided on a time?", "Not yet. But I've thought about which stretch."], "seg-3"))).toContain("suicide_intent_or_plan");
    expect(categoriesOf(ownOn(["T: Have you had thoughts of ending your life?", "Well, I have."], "seg-2"))).toEqual(["active_ideation"]);
  });

  it("an oath before the no denies, and a denial says no more of the risk just named", () => {
    const turns = ["Some nights I lie there and I think, I can't do this anymore.", "T: Do you ever have thoughts of not wanting to be here, or of harming yourself?", "God, no. No. I'm knackered, I'm fed up, but no."];
    expect(ownOn(turns, "seg-3")).toEqual([]);
  });

  it("someone else's weapon held to the speaker, an offer of a letter and a hope of running are no method, preparation or plan", () => {
    const talk = ["Sometimes I think it was better if I also died there, on that road.", "T: Are you having any thoughts of ending your life now?", "No. No, not like that."];
    expect(categoriesOf(ownOn(talk, "seg-1"))).toEqual(["passive_death_wish"]);
    expect(ownOn([...talk, "T: With a frightened eighteen-year-old pointing a gun at you.", "Mm. Yes."], "seg-5")).toEqual([]);
    expect(ownOn([...talk, "T: And I can write a letter about the nightmares for your file, if you'd like.", "Yes, please."], "seg-5")).toEqual([]);
    expect(ownOn([...talk, "T: And the running?", "Maybe one day I will run again. Not now."], "seg-5")).toEqual([]);
    expect(categoriesOf(ownOn(["One of these days I'll do it."], "seg-1"))).toEqual(["suicide_intent_or_plan"]);
  });

  it("thrown out of home is no assault, and 'last time' of the last session asks nothing more of the risk", () => {
    expect(ownOn(["She knows I got kicked out, but Mum told her it was because I was rude to Dad."], "seg-1")).toEqual([]);
    expect(categoriesOf(ownOn(["I got kicked in the head."], "seg-1"))).toEqual(["abuse"]);
    expect(ownOn(["And a bit of weed most nights this week.", "T: You mentioned a housing officer last time?", "Yeah, so Denise found out the council's got one."], "seg-3")).toEqual([]);
  });

  it("devotion, a fear for someone, a car park driven to for work and a filler 'like' are no risk", () => {
    expect(findings(["Like, I love her, I'd throw myself in front of a bus for her, but I feel like I'm babysitting."])).toEqual([]);
    expect(findings(["I'm terrified of her getting hurt, that's the opposite."])).toEqual([]);
    expect(categoriesOf(ownOn(["I'm terrified of him."], "seg-1"))).toEqual(["abuse"]);
    expect(ownOn(["I keep thinking about ending it.", "T: What's the morning like?", "And then I get to the car park and sit there for ten minutes and then I go in."], "seg-3")).toEqual([]);
    expect(categoriesOf(ownOn(["I keep thinking about ending it.", "T: Where?", "The top of the car park."], "seg-3"))).toEqual(["suicide_method"]);
    expect(findings(["that i'd collapse in the tunnel and i'd just like die there on the floor with everyone looking"])).toEqual([]);
    expect(categoriesOf(ownOn(["I feel betrayed and like dying."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(findings(["They're cracked all across here, from the bleach."]).filter((finding) => finding.category === "substance")).toEqual([]);
    expect(categoriesOf(ownOn(["I've been smoking crack again."], "seg-1"))).toContain("substance");
  });

  it("a year said short and 'that time' closing the sentence tell the past; 'ever since that time' does not", () => {
    const temporalities = (line: string) => findings([line]).map((finding) => finding.temporality);
    expect(temporalities("Back after the surgery in '19, I had a stretch where I thought Linda'd be better off without me.")).toEqual(["history"]);
    expect(temporalities("That's when I cut my arm that time.")).toEqual(["history"]);
    expect(temporalities("He slapped me, and ever since that time, when we fight, he hurts me.")).toEqual(["current"]);
  });

  it("typed chats: someone else's attempt, a look, a test dreaded, anger easing, a laugh before a no and knitting are no risk", () => {
    expect(findings(["a guy in my halls tried to kill himself last year over exams so i get why you ask."]).map((finding) => finding.subject)).toEqual(["other_person"]);
    expect(findings(["she said i looked like death on tuesday lol"])).toEqual([]);
    expect(findings(["i have a maths test tomorrow that im gonna die in lol"])).toEqual([]);
    expect(findings(["still angry but less like i want to murder someone lol"])).toEqual([]);
    expect(ownOn(["i could honestly strangle her.", "T: is that the anger talking, or are you having thoughts of actually hurting her?", "lol no god no. its just a saying."], "seg-3")).toEqual([]);
    expect(findings(["i used to knit hats. i could get the needles out again i suppose"])).toEqual([]);
    expect(categoriesOf(ownOn(["i've started using needles again"], "seg-1"))).toEqual(["substance"]);
  });

  it("typed chats: the family better off with the insurance, and the point of it all asked of nothing named, are wishes to review", () => {
    expect(categoriesOf(ownOn(["sometimes i think theyd be better off with the insurance money"], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["low i suppose. i dont see the point some days"], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["And some days I just lie on the sofa and think, like, what's the point."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(findings(["I don't see the point of the meeting."])).toEqual([]);
  });

  it("an older man's tablets kept back, and taking them all with a drink on a day set, page; a letter started is read after suicide talk", () => {
    const turns = ["T: and are you taking them how she sets them out", "the sleeping ones i've not been taking them all", "T: okay what's been happening with them", "i've been keeping some of them back in case"];
    expect(categoriesOf(ownOn(turns, "seg-4"))).toEqual(["preparatory_behaviour"]);
    const plan = findings(["T: can you tell me what you've been thinking", "it's next thursday it's jean's anniversary and i've thought i might take them all that night with a drop of scotch and just go to sleep"]);
    expect(plan.map((finding) => [finding.category, finding.basis])).toEqual([["suicide_intent_or_plan", "statement"]]);
    expect(categoriesOf(ownOn(["I keep thinking about ending it.", "T: Have you written anything?", "i started a letter for karen it's in the bureau"], "seg-3"))).toEqual(["preparatory_behaviour"]);
    expect(findings(["er the wrist's mending they took the pot off tuesday"])).toEqual([]);
  });

  it("a term glossed in quotes, the speaker's own leaving, a plan to cope and a denial 'it wasn't like' ask or say no more of the risk", () => {
    expect(findings(["Some people put \"kys\" under it.", 'T: "kys" — so, "kill yourself".', "Yeah. It's just what people put."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    expect(findings(["I keep thinking about ending it.", "T: And could you send me that screenshot, on the work phone, before I go?", "I'll do it now."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    expect(findings(["I used to scratch my arms.", "T: So, to recap: the recording every day, and if the urges come up you've got your plan. Same time next Thursday?", "Yeah. Same time."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    expect(findings(["I thought they'd all be better off without me.", "T: Can you say a bit more about that thought?", "It wasn't like — I wasn't going to do anything."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    expect(findings(["I want it to stop jumping out at me."])).toEqual([]);
    expect(categoriesOf(ownOn(["I just want it all to stop."], "seg-1"))).toEqual(["passive_death_wish"]);
  });

  it("a third batch: thinking of taking all the tablets pages; a denial set against a wish, a shift's 'wired' and one more post are no risk", () => {
    const night = findings(["T: have you had any thoughts of harming yourself or ending your life?", "last night was bad. i sat on the bathroom floor with the rest of the box and thought about taking all of them"]);
    expect(night.filter((finding) => finding.basis === "statement").map((finding) => finding.category)).toEqual(["suicide_intent_or_plan"]);
    expect(findings(["no no i don't want to die i just wanted it to stop like the feeling"])).toEqual([]);
    expect(findings(["like i'll get in at half twelve from a late and i'm wired and then next week i'm up at four"])).toEqual([]);
    expect(categoriesOf(ownOn(["I was wired all weekend on speed."], "seg-1"))).toEqual(["substance"]);
    expect(findings(["i swear if she posts one more thing i'll murder her"])).toEqual([]);
    expect(categoriesOf(ownOn(["if he hits her one more time i'll kill him"], "seg-1"))).toEqual(["harm_to_others"]);
    expect(categoriesOf(ownOn(["and think like what's the point"], "seg-1"))).toEqual(["passive_death_wish"]);
  });

  it("a carer's thought of giving her husband the whole lot of his tablets pages as harming someone else", () => {
    const turns = ["T: Have you ever thought about doing anything to bring it about?", "I got the tin down. And I sat at the kitchen table with the sleeping ones in my hand, and I thought, I could give him the whole lot, and nobody would ever know."];
    expect(findings(turns).map((finding) => [finding.category, finding.basis])).toEqual([["harm_to_others", "statement"]]);
    expect(findings(["I give him his tablets every night, the whole lot of them in the dosette box."])).toEqual([]);
  });

  it("a fourth batch: a threat on someone's coming near pages, a weapon kept at the door is listed; the speaker's own blow, a talk, a card, a toy and a film are no risk", () => {
    expect(findings(["If they come near my door again I'll deal with them. I mean it."]).map((finding) => [finding.category, finding.basis])).toEqual([["harm_to_others", "statement"]]);
    expect(categoriesOf(ownOn(["I've got my old baseball bat by the front door now. Just behind it, where I can reach it."], "seg-1"))).toEqual(["harm_to_others"]);
    expect(findings(["T: and if you do hit your head again would you tell me at our next session"]).filter((finding) => finding.category === "abuse")).toEqual([]);
    expect(categoriesOf(ownOn(["He hit my head against the wall."], "seg-1"))).toContain("abuse");
    expect(findings(["I dunno. Not having cans in the fridge, probably. If they're there I'll have them."]).filter((finding) => finding.category === "harm_to_others")).toEqual([]);
    expect(findings(["she did the talk on vaping"])).toEqual([]);
    expect(findings(["I bought a birthday card for my brother and she went through my wallet for the receipt."])).toEqual([]);
    expect(findings(["I keep thinking about ending it.", "T: Are there any weapons at home?", "My grandson's more dangerous with his Nerf gun."]).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    expect(findings(["It's like that film, the whole town getting poisoned through the water and nobody believing them."])).toEqual([]);
    expect(findings(["Someone's trying to poison you, you'd be wound up."])).toEqual([]);
    expect(findings(["If I go, I'm not taking those tablets again."]).filter((finding) => finding.category === "preparatory_behaviour")).toEqual([]);
    expect(categoriesOf(ownOn(["I took way too many pills mixed with alcohol and ended up throwing up."], "seg-1"))).toContain("suicide_method");
  });

  it("a fifth batch: work overdone is no killing oneself, and a safety net asked as a question asks for a promise", () => {
    expect(findings(["honestly im killing myself with these 13hr shifts"])).toEqual([]);
    expect(categoriesOf(ownOn(["I'm killing myself with these pills slowly."], "seg-1"))).toEqual(["active_ideation"]);
    const wish = "some mornings i dont really care if i wake up or not.";
    expect(ownOn([wish, "T: if that gets stronger, or you start having thoughts of acting on it, will you contact your gp, or message us again?", "yes i will. promise"], "seg-3")).toEqual([]);
    expect(ownOn([wish, "T: and if those thoughts ever changed into thoughts of harming yourself would you be okay to ring your gp", "yeah i would yeah"], "seg-3")).toEqual([]);
    // Asked of the risk itself beside the safety net, a yes is still a yes.
    expect(categoriesOf(ownOn([wish, "T: have you had thoughts of harming yourself, and if so did you ring your gp?", "yeah"], "seg-3"))).not.toEqual([]);
  });

  it("a yes to a reflection of the past, said only of the past, is a yes of the past", () => {
    const turns = ["T: In the summer, you told me the voices were telling you to hurt yourself.", "Yeah. They used to tell me to hurt myself. That's when I cut my arm that time."];
    expect(findings(turns).map((finding) => [finding.category, finding.temporality])).toEqual([
      ["self_harm", "history"],
      ["self_harm", "history"],
      ["self_harm", "history"],
    ]);
  });

  it("a sixth batch: an unsure answer leaves the question open; the next words answer it, another question closes it", () => {
    const asked = "T: are you thinking about ending your life?";
    expect(ownOn([asked, "idk", "sometimes"], "seg-3").map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
    expect(ownOn([asked, "I don't know.", "Sometimes, yeah."], "seg-3").map((finding) => finding.quote)).toEqual(["Sometimes, yeah."]);
    expect(findings([asked, "I don't know.", "T: Okay. How's work?", "Yeah, busy."])).toEqual([]);
    expect(ownOn([asked, "um", "T: Take your time.", "Yeah."], "seg-4").map((finding) => finding.category)).toEqual(["active_ideation"]);
  });

  it("a sixth batch: the speaker's next words naming the act's purpose make it stated", () => {
    const researched = "ive been looking up how many of my sertraline it would take";
    const said = (turns: string[], segmentId: string) => ownOn(turns, segmentId).filter((finding) => finding.category === "preparatory_behaviour").map((finding) => finding.basis);
    expect(said(["T: do you want to say more?", researched, "like. to not wake up"], "seg-2")).toEqual(["statement"]);
    expect(said(["T: do you want to say more?", researched], "seg-2")).toEqual(["mention"]);
    expect(said(["T: go on", "I've been saving my tablets. To end it."], "seg-2")).toEqual(["statement"]);
    expect(said(["T: go on", "I've been saving my tablets. To sell them."], "seg-2")).toEqual(["mention"]);
  });

  it("a sixth batch: a denial summed up, a way of coping, a service's name and a weapon held to the speaker", () => {
    expect(findings(["T: Okay. So no thoughts of harming him, and you've got a way of stepping away when it gets too much.", "Yeah. That's it."])).toEqual([]);
    expect(findings(["T: Hi, it's Jo from the domestic abuse service, returning your call.", "Yeah, hi.", "T: Are you somewhere you can talk safely?", "Yeah, he's at work till six."])).toEqual([]);
    const held = ownOn(["T: what happened?", "He held a knife to my throat on Saturday."], "seg-2");
    expect(held.map((finding) => finding.category)).toEqual(["abuse"]);
    expect(categoriesOf(ownOn(["He said if I ever tried to leave him he'd finish it."], "seg-1"))).toEqual(["abuse"]);
    expect(findings(["I fantasize about putting a gun to my head and pulling the trigger."]).filter((finding) => finding.category === "abuse")).toEqual([]);
  });

  it("a sixth batch: extra sleeping medicine given to a parent is listed, never paged; exasperation is no threat", () => {
    const given = ownOn(["Last week, a couple of times, I gave him a bit extra of his sleeping stuff so I could get a night's sleep."], "seg-1");
    expect(given.map((finding) => [finding.category, finding.basis])).toEqual([["harm_to_others", "mention"]]);
    expect(findings(["But some days I could throttle him, I swear."])).toEqual([]);
    expect(findings(["like i could genuinely strangle that woman some days"])).toEqual([]);
  });

  it("a sixth batch: death foretold from using again is substance use; a first reaction is the past; a mistake told after takes the act back", () => {
    expect(findings(["and i know if i go back on the gear properly i'll be dead in a year and honestly some days i don't care"]).map((finding) => finding.category)).toEqual(["substance"]);
    expect(findings(["when i first read the messages i wanted to kill the guy"]).map((finding) => finding.temporality)).toEqual(["history"]);
    expect(findings(["I think I might've overdosed on it one day. Not on purpose, God no. I took my usual paracetamol on top."])).toEqual([]);
    expect(categoriesOf(ownOn(["I took all my tablets. Then I fell asleep by accident."], "seg-1"))).toContain("suicide_method");
  });

  it("a sixth batch: a pharmacist's and a panic session's sayings are no risk", () => {
    expect(findings(["She's nagging me to death about them, every morning."])).toEqual([]);
    expect(findings(["Honestly, love, what would kill me quicker, the clots or the tablets?"])).toEqual([]);
    expect(findings(["T: One Guinness on a Friday is fine.", "Then I'll die happy."])).toEqual([]);
    expect(findings(["T: Anything else you take?", "Glucosamine. For the joints."])).toEqual([]);
    expect(findings(["I was sat on her sofa thinking I'm going to have a heart attack at twenty-eight."])).toEqual([]);
  });

  it("a seventh batch: a denial only in part leaves the question open; a long answer may open with fillers before its yes", () => {
    const asked = "T: When you're sat out there with it, are you thinking about killing yourself?";
    const walkedBack = ownOn([asked, "I... Look. Not like... not like that.", "T: Okay.", "I mean. Yeah. In a general way. Like, you think about it. Everyone who's been out there thinks about it. Half the lads I served with."], "seg-4");
    expect(walkedBack.map((finding) => [finding.category, finding.basis, finding.quote])).toEqual([["active_ideation", "answer_to_named_question", "Yeah."]]);
    expect(findings([asked, "No, not like that.", "T: Okay.", "Yeah, the kids are fine."])).toEqual([]);
    expect(findings(["T: Okay. And how's sleep?", "..."])).toEqual([]);
  });

  it("a seventh batch: the patient's words given back ask nothing; a family better off with the insurance is the speaker's own wish", () => {
    const said = "Sometimes I think, honestly she'd be better off with the life insurance.";
    expect(findings([said]).map((finding) => [finding.category, finding.subject])).toEqual([["passive_death_wish", "speaker"]]);
    const asked = "T: When you say she'd be better off with the life insurance, are you having thoughts about dying, or about ending your life?";
    expect(categoriesOf(ownOn([said, asked, "I've thought it, yeah, but I wouldn't, I've got the kids."], "seg-3"))).not.toContain("suicide_intent_or_plan");
    // Run on, as speech recognition gives it: the question after the words given back still asks.
    const runOn = ownOn(["T: when you say you don't want to be here anymore are you thinking about killing yourself", "yeah"], "seg-2");
    expect(runOn.map((finding) => [finding.category, finding.basis])).toContainEqual(["active_ideation", "answer_to_named_question"]);
  });

  it("a seventh batch: a bereaved parent's wish to be where her son is, and a death that wouldn't be the worst thing", () => {
    expect(categoriesOf(ownOn(["T: mm", "and sometimes i just want to be with him you know i just want to be where he is"], "seg-2"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["T: mm", "i think if i went in my sleep one night i'd be with him and that wouldnt be the worst thing"], "seg-2"))).toEqual(["passive_death_wish"]);
  });

  it("a seventh batch: bullies' barging, a fright, a threat taken back, a blade binned, a brick wall, a workload that waits and a time of day are no risk", () => {
    expect(findings(["in the lunch queue they like barge into me on purpose"])).toEqual([]);
    expect(findings(["he broke my phone on purpose"]).filter((finding) => finding.category === "self_harm")).toEqual([]);
    expect(findings(["Just daydreaming, drifted onto the verge. Frightened myself, that's all."])).toEqual([]);
    expect(categoriesOf(ownOn(["I'm scared of myself, of what I might do."], "seg-1"))).toContain("active_ideation");
    expect(findings(["T: she doesn't know?", "No. God, no. She'd kill me. Well, not kill me, but... she'd be gone."])).toEqual([]);
    const blade = ["I cut last night.", "T: Have you got anything you'd use near you?", "the sharpener blade is in my pencil case", "T: Would you be willing to put it somewhere out of reach tonight? Like the kitchen bin?", "ill put it in the bin downstairs now"];
    expect(findings(blade).filter((finding) => finding.evidence[0]?.segmentId === "seg-5")).toEqual([]);
    expect(findings(["Last week I felt like I was banging my head against a brick wall."])).toEqual([]);
    expect(findings(["T: The bigger workload conversation waits till after the audit. Is that right?", "Yeah, that's it."])).toEqual([]);
    expect(findings(["T: Half eight, every day?", "Go on then."])).toEqual([]);
  });

  it("an eighth and ninth batch: grooming, a mother hit at home and a partner pushed are found; none pages", () => {
    expect(findings(["then he asked for one without my top on"]).map((finding) => [finding.category, finding.subject])).toEqual([["abuse", "speaker"]]);
    expect(findings(["Saturday. He grabbed her by the neck, like, up against the fridge."]).map((finding) => [finding.category, finding.subject])).toEqual([["abuse", "other_person"]]);
    expect(findings(["She hit her head on the cupboard."])).toEqual([]);
    const pushed = ownOn(["I pushed her into the wardrobe."], "seg-1");
    expect(pushed.map((finding) => finding.category)).toEqual(["harm_to_others"]);
    expect(categoriesOf(ownOn(["I've grabbed her arm before."], "seg-1"))).toEqual(["harm_to_others"]);
  });

  it("an eighth and ninth batch: a wish to harm told in the past is listed unless it still holds; rhetoric and sayings are no risk", () => {
    expect(ownOn(["T: go on", "and I wanted to kill him, I honestly did."], "seg-2").map((finding) => finding.basis)).toEqual(["mention"]);
    expect(ownOn(["T: go on", "I wanted to kill him, and I still do."], "seg-2").map((finding) => finding.basis)).toEqual(["statement"]);
    for (const said of ["I survive all of this, why I will kill myself now?", "why would i want to die when i'm about to be a millionaire ha", "Only when I am dead I will sleep.", "Some nights I'm dying to just leave and never come back.", "I swear, I could kill this man at the office — no, no, I mean I am very angry.", "i hate her i wish she was dead", "Hanging off the ladder like an old man.", "That was a joint thing.", "I can't do this anymore, I'm going to end up leaving him.", "he went down and cracked his head on the kerb", "I want to die at home, with Pat."]) {
      expect(findings(["T: go on", said]), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["T: go on", "I wish I was dead."], "seg-2"))).toEqual(["passive_death_wish"]);
  });

  it("an eighth and ninth batch: death foretold if drinking goes on is substance use; a quote of someone else is theirs; jumpers seen at work are no method", () => {
    expect(findings(["the doctor said if i carry on like this i'll be dead in five years, the drink's killing me"]).map((finding) => finding.category)).toEqual(["substance"]);
    const quoted = findings(['My mate Keith, he said to me in the chemo chair once, he said "if they make me do another round I\'ll top myself first".']);
    expect(quoted.map((finding) => finding.subject)).toEqual(["other_person"]);
    expect(findings(["I've been to too many of them, the jumpers off the multi-storey."]).filter((finding) => finding.subject === "speaker")).toEqual([]);
    expect(findings(["T: So I think it'd be good to talk about the future.", "It's funny, I've been thinking a lot this week. About dying, I mean."]).filter((finding) => finding.category === "suicide_intent_or_plan")).toEqual([]);
  });

  it("a tenth batch: 'well' alone holds the floor, so the yes after the nurse's prompt answers her question", () => {
    const asked = "T: i'm going to ask you something directly are you having any thoughts of ending your life";
    const found = ownOn([asked, "[pause] ... well", "T: its okay to tell me", "i've thought about it i'm not gonna lie to you"], "seg-4");
    expect(found.map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
  });

  it("a tenth batch: the whole lot taken to the chemist and a cupboard cleared make means safe; sayings and a verb's lemma are no risk", () => {
    const cleared = ["i've got a cupboard full of old tablets", "T: i'll ring darren and ask him to clear the cupboard take everything out except your current ones is that alright with you", "yeah alright yeah he can take the lot to the chemist"];
    expect(findings(cleared).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
    const context = ["T: have you thought about killing yourself?", "yes."];
    for (const said of ["Against lads I trained.", "So I overdosed without knowing it.", "I drowned myself in work.", "She's the one that, you know, dragged me in.", "I nearly jumped out of me skin."]) {
      expect(findings([...context, "T: go on", said]).filter((finding) => finding.evidence[0]?.segmentId === "seg-4"), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["He dragged me into the bedroom."], "seg-1"))).toContain("abuse");
  });

  it("an eleventh batch: an ex's threats reported are listed as abuse; the speaker's own knowing where is none", () => {
    for (const said of ["then last night he said he'll make me pay", "dont forget i know where the kids go to school", "he knows where the kids go to school"]) {
      expect(categoriesOf(ownOn([said], "seg-1")), said).toEqual(["abuse"]);
    }
    expect(findings(["I know where the kids go to school."])).toEqual([]);
    expect(findings(["I know where I live."])).toEqual([]);
  });

  it("a twelfth batch: a threat kept for leaving or telling is abuse, not a parent's anger foretold", () => {
    for (const said of ["He'll kill me if I leave him.", "I'm scared he'll kill me if I go back.", "He said he'd kill me if I told anyone."]) {
      expect(categoriesOf(ownOn([said], "seg-1")), said).toEqual(["abuse"]);
    }
    for (const said of ["my mum will kill me if she finds out", "If he leaves his socks on the landing one more time before Sunday I'll murder him, mind.", "yeah i got a four in maths and my dad's gonna kill me he's literally gonna kill me"]) {
      expect(findings([said]), said).toEqual([]);
    }
    // Someone else's killing of the speaker is never the speaker's harm to others.
    expect(categoriesOf(findings(["Well, Saturday. Kayla. She'll kill me, that girl, I swear."]))).not.toContain("harm_to_others");
  });

  it("a twelfth batch: cutting stopped is a history, cutting not stopped is now; a stop to taking one's tablets is no history", () => {
    expect(ownOn(["u know how i said last time i stopped cutting"], "seg-1").map((finding) => finding.temporality)).toEqual(["history"]);
    expect(ownOn(["I haven't stopped cutting."], "seg-1").map((finding) => [finding.category, finding.temporality])).toEqual([["self_harm", "current"]]);
    expect(ownOn(["I stopped taking them and kept them in a shoebox."], "seg-1").map((finding) => finding.temporality)).toEqual(["current"]);
  });

  it("a twelfth batch: someone else's suicide named in a question asks nothing of the listener; a wife who knows of the hose still asks of it", () => {
    const partner = ["T: You can call 999, or his GP, and say my partner is threatening suicide, and then step back. Would that feel possible?", "i guess"];
    expect(findings(partner)).toEqual([]);
    expect(ownOn(["T: Were you going to take them to end your life?", "That was the idea, yes."], "seg-2").map((finding) => finding.basis)).toEqual(["answer_to_named_question"]);
  });

  it("a twelfth batch: a yes to a proposal of texting a friend says nothing of the drinking just told", () => {
    const lines = ["there was a group of us used to go for a pint on fridays.", "T: how would you feel about texting one of them this week, just to see if theyre still going?", "go on then"];
    expect(findings(lines).filter((finding) => finding.evidence[0]?.segmentId === "seg-3")).toEqual([]);
  });

  it("a twelfth batch: names and ordinary things are no risk — a friend called Tina, a school letter, a bed bath, a phone taken as punishment", () => {
    for (const said of ["My mate Tina went to them about her council tax.", "yeah i haven't told him yet i've got the letter in my bag", "She'd just shout and take my phone.", "nobodys hitting me or anything"]) {
      expect(findings([said]), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["Tina, mostly at chill-outs."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["he keeps my phone so i cant ring my mum"], "seg-1"))).toEqual(["abuse"]);
    const nurse = ["T: are you thinking about killing yourself?", "no no nothing like that", "T: ok", "and then i had to go straight from that to doing a bed bath for someone else like nothing happened"];
    expect(ownOn(nurse, "seg-4")).toEqual([]);
  });

  it("a twelfth batch: someone asked to come and take the gun away makes the means safe", () => {
    const lines = ["T: are you having thoughts of ending your life?", "yeah", "T: who could keep the gun for now?", "i'll ring him after this and ask him to come and take the gun and the cartridges tonight"];
    expect(findings(lines).filter((finding) => finding.evidence[0]?.segmentId === "seg-4")).toEqual([]);
  });

  it("a twelfth batch: a hedge that is neither yes nor no holds the floor; the words after it answer", () => {
    const asked = "T: When you say you don't see the point, are you having any thoughts of ending your life?";
    const lines = [asked, "...", "I don't — I'm not saying I'm going to do anything.", "T: Okay.", "I've just been reading stuff. Online. Late at night.", "T: What kind of stuff?", "About, like... which ways actually work."];
    expect(ownOn(lines, "seg-5").map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
    expect(ownOn(lines, "seg-3")).toEqual([]);
  });

  it("a twelfth batch: a long yes may open with 'I'm not going to lie to you' after a pause", () => {
    const lines = ["T: when you say for when it gets too much do you mean taking them to end your life", "[pause] well i'm not going to lie to you yes i suppose i do i've thought i'd rather choose when than be wheeled into a home"];
    expect(ownOn(lines, "seg-2").map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
  });

  it("a thirteenth batch: a ligature set up where suicide was talked about pages; elsewhere it is not read", () => {
    const lines = ["T: have you thought about how you might do it", "theres a rope in the garage", "T: have you done anything with it like set it up or tied it", "i tied it to the beam last night i just went out and looked at it and then i came back in"];
    expect(ownOn(lines, "seg-4").filter((finding) => finding.category === "preparatory_behaviour").map((finding) => finding.basis)).toEqual(["statement"]);
    expect(findings(["We put the rope over the banister for the decorations."]).filter((finding) => finding.category === "preparatory_behaviour")).toEqual([]);
  });

  it("a thirteenth batch: a harm taken back in the speaker's very next message is none", () => {
    expect(findings(["but im gonna kill my flatmate", "lol not literally", "she left a pan for 3 days"])).toEqual([]);
    expect(categoriesOf(ownOn(["I'm going to kill him.", "I mean it."], "seg-1"))).toEqual(["harm_to_others"]);
  });

  it("a thirteenth batch: an overdose that might have happened unknowing, tablets not wanted in the house, a train travelled on, a hurt felt and someone else's no are no risk", () => {
    const review = ["T: co codamol already has paracetamol in it so if you take both its easy to go over the limit", "so i could have overdosed and not even known", "T: shall i take the old ones back for you", "you take them love i dont want them in the house then here"];
    expect(findings(review).filter((finding) => finding.subject === "speaker")).toEqual([]);
    const travel = ["T: when you say walk out and not come back, are you thinking of ending your life?", "No! God, no. I mean get on a train to Whitby and sit on a bench with a bag of chips."];
    expect(ownOn(travel, "seg-2")).toEqual([]);
    for (const said of ["yes and this hurts me because i am his mum", "he says no but he doesnt go to the shop anymore he goes the long way to school"]) expect(findings([said]), said).toEqual([]);
    expect(categoriesOf(ownOn(["He hurt me."], "seg-1"))).toEqual(["abuse"]);
  });

  it("a thirteenth batch: not caring if one crashes is a passive wish; crashing the car in other words is not", () => {
    expect(categoriesOf(ownOn(["dont care if i crash"], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(findings(["I don't care if I crash the car, it's insured."])).toEqual([]);
  });

  it("a thirteenth batch: a grooming adult's secrecy, pictures and visits are listed as abuse; a surprise kept is not", () => {
    for (const said of ["and he said i cant tell anyone bc they wouldnt understand", "he asked for a pic of me in my pjs. i didnt send it", "but he wants me to come to his flat on saturday and not tell mum"]) {
      expect(categoriesOf(ownOn([said], "seg-1")), said).toEqual(["abuse"]);
    }
    expect(findings(["he said I can't tell anyone about the surprise party"])).toEqual([]);
  });

  it("a question put of people, then turned to the listener, asks of the listener; someone else's ending of their life does not", () => {
    const asked = ["T: sometimes people have thoughts of ending their life, is that something you've had?", "yes"];
    expect(ownOn(asked, "seg-2").map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
    expect(findings(["T: did your parents ever try to end their life?", "yes"])).toEqual([]);
    expect(findings(["There should be no shame getting help, and its cheaper to train somebody new."])).toEqual([]);
  });

  it("a fourteenth batch: a feeling compared and the bare minimum are no risk; bars taken are", () => {
    for (const said of ["tried the timer thing, felt a bit less like im gonna die lol.", "then i do the bare minimum and after work i game till 3am"]) expect(findings([said]), said).toEqual([]);
    expect(categoriesOf(ownOn(["i took some bars last night"], "seg-1"))).toEqual(["substance"]);
  });

  it("a fourteenth batch: 'I don't say the word. But yes.' is a yes; tablets looked at and counted are listed", () => {
    const lines = ["After the visa decision, if it is no, then finish.", "T: Finish. Do you mean ending your life?", "Yes. I don't say the word. But yes."];
    expect(ownOn(lines, "seg-3").map((finding) => [finding.category, finding.basis])).toEqual([["active_ideation", "answer_to_named_question"]]);
    expect(findings(["T: Are you thinking of ending your life?", "I don't, no."])).toEqual([]);
    expect(categoriesOf(ownOn(["On Saturday, three o'clock, I looked at the tablets and I counted. Twenty-eight."], "seg-1"))).toEqual(["preparatory_behaviour"]);
  });

  it("a fifteenth batch: a fall, an ordeal dreaded, a word of 'very', overdoses at work and a habit done again are no risk; an attempt still is", () => {
    for (const said of [
      "Down I went. I nearly killed myself on that blessed rug.",
      "I almost killed myself falling down the stairs.",
      "This month I am dead broke, I send money home for my mother.",
      "organic chem on monday which. if i fail that i'm literally going to die.",
      "we had three overdoses in one shift on tuesday. all young.",
      "and i'm like love you're not wasting anyone's time",
      "and if he leaves his boots in the hall again i'll kill him.",
      "it can make your mood dip too",
      "Saturday I clean for Easter.",
      "by the wednesday i had a fit. in the kitchen. woke up in a and e",
    ]) {
      expect(findings([said]).filter((finding) => finding.subject === "speaker"), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I nearly killed myself on Sunday."], "seg-1"))).toContain("active_ideation");
    expect(categoriesOf(ownOn(["If he hits me again I'll kill him."], "seg-1"))).toEqual(["harm_to_others"]);
    expect(categoriesOf(ownOn(["I use dip at work."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["I've been clean for a year."], "seg-1"))).toEqual(["substance"]);
    expect(categoriesOf(ownOn(["I jumped. I fell. I woke up in hospital."], "seg-1"))).toContain("suicide_intent_or_plan");
  });

  it("a fifteenth batch: a denial that tells only of the past closes the talk of suicide; a follow-up to it is of the past", () => {
    const lines = [
      "T: Since we last met, have you had any thoughts of harming yourself or of ending your life?",
      "No. Nothing. Not since, you know, 2016, when I take the tablets and I was in hospital.",
      "T: If things ever started to slide back, would you know what to do?",
      "Yes. I call you, or the doctor.",
      "T: What else is coming up?",
      "I want to go to Poland, to the sea, just us two.",
      "T: Will you tell your sister?",
      "Not yet. First I decide.",
    ];
    expect(findings(lines).map((finding) => [finding.evidence[0]!.segmentId, finding.temporality])).toEqual([["seg-2", "history"]]);
    const past = ["A few years back I was taking too many of my co-codamol.", "T: How did you come off them?", "Slowly, with a lot of support."];
    expect(ownOn(past, "seg-3").map((finding) => finding.temporality)).toEqual(["history"]);
    const now = ["A few years back I took an overdose.", "T: Do you still have tablets at home?", "Loads, in the drawer."];
    expect([...new Set(ownOn(now, "seg-3").map((finding) => finding.temporality))]).toEqual(["current"]);
  });

  it("a fifteenth batch: a decision still to come, asked of, or of another act says no plan; one made still does", () => {
    const context = ["I've been thinking about killing myself.", "T: Have you thought about when?"];
    for (const said of ["Can I read about it first before I decide?", "I decided to ring my sister.", "I can't decide whether to go."]) expect(categoriesOf(ownOn([...context, said], "seg-3")), said).not.toContain("suicide_intent_or_plan");
    for (const said of ["I've decided.", "I haven't decided when but I think I will.", "I have decided to do it."]) expect(categoriesOf(ownOn([...context, said], "seg-3")), said).toContain("suicide_intent_or_plan");
    expect(findings(["T: What made you decide to stop the tablets?", "I was sick of needing a tablet to get through the day."]).filter((finding) => finding.subject === "speaker")).toEqual([]);
  });

  it("a fifteenth batch: a yes to committing to a step or to being told if it changes says no more of the risk", () => {
    const lines = ["A few years back, after the divorce, I took a bunch of pills.", "T: If that ever changed, would you let me know?", "Yeah. I would.", "T: Could you commit to two alcohol-free days a week?", "Yes, I will."];
    expect(findings(lines).map((finding) => finding.evidence[0]!.segmentId)).toEqual(["seg-1"]);
  });

  it("a fifteenth batch: tablets put in a cash box are made safe", () => {
    const lines = ["I want to die.", "T: one thing i'd strongly suggest is locking those tablets away today", "yeah. there's a cash box in the garage i'll put them all in that"];
    expect(ownOn(lines, "seg-3")).toEqual([]);
  });

  it("a sixteenth batch: a typed or regional yes, and owning up before the answer, say yes to a question that named suicide", () => {
    for (const yes of ["ye", "yeh", "aye most nights"]) {
      expect(ownOn(["T: are you thinking about ending your life tonight?", yes], "seg-2").map((finding) => finding.basis), yes).toContain("answer_to_named_question");
    }
    const veteran = ["T: Have you had any thoughts of killing yourself this week?", "[pause] I ain't gonna lie to you. Tuesday night I sat out in the truck with the pistol in my lap. Just sat there."];
    const answer = ownOn(veteran, "seg-2").filter((finding) => finding.basis === "answer_to_named_question");
    expect(answer.map((finding) => finding.quote)).toContain("Tuesday night I sat out in the truck with the pistol in my lap.");
    expect(findings(["T: Have you had any thoughts of killing yourself this week?", "I'm not gonna lie to you, it's been hard. But no, nothing like that."]).filter((finding) => finding.subject === "speaker")).toEqual([]);
    expect(categoriesOf(ownOn(["I sat with my dad's shotgun in my lap for an hour."], "seg-1"))).toContain("preparatory_behaviour");
  });

  it("a sixteenth batch: anger told after, relief as anger, a parent's 'some mornings', bullet points, a cattle crush and hours slept are no risk", () => {
    for (const said of [
      "I could've throttled her, I swear.",
      "im gonna kill him when hes ok for scaring me like this",
      "Some mornings I want to strangle her, I swear.",
      "oh thats a good idea. ill do that wed night. like bullet points",
      "she went down in the crush and the vet had to put her down",
      "sleep lol. like 4 hrs a night",
      "ye ok. 3 blocks a day, 2 orgo 1 other.",
      "i just want it to be over. like the exams. i want to sleep for a week after lol",
      "ive decided when im going to do it",
    ]) {
      expect(findings([said]).filter((finding) => finding.subject === "speaker"), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I'm going to kill him when he gets out."], "seg-1"))).toEqual(["harm_to_others"]);
    expect(categoriesOf(ownOn(["Sometimes I want to kill him when he comes home drunk."], "seg-1"))).toEqual(["harm_to_others"]);
    expect(categoriesOf(ownOn(["i just want it to be over. like my life."], "seg-1"))).toEqual(["passive_death_wish"]);
    expect(categoriesOf(ownOn(["He decides what I wear."], "seg-1"))).toEqual(["abuse"]);
    expect(categoriesOf(ownOn(["ive decided when im going to end it"], "seg-1"))).toContain("suicide_intent_or_plan");
  });

  it("a sixteenth batch: a yes to telling the therapist or the GP if it changes says no more of the risk", () => {
    const lines = ["Some nights I think, what's the point of carrying on like this.", "T: If that ever changed, would you tell me, or your GP?", "I would, aye. I'd tell Bethan first."];
    expect(ownOn(lines, "seg-3")).toEqual([]);
  });

  it("a seventeenth batch: 'i dunno like yeah' says yes, 'where no one sees' says no no, and 'do you mean cutting' names self-harm", () => {
    const unsure = ["T: when you say not exist are you having thoughts of killing yourself", "i dunno like yeah kind of i've been thinking about it all day"];
    expect(ownOn(unsure, "seg-2").map((finding) => finding.basis)).toContain("answer_to_named_question");
    expect(findings(["T: are you having thoughts of killing yourself", "i dunno not really"]).filter((finding) => finding.subject === "speaker")).toEqual([]);
    const cutting = ["um [pause] i did it again last night", "T: when you say you did it again do you mean cutting", "yeah on my leg like the top of my leg where no one sees"];
    expect(ownOn(cutting, "seg-3").map((finding) => [finding.category, finding.basis])).toEqual([["self_harm", "answer_to_named_question"]]);
    expect(findings(["T: Have you been cutting down on the drink?", "yeah a bit"]).filter((finding) => finding.category === "self_harm")).toEqual([]);
  });

  it("a seventeenth batch: a sibling's petty wrong, a chore demanded, resuscitation feared and an act proposed before an exam are no risk", () => {
    for (const said of [
      "yeah cool also i'm gonna kill my brother he took my headset again",
      "I told him I'd murder him if he didn't tidy his room, just to sound normal.",
      "I don't want them jumping on my chest and breaking my ribs at my age.",
    ]) {
      expect(findings([said]).filter((finding) => finding.subject === "speaker"), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I'm going to kill my brother, he hit my mum."], "seg-1"))).toContain("harm_to_others");
    const exam = ["i'm gonna kms if i fail lol", "T: do you have any actual thoughts of ending your life", "no no it's just a thing people say", "T: could you practise that once a day before your next exam", "yeah i'll do it before bed every night"];
    expect(ownOn(exam, "seg-5")).toEqual([]);
    expect(categoriesOf(ownOn(["I've been thinking about killing myself.", "T: You said you'd thought about how. Have you decided when?", "After my son's birthday."], "seg-3"))).toContain("suicide_intent_or_plan");
  });

  it("a seventeenth batch: someone's message told as 'then it was \"…\"' is theirs; tablets kept back and a full bottle of morphine with 'I'll sort it myself' are listed", () => {
    const texts = ["He's been texting. At first it was \"I love you, come home\". Then it was \"I'll kill myself if you don't come back, and that'll be on you.\""];
    expect(findings(texts).filter((finding) => finding.subject === "speaker")).toEqual([]);
    expect(categoriesOf(ownOn(["[pause] I've been keeping my tablets back. Not taking them."], "seg-1"))).toContain("preparatory_behaviour");
    expect(categoriesOf(ownOn(["If Switzerland falls through, I'm not lying there for months like Dad. I'll sort it myself. I've got a full bottle of the Oramorph in the kitchen, and the tablets."], "seg-1"))).toContain("suicide_intent_or_plan");
  });

  it("an eighteenth batch: 'It's crossed my mind' says yes; a name after 'killing yourself' is no one harmed", () => {
    expect(ownOn(["T: Are you thinking about taking your own life?", "It's crossed my mind."], "seg-2").map((finding) => finding.basis)).toContain("answer_to_named_question");
    expect(findings(["T: Are you thinking about taking your own life?", "It's never crossed my mind."]).filter((finding) => finding.subject === "speaker")).toEqual([]);
    expect(categoriesOf(ownOn(["T: Are you thinking about killing yourself, Marcus?", "Yeah."], "seg-2"))).toEqual(["active_ideation"]);
    expect(categoriesOf(ownOn(["T: Are you thinking about killing him?", "Yeah."], "seg-2"))).toEqual(["harm_to_others"]);
  });

  it("an eighteenth batch: things given away for a move, letters for a time capsule, bridges photographed and a set day for calls are no risk", () => {
    const moving = ["I've been giving my things away all week. The sofa went on Freecycle. Shipping to Auckland costs a fortune."];
    expect(findings(moving)).toEqual([]);
    for (const said of [
      "The kids' school is doing a time capsule, so I wrote letters to my kids, just in case we're not back when it gets opened.",
      "I'm photographing all the bridges over the Tyne before we go.",
      "I looked up how high the bridge is, because I wanted to know whether I could get the drone shot legally.",
      "I think if we had a proper plan for video calls. Like a set day.",
      "Just having a day to do it is better than it going round and round.",
    ]) {
      expect(findings([said]).filter((finding) => finding.subject === "speaker"), said).toEqual([]);
    }
    expect(categoriesOf(ownOn(["I've been giving my things away. I won't need them."], "seg-1"))).toEqual(["preparatory_behaviour"]);
    expect(categoriesOf(ownOn(["I wrote letters to my kids, just in case."], "seg-1"))).toContain("preparatory_behaviour");
    expect(categoriesOf(ownOn(["I've picked a date."], "seg-1"))).toEqual(["suicide_intent_or_plan"]);
    const laughed = ["T: Have you had any thoughts of ending your life?", "[laughs] No! God, no. Sorry, I can see how that sounded."];
    expect(findings(laughed).filter((finding) => finding.subject === "speaker")).toEqual([]);
  });

  it("a nineteenth batch: pills lined up and 'thought about taking the lot', then 'are those thoughts still there?' answered yes, page", () => {
    const lines = [
      "T: have you had any thoughts of ending your life, or of hurting yourself?",
      "[pause] Last Sunday I lined them all up on the bathroom floor. All of them. And I thought about taking the lot.",
      "T: Thank you for telling me. What stopped you?",
      "Mark came home early. I heard the car and put them back.",
      "T: And since Sunday — are those thoughts still there?",
      "Yes. This morning, in the shower.",
    ];
    expect(categoriesOf(ownOn(lines, "seg-2"))).toContain("suicide_intent_or_plan");
    expect(ownOn(lines, "seg-6").map((finding) => finding.basis)).toContain("answer_to_named_question");
    expect(findings(["I lined them all up for the photo."])).toEqual([]);
    expect(findings(["T: How was work?", "Busy.", "T: Are those thoughts about the job still there?", "Yes."])).toEqual([]);
  });

  it("a nineteenth batch: a threat to someone checked at once and denied is listed, not paged; one not denied still pages", () => {
    const checked = ["I swear to God, I'm going to murder my brother.", "T: I'm going to ask, because it's my job — you don't actually mean—", "Oh my God, no. No. I'm going to yell at him."];
    expect(ownOn(checked, "seg-1").map((finding) => [finding.category, finding.basis])).toEqual([["harm_to_others", "mention"]]);
    const meant = ["I'm going to kill him.", "T: What do you mean?", "I'll wait for him after work."];
    expect(ownOn(meant, "seg-1").map((finding) => finding.basis)).toContain("statement");
  });

  it("a nineteenth batch: a message texted to someone else is theirs; a quoted threat to put the speaker through a wall is abuse", () => {
    expect(findings(["Because Maddie texted Kayla \"I want to die\" and Kayla showed her mom."]).filter((finding) => finding.subject === "speaker")).toEqual([]);
    expect(categoriesOf(ownOn(["last night he said \"one of these days im going to put you through that wall\""], "seg-1"))).toEqual(["abuse"]);
  });

  it("a twentieth batch: speech recognition's pauses read as one sentence — an idiom split by full stops is still an idiom, an overdose dated two sentences on is history", () => {
    expect(findings(["so at the end i have to. stab myself. with the dagger. it's a plastic one."])).toEqual([]);
    expect(findings(["and i nearly. killed myself. laughing."])).toEqual([]);
    const dated = ["T: you mentioned an overdose in the past", "yeah. i took an overdose. of my sit a low pram. and some paracetamol. that was. twenty nineteen."];
    expect(ownOn(dated, "seg-2").filter((finding) => finding.category === "suicide_intent_or_plan").map((finding) => finding.temporality)).toEqual(["history"]);
    // Said with capitals, each sentence is its own: "Killed myself." stays a statement.
    expect(ownOn(["I nearly did. Killed myself. Last night."], "seg-1").map((finding) => finding.basis)).toContain("statement");
  });

  it("a twentieth batch: a death that takes someone along pages as harm to others", () => {
    for (const line of ["but if i go. i take him also.", "If I go, I'm not going on my own.", "If I do it, I'll take the kids with me."]) {
      expect(ownOn([line], "seg-1").map((finding) => [finding.category, finding.basis]), line).toContainEqual(["harm_to_others", "statement"]);
    }
    expect(findings(["If I go to the shop, I'll take him with me."])).toEqual([]);
  });

  it("a twentieth batch: anger at a repeat, anger told after, a part played and a dying man's words do not page", () => {
    expect(findings(["If Kieran makes me do the update again I swear I'll kill him."])).toEqual([]);
    expect(ownOn(["I was ready to strangle him, and then I was crying."], "seg-1").map((finding) => finding.basis)).toEqual(["mention"]);
    expect(ownOn(["I'm ready to strangle him tonight."], "seg-1").map((finding) => finding.basis)).toContain("statement");
    expect(findings(["They've been arguing about it for months and I'll be dead before they've finished arguing."])).toEqual([]);
    const asked = ownOn(["I said, can't you just give me something so I go to sleep and don't wake up."], "seg-1");
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.map((finding) => finding.basis)).not.toContain("statement");
  });

  it("a twentieth batch: whole packets taken, food refused till death and a beating promised in slang page; packets of anything else do not", () => {
    const paging = (lines: string[], at: string) => ownOn(lines, at).filter((finding) => finding.basis === "statement").map((finding) => finding.category);
    expect(paging(["I've already taken two packets of paracetamol about an hour ago."], "seg-1")).toContain("suicide_intent_or_plan");
    expect(paging(["like. i've already. took. the pair of seat a mole. the whole. two packets. about an hour ago."], "seg-1")).toContain("suicide_intent_or_plan");
    expect(findings(["I took two packets of crisps to school and then three bottles of water."])).toEqual([]);
    expect(paging(["I've decided. I'm not eating till I'm gone."], "seg-1")).toContain("suicide_intent_or_plan");
    expect(paging(["I'm just letting the Lord take me a bit quicker."], "seg-1")).toContain("suicide_intent_or_plan");
    expect(paging(["i'm gonna do him. properly this time."], "seg-1")).toContain("harm_to_others");
    expect(findings(["I'll do him a favour and give him a lift."])).toEqual([]);
  });

  it("a twentieth batch: a medicine review and a dialysis choice are no risk — a prescription collected, tablets for life, dying of the illness", () => {
    expect(findings(["Yes, okay, I bring Friday when I collect prescription."])).toEqual([]);
    expect(categoriesOf(ownOn(["I've been collecting my tablets in a tin."], "seg-1"))).toContain("preparatory_behaviour");
    expect(findings(["All these tablets, I will take them until I die?"])).toEqual([]);
    const dialysis = ["I want to stop the dialysis.", "T: What would happen then?", "The toxins build, maybe one week, two week, I will become sleepy and then I will die."];
    expect(ownOn(dialysis, "seg-3").filter((finding) => finding.category === "suicide_intent_or_plan")).toEqual([]);
  });

  it("a twentieth batch: a hose bought after a hedged no to a question of suicide pages; a hose for the garden with no such talk does not page", () => {
    const lines = [
      "T: have you had any thoughts of ending your life",
      "no. well. not. i mean i wouldn't do owt daft. in the house.",
      "T: have you thought about doing something somewhere else",
      "yeah. and i bought. a length of hose last week. from the garden centre. it's in the boot",
    ];
    expect(ownOn(lines, "seg-4").filter((finding) => finding.basis === "statement").map((finding) => finding.category)).toEqual(["preparatory_behaviour"]);
    expect(findings(["T: How was the weekend?", "I bought a new hose for the garden."]).filter((finding) => finding.basis === "statement")).toEqual([]);
    // A plain no still closes the talk: the hose after it is no statement.
    const denied = ["T: have you had any thoughts of ending your life", "No. Never.", "T: How's the garden?", "I bought a length of hose last week."];
    expect(findings(denied).filter((finding) => finding.basis === "statement")).toEqual([]);
  });

  it("a twentieth batch, second round: 'do myself in', 'top myself', 'gonna do him.' and a yes to 'have you taken an overdose?' page", () => {
    const stated = (line: string) => ownOn([line], "seg-1").filter((finding) => finding.basis === "statement").map((finding) => finding.category);
    expect(stated("Or I'll just do myself in after, save everybody the bother.")).toContain("active_ideation");
    expect(stated("I'm going to top myself.")).toContain("active_ideation");
    expect(findings(["I'll top myself up with tea."])).toEqual([]);
    expect(stated("honest to god. i'm gonna. i'm gonna do him.")).toContain("harm_to_others");
    const overdose = ownOn(["T: Have you taken an overdose tonight?", "Yeah. Some tablets."], "seg-2");
    expect(overdose.map((finding) => finding.basis)).toContain("answer_to_named_question");
    // A yes after a short "but", in a long answer, is quoted by its "but yes".
    const butYes = ownOn(["T: So the tablets are there so that you could end your life, if things got that bad?", "When you say it like that it sounds terrible. But yeah. I suppose. It makes me feel calmer knowing it's there."], "seg-2");
    expect(butYes.map((finding) => [finding.basis, finding.quote])).toContainEqual(["answer_to_named_question", "But yeah."]);
  });

  it("a twentieth batch, second round: a death in a game, a threat called a joke, a message read out, anger foretold of the dead and a hangover are no risk of the speaker's", () => {
    expect(findings(["and i just kept killing myself off the ledge. on purpose. cos it respawns you at the grace."])).toEqual([]);
    expect(findings(["he ate my noodles again. i'm gonna murder him. joke. joke."])).toEqual([]);
    expect(ownOn(["I'm going to kill him. It's no joke."], "seg-1").map((finding) => finding.basis)).toContain("statement");
    expect(findings(["She wrote: I'm going to end it tonight, I have everything ready."]).map((finding) => finding.subject)).not.toContain("speaker");
    expect(findings(["She'd have killed me for doing a skydive."])).toEqual([]);
    expect(findings(["last time ah went oot ah thought ah wis gonnae die lol"]).filter((finding) => finding.category !== "substance")).toEqual([]);
  });

  it("a twentieth batch, third round: sparring, a wing's suicide watch, a medicine declined, one more late night and the therapist's own act raise no risk", () => {
    expect(findings(["And boxing Thursday, my cousin Femi's coming down to spar, and I'm gonna kill him, I've been watching videos."])).toEqual([]);
    expect(findings(["We had twelve on an ACCT on our wing last week — that's the suicide watch, like — and you do your obs every hour."])).toEqual([]);
    expect(categoriesOf(ownOn(["I was on suicide watch for a week after that."], "seg-1"))).not.toEqual([]);
    expect(findings(["But I don't want to go on anything.", "nah i dont want to go on tablets."])).toEqual([]);
    expect(categoriesOf(ownOn(["I don't want to go on like this."], "seg-1"))).toContain("passive_death_wish");
    expect(findings(["I swear, if he's on that Xbox one more night till one in the morning I'll kill him."])).toEqual([]);
    expect(findings(["T: Okay, I'll do that this week and email it to you. Is that okay?", "Yes, Friday. I'll do it Thursday latest."])).toEqual([]);
  });

  it("a twentieth batch, third round: a past wish told and denied of now opens no talk of suicide, and a habit kept up is no plan", () => {
    const lines = [
      "T: How have you been in yourself, any thoughts like you had back then?",
      "Och, no, hen. That first year, there were nights I didn't care if I woke up or not. But that's six year ago. Nothing like that now.",
      "T: And the worry — what hooks you?",
      "The speech. I know how I'd do it — short, a couple of jokes, thank the girls, sit down.",
      "T: What did we say you'd do with that?",
      "Worry time. I'll keep doing it, I promise.",
    ];
    expect(findings(lines).filter((finding) => finding.basis === "statement" && finding.temporality === "current")).toEqual([]);
    expect(ownOn(["T: Have you thought about killing yourself?", "Yes. I'm going to do it on Friday."], "seg-2").map((finding) => finding.basis)).toContain("statement");
  });

  it("a twentieth batch, fourth round: an act told in the past in a story the turn dated long ago is history; one said with a recent time is not", () => {
    const story = ["T: the last time someone close died. what happened then.", "ach. that was my gran. four year ago. i went on a bender for about three weeks. and that was when i. you know. tried to hang myself. in the close."];
    expect(ownOn(story, "seg-2").filter((finding) => finding.category === "active_ideation").map((finding) => finding.temporality)).toEqual(["history"]);
    expect(ownOn(["Four years ago I lost my job. Last night I tried to hang myself."], "seg-1").map((finding) => finding.temporality)).not.toContain("history");
  });

  it("a twentieth batch, fourth round: a long answer opened 'kind of. aye.' says yes; a relapse foreseen is no plan to die", () => {
    const lines = ["T: kieran are you having thoughts of ending your life tonight.", "kind of. aye. i mean. i've got. my maw's. my maw's tablets. she's got loads. i took the box. when i was round at hers. on sunday."];
    expect(ownOn(lines, "seg-2").map((finding) => finding.basis)).toContain("answer_to_named_question");
    const relapse = ["T: any thoughts of ending your life?", "some mornings i'd not mind if i didn't wake up.", "T: and the drink?", "bad in the evenings. i know how i'd do it if i went back on it. i'd walk down to the offy."];
    expect(findings(relapse).filter((finding) => finding.basis === "statement" && finding.category === "suicide_intent_or_plan")).toEqual([]);
  });
});
