/**
 * A clinical psychologist in oncology and a woman with advanced ovarian cancer, written for the
 * test by a helper who saw neither the writer nor the screen (no real session's words). She speaks
 * of dying, her prognosis and her funeral wishes, is not suicidal (asked, she wants every day she
 * can get), and once says that if it gets really bad she'd want it over quickly, which she then
 * explains as wanting the pain managed. Run as the pipeline runs it.
 */
import { describe, expect, it } from "vitest";
import { listed, runSession as run } from "./session-run.test-support.ts";

const session = [
  "T: Hello Helen. Come in, have a seat. How are you doing today?",
  "P: Oh, you know. Tired. I had to get Claire to drive me, I can't really manage the car anymore.",
  "T: I'm glad she could bring you. Last time we met you'd just had the appointment with Dr Okafor. How have things been since then?",
  "P: Well. It's sunk in a bit more, I think. He was very straight with me, which I appreciated. He said it's likely months rather than years. Maybe a few months.",
  "T: Mm.",
  "P: And the chemo's stopped. They said there's nothing more it would do except make me feel worse. So it's all about comfort now.",
  "T: That's an awful lot to take in. How are you sitting with it now, a few weeks on?",
  "P: Honestly? Calmer than I expected. I cried a lot that first week. Then something sort of... settled. I'm going to die, I know that, and I think I've made a kind of peace with it.",
  "T: You sound quite steady saying that.",
  "P: I am, mostly. I'm not afraid of death. I'm afraid of the pain.",
  "T: Tell me more about the pain.",
  "P: It's in my tummy and my back mostly. The days are alright, I've got the slow-release morphine and the liquid one for when it breaks through. But the nights are awful. I wake up at two, three in the morning and it's just, it's like a fist.",
  "T: And what do you do when that happens?",
  "P: I take the liquid morphine and I sit on the edge of the bed and wait. Sometimes it takes an hour to settle. I don't want to wake anyone.",
  "T: So you're sitting up on your own with it in the middle of the night.",
  "P: Yes. And that's when the thoughts come, you know. At night.",
  "T: What sort of thoughts?",
  "P: About how it'll be at the end. Whether it'll be like that, only worse. My mum died of cancer and it wasn't... it wasn't a good death. She was in so much pain at the end and nobody seemed to be doing anything about it.",
  "T: That must have been terrible to watch.",
  "P: It was. I was twenty-three. I still remember the noise she made. I don't want Josh and Ellie to remember me like that.",
  "T: Of course. So part of what you're carrying is your mum's death as well as your own.",
  "P: Yes. I hadn't thought of it like that, but... yes.",
  "T: Can I come back to something you said a moment ago, about the thoughts at night? Some people in your situation, when the pain's bad, have thoughts about wanting to end their life, or not wanting to go on. I ask everyone I see this. Has anything like that been going through your mind?",
  "P: No. No, not like that. I want every day I can get. Every single one. I want to see Ellie's birthday in June if I possibly can.",
  "T: That's really clear.",
  "P: Although... I'll be honest with you, some nights I've thought, if it gets really bad, I'd want it over quickly.",
  "T: Thank you for telling me that. Can you help me understand what you mean by \"over quickly\"?",
  "P: Not... I don't mean I'd do anything. God, no. I'd never do that to the kids. I mean if I'm at the very end and it's like it was with Mum, I don't want it dragged out. I want them to keep me comfortable. I want to go peacefully.",
  "T: So it's about not suffering at the end, rather than wanting to bring the end forward.",
  "P: Exactly that. I just want someone to promise me they'll manage the pain.",
  "T: And have you ever thought about doing anything to end your life sooner, or made any kind of plan?",
  "P: No. Never. I've not thought about doing anything like that, not once.",
  "T: Okay. I'm glad you told me. What you're describing, wanting a peaceful death without the kind of pain your mum had, is something a lot of people want, and it's something the palliative team are really good at. Does your palliative nurse know the nights are this bad?",
  "P: Not really. Jo comes on Thursdays. I always seem to have a good day on a Thursday. (laughs) And I don't like to make a fuss.",
  "T: Mm. What would it be like to tell her about two o'clock in the morning?",
  "P: I suppose I'd feel like I was complaining.",
  "T: What would you say to a friend who was sitting on the edge of her bed at three in the morning for an hour, waiting for the pain to go?",
  "P: I'd tell her to ring the nurse. (laughs) Fair point.",
  "T: There's often quite a lot they can do. Timing, doses, different medicines. I can't tell you what exactly, that's their area, but it's worth them knowing.",
  "P: Yes. All right. I'll tell Jo about the nights when she comes on Thursday. I'll write it down first so I don't chicken out.",
  "T: That sounds like a good plan.",
  "P: Claire will make me anyway.",
  "T: You mentioned Claire. How's she doing with all this?",
  "P: She's been wonderful. She's practically moved in. She's doing the school run. I don't know what I'd do without her.",
  "T: And the form. Last time you said Dr Okafor had brought up the do-not-resuscitate form.",
  "P: Oh yes, I signed it. The DNACPR. He explained that CPR on someone like me wouldn't really work, it could break ribs and it would just be... undignified. I didn't want that. It's on the fridge now in a green folder so the paramedics would see it.",
  "T: How did that feel, signing it?",
  "P: Strange. Like signing something official about your own death. But a relief as well. One decision made.",
  "T: Mm. Have there been other decisions you've been thinking about?",
  "P: The funeral, mostly. I know what I want. I want it at the crematorium, not a church, and I want Josh to choose one of the songs. And I want people to wear colours. None of this black.",
  "T: That sounds very you.",
  "P: (laughs) It does, doesn't it? I've told Claire. I haven't written any of it down yet though.",
  "T: And where you'd like to be at the end, have you had a chance to think about that?",
  "P: St Catherine's. The hospice. I went for a look round last month. I thought it'd be grim, but it's got this garden and the staff were lovely. I'd rather be there than at home, I think. I don't want the kids to have a room in the house that's the room where Mum died.",
  "T: That's a very thoughtful thing to be protecting them from.",
  "P: I think about them all the time. What they'll have. Ellie's only ten. She won't remember much.",
  "T: What would you want her to have?",
  "P: Something of me. My voice, maybe. My handwriting. I keep meaning to do something about it.",
  "T: Some people make a memory box. Letters, photos, little recordings, cards for birthdays that haven't happened yet. Is that the sort of thing you mean?",
  "P: Yes. Yes, that's exactly it. I've seen those. I just haven't known where to start. It feels so enormous.",
  "T: Could someone help you start it? It doesn't have to be finished, just begun.",
  "P: Claire would. She's good at that sort of thing, very organised. We could do it this weekend, Josh has football on Saturday so the house'll be quiet.",
  "T: So you and Claire make a start on the memory box this weekend?",
  "P: Yes. We'll start it this weekend. I'll get her to pick up one of those nice boxes.",
  "T: I think that's lovely. And it doesn't need to be perfect.",
  "P: No. I'm such a perfectionist, I'll be writing drafts of the letters. (laughs)",
  "T: (laughs) A draft is fine. Helen, before we finish, how would you sum up how you're feeling today?",
  "P: Sad. But not... not frightened, I don't think. Less frightened than when I came in. It's mostly the nights.",
  "T: That makes sense. I'd like to see you again in two weeks, if you're up to it. Would that work?",
  "P: Yes, please. Same time?",
  "T: Same time. And if you're not well enough to come in, I can phone you or come out to you at home.",
  "P: That would be good. Thank you.",
  "T: So: you'll talk to Jo about the night pain on Thursday, you and Claire will start the memory box this weekend, and I'll see you in two weeks.",
  "P: Yes. And maybe I'll write the funeral bits down. One day.",
  "T: Whenever you're ready.",
];

describe("an oncology session, as a clinician reads it", () => {
  const { flags, notes } = run(session);

  it("lists to review only her wish for it to be over quickly: never her prognosis, her funeral wishes or her denial", () => {
    expect(flags.map((flag) => [flag.category, flag.tier, flag.temporality, flag.quote])).toEqual([
      ["passive_death_wish", "review", "current", "Although... I'll be honest with you, some nights I've thought, if it gets really bad, I'd want it over quickly."],
    ]);
  });

  it("writes telling her palliative nurse; the memory box and the funeral notes stay to confirm", () => {
    expect(listed(notes.actionItems).map((item) => item.text)).toEqual(["I'll tell Jo about the nights when she comes on Thursday."]);
    expect(listed(notes.followUpTopics).map((item) => item.text)).toEqual([
      "To confirm: I'll write it down first so I don't chicken out.",
      "To confirm: I'll get her to pick up one of those nice boxes.",
      "To confirm: And maybe I'll write the funeral bits down.",
    ]);
  });
});
