import { claimSupport, verifyNotes, type CitedSegment } from "@confide/core";
import { allNotAssessed } from "@confide/core/adapter-kit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWinkClaimReader } from "./wink-claim-reader.ts";

// Core's claim-support rule with the reader every profile uses: wink-nlp's lemmas and negation.
const reader = createWinkClaimReader();
const patient = (text: string): CitedSegment => ({ text, role: "patient" });
const therapist = (text: string): CitedSegment => ({ text, role: "therapist" });

describe("wink-nlp claim reader", () => {
  it("reads lemmas, negation and offsets", () => {
    const text = "She hits me. I don't drink.";
    const words = reader.read(text);
    expect(words.map((word) => word.lemma)).toEqual(["she", "hit", "me", "i", "do", "not", "drink"]);
    expect(words.find((word) => word.lemma === "drink")?.negated).toBe(true);
    expect(words.find((word) => word.lemma === "hit")?.negated).toBe(false);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.value);
  });

  it("knows emotion words as words of their emotion, so a theme's name is carried by them", () => {
    const words = reader.read("I was worried and kept crying; work was fine.");
    expect(words.find((word) => word.value === "worried")?.kinds).toEqual(["anxiety"]);
    expect(words.find((word) => word.value === "crying")?.kinds).toEqual(["sadness"]);
    expect(words.find((word) => word.value === "work")?.kinds).toBeUndefined();
    expect(claimSupport({ text: "anxiety", quote: "worried" }, [patient("I was worried about the exam.")], reader)).toBe("quoted");
    expect(claimSupport({ text: "anger", quote: "worried" }, [patient("I was worried about the exam.")], reader)).toBe("unsupported");
  });

  it("reads a condition's adjective as a word of its noun, so a topic line naming the noun stands on it", () => {
    expect(reader.read("I'm twenty weeks pregnant.").find((word) => word.value === "pregnant")?.kinds).toEqual(["pregnancy"]);
    const cited = [therapist("You wanted to talk about drinking."), patient("I found out I was pregnant.")];
    expect(claimSupport({ text: "Talked mainly about drinking and pregnancy." }, cited, reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Talked mainly about drinking and pregnancy." }, [patient("My sister had a baby.")], reader)).toBe("unsupported");
  });

  it("keeps a negation on the words it governs, not on a want said later in the sentence", () => {
    const words = reader.read("I don't know why I want to die");
    expect(words.find((word) => word.lemma === "know")?.negated).toBe(true);
    expect(words.find((word) => word.lemma === "die")?.negated).toBe(false);
  });
});

describe("claim support read by wink-nlp: hand-written model answers", () => {
  it("'Patient discloses being hit by her partner' citing 'My partner' is unsupported", () => {
    expect(claimSupport({ text: "Patient discloses being hit by her partner", quote: "My partner" }, [patient("My partner and I argued a lot last week.")], reader)).toBe("unsupported");
    // The same claim on words that say it: a paraphrase.
    expect(claimSupport({ text: "Patient discloses being hit by her partner", quote: "My partner" }, [patient("My partner hits me when he drinks.")], reader)).toBe("paraphrased");
  });

  it("the key topic 'Suicidal ideation' citing the quote 'I' is unsupported", () => {
    expect(claimSupport({ text: "Suicidal ideation", quote: "I" }, [patient("I feel like nothing matters anymore.")], reader, "topic")).toBe("unsupported");
  });

  it("exact quotes are quoted, faithful paraphrases paraphrased", () => {
    const said = "Next week I'm going to call my sister and tell her how I feel.";
    expect(claimSupport({ text: said, quote: said, speaker: "patient" }, [patient(said)], reader)).toBe("quoted");
    expect(claimSupport({ text: "panic attack", quote: "panic attacks" }, [patient("I had two panic attacks at work.")], reader, "topic")).toBe("quoted");
    expect(claimSupport({ text: "Patient feels anxious about work" }, [patient("I've been so anxious at work lately.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient plans to call her sister" }, [patient(said)], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient wants to die" }, [patient("I don't know why I want to die.")], reader)).toBe("paraphrased");
  });

  it("negation flips support, and a denial reads as one", () => {
    expect(claimSupport({ text: "Patient drinks" }, [patient("I don't drink.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient does not drink" }, [patient("I don't drink.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient denies drinking" }, [patient("I don't drink.")], reader)).toBe("paraphrased");
    expect(claimSupport({ text: "Patient denies drinking" }, [patient("I drink every day.")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient discussed drinking" }, [patient("I don't drink.")], reader)).toBe("paraphrased");
  });

  it("a patient named after the verb is a topic, not the speaker; a quote after reporting words is quoted", () => {
    const cited = [patient("We were four nurses short on the ward, and a patient fell."), therapist("It might help to speak to occupational health.")];
    expect(claimSupport({ text: "The session touched on the ward, occupational health and a patient." }, cited, reader)).toBe("paraphrased");
    expect(claimSupport({ text: "You said: “I'll tell him you said that.”", quote: "I'll tell him you said that." }, [patient("Thanks. I'll tell him you said that.")], reader)).toBe(
      "quoted",
    );
  });

  it("a key topic naming only a word that says nothing ('afterwards') is unsupported, and a sentence repeating it", () => {
    const cited = [patient("On day 3 I went walking in the park and felt somewhat calmer afterwards.")];
    expect(claimSupport({ text: "afterwards" }, cited, reader, "topic")).toBe("unsupported");
    expect(claimSupport({ text: "You talked about afterwards." }, cited, reader)).toBe("unsupported");
    expect(claimSupport({ text: "park" }, cited, reader, "topic")).toBe("paraphrased");
  });

  it("a mood its cited words do not show is unverified: 'Patient is in despair' citing 'better'; citing words of despair it stands", () => {
    const moodCiting = (patientLine: string) =>
      verifyNotes(
        { ...allNotAssessed("not in this test"), sessionMood: { value: "very_negative", text: "Patient is in despair.", evidence: [{ segmentId: "seg-2", start: 0, end: patientLine.length }] } },
        {
          revision: 1,
          speakers: [
            { label: "S1", role: "therapist" },
            { label: "S2", role: "patient" },
          ],
          segments: [
            { id: "seg-1", speaker: "S1", startMs: 0, endMs: 3_000, text: "How has the week been?" },
            { id: "seg-2", speaker: "S2", startMs: 3_000, endMs: 8_000, text: patientLine },
          ],
        },
        { provider: "test", model: "m", promptVersion: "1", writtenAt: new Date(0) },
        reader,
      ).sessionMood;
    expect(moodCiting("A bit better, I went out twice.")).toMatchObject({ verification: { status: "unverified", reason: "The cited words do not support what the item says." } });
    // It is the cited words that decide: the same claim on words of despair.
    expect(moodCiting("I am in despair, nothing helps.")).toMatchObject({ verification: { status: "grounded" } });
  });

  it("the speaker matters", () => {
    expect(claimSupport({ text: "Patient reports drinking every night" }, [therapist("Are you drinking every night?")], reader)).toBe("unsupported");
    expect(claimSupport({ text: "Patient reports drinking every night" }, [patient("I am drinking every night.")], reader)).toBe("paraphrased");
  });
});

describe("claim support read by wink-nlp: properties", () => {
  const statements = fc.constantFrom(
    { claim: "Patient reports she drinks wine", said: "I drink wine with dinner.", negated: "I never drink wine with dinner." },
    { claim: "Patient says she sleeps well", said: "I sleep well these days.", negated: "I do not sleep well these days." },
    { claim: "Patient reports feeling hopeless", said: "I feel hopeless most mornings.", negated: "I don't feel hopeless most mornings." },
    { claim: "Patient says she trusts her partner", said: "I trust my partner completely.", negated: "I can't trust my partner completely." },
    { claim: "Patient reports going to the gym", said: "I go to the gym on Mondays.", negated: "I never go to the gym on Mondays." },
  );
  const openings = fc.constantFrom("", "Honestly, ", "Well, ", "You know, ");

  it("adding a negation to the cited segment flips a supported claim to unsupported", () => {
    fc.assert(
      fc.property(statements, openings, ({ claim, said, negated }, opening) => {
        expect(claimSupport({ text: claim }, [patient(opening + said)], reader)).not.toBe("unsupported");
        expect(claimSupport({ text: claim }, [patient(opening + negated)], reader)).toBe("unsupported");
      }),
    );
  });

  it("moving the cited words to the therapist flips a 'patient says' claim", () => {
    fc.assert(
      fc.property(statements, openings, ({ claim, said }, opening) => {
        expect(claimSupport({ text: claim }, [patient(opening + said)], reader)).not.toBe("unsupported");
        expect(claimSupport({ text: claim }, [therapist(opening + said)], reader)).toBe("unsupported");
      }),
    );
  });
});

describe("a transcriber's note", () => {
  it("is no words said: '(pause) Fine.' reads as 'Fine.', and '[laughs]' as nothing; other brackets are", () => {
    const reader = createWinkClaimReader();
    expect(reader.read("(pause) Fine. [laughs] Okay.").map((word) => word.value)).toEqual(["Fine", "Okay"]);
    // Words a speaker typed in brackets are said.
    expect(reader.read("Fine (for now).").map((word) => word.value)).toEqual(["Fine", "for", "now"]);
    expect(reader.read("(long pause) Do you have to?").map((word) => word.value)).toEqual(["Do", "you", "have", "to"]);
    expect(reader.read("Fine.").map((word) => word.value)).toEqual(["Fine"]);
  });
});
