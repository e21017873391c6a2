/** Topics: noun phrases, never contractions or fillers, whole words, the main concern first. Dialogues written for the test. */
import { isNotAssessed } from "@confide/core/adapter-kit";
import type { NoteItemDraft } from "@confide/core/ports";
import { describe, expect, it } from "vitest";
import { verifyNotes } from "@confide/core";
import { createWinkClaimReader } from "../wink-claims/wink-claim-reader.ts";
import { dialogueInput } from "./dialogue-input.test-support.ts";
import { writeEmbeddedNotes } from "./embedded-note-writer.ts";

const input = (turns: string[]) => dialogueInput(turns, { scored: false });

const texts = (field: unknown) => (isNotAssessed(field) ? [] : (field as NoteItemDraft[]).map((item) => item.text));

/** The key topic named `text` as core's claim check verifies it against the session, or undefined. */
function verifiedTopic(given: ReturnType<typeof input>, notes: ReturnType<typeof writeEmbeddedNotes>, text: string) {
  const verified = verifyNotes(notes, { ...given, revision: 1 }, { provider: "embedded", model: "m", promptVersion: "p", writtenAt: new Date(0) }, createWinkClaimReader());
  return isNotAssessed(verified.keyTopics) ? undefined : verified.keyTopics.find((item) => item.text === text);
}

/** Asserts that the session's key topics hold none of `words` and do hold `kept`. */
function expectNoTopics(turns: string[], words: readonly string[], kept: string): void {
  const topics = texts(writeEmbeddedNotes(input(turns)).keyTopics);
  for (const word of words) expect(topics, word).not.toContain(word);
  expect(topics).toContain(kept);
}

