import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClaimReader, ClaimWord } from "../ports/claim-reader.ts";
import { createPlainWordsClaimReader } from "../testing/plain-words-claim-reader.ts";
import { attributedSpeaker, claimSupport, isContentWord, readingOnce, reportingLemmas, topicLemmas, type CitedSegment } from "./claim-support.ts";

// The rule is core's; the words come from a reader. These tests read with core's plain-words
// test reader (a crude lemma: "drinks" → "drink"; negation within three words after "not",
// "n't", "never"), so what is asserted is the rule; adapters-local's wink-claim-reader.test.ts runs
// the same cases with wink-nlp.
const reader = createPlainWordsClaimReader();
const patient = (text: string): CitedSegment => ({ text, role: "patient" });
const therapist = (text: string): CitedSegment => ({ text, role: "therapist" });

describe("claimSupport: a claim that names the kind of the words said", () => {
  /** The plain reader, knowing "worried" and "crying" as words of an emotion. */
  const knowing: ClaimReader = {
    name: "plain words with emotions",
    read: (text) =>
      reader.read(text).map((word) => {
        const kinds = ({ worried: ["anxiety"], crying: ["sadness"] } as Record<string, string[]>)[word.value.toLowerCase()];
        return kinds ? { ...word, kinds } : word;
      }),
  };

  it("is carried by a word of that kind: 'anxiety' by 'worried', not by a word of another kind or by none", () => {
    expect(claimSupport({ text: "anxiety", quote: "worried" }, [patient("I am worried about my job.")], knowing)).toBe("quoted");
    expect(claimSupport({ text: "Patient expressed anxiety about the job" }, [patient("I am worried about my job.")], knowing)).toBe("paraphrased");
    expect(claimSupport({ text: "anxiety", quote: "crying" }, [patient("I keep crying at night.")], knowing)).toBe("unsupported");
    expect(claimSupport({ text: "anxiety", quote: "worried" }, [patient("I am worried about my job.")], reader)).toBe("unsupported");
  });

  it("keeps negation: 'not worried' contradicts a claim of anxiety", () => {
    expect(claimSupport({ text: "Patient reports anxiety" }, [patient("I am not worried at all.")], knowing)).toBe("unsupported");
  });
});

describe("claimSupport: hand-written model answers", () => {
  it("a disclosure of violence citing only the words 'My partner' is unsupported", () => {
    expect(
      claimSupport({ text: "Patient discloses being hit by her partner", quote: "My partner" }, [patient("My partner and I argued a lot last week.")], reader),
    ).toBe("unsupported");
  });

  it("the key topic 'Suicidal ideation' citing the quote 'I' is unsupported", () => {
    expect(claimSupport({ text: "Suicidal ideation", quote: "I" }, [patient("I feel like nothing matters anymore.")], reader, "topic")).toBe("unsupported");
  });

  it("an exact quote is quoted", () => {
    const said = "I will call my sister next week.";
    expect(claimSupport({ text: said, quote: said, speaker: "patient" }, [patient(said)], reader)).toBe("quoted");
    expect(claimSupport({ text: "sister", quote: "my sister" }, [patient(said)], reader, "topic")).toBe("quoted");
  });

  it("a claim whose words are all in its quote, around reporting words, is quoted", () => {
    expect(claimSupport({ text: "Patient said: call sister", quote: "call my sister" }, [patient("I will call my sister next week.")], reader)).toBe("quoted");
  });

  it("a faithful paraphrase is paraphrased", () => {
    expect(claimSupport({ text: "Patient reports worrying about work every night" }, [patient("Work has been awful and I lie awake worrying about work every night.")], reader)).toBe(
      "paraphrased",
    );
    // Two of three content words said is enough; the quote alone does not carry it, the segment does.
    expect(claimSupport({ text: "Patient feels anxious at work", quote: "anxious" }, [patient("I've been anxious at work.")], reader)).toBe("paraphrased");
  });

  it("a paraphrase needs two thirds of its content words said", () => {
    const cited = [patient("My sister called about the rent.")];
    expect(claimSupport({ text: "sister rent" }, cited, reader)).toBe("paraphrased");
    expect(claimSupport({ text: "sister rent money" }, cited, reader)).toBe("paraphrased");
    expect(claimSupport({ text: "sister money" }, cited, reader)).toBe("unsupported");
    expect(claimSupport({ text: "sister rent money loan" }, cited, reader)).toBe("unsupported");
    expect(claimSupport({ text: "sister rent called money" }, cited, reader)).toBe("paraphrased");
  });

  it("negation flips support: 'I don't drink' does not support 'patient drinks'", () => {
    expect(claimSupport({ text: "Patient drinks" }, [patient("I don't drink.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient does not drink" }, [patient("I don't drink.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient denies drinks" }, [patient("I don't drink.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient denies drinks" }, [patient("I drink every day.")], reader)).toBe("unsupported");
  });

  it("a contradicted word makes the claim unsupported even when the others are said", () => {
    expect(claimSupport({ text: "Patient drinks wine every night" }, [patient("Every night I never drink wine at dinner.")], reader)).toBe("unsupported");
  });

  it("one contradicted word makes a claim unsupported even when two thirds of its words are said", () => {
    expect(claimSupport({ text: "Patient reports wine garden sleep" }, [patient("Wine in the garden. I can't sleep.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient reports wine garden sleep" }, [patient("Wine in the garden. Music.")], reader)).toBe("paraphrased");
  });

  it("is quoted only when the quote itself carries the claim, paraphrased when the rest of the segment does", () => {
    expect(claimSupport({ text: "anxious at work", quote: "anxious" }, [patient("I've been anxious at work.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "anxious at work", quote: "anxious at work" }, [patient("I've been anxious at work.")], reader)).toBe("quoted");
  });

  it("a word said both ways is said", () => {
    expect(claimSupport({ text: "Patient drinks" }, [patient("I don't drink much. Well, I drink on Fridays.")], reader)).toBe("paraphrased");
  });

  it("a topic is supported whether or not it was said with a negation", () => {
    expect(claimSupport({ text: "sleep" }, [patient("I can't sleep.")], reader, "topic")).toBe("paraphrased");
    expect(claimSupport({ text: "sleep" }, [patient("I can't sleep.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "We talked about sleep." }, [patient("I can't sleep.")], reader)).toBe("paraphrased");
  });

  it("the speaker matters: 'Patient reports…' citing the therapist's words is unsupported", () => {
    const words = "You have been drinking every night.";
    expect(claimSupport({ text: "Patient reports drinking every night" }, [therapist(words)], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient reports drinking every night" }, [patient(words)], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Therapist notes drinking every night" }, [therapist(words)], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Therapist notes drinking every night" }, [patient(words)], reader)).toBe("unsupported");
    expect(claimSupport({ text: "drinking every night", speaker: "therapist" }, [patient(words)], reader)).toBe("unsupported");
    // Naming both, it attributes to neither: any speaker's words count.
    expect(claimSupport({ text: "Therapist and patient discussed drinking every night" }, [therapist(words)], reader)).toBe("paraphrased");
  });

  it("a quote given after reporting words, with no content word of its own, is quoted", () => {
    expect(claimSupport({ text: "You said: “I'll tell him you said that.”", quote: "I'll tell him you said that." }, [patient("Thanks. I'll tell him you said that.")], reader)).toBe(
      "quoted",
    );
    expect(claimSupport({ text: "Patient said: I", quote: "I" }, [patient("I am here.")], reader)).toBe("quoted");
  });

  it("a framing adverb beside the reporting verb is the note's, not a word said: 'Talked mainly about breakup.'", () => {
    for (const claim of ["Talked mainly about breakup.", "Mainly talked about breakup.", "Also talked about breakup.", "Talked mostly about breakup.", "Talked chiefly about breakup.", "Talked largely about breakup.", "Talked briefly about breakup."]) {
      expect(claimSupport({ text: claim }, [patient("The breakup is all I think about.")], reader), claim).toBe("paraphrased");
    }
    // Away from a reporting verb it is claimed: "mainly" must be said.
    expect(claimSupport({ text: "Patient mainly drinks." }, [patient("I drink.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Breakup mainly." }, [patient("The breakup hurt.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Talked about mainly breakup." }, [patient("The breakup hurt.")], reader)).toBe("unsupported");
  });

  it("a claim with no content word is quoted only when it is its quote", () => {
    expect(claimSupport({ text: "I", quote: "I" }, [patient("I am here.")], reader)).toBe("quoted");
    expect(claimSupport({ text: "I" }, [patient("I am here.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "I", quote: "I" }, [], reader)).toBe("unsupported");
    expect(claimSupport({ text: "I", quote: "me" }, [patient("I am here.")], reader)).toBe("unsupported");
    // Every own word of the claim must be the quote's; the quote may say more.
    expect(claimSupport({ text: "I you", quote: "I" }, [patient("I am here.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "I", quote: "I am" }, [patient("I am here.")], reader)).toBe("quoted");
  });
});

describe("a plan line's own framing", () => {
  it("looks for no 'agreed' in the transcript: a short offer accepted stands on its words", () => {
    const cited = [therapist("Can I book that for you now?"), patient("Yes, please.")];
    expect(claimSupport({ text: "Agreed: “Yes, please.” — to “Can I book that for you now?”", quote: "Yes, please." }, cited, reader, "plan")).not.toBe("unsupported");
    // The words agreed to must still be said: a booking nobody offered is not grounded by the framing.
    expect(claimSupport({ text: "Agreed: “Yes, please.” — to “Can I send the referral to the clinic?”", quote: "Yes, please." }, cited, reader, "plan")).toBe("unsupported");
  });
});

describe("a line to confirm's own framing", () => {
  it("looks for no 'confirm' in the transcript: a short hedged commitment stands on its words", () => {
    expect(claimSupport({ text: "To confirm: I might text her.", quote: "I might text her.", speaker: "patient" }, [patient("I might text her. Maybe.")], reader, "topic")).toBe("quoted");
    expect(claimSupport({ text: "To confirm: I might text her.", quote: "I might text her.", speaker: "patient" }, [patient("I might ring her.")], reader, "topic")).toBe("unsupported");
  });
});

describe("the word lists of the rule", () => {
  it("looks for no reporting verb in the transcript", () => {
    // The list as the rule states it, not read from the module (a mutated list would test itself).
    const reporting = ["say", "tell", "report", "state", "mention", "describe", "disclose", "discuss", "express", "share", "talk", "speak", "explain", "note", "indicate", "acknowledge", "admit", "endorse", "suggest", "recommend", "ask", "deny", "touch", "explore", "reflect", "summarise", "summarize", "affirm", "agree", "confirm"];
    expect([...reportingLemmas].sort()).toEqual([...reporting].sort());
    for (const lemma of reporting) {
      // "deny wine" claims no wine.
      expect(claimSupport({ text: `${lemma} wine` }, [patient(lemma === "deny" ? "No wine." : "Some wine.")], reader), lemma).toBe("paraphrased");
    }
    expect(claimSupport({ text: "whisper wine" }, [patient("Some wine.")], reader)).toBe("unsupported");
  });

  it("reads a claim with a topic verb as a topic", () => {
    expect([...topicLemmas].sort()).toEqual(["discuss", "explore", "mention", "talk", "touch"]);
    for (const lemma of ["discuss", "talk", "touch", "mention", "explore"]) expect(claimSupport({ text: `${lemma} sleep` }, [patient("I can't sleep.")], reader), lemma).toBe("paraphrased");
    expect(claimSupport({ text: "report sleep" }, [patient("I can't sleep.")], reader)).toBe("unsupported");
  });

  it("names the patient or the therapist by each of their words", () => {
    for (const word of ["patient", "client"]) expect(attributedSpeaker({ text: word }, reader.read(word)), word).toBe("patient");
    for (const word of ["therapist", "clinician", "counsellor", "counselor"]) expect(attributedSpeaker({ text: word }, reader.read(word)), word).toBe("therapist");
    expect(attributedSpeaker({ text: "nurse" }, reader.read("nurse"))).toBeUndefined();
  });
});

describe("attributedSpeaker", () => {
  const read = (text: string) => reader.read(text);
  it("is the item's speaker, else the one the claim names alone", () => {
    expect(attributedSpeaker({ text: "Therapist said", speaker: "patient" }, read("Therapist said"))).toBe("patient");
    expect(attributedSpeaker({ text: "Client reports" }, read("Client reports"))).toBe("patient");
    expect(attributedSpeaker({ text: "The clinician suggested" }, read("The clinician suggested"))).toBe("therapist");
    expect(attributedSpeaker({ text: "Patient and counsellor agreed" }, read("Patient and counsellor agreed"))).toBeUndefined();
    expect(attributedSpeaker({ text: "Work stress" }, read("Work stress"))).toBeUndefined();
    expect(attributedSpeaker({ text: "Therapist said" }, read("Therapist said"))).toBe("therapist");
  });
});

describe("isContentWord", () => {
  const word = (lemma: string, partOfSpeech: string, stopWord = false) => ({ lemma, partOfSpeech, stopWord });
  it("counts nouns, proper nouns, adjectives, numbers and verbs, stop-listed or not, but not be, have, do", () => {
    for (const partOfSpeech of ["NOUN", "PROPN", "ADJ", "NUM", "VERB"]) expect(isContentWord(word("call", partOfSpeech, true))).toBe(true);
    for (const lemma of ["be", "have", "do"]) expect(isContentWord(word(lemma, "VERB")), lemma).toBe(false);
    expect(isContentWord(word("go", "VERB"))).toBe(true);
    expect(isContentWord(word("have", "NOUN"))).toBe(true);
  });
  it("counts adverbs that are not stop words, and no other part of speech", () => {
    expect(isContentWord(word("lately", "ADV"))).toBe(true);
    expect(isContentWord(word("really", "ADV", true))).toBe(false);
    for (const partOfSpeech of ["PRON", "DET", "AUX", "ADP", "PART", "CCONJ", "INTJ"]) expect(isContentWord(word("x", partOfSpeech))).toBe(false);
  });
});

describe("claimSupport with a reader that tags parts of speech", () => {
  // A reader that reads each word as the table says: the rule's use of parts of speech and stems.
  function tableReader(table: Record<string, Partial<ClaimWord>>): ClaimReader {
    return {
      name: "table",
      read(text) {
        return [...text.matchAll(/\S+/g)].map((match) => ({
          value: match[0],
          lemma: match[0].toLowerCase(),
          stem: match[0].toLowerCase(),
          partOfSpeech: "NOUN",
          stopWord: false,
          negated: false,
          start: match.index,
          end: match.index + match[0].length,
          ...table[match[0]],
        }));
      },
    };
  }
  const tagged = tableReader({
    touched: { lemma: "touch", partOfSpeech: "VERB" },
    reports: { lemma: "report", partOfSpeech: "VERB" },
    drinking: { lemma: "drinking", stem: "drink" },
    ran: { lemma: "run", stem: "ran" },
    drinks: { lemma: "drink", stem: "drink", partOfSpeech: "VERB" },
    was: { lemma: "be", partOfSpeech: "VERB" },
    really: { partOfSpeech: "ADV", stopWord: true },
  });
  it("matches a word by its stem when the lemmas differ, and by its lemma when the stems do", () => {
    expect(claimSupport({ text: "drinking" }, [patient("drinks")], tagged)).toBe("paraphrased");
    expect(claimSupport({ text: "ran" }, [patient("run")], tagged)).toBe("paraphrased");
    expect(claimSupport({ text: "ran" }, [patient("walk")], tagged)).toBe("unsupported");
  });
  it("takes the patient named before the first verb as the speaker, and a patient named after it as a topic", () => {
    const ward = [therapist("A patient fell on the ward"), patient("ward")];
    expect(claimSupport({ text: "Patient reports ward" }, [therapist("ward")], tagged)).toBe("unsupported");
    expect(claimSupport({ text: "Patient reports ward" }, [patient("ward")], tagged)).toBe("paraphrased");
    expect(claimSupport({ text: "session touched ward patient" }, ward, tagged)).toBe("paraphrased");
    expect(claimSupport({ text: "session touched ward patient" }, [patient("ward")], tagged)).toBe("unsupported");
    expect(claimSupport({ text: "therapist reports ward" }, ward, tagged)).toBe("paraphrased");
    expect(claimSupport({ text: "therapist reports ward" }, [patient("ward")], tagged)).toBe("unsupported");
  });

  it("leaves light verbs and stop-listed adverbs out of what must be said", () => {
    expect(claimSupport({ text: "was really drinking" }, [patient("drinks")], tagged)).toBe("paraphrased");
  });
});

describe("claimSupport: properties", () => {
  // Words the plain reader reads as content words and not as negation cues or reporting words.
  const contentWord = fc.constantFrom("wine", "garden", "sister", "music", "rent", "football", "painting", "coffee", "running", "letters");
  const statement = fc.uniqueArray(contentWord, { minLength: 1, maxLength: 4 });

  it("negation: a patient statement said plainly supports the claim; with 'not' before its words it does not", () => {
    fc.assert(
      fc.property(statement, (words) => {
        const claim = { text: `Patient reports ${words.join(" ")}` };
        const said = `I think ${words.join(" ")}.`;
        const negated = `I think not ${words.join(" ")}.`;
        const supported = claimSupport(claim, [patient(said)], reader);
        const flipped = claimSupport(claim, [patient(negated)], reader);
        return supported !== "unsupported" && flipped === "unsupported";
      }),
    );
  });

  it("speaker: a 'patient says' claim is supported by the patient's words, not by the same words said by the therapist", () => {
    fc.assert(
      fc.property(statement, fc.constantFrom("", "Well,", "You know,", "Honestly"), (words, opening) => {
        const said = `${opening} ${words.join(" ")}`;
        const claim = { text: `Patient says ${words.join(" ")}` };
        return claimSupport(claim, [patient(said)], reader) !== "unsupported" && claimSupport(claim, [therapist(said)], reader) === "unsupported";
      }),
    );
  });

  it("a claim is never better supported by fewer cited segments", () => {
    const rank = { unsupported: 0, paraphrased: 1, quoted: 2 } as const;
    fc.assert(
      fc.property(statement, statement, (claimWords, other) => {
        const claim = { text: claimWords.join(" ") };
        const one = claimSupport(claim, [patient(other.join(" "))], reader);
        const both = claimSupport(claim, [patient(other.join(" ")), patient(claimWords.join(" "))], reader);
        return rank[both] >= rank[one] && both !== "unsupported";
      }),
    );
  });
});

describe("one check of the notes reads each text once (readingOnce)", () => {
  function countingReader() {
    const reads: string[] = [];
    const plain = createPlainWordsClaimReader();
    return { reads, reader: { name: "counting", read: (text: string) => (reads.push(text), plain.read(text)) } satisfies ClaimReader };
  }

  it("a segment cited by many claims, and a quote that is its claim's text, are read once", () => {
    const { reads, reader: plainCounting } = countingReader();
    const counting = readingOnce(plainCounting);
    const cited = [patient("I will call my sister next week.")];
    expect(claimSupport({ text: "call sister", quote: "call my sister" }, cited, counting)).toBe("quoted");
    expect(claimSupport({ text: "I will call my sister next week.", quote: "I will call my sister next week." }, cited, counting)).toBe("quoted");
    expect(reads).toEqual(["call sister", "I will call my sister next week.", "call my sister"]);
  });

  it("forgets what it read with the check: a new check reads again", () => {
    const { reads, reader: counting } = countingReader();
    claimSupport({ text: "call sister" }, [], readingOnce(counting));
    claimSupport({ text: "call sister" }, [], readingOnce(counting));
    expect(reads).toEqual(["call sister", "call sister"]);
  });
});

describe("a plan item's claim support: it stands on a commitment", () => {
  it("carries a plan the patient committed to in their words", () => {
    const words = "I'll ring my sister on Sunday.";
    expect(claimSupport({ text: words, quote: words }, [patient(words)], reader, "plan")).toBe("quoted");
    const going = "I am going to book the appointment tomorrow.";
    expect(claimSupport({ text: going, quote: going }, [patient(going)], reader, "plan")).toBe("quoted");
  });

  it("carries a therapist's proposal the patient took up, citing the proposal and the assent", () => {
    const proposal = "You could keep a sleep diary this week.";
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("That's a good idea.")], reader, "plan")).not.toBe("unsupported");
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("Will do, thanks.")], reader, "plan")).not.toBe("unsupported");
  });

  it("does not carry a question, a suggestion nobody took up or the patient's words without a commitment", () => {
    const question = "Maybe you could tell me how much you drank?";
    expect(claimSupport({ text: question, quote: question }, [therapist(question)], reader, "plan")).toBe("unsupported");
    const proposal = "You could keep a sleep diary this week.";
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("Okay, thanks.")], reader, "plan")).toBe("unsupported");
    const past = "I rang my sister on Sunday.";
    expect(claimSupport({ text: past, quote: past }, [patient(past)], reader, "plan")).toBe("unsupported");
  });

  it("never carries a plan that quotes a question as what was agreed, whatever the patient answered", () => {
    const question = "Could you try to take some slow breathing when it starts?";
    expect(claimSupport({ text: `Agreed: ${question}`, quote: question }, [therapist(question), patient("Yes, I will do that.")], reader, "plan")).toBe("unsupported");
    const stated = "Try to take some slow breathing when it starts.";
    expect(claimSupport({ text: `Agreed: ${stated}`, quote: stated }, [therapist(stated), patient("Yes, I will do that.")], reader, "plan")).not.toBe("unsupported");
    // A statement is not judged as a plan: the same question may be quoted elsewhere in the notes.
    expect(claimSupport({ text: question, quote: question }, [therapist(question)], reader)).toBe("quoted");
  });

  it("does not carry an assent that only keeps it in mind, or a commitment only guessed at; an assent beside 'I could' carries", () => {
    const proposal = "You could keep a sleep diary this week.";
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("Good idea, I'll keep it in mind.")], reader, "plan")).toBe("unsupported");
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("That's a good idea, I could try that.")], reader, "plan")).not.toBe("unsupported");
    const thought = "I guess I'll ring my sister on Sunday.";
    expect(claimSupport({ text: thought, quote: thought }, [patient(thought)], reader, "plan")).toBe("unsupported");
  });

  it("reads intent within three words of the subject, and 'we' as a subject", () => {
    const near = "I am really going to phone the GP.";
    expect(claimSupport({ text: near, quote: near }, [patient(near)], reader, "plan")).toBe("quoted");
    const we = "We plan to visit the school together.";
    expect(claimSupport({ text: we, quote: we }, [patient(we)], reader, "plan")).toBe("quoted");
    const far = "I and my whole family very much want to go to the beach.";
    expect(claimSupport({ text: far, quote: far }, [patient(far)], reader, "plan")).toBe("unsupported");
    const going = "I keep going back to the old house.";
    expect(claimSupport({ text: going, quote: going }, [patient(going)], reader, "plan")).toBe("unsupported");
  });

  it("takes an assent only as a whole phrase, in words of the patient", () => {
    const proposal = "You could join the walking group.";
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("Sounds good to me.")], reader, "plan")).not.toBe("unsupported");
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(proposal), patient("That was a good walk.")], reader, "plan")).toBe("unsupported");
    expect(claimSupport({ text: `Agreed: ${proposal}`, quote: proposal }, [therapist(`${proposal} That's a good idea.`)], reader, "plan")).toBe("unsupported");
  });

  it("reads the same words as a statement when they are not a plan item", () => {
    const past = "I rang my sister on Sunday.";
    expect(claimSupport({ text: past, quote: past }, [patient(past)], reader)).toBe("quoted");
  });
});