describe("topics", () => {
  it("never takes a contraction, a backchannel or a chat filler for a topic", () => {
    const notes = writeEmbeddedNotes(
      input([
        "P: I'm gonna be honest, I wanna quit, huh, I gotta say the shoplifting thing is eating me up.",
        "T: Tell me about the shoplifting.",
        "P: Yeah lol I'm gonna lose my job if the store calls my manager, I wanna fix it, gotta fix it.",
        "T: The store and your job, huh.",
      ]),
    );
    const topics = texts(notes.keyTopics).join(" ");
    for (const filler of ["gonna", "wanna", "gotta", "huh", "lol"]) expect(topics).not.toContain(filler);
    expect(topics).toContain("shoplifting");
  });

  it("takes no unit of money for a topic; what the money went on stays", () => {
    const turns = ["P: I lost four hundred quid on the betting. Rent money.", "T: Four hundred quid on the betting.", "P: Yeah. Fifty pounds the week before, and a hundred bucks online."];
    expectNoTopics(turns, ["quid", "pounds", "pound", "bucks", "buck"], "betting");
  });

  it("takes no measure of a dose and no 'round' of a thought going round for a topic", () => {
    const turns = ["P: Sixty mil of methadone, same as always. Ten mg of the other one.", "T: Sixty mil.", "P: And my head goes round and round at night, round and round about the methadone."];
    expectNoTopics(turns, ["mil", "mg", "round"], "methadone");
  });

  it("weighs as the agenda only a concern named before the patient speaks, not the tea offered", () => {
    const turns = ["T: Hello Graham, come through. Can I get you a cup of tea?", "P: No, you're alright. My neighbour's sitting with her.", "T: So how are things?", "P: Not good."];
    expect(texts(writeEmbeddedNotes(input(turns)).keyTopics)[0]).toBe("neighbour");
    const agenda = ["T: Your GP asked me to talk with you about the betting.", "P: Yeah. My partner found out.", "T: What happened?", "P: She saw the statements. My partner's furious."];
    expect(texts(writeEmbeddedNotes(input(agenda)).keyTopics).slice(0, 2)).toContain("betting");
  });

  it("takes no transcriber's note for a topic: (pause), [laughs]", () => {
    const turns = ["P: (pause) It's the weight. (long pause) My weight. [sighs] And school.", "T: The weight.", "P: (pause) Yeah. (pause) The weight, and the dizziness at school."];
    expectNoTopics(turns, ["pause", "sighs", "long pause"], "weight");
    // A speaker's own words in brackets stay: "(the exams)" names a topic.
    expect(texts(writeEmbeddedNotes(input(["P: It's all of it (the exams, mostly). The exams."])).keyTopics)).toContain("exams");
  });

  it("takes the hospice where someone died as a concern", () => {
    const turns = ["P: He was in the hospice, and I went home for a bath and a bit of sleep. They rang at four. He'd gone.", "T: Oh, Margaret.", "P: I keep going over it. The phone rang and I knew. The phone."];
    expect(texts(writeEmbeddedNotes(input(turns)).keyTopics)[0]).toBe("hospice");
  });

  it("takes no verb the tagger read as a noun, with its object pronoun after it, for a topic", () => {
    const turns = [
      "P: I keep thinking about my son. That's what stops me. He's only nine.",
      "T: Your son keeps you going.",
      "P: Yeah. And my sister, she calls me every day. What stops me is my son though.",
    ];
    expectNoTopics(turns, ["stops", "stop"], "son");
    // The same word as a noun is still one: "the bus stops near the school".
    expect(texts(writeEmbeddedNotes(input(["P: The bus stops near the school are closed. The stops by the park too.", "T: The stops are closed."])).keyTopics)).toContain("stops");
  });

  it("names a noun topic in the form the session said most, not its dictionary form", () => {
    const topics = texts(
      writeEmbeddedNotes(
        input(["P: My parents keep fighting about money and my parents never listen to me.", "T: Your parents fight a lot.", "P: Yes, and each parent blames me for the exams I failed."]),
      ).keyTopics,
    );
    expect(topics).toContain("parents");
    expect(topics).not.toContain("parent");
  });

  it("names a concern told as an event, in the words as said, and one topic for its verb and its noun", () => {
    const turns = [
      "T: What brings you here today?",
      "P: Me and Jo broke up on Saturday night, I keep replaying it.",
      "T: That sounds painful. How are the evenings?",
      "P: The flat is quiet, I walk the dog, the dog helps, I take the dog out twice, but the breakup is all I think about.",
      "T: And work?",
      "P: At work I was fired last month too, so it is a lot.",
    ];
    const given = input(turns);
    const notes = writeEmbeddedNotes(given);
    // The first topic line names the concern, though the dog is said more often.
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about .*breaking up/);
    expect(texts(notes.keyTopics)).not.toContain("breakup");
    expect(texts(notes.keyTopics)).toContain("being fired");
    const breaking = verifiedTopic(given, notes, "breaking up");
    expect(breaking?.verification.status).toBe("grounded");
    expect(breaking?.support).toBe("quoted");
  });

  it("counts a habit's doer for the habit: one topic 'drinking', not 'drinker' beside it", () => {
    const turns = [
      "T: Your GP mentioned the drinking. How do you see it?",
      "P: I'm a heavy drinker, always have been, my dad was a drinker too, the drinking is just normal for us.",
      "T: And your work?",
      "P: Work is fine, the drinking doesn't touch work.",
    ];
    const given = input(turns);
    const notes = writeEmbeddedNotes(given);
    expect(texts(notes.keyTopics)).toContain("drinking");
    expect(texts(notes.keyTopics)).not.toContain("drinker");
    expect(verifiedTopic(given, notes, "drinking")?.verification.status).toBe("grounded");
  });

  it("names stealing told in verbs, and the theft's own nouns count for it", () => {
    const turns = [
      "T: What happened at the shops?",
      "P: I got caught taking stuff again, a lipstick and a charger, and the charger was for my mate.",
      "T: What do you make of it?",
      "P: I stole because they dared me, the shoplifting is stupid, my mate has a charger anyway.",
    ];
    const given = input(turns);
    const notes = writeEmbeddedNotes(given);
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about getting caught taking/);
    expect(texts(notes.keyTopics)).not.toContain("shoplifting");
    expect(verifiedTopic(given, notes, "getting caught taking")?.verification.status).toBe("grounded");
  });

  it("takes no time of day, misspelt 'a lot', 'others', 'self' or 'terms' for a topic", () => {
    expectNoTopics(
      [
        "P: Every afternoon I worry alot about the others at the clinic and my self, in terms of the rota.",
        "T: The rota and the afternoons.",
        "P: Yes, the rota, alot of afternoons, the others, my self.",
      ],
      ["afternoon", "alot", "others", "self", "term", "terms"],
      "rota",
    );
  });

  it("takes no plans, events, emotions, fun, tonight or a typed 'thankyou' for a topic", () => {
    expectNoTopics(
      [
        "P: My plans for tonight fell through and the events at the allotment are cancelled, so much emotion, no fun.",
        "T: The allotment sounds important to you.",
        "P: Thankyou, the allotment is my plans, my fun, my events, the emotions of tonight.",
      ],
      ["plans", "plan", "tonight", "events", "event", "emotions", "emotion", "fun", "thankyou"],
      "allotment",
    );
  });

  it("takes no concern, tip, information, option or a typed 'thanx' for a topic", () => {
    expectNoTopics(
      [
        "P: My concern is the allotment, any tips or information on the options would help, thanx.",
        "T: I understand your concerns about the allotment; one option is the waiting list.",
        "P: Thanx, the allotment and my concerns, the options, the tips, the information.",
      ],
      ["concern", "concerns", "tip", "tips", "information", "option", "options", "thanx"],
      "allotment",
    );
  });

  it("takes no word the lexicon lacks said once for a topic, and keeps one said again", () => {
    const notes = writeEmbeddedNotes(
      input([
        "P: My wokr is piling up and the mturk queue is empty, the landlord wants the rent.",
        "T: The rent and the queue on mturk.",
        "P: Yes, mturk pays the rent when it pays at all.",
      ]),
    );
    const topics = texts(notes.keyTopics);
    expect(topics).not.toContain("wokr");
    expect(topics).toContain("mturk");
  });

  it("heads the line with the problem brought, before a thing mentioned as often", () => {
    const notes = writeEmbeddedNotes(
      input([
        "T: What is on your mind?",
        "P: My exam is on Monday and I sit in the garden all day with the cat instead of revising.",
        "T: The garden sounds like a refuge.",
        "P: The garden is nice, the cat sleeps, and the exam feels huge.",
      ]),
    );
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about exam\b/);
  });

  it("names a habit said as a verb by its noun, and heads the line with it", () => {
    const turns = [
      "T: Your GP said your blood pressure is up. What do you make of that?",
      "P: I smoke when the shift gets hectic, it's the only thing that settles me before I go back on the ward.",
      "T: How much in a day?",
      "P: Twenty a day at least, and I smoke more when my manager is on at me.",
      "T: Have you tried to stop?",
      "P: Once, but the smoking is the one break I get.",
    ];
    const given = input(turns);
    const notes = writeEmbeddedNotes(given);
    expect(texts(notes.keyTopics)[0]).toBe("smoking");
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about smoking\b/);
    // The topic cites the verb said, and core's claim check finds it there.
    const smoking = verifiedTopic(given, notes, "smoking");
    expect(smoking?.verification.status).toBe("grounded");
    expect(smoking?.quote).toBe("smoke");
  });

  it("takes no measure of what was drunk or smoked for a topic: the wine, not the bottle", () => {
    const notes = writeEmbeddedNotes(input(["T: Tell me about the drinking.", "P: A bottle of wine most nights, and a packet of cigarettes.", "T: A bottle a night.", "P: Yeah, a bottle, sometimes a glass more."]));
    expect(texts(notes.keyTopics)).not.toContain("bottle");
    expect(texts(notes.keyTopics)).not.toContain("packet");
    expect(texts(notes.keyTopics)).toContain("wine");
  });

  it("counts 'vaping', which the model does not lemmatise, as the habit", () => {
    const notes = writeEmbeddedNotes(input(["T: What brings you in?", "P: I've been vaping a lot at school. I vape every break.", "T: Tell me about the vaping.", "P: It calms me down."]));
    expect(texts(notes.keyTopics)).toContain("vaping");
  });

  it("names a condition said as an adjective by its noun: pregnant, the pregnancy", () => {
    const notes = writeEmbeddedNotes(
      input(["T: How are you finding things?", "P: I'm pregnant and the nausea is awful, I'm pregnant with twins too.", "T: Twins.", "P: Yes, and my partner is away a lot."]),
    );
    expect(texts(notes.keyTopics)).toContain("pregnancy");
    expect(texts(notes.topicSummary)[0]).toMatch(/pregnancy/);
  });

  it("takes no topic from a form of address, nor from a short word the model does not know", () => {
    const notes = writeEmbeddedNotes(input(["P: thank you sir, my exams are soon sir.", "T: Go on.", "P: yes sir, the exams scare me sir. qzx qzx."]));
    expect(texts(notes.keyTopics)).not.toContain("sir");
    expect(texts(notes.keyTopics)).not.toContain("qzx");
    expect(texts(notes.keyTopics)).toContain("exams");
  });

  it("takes no topic from a word for any man: 'that bloke', 'a fella', 'the chap'", () => {
    const notes = writeEmbeddedNotes(input(["T: What worries you most?", "P: I don't want to be that bloke. My dad was that bloke, shouting at the fella next door.", "T: Go on.", "P: The chap at work says the anger course helps, the anger is the worst of it."]));
    for (const word of ["bloke", "fella", "chap"]) expect(texts(notes.keyTopics), word).not.toContain(word);
    expect(texts(notes.keyTopics)).toContain("anger");
  });

  it("takes no topic from 'a look'", () => {
    expect(texts(writeEmbeddedNotes(input(["T: Here's the leaflet.", "P: I'll take a look. I'll have a look at the group too.", "T: Good.", "P: My brother would have liked the group."])).keyTopics)).not.toContain("look");
  });

  it("names betting said as a verb, never 'I bet…'", () => {
    const given = input(["T: What brings you in?", "P: The betting. I keep betting on the horses and my wife found out.", "T: Go on.", "P: The betting is all I think about."]);
    const notes = writeEmbeddedNotes(given);
    expect(texts(notes.keyTopics)).toContain("betting");
    expect(verifiedTopic(given, notes, "betting")?.verification.status).toBe("grounded");
    expect(texts(writeEmbeddedNotes(input(["P: I bet you hear this all the time.", "T: Sometimes.", "P: My wife is upset about money, I bet she leaves."])).keyTopics)).not.toContain("betting");
    // Said with a determiner ("the betting"), the verb is the noun and weighs as one.
    const led = writeEmbeddedNotes(input(["T: What would you like to focus on?", "P: The betting. My wife found out.", "T: Go on.", "P: The betting has got out of hand, my wife is furious."]));
    expect(texts(led.keyTopics)[0]).toBe("betting");
  });

  it("reads drinking water or tea as no habit, and counts a habit's verb for less than its noun", () => {
    expect(texts(writeEmbeddedNotes(input(["P: I drink a lot of water at work and the job is hard.", "T: The job.", "P: Yes, the job, and I drink tea all day."])).keyTopics)).not.toContain("drinking");
    const coping = writeEmbeddedNotes(input(["P: Since the breakup my girlfriend is all I think about, I keep reading old messages from my girlfriend.", "T: That hurts.", "P: Some nights I drink to stop thinking about her."]));
    expect(texts(coping.keyTopics)[0]).toBe("girlfriend");
    expect(texts(coping.keyTopics)).toContain("drinking");
  });

  it("reads no event denied", () => {
    const notes = writeEmbeddedNotes(input(["P: I didn't fail the exam. He never cheated on me, the exam was just hard.", "T: The exam.", "P: Yes the exam."]));
    expect(texts(notes.keyTopics)).not.toContain("failing");
    expect(texts(notes.keyTopics)).not.toContain("cheating");
    expect(texts(notes.keyTopics)).toContain("exam");
  });

  it("keeps a word with letters outside a-z whole", () => {
    const notes = writeEmbeddedNotes(
      input(["P: My whānau want me home for the hui, and my whānau matter more than the job.", "T: Your whānau are pulling you home.", "P: Yes, the whānau."]),
    );
    const topics = texts(notes.keyTopics);
    expect(topics).toContain("whānau");
    expect(topics.some((topic) => topic === "nau" || topic === "wh")).toBe(false);
  });

  it("never takes a unit written onto a number for a topic", () => {
    const notes = writeEmbeddedNotes(
      input(["P: The bus takes 45min each way and my shift starts at 6am, so my sleep is short.", "T: The commute eats your sleep.", "P: Yes, 45min of commute and then the shift."]),
    );
    const topics = texts(notes.keyTopics);
    expect(topics.some((topic) => /\b(min|am)\b/.test(topic))).toBe(false);
    expect(topics.join(" ")).toMatch(/sleep|commute|shift/);
  });

  it("keeps a hyphenated word whole, and a spaced dash joins nothing", () => {
    const notes = writeEmbeddedNotes(
      input([
        "P: My self-esteem fell apart when they started down-sizing the office.",
        "T: Your self-esteem took a blow with the down-sizing.",
        "P: Yes - the self-esteem part - and the office gossip.",
      ]),
    );
    const topics = texts(notes.keyTopics);
    expect(topics).toEqual(expect.arrayContaining(["self-esteem", "down-sizing"]));
    expect(topics.some((topic) => ["esteem", "sizing", "self"].includes(topic) || topic.startsWith("-") || topic.includes(" - "))).toBe(false);
  });

  it("puts the concern the patient opened with in the first topic line, before what the therapist asked about", () => {
    const notes = writeEmbeddedNotes(
      input([
        "P: I got evicted from my flat on Friday and the landlord kept my deposit.",
        "T: How is your sleep? And your appetite? Sleep matters. Any exercise? How is sleep at the weekend?",
        "P: Sleep is fine. It's the eviction, and the deposit, I have nowhere to go.",
        "T: The eviction sounds frightening.",
      ]),
    );
    const [first] = texts(notes.topicSummary);
    expect(first).toMatch(/^Talked mainly about /);
    expect(first).toMatch(/eviction|deposit|flat|landlord/);
    expect(first).not.toMatch(/sleep/);
  });

  it("counts the agenda the therapist opens with, and a body's concern named by its phrase, as the problem brought", () => {
    const notes = writeEmbeddedNotes(
      input([
        "T: Thanks for coming in. Your doctor asked me to talk with you about your blood pressure tablets.",
        "P: Um, yeah. I keep forgetting them, because I start work early and I rush out the door.",
        "T: What do you know about what happens if your blood pressure stays high?",
        "P: My dad had a stroke.",
        "T: Would it help to keep the tablets by the kettle?",
        "P: Yeah, I have a tea every morning.",
      ]),
    );
    const [first] = texts(notes.topicSummary);
    expect(first).toMatch(/blood pressure|tablets/);
    expect(first).not.toMatch(/door|kettle|tea/);
  });

  it("weighs the therapist's agenda, before the patient first speaks, as much as the patient's own opening words", () => {
    const turns = ["T: Your GP asked me to talk with you about your drinking.", "P: My wife has been on at me. And work has been stressful.", "T: Tell me more.", "P: It's mostly weekends."];
    expect(texts(writeEmbeddedNotes(input(turns)).topicSummary)[0]).toMatch(/^Talked mainly about drinking\b/);
    // After the patient has spoken, the therapist's words weigh as an echo: the patient's concern heads the line.
    const later = ["T: Hi.", "P: My wife has been on at me. And work has been stressful.", "T: Your GP mentioned your drinking.", "P: It's mostly weekends."];
    expect(texts(writeEmbeddedNotes(input(later)).topicSummary)[0]).not.toMatch(/^Talked mainly about drinking\b/);
  });

  it("does not head the line with what the therapist says after the patient has opened", () => {
    const notes = writeEmbeddedNotes(
      input([
        "T: Hi, how are you?",
        "P: My girlfriend moved out on Sunday and the breakup is all I think about.",
        "T: Have you tried going to the gym? The gym helps some people. A gym routine is good.",
        "P: The breakup just hurts.",
      ]),
    );
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about breakup\b/);
  });

  it("names a topic by the phrase said again inside longer ones, and lists no modifier of it as a topic of its own", () => {
    const notes = writeEmbeddedNotes(
      input([
        "T: How have you been?",
        "P: My sleep schedule is a mess. I get terrible muscle pain in my legs at night.",
        "T: Unexplained muscle pain is worth checking. And the sleep schedule, what time do you go to bed?",
        "P: Midnight, or later.",
      ]),
    );
    const topics = texts(notes.keyTopics);
    expect(topics).toContain("muscle pain");
    expect(topics).toContain("sleep schedule");
    expect(topics).not.toContain("muscle");
    expect(topics).not.toContain("sleep");
    // The merged phrase takes the rank of its modifier, a concern: it heads the line.
    expect(texts(notes.topicSummary)[0]).toMatch(/^Talked mainly about sleep schedule\b/);
  });
});
